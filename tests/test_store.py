"""The SQLite store, on a real file: write, query, idempotency, migrations, errors."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from thucydides.records import Actor, Analysis, Event, Plover, Quote, Rejection
from thucydides.store import EventRow, Filters, QuoteRow, Stats, Store, StoreError, WriteSummary
from thucydides.store import schema

from .conftest import write

ARNOR = Actor(text="Arnor", name="Arnor", code="ARN", country="ARN", sector=None, span=(0, 5))
GONDOR = Actor(text="the Gondorian government", name="Gondor", code="GONGOV", country="GON", sector="GOV", span=(20, 44))
ARAGORN = Actor(text="Aragorn", name="Aragorn Élessar", code="ARNGOV", country="ARN", sector="GOV", span=(0, 7))

TABLES = (
    "articles", "events", "actor_mentions", "quotes", "rejections",
    # 0002: stances
    "stances",
    # 0003: times and places
    "places", "times",
    # 0004: stories and merged events
    "story_articles", "story_bands", "article_tone", "merged_events", "event_mentions",
    # 0005: what `watch` fetched
    "feeds", "pages",
    # 0009: the cross-document stage's queue and links between copies
    "crossdoc_pending", "story_links",
)


def event(
    id: str,
    source: Actor | None,
    target: Actor | None,
    cameo: str,
    plover: str,
    *,
    date: str | None = None,
    sentence_index: int = 0,
) -> Event:
    return Event(
        id=id,
        sentence_index=sentence_index,
        sentence=f"{source.name if source else 'Someone'} did {plover.lower()} {target.name if target else ''}.",
        span=(0, 10),
        source=source,
        target=target,
        cameo=cameo,
        plover=Plover(plover, None),
        quad_class=1,
        goldstein=1.0,
        modality="asserted",
        date=date,
        date_text=None,
        location=None,
        speaker=None,
        rule=f"rule.{cameo}",
    )


def analysis(id: str, date: str | None, *events: Event, quotes: tuple[Quote, ...] = (), text: str = "") -> Analysis:
    return Analysis(
        id=id,
        title=f"Title {id}",
        date=date,
        url=f"https://example.org/{id}",
        source="Example News",
        dateline=None,
        byline=None,
        language="en",
        events=events,
        quotes=quotes,
        actors=(ARNOR, GONDOR),
        text=text or f"Text of {id}.",
    )


def corpus() -> list[Analysis]:
    quote = Quote(speaker=ARAGORN, cue="said", cue_span=(8, 12), content="We will talk", span=(14, 26), direct=True)
    return [
        analysis(
            "a1",
            "2024-03-01",
            event("e1", ARNOR, GONDOR, "040", "CONSULT"),
            event("e2", GONDOR, ARNOR, "046", "CONSULT", date="2024-03-02", sentence_index=1),
            quotes=(quote,),
        ),
        analysis("a2", "2024-03-05", event("e1", GONDOR, ARNOR, "190", "FIGHT", date="2024-03-04T18:00")),
        analysis("a3", "2024-04-10", event("e1", ARNOR, None, "051", "COOPERATE")),
    ]


class Ticking:
    """A fake clock that moves one second on each call, so a rewritten timestamp would show."""

    def __init__(self) -> None:
        self.now = datetime(2024, 1, 1, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, clock=Ticking()) as opened:
        write(opened, corpus(), origins={"a1": "news/a1.txt"})
        yield opened


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        connection.close()


def master(connection: sqlite3.Connection) -> list[tuple[str, str, str]]:
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    return [(t, n, re.sub(r"\s+", " ", sql).replace("( ", "(").replace(" )", ")")) for t, n, sql in rows]


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


# -- writing and reading -------------------------------------------------------------------------


def test_write_then_query_round_trip(db_path: Path) -> None:
    with Store.open(db_path) as store:
        summary = write(store, corpus(), origins={"a1": "news/a1.txt"})
        rows = store.events(Filters())
        quotes = store.quotes(Filters())
    assert summary == WriteSummary(added=3)
    assert [(r.article_id, r.event_id) for r in rows] == [("a1", "e1"), ("a1", "e2"), ("a2", "e1"), ("a3", "e1")]
    first = rows[0]
    assert (first.num_mentions, first.num_articles, first.num_sources) == (1, 1, 1)  # merged-event evidence
    counts = dict(merged_id=None, num_mentions=None, num_articles=None, num_sources=None, merged_confidence=None)
    assert replace(first, **counts) == EventRow(
        article_id="a1", event_id="e1", date="2024-03-01",
        source="Arnor", source_code="ARN", source_country="ARN",
        target="Gondor", target_code="GONGOV", target_country="GON",
        cameo="040", plover_type="CONSULT", plover_mode=None, modality="asserted",
        goldstein=1.0, quad_class=1, sentence="Arnor did consult Gondor.", rule="rule.040", date_precision="day",
        plover_context="", root=False,
    )
    assert rows[1].date == "2024-03-02", "the event's own date wins over the article's"
    assert rows[3].target is None
    assert quotes == [
        QuoteRow(article_id="a1", index=0, date="2024-03-01", speaker="Aragorn Élessar", speaker_code="ARNGOV",
                 speaker_country="ARN", cue="said", content="We will talk", direct=True)
    ]
    assert first.to_dict()["source"] == "Arnor" and quotes[0].to_dict()["direct"] is True


def test_full_analysis_and_text_are_kept(store: Store, db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    try:
        stored = connection.execute("SELECT analysis_json, text, origin FROM articles WHERE id = 'a1'").fetchone()
    finally:
        connection.close()
    assert '"cue_span": [8, 12]' in stored[0]
    assert stored[1:] == ("Text of a1.", "news/a1.txt")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(actor="gondor"), [("a1", "e1"), ("a1", "e2"), ("a2", "e1")]),
        (Filters(actor="GONDORIAN"), [("a1", "e1"), ("a1", "e2"), ("a2", "e1")]),  # mention text
        (Filters(actor="arn"), [("a1", "e1"), ("a1", "e2"), ("a2", "e1"), ("a3", "e1")]),  # code
        (Filters(countries=("gon",)), [("a1", "e1"), ("a1", "e2"), ("a2", "e1")]),
        (Filters(code="04"), [("a1", "e1"), ("a1", "e2")]),
        (Filters(code="046"), [("a1", "e2")]),
        (Filters(code="19"), [("a2", "e1")]),
        (Filters(code="CONSULT"), [("a1", "e1"), ("a1", "e2")]),
        (Filters(code="cooperate"), [("a3", "e1")]),
        (Filters(since="2024-03-02"), [("a1", "e2"), ("a2", "e1"), ("a3", "e1")]),
        (Filters(until="2024-03-04"), [("a1", "e1"), ("a1", "e2"), ("a2", "e1")]),  # 18:00 on the 4th
        (Filters(since="2024-03-02", until="2024-03-31"), [("a1", "e2"), ("a2", "e1")]),
        (Filters(since="2024-04-10", until="2024-04-10"), [("a3", "e1")]),  # falls back to article date
        (Filters(actor="arnor", code="04", countries=("GON",), limit=1), [("a1", "e1")]),
        (Filters(actor="Mordor"), []),
    ],
)
def test_event_filters(store: Store, filters: Filters, expected: list[tuple[str, str]]) -> None:
    assert [(r.article_id, r.event_id) for r in store.events(filters)] == expected


def test_quote_filters(store: Store) -> None:
    assert len(store.quotes(Filters(actor="élessar"))) == 1
    assert len(store.quotes(Filters(countries=("ARN",)))) == 1
    assert store.quotes(Filters(countries=("GON",))) == []
    assert store.quotes(Filters(since="2024-03-02")) == []
    with pytest.raises(StoreError, match="code filter"):
        store.quotes(Filters(code="04"))


def test_stats(store: Store) -> None:
    store.write_rejection("file:bad.jsonl:3", "bad.jsonl:3", Rejection("ingest", "malformed-json", "line 3"))
    assert store.stats() == Stats(
        articles=3,
        events=4,
        quotes=1,
        actor_mentions=6,
        rejections=1,
        events_by_plover=(("CONSULT", 2), ("COOPERATE", 1), ("FIGHT", 1)),
        top_dyads=(("GON", "ARN", 2), ("ARN", "GON", 1)),
        rejections_by_reason=(("malformed-json", 1),),
        asserted_by_plover=(("CONSULT", 2), ("COOPERATE", 1), ("FIGHT", 1)),
        merged_events=4,
        merged_by_modality=(("asserted", 4),),
    )
    assert store.stats().to_dict()["top_dyads"][0] == {"source_country": "GON", "target_country": "ARN", "count": 2}


# -- idempotency and updates ---------------------------------------------------------------------


def test_writing_the_same_analyses_again_changes_nothing(store: Store, db_path: Path) -> None:
    rejected = replace(analysis("r1", "2024-03-03"), actors=(), rejection=Rejection("clean", "empty-text"))
    write(store, [rejected])
    store.write_rejection("file:bad.jsonl:3", "bad.jsonl:3", Rejection("ingest", "malformed-json"))
    before = dump(db_path)

    summary = write(store, [*corpus(), rejected], origins={"a1": "news/a1.txt"})
    store.write_rejection("file:bad.jsonl:3", "bad.jsonl:3", Rejection("ingest", "malformed-json"))

    assert summary == WriteSummary(unchanged=4)
    assert dump(db_path) == before


def test_changed_content_replaces_the_article(store: Store, db_path: Path) -> None:
    changed = analysis("a2", "2024-03-05", event("e9", ARNOR, GONDOR, "057", "AGREE"))
    summary = write(store, [changed, analysis("a4", "2024-05-01")])
    assert summary == WriteSummary(added=1, updated=1)
    assert [(r.event_id, r.cameo) for r in store.events(Filters()) if r.article_id == "a2"] == [("e9", "057")]
    stats = store.stats()
    assert (stats.articles, stats.events, stats.actor_mentions) == (4, 4, 8)


def test_a_later_success_clears_an_earlier_rejection(db_path: Path) -> None:
    with Store.open(db_path) as store:
        write(store, [replace(analysis("a1", None), rejection=Rejection("nlp", "timeout"))])
        assert store.stats().rejections_by_reason == (("timeout", 1),)
        assert write(store, [analysis("a1", None)]) == WriteSummary(updated=1)
        assert store.stats().rejections == 0


def test_rejections_are_stored_with_their_article(db_path: Path) -> None:
    rejected = replace(analysis("r1", "2024-03-03"), events=(), rejection=Rejection("clean", "empty-text", "0 chars"))
    with Store.open(db_path) as store:
        summary = write(store, [rejected], origins={"r1": "in/r1.html"})
        store.write_rejection("file:in/bad.jsonl:7", "in/bad.jsonl:7", Rejection("ingest", "malformed-json", "col 3"))
    assert summary == WriteSummary(rejected=1)
    tables = dump(db_path)
    assert [row[0] for row in tables["articles"]] == ["r1"]
    assert [row[:5] for row in tables["rejections"]] == [
        ("file:in/bad.jsonl:7", "in/bad.jsonl:7", "ingest", "malformed-json", "col 3"),
        ("r1", "in/r1.html", "clean", "empty-text", "0 chars"),
    ]


def test_a_failed_write_leaves_nothing_behind(db_path: Path) -> None:
    def broken() -> Iterator[Analysis]:
        yield analysis("a1", None)
        raise RuntimeError("reader died")

    with Store.open(db_path) as store:
        with pytest.raises(RuntimeError):
            write(store, broken())
        assert store.stats().articles == 0


# -- schema and migrations -----------------------------------------------------------------------


def test_schema_sql_equals_the_migrated_schema(db_path: Path) -> None:
    Store.open(db_path).close()
    migrated = sqlite3.connect(db_path)
    fresh = sqlite3.connect(":memory:")
    try:
        fresh.executescript(schema.load_schema())
        assert master(fresh) == master(migrated)
        assert fresh.execute("PRAGMA user_version").fetchone() == migrated.execute("PRAGMA user_version").fetchone()
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == schema.current_version()
        assert {row[1] for row in master(migrated) if row[0] == "table"} == set(TABLES)
    finally:
        migrated.close()
        fresh.close()


def test_a_new_store_uses_wal(db_path: Path) -> None:
    Store.open(db_path).close()
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_an_empty_version_0_file_is_migrated(db_path: Path) -> None:
    db_path.touch()
    with Store.open(db_path) as store:
        assert write(store, corpus()) == WriteSummary(added=3)
    assert user_version(db_path) == schema.current_version()


def test_a_version_1_database_keeps_its_data(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    try:
        connection.executescript(schema.load_migrations()[0].sql + "PRAGMA user_version = 1;")
    finally:
        connection.close()
    with Store.open(db_path) as store:
        write(store, corpus())
    with Store.open(db_path) as store:
        assert len(store.events(Filters())) == 4
    assert user_version(db_path) == schema.current_version()


def test_pending_migrations_upgrade_an_older_database(db_path: Path) -> None:
    with Store.open(db_path) as store:
        write(store, corpus())
    later = schema.Migration(99, "0099_test.sql", "ALTER TABLE events ADD COLUMN note TEXT;\nCREATE INDEX events_note ON events (note);")
    steps = [*schema.load_migrations(), replace(later, version=schema.current_version() + 1)]
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert schema.migrate(connection, str(db_path), steps) == schema.current_version() + 1
        assert connection.execute("SELECT count(note) , count(*) FROM events").fetchone() == (0, 4)
    finally:
        connection.close()


def test_a_failing_migration_leaves_the_database_as_it_was(db_path: Path) -> None:
    Store.open(db_path).close()
    bad = schema.Migration(schema.current_version() + 1, "bad.sql", "CREATE TABLE extra (x);\nNOT SQL;")
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError):
            schema.migrate(connection, str(db_path), [*schema.load_migrations(), bad])
        assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone() == (0,)
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.current_version()
    finally:
        connection.close()


def test_statements_splits_scripts_and_drops_comments() -> None:
    script = "-- head\nCREATE TABLE t (x TEXT DEFAULT 'a;b');\n\n-- tail\n"
    assert schema.statements(script) == ["-- head\nCREATE TABLE t (x TEXT DEFAULT 'a;b');"]


# -- errors --------------------------------------------------------------------------------------


def test_a_file_that_is_not_sqlite_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store.open(path)
    assert path.read_text().startswith("these are my notes")


def test_a_newer_schema_is_a_store_error(db_path: Path) -> None:
    Store.open(db_path).close()
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("PRAGMA user_version = 999")
    finally:
        connection.close()
    with pytest.raises(StoreError, match="version 999 is newer"):
        Store.open(db_path)


def test_another_programs_database_is_left_alone(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("CREATE TABLE accounts (id INTEGER)")
        connection.commit()
    finally:
        connection.close()
    with pytest.raises(StoreError, match="not a thucydides store"):
        Store.open(db_path)


def test_a_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open|unable to open"):
        Store.open(tmp_path / "missing" / "events.db")


def test_a_closed_store_is_a_store_error(db_path: Path) -> None:
    store = Store.open(db_path)
    store.close()
    with pytest.raises(StoreError):
        store.events(Filters())


def test_a_negative_limit_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="limit"):
        store.events(Filters(limit=-1))
