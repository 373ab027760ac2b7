"""Event merging on a real SQLite store, with analyses written by hand (no model needed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from thucydides.records import Actor, Analysis, Event, Place, Plover
from thucydides.resolve.merging import confidence, day_range
from thucydides.store import Store

from .conftest import write

ARNOR = Actor(text="Arnor", name="Arnor", code="ARNGOV", country="ARN", sector="GOV", span=(0, 5))
GONDOR = Actor(text="Gondor", name="Gondor", code="GONGOV", country="GON", sector="GOV", span=(10, 16))
BREE = Place(text="Bree", name="Bree", country="ARN", lat=50.0, lon=10.0, geonameid=1, feature="city", span=(0, 4))
TROLLSHAW = Place(text="Trollshaw", name="Trollshaw", country="ARN", lat=50.0, lon=14.0, geonameid=2, feature="city", span=(0, 9))


def event(n: int, plover: str = "CONSULT", cameo: str = "040", *, modality: str = "asserted",
          date: str | None = None, date_text: str | None = None, location: Place | None = None,
          target: Actor | None = GONDOR) -> Event:
    return Event(
        id=f"e{n}", sentence_index=n, sentence=f"Sentence {n}.", span=(0, 5), source=ARNOR, target=target,
        cameo=cameo, plover=Plover(plover, None), quad_class=1 if cameo < "09" else 4,
        goldstein=1.0 if cameo < "09" else -10.0, modality=modality,  # type: ignore[arg-type]
        date=date, date_text=date_text, location=location, speaker=None, rule="test",
    )


def article(id: str, date: str, *events: Event, source: str | None = None, text: str | None = None) -> Analysis:
    return Analysis(
        id=id, title=id, date=date, url=f"https://{(source or id).lower().replace(' ', '')}.example/{id}",
        source=source, dateline=None, byline=None, language="en", events=events,
        text=text if text is not None else f"Report {id}: {id} wrote this, and only {id}.",
    )


def merged(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT id, plover_type, modality, day_first, num_mentions, num_articles, num_sources, num_stories,"
            " confidence FROM merged_events ORDER BY day_first, id"
        ).fetchall()
    connection.close()
    return rows


def test_reports_of_one_event_merge_with_counts(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store.open(db) as store:
        write(store, [article("a1", "2024-05-06", event(0), event(3), source="Wire One")])
        write(store, [article("a2", "2024-05-07", event(1), source="Wire Two")])
        write(store, [article("a3", "2024-05-06", event(2), source="Wire One")])
        [one] = store.merged_events()
    assert (one.num_mentions, one.num_articles, one.num_sources, one.num_stories) == (4, 3, 2, 3)
    assert one.first_seen == "2024-05-06" and one.first_article_id == "a1"
    assert one.confidence == confidence(3, 2) == 0.75
    with Store.open(db) as store:
        rows = store.events()
    assert {r.merged_id for r in rows} == {one.id} and all(r.num_mentions == 4 for r in rows)


def test_the_september_meeting_and_next_weeks_visit_are_two_events(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store.open(db) as store:
        write(store, [
            article(
                "a1", "2024-05-06",
                event(0, date="2024-09", date_text="in September"),
                event(1, cameo="042", modality="future", date="2024-W20", date_text="next week"),
            )
        ])
    rows = merged(db)
    assert [(r[2], r[3]) for r in rows] == [("future", "2024-05-13"), ("asserted", "2024-09-01")]


def test_dates_places_types_and_modality_keep_events_apart(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store.open(db) as store:
        write(store, [article("a1", "2024-05-01", event(0, "ASSAULT", "190", location=BREE))])
        write(store, [article("a2", "2024-05-04", event(0, "ASSAULT", "190", location=BREE))])  # 3 days later
        write(store, [article("a3", "2024-05-01", event(0, "ASSAULT", "190", location=TROLLSHAW))])  # 285 km away
        write(store, [article("a4", "2024-05-01", event(0, "ASSAULT", "190", modality="negated"))])
        write(store, [article("a5", "2024-05-01", event(0, "ACCUSE", "112"))])
        write(store, [article("a6", "2024-05-02", event(0, "ASSAULT", "190", location=BREE))])  # joins a1
    rows = merged(db)
    assert len(rows) == 5
    assert sorted(r[4] for r in rows) == [1, 1, 1, 1, 2]


def test_events_without_a_target_merge_only_within_their_article(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store.open(db) as store:
        write(store, [article("a1", "2024-05-01", event(0, target=None), event(1, target=None))])
        write(store, [article("a2", "2024-05-01", event(0, target=None))])
    assert sorted(r[4] for r in merged(db)) == [1, 2]


def test_replacing_an_article_recounts_and_drops_empty_events(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store.open(db) as store:
        write(store, [article("a1", "2024-05-06", event(0), source="Wire One")])
        write(store, [article("a2", "2024-05-06", event(0), source="Wire Two")])
        assert [m.num_articles for m in store.merged_events()] == [2]
        # a2 re-analysed: its event is now an accusation; the consultation keeps one report.
        write(store, [article("a2", "2024-05-06", event(0, "ACCUSE", "112"), source="Wire Two")])
        counts = sorted((m.plover_type, m.num_articles, m.confidence) for m in store.merged_events())
    assert counts == [("ACCUSE", 1, 0.5), ("CONSULT", 1, 0.5)]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM merged_events WHERE dirty = 1").fetchone()[0] == 0
    connection.close()


def test_day_ranges_cover_coarse_dates() -> None:
    assert day_range("2024-05-06T10:00") == ("2024-05-06", "2024-05-06")
    assert day_range("2024-W19") == ("2024-05-06", "2024-05-12")
    assert day_range("2024-02") == ("2024-02-01", "2024-02-29")
    assert day_range("2024") == ("2024-01-01", "2024-12-31")
    assert day_range("PRESENT_REF") is None and day_range(None) is None


STORY_TEXT = (
    "Arnor's king met Gondor's steward in Minas Tirith on Friday, his first meeting with the steward since "
    "September, when the two quarrelled over the fords of the Isen. Officials on both sides called the talks "
    "frank and useful, and said they would meet again before the winter."
)


def said(n: int, sentence: str, date: str, date_text: str | None) -> Event:
    return Event(
        id=f"e{n}", sentence_index=n, sentence=sentence, span=(0, 5), source=ARNOR, target=GONDOR,
        cameo="040", plover=Plover("CONSULT", None), quad_class=1, goldstein=1.0, modality="asserted",
        date=date, date_text=date_text, location=None, speaker=None, rule="test",
    )


def test_copies_merge_clause_by_clause_and_never_across_dates(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    today = "Arnor's king met Gondor's steward in Minas Tirith."
    before = "It was his first meeting with the steward since September."
    with Store.open(db) as store:
        write(store, [article("a1", "2023-03-17", said(0, before, "2022-09", "September"),
                             said(1, today, "2023-03-17", None), source="Wire One", text=STORY_TEXT)])
        # The same article republished the next day, its sentences in a new order.
        write(store, [article("a2", "2023-03-18", said(0, today, "2023-03-18", None),
                             said(1, before, "2022-09", "September"), source="Wire Two", text=STORY_TEXT)])
        events = {m.date: m for m in store.merged_events()}
        stories = store.stories()
    assert len(stories) == 1 and stories[0].size == 2, "the two articles are copies of one story"
    assert set(events) == {"2022-09", "2023-03-17"}
    assert [(events[d].num_mentions, events[d].num_articles) for d in sorted(events)] == [(2, 2), (2, 2)]
    assert events["2023-03-17"].sentence == today and events["2022-09"].date_precision == "month"


def test_the_same_clause_with_dates_read_apart_stays_apart(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    sentence = "Arnor's king met Gondor's steward last week."
    with Store.open(db) as store:
        write(store, [article("a1", "2023-03-17", said(0, sentence, "2023-W10", "last week"), text=STORY_TEXT)])
        write(store, [article("a2", "2023-03-31", said(0, sentence, "2023-W12", "last week"), text=STORY_TEXT)])
        dates = sorted(m.date for m in store.merged_events())  # type: ignore[type-var]
    assert dates == ["2023-W10", "2023-W12"]


def test_a_merged_event_is_asserted_when_any_report_asserts_it(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store.open(db) as store:
        write(store, [article("a1", "2024-05-06", event(0, modality="reported"), source="Wire One")])
        assert [m.modality for m in store.merged_events()] == ["reported"]
        write(store, [article("a2", "2024-05-06", event(0), source="Wire Two")])
        assert [(m.modality, m.num_articles) for m in store.merged_events()] == [("asserted", 2)]
        write(store, [article("a2", "2024-05-06", event(0, "ACCUSE", "112"), source="Wire Two")])
        assert sorted((m.plover_type, m.modality) for m in store.merged_events()) == [
            ("ACCUSE", "asserted"), ("CONSULT", "reported")]


def test_a_fallback_country_neither_joins_nor_splits_reports(tmp_path: Path) -> None:
    from dataclasses import replace

    fallback = Place(text="Gondor", name="Gondor", country="GON", lat=None, lon=None, geonameid=None, feature="country",
                     span=(0, 6))
    db = tmp_path / "m.db"
    with Store.open(db) as store:
        write(store, [article("a1", "2024-05-06", replace(event(0, location=BREE), location_basis="clause"),
                             source="Wire One")])
        # Another outlet's report names no place; its location is a country-level fallback.
        write(store, [article("a2", "2024-05-06", replace(event(0, location=fallback), location_basis="actors"),
                             source="Wire Two")])
        [one] = store.merged_events()
    assert one.num_articles == 2 and one.location_name == "Bree"
