"""The cross-document stage does not depend on the order of ingest: the samples, rewritten copies of
them (stories) and independent reports of their events (merges across stories), ingested through
the CLI in three orders, with one and two workers, in one run and in several, give the same
stories and merged events: same ids, same members, same counts."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from .conftest import SAMPLES
from .test_cli import thucydides
from .test_stories import rewrite

INDEPENDENT = (
    # Other outlets' own reports of some of the samples' events, written for this test.
    ("japan-sanctions-north-korea", "Tokyo freezes assets over missile launches",
     "Japan imposed sanctions on North Korea on Tuesday after a string of missile launches, a government"
     " spokesman said, freezing the assets of a dozen trading firms."),
    ("russia-expels-british-diplomats", "Moscow orders British envoys out",
     "Russia expelled two British diplomats, accusing them of spying, the foreign ministry in Moscow said."),
    ("germany-deploys-troops-lithuania", "Berlin sends brigade to Baltic ally",
     "Germany deployed troops to Lithuania, the defence ministry in Berlin said, the first of a brigade."),
    ("turkey-airstrikes-northern-iraq", "Ankara strikes militants across the border",
     "Turkey carried out airstrikes in northern Iraq against Kurdish militants, the defence ministry said."),
)


def _date_of(slug: str) -> str | None:
    expected = SAMPLES / f"{slug}.expected.json"
    return json.loads(expected.read_text(encoding="utf-8")).get("date") if expected.exists() else None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """One file per input: the samples, two rewritten copies of each text sample (other sites'
    copies: one story each), and independent reports (one JSONL line each)."""
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(15)
    files: list[Path] = []
    for sample in sorted(SAMPLES.iterdir()):
        if sample.suffix not in (".txt", ".html", ".jsonl"):
            continue
        files.append(Path(shutil.copy(sample, folder / sample.name)))
        if sample.suffix == ".txt":
            text = sample.read_text(encoding="utf-8")
            for kind in ("reworded", "truncated"):
                copy = folder / f"{sample.stem}-{kind}.txt"
                copy.write_text(rewrite(text, rng, kind), encoding="utf-8")
                files.append(copy)
    for number, (slug, title, text) in enumerate(INDEPENDENT):
        line = {"id": f"independent-{number}", "title": title, "text": text, "date": _date_of(slug),
                "source": f"Outlet {number}"}
        path = folder / f"independent-{number}.jsonl"
        path.write_text(json.dumps(line) + "\n", encoding="utf-8")
        files.append(path)
    return files


def cross_document(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Stories, merged events (every column but the bookkeeping flag) and their mentions."""
    connection = sqlite3.connect(db)
    try:
        columns = [r[1] for r in connection.execute("PRAGMA table_info(merged_events)") if r[1] != "dirty"]
        return {
            "stories": sorted(connection.execute("SELECT article_id, story_id FROM story_articles").fetchall()),
            "merged_events": sorted(connection.execute(f"SELECT {', '.join(columns)} FROM merged_events").fetchall(), key=repr),
            "event_mentions": sorted(connection.execute("SELECT article_id, event_id, merged_id FROM event_mentions").fetchall()),
            "tone": sorted(connection.execute("SELECT * FROM article_tone").fetchall()),
        }
    finally:
        connection.close()


def ingest(db: Path, files: list[Path], *, workers: int, batch_size: int) -> None:
    result = thucydides("ingest", *map(str, files), "--db", str(db), "--workers", str(workers),
                        "--batch-size", str(batch_size), "--no-progress")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def in_order(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    db = tmp_path_factory.mktemp("order") / "forward.db"
    ingest(db, corpus, workers=1, batch_size=4)
    return cross_document(db)


@pytest.mark.slow
def test_the_corpus_makes_stories_and_merges_across_them(in_order: dict[str, list[tuple[object, ...]]]) -> None:
    stories: dict[object, int] = {}
    for _, story in in_order["stories"]:
        stories[story] = stories.get(story, 0) + 1
    assert sum(1 for size in stories.values() if size >= 3) >= 10  # each text sample and its two copies
    columns = in_order["merged_events"]
    assert len(columns) > 50
    mentions: dict[object, set[object]] = {}
    for article, _, merged in in_order["event_mentions"]:
        mentions.setdefault(merged, set()).add(article)
    assert any(any(str(a).startswith("independent") for a in arts) and len(arts) >= 2 for arts in mentions.values())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("order", "workers", "batch_size", "runs"),
    [
        ("reversed", 2, 3, 1),  # two workers, another batch size
        ("shuffled", 1, 5, 3),  # three runs one after the other
    ],
)
def test_any_order_workers_batches_and_runs_give_the_same_stories_and_merged_events(
    corpus: list[Path], in_order: dict[str, list[tuple[object, ...]]], tmp_path: Path,
    order: str, workers: int, batch_size: int, runs: int,
) -> None:
    files = list(corpus)
    if order == "reversed":
        files.reverse()
    else:
        random.Random(runs).shuffle(files)
    db = tmp_path / "other.db"
    size = -(-len(files) // runs)
    for start in range(0, len(files), size):
        ingest(db, files[start : start + size], workers=workers, batch_size=batch_size)
    assert cross_document(db) == in_order
