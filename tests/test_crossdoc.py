"""The cross-document stage on a real SQLite store, with analyses written by hand (no model): stories
and merged events are functions of the set of stored articles, whatever the order, the batches and
the runs; a full rebuild gives what the incremental updates gave; work left by a run killed
between the writer's transaction and the stage's is done by the next run."""

from __future__ import annotations

import ast
import random
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from thucydides import crossdoc
from thucydides.records import Analysis, Place, Rejection
from thucydides.store import Store

from .conftest import ROOT, write
from .test_crossdoc_order import cross_document
from .test_merging import BREE, TROLLSHAW, article, event, said

WORDS = (
    "harbour grain convoy bridge council river tariff border envoy treaty garrison ferry"
    " market drought census pipeline harvest tunnel charter levy"
).split()


def text(seed: int, words: int = 90) -> str:
    """A text of its own for each seed: made-up sentences, so that no two seeds' texts are copies."""
    rng = random.Random(seed)
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        picked = rng.sample(WORDS, 6)
        sentences.append(f"The {picked[0]} {picked[1]} of seed {seed} met the {picked[2]} {picked[3]} near the {picked[4]} {picked[5]}.")
    return " ".join(sentences)


FOOTER = "Republished under licence from a partner wire; all rights reserved by the original publisher."


def corpus() -> list[Analysis]:
    """Stories of copies, independent reports of one event, daily attacks, events without a target,
    undated events, and an article that is a copy of two stories at once (it joins them)."""
    one, two, three = text(1), text(2), text(3)
    meet = "Arnor's king met Gondor's steward in Minas Tirith."
    before = "It was his first meeting with the steward since September."
    return [
        # Story one: an original and two copies, each with the meeting and a dated earlier meeting.
        article("one-a", "2024-05-06", said(0, meet, "2024-05-06", None), said(1, before, "2023-09", "September"),
                source="Wire One", text=one),
        article("one-b", "2024-05-07", said(0, meet, "2024-05-07", None), said(1, before, "2023-09", "September"),
                source="Daily Two", text=one + " " + FOOTER),
        article("one-c", "2024-05-06", said(0, meet, "2024-05-06", None), source="Post Three", text=one[: len(one) * 2 // 3]),
        # Independent reports of the meeting, one a day later, one placed elsewhere.
        article("ind-1", "2024-05-07", event(0), event(1, target=None), source="Lantern", text=text(11)),
        article("ind-2", "2024-05-06", event(0, location=BREE), event(1, target=None), source="Herald", text=text(12)),
        article("ind-3", "2024-05-06", event(0, location=TROLLSHAW), source="Gazette", text=text(13)),
        # Daily attacks: each day's report joins the day before's, never a chain across the week.
        *[
            article(f"raid-{day}", f"2024-06-{day:02d}", event(0, "ASSAULT", "190", location=BREE), source=f"Raid desk {day}",
                    text=text(100 + day))
            for day in range(1, 8)
        ],
        # Undated events: the article has no date.
        replace(article("undated-1", "2024-01-01", event(0, "ACCUSE", "112")), date=None),
        replace(article("undated-2", "2024-01-01", event(0, "ACCUSE", "112"), text=text(21)), date=None),
        # Story two, and an article that copies both story one and story two.
        article("two-a", "2024-05-06", event(0, "AID", "070"), source="Wire One", text=two),
        article("two-b", "2024-05-08", event(0, "AID", "070"), source="Daily Two", text=FOOTER + " " + two),
        article("bridge", "2024-05-09", event(0, "AID", "070"), event(1, target=None), source="Aggregator",
                text=one + " " + two),
        # A story of its own whose copies report an event without a target.
        article("three-a", "2024-05-02", event(0, target=None), source="Wire One", text=three),
        article("three-b", "2024-05-03", event(0, target=None), source="Daily Two", text=three + " " + FOOTER),
    ]


def ingest(db: Path, analyses: list[Analysis], batch: int) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(db) as store:
        for start in range(0, len(analyses), batch):
            write(store, analyses[start : start + batch])
    return cross_document(db)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    return ingest(tmp_path_factory.mktemp("ref") / "ref.db", corpus(), batch=len(corpus()))


def test_the_corpus_has_stories_merges_and_a_bridge(reference: dict[str, list[tuple[object, ...]]]) -> None:
    stories = dict(reference["stories"])
    # The bridge copies story one and story two: one story, named after its smallest article id.
    assert {a for a, s in stories.items() if s == "bridge"} == {"one-a", "one-b", "one-c", "two-a", "two-b", "bridge"}
    assert {a for a, s in stories.items() if s == "three-a"} == {"three-a", "three-b"}
    members: dict[object, set[tuple[object, object]]] = {}
    for article_id, event_id, merged in reference["event_mentions"]:
        members.setdefault(merged, set()).add((article_id, event_id))
    groups = sorted(sorted(m) for m in members.values())
    meeting = [g for g in groups if ("one-a", "e0") in g][0]
    # ind-2 and ind-3 name places 285 km apart: never one event; the reports without a place join one of them.
    assert [r for r in meeting if r[0] not in ("ind-2", "ind-3")] == [("ind-1", "e0"), ("one-a", "e0"), ("one-b", "e0"), ("one-c", "e0")]
    assert len(meeting) == 5 and [("ind-2", "e0")] in groups or [("ind-3", "e0")] in groups
    assert [("one-a", "e1"), ("one-b", "e1")] in groups  # the September meeting, told again in a copy
    raids = [sorted(a for a, _ in g) for g in groups if str(g[0][0]).startswith("raid")]
    assert raids == [["raid-1", "raid-2"], ["raid-3", "raid-4"], ["raid-5", "raid-6"], ["raid-7"]]
    assert [("three-a", "e0"), ("three-b", "e0")] in groups  # no target: merged within its story only
    assert [("ind-1", "e1")] in groups and [("ind-2", "e1")] in groups
    assert [("undated-1", "e0"), ("undated-2", "e0")] in groups


@pytest.mark.parametrize("seed", range(6))
def test_any_order_and_any_batches_give_the_same_stories_and_merged_events(
    reference: dict[str, list[tuple[object, ...]]], tmp_path: Path, seed: int
) -> None:
    analyses = corpus()
    random.Random(seed).shuffle(analyses)
    assert ingest(tmp_path / "x.db", analyses, batch=1 + seed % 4) == reference


def test_tone_and_signatures_prepared_by_the_workers_give_what_the_writer_gives(
    reference: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    """What a worker prepares (``ingest --workers N``) is used as the writer would have derived
    it; what was prepared for another text than the one stored (a stale copy) is not used."""
    analyses = corpus()
    with Store.open(tmp_path / "x.db") as store:
        for start in range(0, len(analyses), 4):
            chunk = analyses[start : start + 4]
            store.write(chunk)
            prepared = {a.id: crossdoc.prepare(a.text) for a in chunk}
            prepared[chunk[0].id] = crossdoc.prepare(text(999))  # prepared for a text not stored
            crossdoc.update(store, prepared)
    assert cross_document(tmp_path / "x.db") == reference


def test_a_full_rebuild_gives_what_the_updates_gave(reference: dict[str, list[tuple[object, ...]]], tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert ingest(db, corpus()[::-1], batch=2) == reference
    with Store.open(db) as store:
        summary = crossdoc.rebuild(store)
    assert summary.articles == len(corpus())
    assert cross_document(db) == reference


def test_replacing_the_bridge_splits_the_story_as_a_fresh_ingest_would(tmp_path: Path) -> None:
    analyses = corpus()
    # Analysed again, the bridge is another text, with one event less.
    changed = [replace(a, text=text(99), events=a.events[:1]) if a.id == "bridge" else a for a in analyses]
    db = tmp_path / "x.db"
    ingest(db, analyses, batch=5)
    after = ingest(db, [a for a in changed if a.id == "bridge"], batch=1)
    assert after == ingest(tmp_path / "fresh.db", changed[::-1], batch=3)
    stories = dict(after["stories"])
    assert stories["one-b"] == "one-a" and stories["two-b"] == "two-a" and stories["bridge"] == "bridge"


def test_an_article_without_words_or_with_a_rejection_has_no_story(tmp_path: Path) -> None:
    with Store.open(tmp_path / "x.db") as store:
        write(store, [article("empty", "2024-05-06", event(0), text=""),
                      replace(article("bad", "2024-05-06", text=text(5)), rejection=Rejection("nlp", "timeout"))])
        assert [s.articles for s in store.stories()] == []
        assert [m.num_articles for m in store.merged_events()] == [1]


KILLED_RUN = """
import os, signal, sys
from thucydides import crossdoc
from thucydides.store import Store
from tests.test_crossdoc import corpus

analyses = corpus()
with Store.open(sys.argv[1]) as store:
    crossdoc.update(store)
    for start in range(0, 12, 4):
        store.write(analyses[start : start + 4])
        if start == 8:
            os.kill(os.getpid(), signal.SIGKILL)  # between the writer's transaction and the stage's
        crossdoc.update(store)
"""


def test_a_run_killed_between_write_and_stage_is_finished_by_the_next(
    reference: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    killed = subprocess.run([sys.executable, "-c", KILLED_RUN, str(db)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, killed.stderr
    connection = sqlite3.connect(db)
    try:
        pending = connection.execute("SELECT count(*) FROM crossdoc_pending").fetchone()[0]
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    assert pending == 4, "the last batch is stored, its cross-document work is queued"
    with Store.open(db) as store:  # the next run: the stage first finishes what was left
        write(store, corpus()[12:])
    assert cross_document(db) == reference


def test_the_store_imports_nothing_above_the_records() -> None:
    for path in sorted((ROOT / "src" / "thucydides" / "store").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(("thucydides.resolve", "thucydides.crossdoc", "thucydides.run")), (path.name, name)


def test_a_store_of_the_previous_version_is_derived_again_on_the_next_run(tmp_path: Path) -> None:
    """Upgrading queues every stored article: the next run derives its stories and merged events anew."""
    db = tmp_path / "old.db"
    with Store.open(db) as store:
        write(store, corpus())
    connection = sqlite3.connect(db)
    try:
        connection.execute("UPDATE story_articles SET story_id = 'old-' || article_id")
        connection.execute("INSERT INTO crossdoc_pending (kind, id) SELECT 'article', id FROM articles")
        connection.commit()
    finally:
        connection.close()
    with Store.open(db) as store:
        crossdoc.update(store)
    assert cross_document(db) == ingest(tmp_path / "fresh.db", corpus(), batch=3)


def test_places_are_compared_with_the_founding_report(tmp_path: Path) -> None:
    far = Place(text="Far", name="Far", country="ARN", lat=50.0, lon=20.0, geonameid=3, feature="city", span=(0, 3))
    with Store.open(tmp_path / "x.db") as store:
        write(store, [article("p1", "2024-05-06", event(0, location=BREE), source="A", text=text(31)),
                      article("p2", "2024-05-06", event(0, location=far), source="B", text=text(32))])
        assert sorted(m.num_articles for m in store.merged_events()) == [1, 1]


def test_the_crossdoc_command_finishes_pending_work_and_rebuilds_the_same(
    reference: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    from .test_cli import thucydides

    db = tmp_path / "x.db"
    with Store.open(db) as store:
        store.write(corpus())  # no stage: as if the run had stopped right after the writer
    finished = thucydides("crossdoc", "--db", str(db))
    assert finished.returncode == 0, finished.stderr
    assert cross_document(db) == reference
    rebuilt = thucydides("crossdoc", "--db", str(db), "--rebuild")
    assert rebuilt.returncode == 0 and str(len(corpus())) in rebuilt.stdout, rebuilt.stdout + rebuilt.stderr
    assert cross_document(db) == reference
    missing = thucydides("crossdoc", "--db", str(tmp_path / "none.db"))
    assert missing.returncode != 0 and "no such database" in missing.stderr and "Traceback" not in missing.stderr
