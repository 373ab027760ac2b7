"""Sources per event: `thucydides event ID` lists every report of a merged event with its article,
URL (or the file it came from), publisher and sentence; exports carry the first URL and the number
of sources."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from thucydides.records import Actor, Analysis, Event, Plover
from thucydides.store import Store

from .conftest import write

from .test_cli import thucydides

ARNOR = Actor(text="Arnor", name="Arnor", code="ARNGOV", country="ARN", sector="GOV", span=(0, 5))
GONDOR = Actor(text="Gondor", name="Gondor", code="GON", country="GON", sector=None, span=(10, 16))


def report(article_id: str, published: str, sentence: str, *, url: str | None, source: str | None) -> Analysis:
    event = Event(
        id=f"{article_id}-e000", sentence_index=0, sentence=sentence, span=(0, 5), source=ARNOR, target=GONDOR,
        cameo="190", plover=Plover("ASSAULT"), quad_class=4, goldstein=-10.0, modality="asserted",
        date="2024-05-06", date_text="on Monday", location=None, speaker=None, rule="assault.attack",
    )
    return Analysis(id=article_id, title=f"Title {article_id}", date=published, url=url, source=source,
                    dateline=None, byline=None, language="en", events=(event,), text=f"{sentence} ({article_id})")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sources") / "sources.db"
    with Store.open(path) as store:
        write(store, [report("a1", "2024-05-06", "Arnor attacked Gondor on Monday.", url="https://wire.example/a1",
                            source=None)], origins={"a1": "feeds/wire.jsonl:1"})
        write(store, [report("a2", "2024-05-07", "Arnor's troops attacked Gondor on Monday, officials said.",
                            url=None, source="The Gondor Times")], origins={"a2": "inbox/times.txt"})
    return path


def test_event_lists_every_report_with_where_it_came_from(db: Path) -> None:
    listed = thucydides("events", "--db", str(db), "--format", "json")
    [first, second] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert first["merged_id"] == second["merged_id"]
    result = thucydides("event", first["merged_id"], "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert (shown["num_mentions"], shown["num_sources"], shown["url"]) == (2, 2, "https://wire.example/a1")
    mentions = [(m["article_id"], m["url"], m["origin"], m["publisher"], m["sentence"]) for m in shown["mentions"]]
    assert mentions == [
        ("a1", "https://wire.example/a1", "feeds/wire.jsonl:1", "wire.example", "Arnor attacked Gondor on Monday."),
        ("a2", None, "inbox/times.txt", "The Gondor Times", "Arnor's troops attacked Gondor on Monday, officials said."),
    ]
    by_report = thucydides("event", second["id"], "--db", str(db), "--format", "json")
    assert json.loads(by_report.stdout)["id"] == first["merged_id"], "a report's id finds its merged event"
    table = thucydides("event", first["merged_id"], "--db", str(db))
    assert "2 mentions" in table.stdout and "inbox/times.txt" in table.stdout and "The Gondor Times" in table.stdout


def test_an_unknown_event_is_one_line(db: Path) -> None:
    result = thucydides("event", "ev-nothing", "--db", str(db))
    assert result.returncode != 0 and "Traceback" not in result.stderr and "no event 'ev-nothing'" in result.stderr


def test_exports_carry_the_first_url_and_the_number_of_sources(db: Path) -> None:
    table = thucydides("export", "--db", str(db), "--format", "csv", "--out", "-")
    [row] = list(csv.DictReader(io.StringIO(table.stdout)))
    assert (row["url"], row["num_sources"], row["num_articles"]) == ("https://wire.example/a1", "2", "2")
    plover = json.loads(thucydides("export", "--db", str(db), "--format", "plover-jsonl", "--out", "-").stdout)
    assert plover["cite_info"]["url"] == "https://wire.example/a1" and plover["num_sources"] == 2


def test_without_a_url_the_file_stands_in(tmp_path: Path) -> None:
    path = tmp_path / "file.db"
    with Store.open(path) as store:
        write(store, [report("b1", "2024-05-06", "Arnor attacked Gondor on Monday.", url=None, source=None)],
                    origins={"b1": "inbox/b1.txt"})
    tsv = thucydides("export", "--db", str(path), "--format", "gdelt-tsv", "--out", "-")
    assert tsv.stdout.split("\t")[60] == "inbox/b1.txt"
