"""The gazetteer's cache on disk is data only (a SQLite file of tables, never a pickle): a planted
file cannot run code, a broken one is rebuilt, and the index read back equals the one built."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from thucydides.resolve import gazetteer as gz


def cache_file(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THUCYDIDES_CACHE", str(root))
    path = gz._cache_path()
    assert path is not None
    return path


def load_in_child(root: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """load_gazetteer in a new process with the cache at ``root``; prints how Paris resolves."""
    code = (
        "from thucydides.resolve.gazetteer import load_gazetteer\n"
        "g = load_gazetteer()\n"
        "print(sorted({c.entry.country for c in g.lookup('Paris')})[:3])\n"
    )
    return subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env={**os.environ, "THUCYDIDES_CACHE": str(root)},
    )


@pytest.fixture(scope="module")
def built() -> gz.Gazetteer:
    return gz._build_gazetteer()


@pytest.fixture(scope="module")
def written(built: gz.Gazetteer, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a cache file written from the built index."""
    path = tmp_path_factory.mktemp("cache") / "gazetteer.sqlite"
    gz._write_cache(path, built)
    return path.read_bytes()


class Planted:
    """A pickle that would create a file when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_the_cache_is_data_and_equals_the_built_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: gz.Gazetteer
) -> None:
    path = cache_file(tmp_path, monkeypatch)
    gz._write_cache(path, built)
    assert path.suffix == ".sqlite"
    with sqlite3.connect(path) as connection:  # data in tables, nothing else
        assert {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} == {
            "meta", "entry", "candidate"
        }
    loaded = gz._read_cache(path)
    assert loaded is not None
    assert dict(loaded._index.items()) == dict(built._index)
    assert loaded.countries == built.countries and loaded.states == built.states
    assert loaded.demonyms == built.demonyms and dict(loaded.county_states) == dict(built.county_states)
    for name in ("Paris", "Washington", "St. Petersburg", "Ivory Coast", "the Gulf", "Kyiv's", "nowhere at all"):
        assert loaded.lookup(name) == built.lookup(name), name
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_the_cache_opens_without_reading_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: bytes) -> None:
    """A process reads the names its articles mention, not 200,000 places: opening the cache
    reads the small tables only, and a looked-up name is read once."""
    path = cache_file(tmp_path, monkeypatch)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(written)
    loaded = gz._read_cache(path)
    assert isinstance(loaded, gz._CachedGazetteer) and isinstance(loaded._index, gz._StoredIndex)
    assert loaded._index._read == {}
    assert {c.entry.country for c in loaded.lookup("Paris")} >= {"FRA", "USA"}
    assert list(loaded._index._read) == ["paris"]


def test_a_planted_pickle_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: bytes) -> None:
    marker = tmp_path / "pwned"
    cache = tmp_path / "cache"
    path = cache_file(cache, monkeypatch)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in (".pickle", ".json"):  # where the cache used to be
        path.with_suffix(suffix).write_bytes(pickle.dumps(Planted(marker)))
    path.write_bytes(written)
    result = load_in_child(cache, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "FRA" in result.stdout
    assert not marker.exists()


def test_a_planted_pickle_in_place_of_the_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pwned"
    cache = tmp_path / "cache"
    cache.mkdir()
    path = cache_file(cache, monkeypatch)
    path.write_bytes(pickle.dumps(Planted(marker)))
    result = load_in_child(cache, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "FRA" in result.stdout and not marker.exists()
    assert gz._read_cache(path) is not None  # rebuilt in its place


def _with_meta(written: bytes, tmp_path: Path, name: str, value: str) -> bytes:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(written)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE name = ?", (value, name))
    connection.close()
    return copy.read_bytes()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2, 3]",
        json.dumps({"format": "thucydides-gazetteer", "version": gz.GAZETTEER_FORMAT}).encode(),
        b"SQLite format 3\x00" + b"\x00" * 200,
        pickle.dumps(Planted(Path("/nonexistent/pwned"))),
    ],
)
def test_an_invalid_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    path = cache_file(tmp_path, monkeypatch)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert gz._read_cache(path) is None


@pytest.mark.parametrize(
    ("name", "value"),
    [("version", "6"), ("key", "0" * 64), ("tables", "{not json"), ("tables", '{"countries": {"FRA": 10000000}}'),
     ("tables", '{"countries": {}, "states": {}, "demonyms": {}, "county_states": {"x": [1]}}')],
)
def test_a_cache_of_another_version_or_with_wrong_tables_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: bytes, name: str, value: str
) -> None:
    path = cache_file(tmp_path / "cache", monkeypatch)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(written)
    assert gz._read_cache(path) is not None
    path.write_bytes(_with_meta(written, tmp_path, name, value))
    assert gz._read_cache(path) is None


def test_a_cache_of_another_layout_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: bytes) -> None:
    """A file whose tables do not enforce their types (here a latitude of "north") is refused
    when opened."""
    path = cache_file(tmp_path / "cache", monkeypatch)
    path.parent.mkdir(parents=True, exist_ok=True)
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(written)
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute("UPDATE sqlite_master SET sql = replace(sql, ') STRICT', ')') WHERE name = 'entry'")
    connection.commit()
    connection.close()
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE entry SET lat = 'north' WHERE id = 0")
    connection.commit()
    connection.close()
    path.write_bytes(copy.read_bytes())
    assert gz._read_cache(path) is None


def test_a_broken_row_met_during_a_run_rebuilds_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: bytes, built: gz.Gazetteer
) -> None:
    """A name whose row points past the entries is found broken only when looked up: the
    gazetteer says so, builds its index again, rewrites the cache and answers as the built one."""
    path = cache_file(tmp_path / "cache", monkeypatch)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(written)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE candidate SET entry = 1000000000 WHERE key = 'paris'")
    connection.close()
    loaded = gz._read_cache(path)
    assert loaded is not None
    assert loaded.lookup("Lyon") == built.lookup("Lyon")
    with pytest.warns(RuntimeWarning, match="rebuilding the invalid gazetteer cache"):
        assert loaded.lookup("Paris") == built.lookup("Paris")
    assert loaded.lookup("Lyon") == built.lookup("Lyon")
    again = gz._read_cache(path)
    assert again is not None and again.lookup("Paris") == built.lookup("Paris")
