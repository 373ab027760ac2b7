"""One mapping between records and rows (``store/mapping.py``), on a real SQLite file: every
record the store keeps goes into its row by field name and comes back as it went in; what a
table does not keep is a list pinned here, so a new record field is stored or left out on
purpose, never forgotten."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from thucydides.records import Actor, Analysis, Event, Place, Plover, Quote, Stance, Time
from thucydides.store import Filters, Store
from thucydides.store.mapping import flatten, table_columns

from .conftest import write

TEXT = (
    "Gondor sent envoys to Arnor at Minas Tirith on Monday. "
    '"We stand for the ceasefire," Aragorn said. Arnor did not recall its ambassador.'
)

ARNOR = Actor(text="Arnor", name="Arnor", code="ARN", country="ARN", sector=None, span=(22, 27))
GONDOR = Actor(text="Gondor", name="Gondor", code="GONGOV", country="GON", sector="GOV", span=(0, 6), kb_id="kb:gondor")
ARAGORN = Actor(text="Aragorn", name="Aragorn Élessar", code="ARNGOV", country="ARN", sector="GOV", span=(85, 92), kb_id="kb:aragorn")
CITY = Place(
    text="Minas Tirith", name="Minas Tirith", country="GON", lat=44.5, lon=-3.25, geonameid=424242,
    feature="city", span=(31, 43), admin1="GO.07", admin1_name="Anórien",
)
MONDAY = Time(text="Monday", value="2024-05-06", type="DATE", span=(47, 53))

SENT = Event(
    id="e000", sentence_index=0, sentence="Gondor sent envoys to Arnor at Minas Tirith on Monday.", span=(7, 11),
    source=GONDOR, target=ARNOR, cameo="042", plover=Plover("CONSULT", "visit", ("diplomatic", "economic")),
    quad_class=1, goldstein=1.9, modality="asserted", date="2024-05-06", date_text="Monday", location=CITY,
    speaker=ARAGORN, rule="consult.send_envoys", confidence=0.8, root=True, location_basis="clause",
)
RECALLED = Event(
    id="e001", sentence_index=2, sentence="Arnor did not recall its ambassador.", span=(113, 119),
    source=ARNOR, target=None, cameo="161", plover=Plover("SANCTION"), quad_class=4, goldstein=-4.0,
    modality="negated", date=None, date_text=None, location=None, speaker=None, rule="sanction.recall",
    root=False,
)
QUOTE = Quote(speaker=ARAGORN, cue="said", cue_span=(93, 97), content="We stand for the ceasefire,", span=(56, 83), direct=True)
UNATTRIBUTED = Quote(speaker=None, cue="according to", cue_span=None, content="talks go on", span=(0, 11), direct=False)
STANCE = Stance(holder=ARAGORN, issue="ceasefire", polarity="support", evidence_span=(56, 83))

ANALYSIS = Analysis(
    id="roundtrip", title="Envoys to Arnor", date="2024-05-07", url="https://example.org/envoys",
    source="Gondor Gazette", dateline=None, byline="A. Scribe", language="en",
    events=(SENT, RECALLED), quotes=(QUOTE, UNATTRIBUTED), actors=(GONDOR, ARNOR, ARAGORN), places=(CITY,),
    times=(MONDAY,), stances=(STANCE,), text=TEXT,
)

NOT_KEPT: dict[str, set[str]] = {
    # an event's actors, place and speaker are kept as far as a table row lists them; the whole
    # event is in the article's stored analysis (events --format json reads it from there)
    "events": {
        *(f"{who}_{part}" for who in ("source", "target") for part in ("span_start", "span_end", "kb_id")),
        "location_text", "location_span_start", "location_span_end",
        *(f"speaker_{part}" for part in ("text", "code", "country", "sector", "span_start", "span_end", "kb_id")),
        "confidence",
    },
    "quotes": {"speaker_sector", "speaker_kb_id"},
    "stances": {"holder_sector", "holder_span_start", "holder_span_end", "holder_kb_id"},
    "actor_mentions": set(),
    "places": set(),
    "times": set(),
}
"""Fields (flattened) of each table's record that its rows leave out."""

RECORDS: dict[str, tuple[Any, ...]] = {
    "events": ANALYSIS.events, "quotes": ANALYSIS.quotes, "stances": ANALYSIS.stances,
    "actor_mentions": ANALYSIS.actors, "places": ANALYSIS.places, "times": ANALYSIS.times,
}
RENAMED = {
    "quotes": {"speaker_span_start": "speaker_start", "speaker_span_end": "speaker_end",
               "cue_span_start": "cue_start", "cue_span_end": "cue_end"},
    "stances": {"evidence_span_start": "span_start", "evidence_span_end": "span_end"},
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mapping") / "roundtrip.db"
    with Store.open(path) as store:
        write(store, [ANALYSIS])
    return path


def _rows(path: Path, table: str) -> list[sqlite3.Row]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    order = "id" if table == "events" else "idx"
    rows = connection.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", (ANALYSIS.id,)).fetchall()
    connection.close()
    return rows


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_each_row_holds_its_record_field_by_field(stored: Path, table: str) -> None:
    rows = _rows(stored, table)
    records = RECORDS[table]
    assert len(rows) == len(records)
    renamed = RENAMED.get(table, {})
    for found, record in zip(rows, records):
        expected = {renamed.get(k, k): v for k, v in flatten(record).items()}
        left_out = {k for k in expected if k not in found.keys()}
        assert left_out == NOT_KEPT[table], f"{table} leaves out {sorted(left_out)}; pin it here or give it a column"
        for column, value in expected.items():
            if column in found.keys():
                assert found[column] == value, (table, column)


def test_a_row_of_a_whole_record_is_that_record_again(stored: Path) -> None:
    """Actors, places and times are kept whole: each row read back by name is its record."""

    def rebuild(kind: type, found: sqlite3.Row) -> Any:
        values = {}
        for item in dataclasses.fields(kind):
            if item.name in ("span", "evidence_span"):
                values[item.name] = (found["span_start"], found["span_end"])
            else:
                values[item.name] = found[item.name]
        return kind(**values)

    assert [rebuild(Actor, r) for r in _rows(stored, "actor_mentions")] == list(ANALYSIS.actors)
    assert [rebuild(Place, r) for r in _rows(stored, "places")] == list(ANALYSIS.places)
    assert [rebuild(Time, r) for r in _rows(stored, "times")] == list(ANALYSIS.times)


def test_every_column_is_written(stored: Path) -> None:
    """No column of a record's table stays empty when its record has the value: a column added
    by a migration is filled by the mapping, or this test names it."""
    always_null_here = {"events": {"target_sector"}, "actor_mentions": set()}
    for table in ("events", "actor_mentions"):
        first = _rows(stored, table)[0]
        empty = {c for c in table_columns(table) if first[c] is None} - always_null_here[table]
        assert not empty, f"{table}: nothing writes {sorted(empty)}"


def test_rows_read_back_are_the_records_a_user_gets(stored: Path) -> None:
    with Store.open(stored, read_only=True) as store:
        rows = store.events(Filters())
        nested = store.stored_events(Filters())
        merged = {m.sentence: m for m in store.merged_events(Filters())}
        quotes = store.quotes(Filters())
        stances = store.stances(Filters())
        mentions = store.mentions(merged[SENT.sentence].id)
    sent = next(r for r in rows if r.event_id == "e000")
    assert (sent.source, sent.source_code, sent.target, sent.cameo, sent.plover_mode) == ("Gondor", "GONGOV", "Arnor", "042", "visit")
    assert sent.root is True and sent.plover_context == "diplomatic|economic" and sent.date_precision == "day"
    recalled = next(r for r in rows if r.event_id == "e001")
    assert recalled.root is False and recalled.date == "2024-05-07" and recalled.target is None
    assert {e.id: e.location for e in nested} == {"e000": CITY, "e001": None}
    one = merged[SENT.sentence]
    assert (one.day, one.source, one.location_name, one.location_precision, one.root) == ("2024-05-06", "Gondor", "Minas Tirith", "city", True)
    assert one.url == ANALYSIS.url and one.num_mentions == 1
    assert (one.location_admin1, one.location_admin1_name) == ("GO.07", "Anórien")
    assert merged[RECALLED.sentence].root is False
    assert [(q.index, q.speaker, q.direct) for q in quotes] == [(0, "Aragorn Élessar", True), (1, None, False)]
    assert [(s.index, s.holder, s.evidence) for s in stances] == [(0, "Aragorn Élessar", TEXT[56:83])]
    assert [(m.article_id, m.publisher, m.root) for m in mentions] == [(ANALYSIS.id, "Gondor Gazette", True)]
