"""The gazetteer's cache on disk is data only: a planted file cannot run code, a broken one is
rebuilt, and the index read back equals the one built."""

from __future__ import annotations

import json
import os
import pickle
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
    path = tmp_path_factory.mktemp("cache") / "gazetteer.json"
    gz._write_cache(path, built)
    return path.read_bytes()


class Planted:
    """A pickle that would create a file when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_the_cache_is_json_and_equals_the_built_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: gz.Gazetteer
) -> None:
    path = cache_file(tmp_path, monkeypatch)
    gz._write_cache(path, built)
    assert path.suffix == ".json"
    json.loads(path.read_text(encoding="utf-8"))  # data, nothing else
    loaded = gz._read_cache(path)
    assert loaded is not None
    assert dict(loaded._index) == dict(built._index)
    assert loaded.countries == built.countries and loaded.states == built.states
    assert loaded.demonyms == built.demonyms and dict(loaded.county_states) == dict(built.county_states)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_a_planted_pickle_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: bytes) -> None:
    marker = tmp_path / "pwned"
    cache = tmp_path / "cache"
    path = cache_file(cache, monkeypatch)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.with_suffix(".pickle").write_bytes(pickle.dumps(Planted(marker)))  # where the cache used to be
    path.write_bytes(written)
    result = load_in_child(cache, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "FRA" in result.stdout
    assert not marker.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2, 3]",
        json.dumps({"format": "thucydides-gazetteer", "version": gz.GAZETTEER_FORMAT}).encode(),
        json.dumps({"format": "thucydides-gazetteer", "version": gz.GAZETTEER_FORMAT, "entries": {"name": [1]}}).encode(),
        pickle.dumps(Planted(Path("/nonexistent/pwned"))),
    ],
)
def test_an_invalid_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    path = cache_file(tmp_path, monkeypatch)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert gz._read_cache(path) is None


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("index", "refs", [10**9]), ("index", "refs", ["x"]), ("entries", "lat", "north"), ("entries", "name", None)],
)
def test_a_cache_with_wrong_values_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: bytes, table: str, column: str, value: object
) -> None:
    path = cache_file(tmp_path, monkeypatch)
    path.write_bytes(written)
    assert gz._read_cache(path) is not None
    data = json.loads(written)
    data[table][column][0] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    assert gz._read_cache(path) is None
