"""One reading of a date: the days it covers and its precision, the same in Python, in a database
migrated from before precision was kept, and in every filter."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thucydides.dates import DateRange, day_of_stamp, parse_day, period_of, read_date
from thucydides.errors import InputError
from thucydides.store import Filters, Store, schema


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-06", ("2024-05-06", "2024-05-06", "day")),
        ("2024-05-06T18:00", ("2024-05-06", "2024-05-06", "day")),
        ("2024-W19", ("2024-05-06", "2024-05-12", "week")),
        ("2020-W53", ("2020-12-28", "2021-01-03", "week")),
        ("2024-02", ("2024-02-01", "2024-02-29", "month")),
        ("2023-12", ("2023-12-01", "2023-12-31", "month")),
        ("2023", ("2023-01-01", "2023-12-31", "year")),
    ],
)
def test_a_date_covers_days_with_a_precision(value: str, expected: tuple[str, str, str]) -> None:
    found = read_date(value)
    assert found is not None
    assert (found.first.isoformat(), found.last.isoformat(), found.precision) == expected


@pytest.mark.parametrize("value", ["2024-02-30", "2025-13-45", "2023-W54", "2023-13", "PRESENT_REF", "P1W", "", None])
def test_what_is_no_date_reads_as_none(value: str | None) -> None:
    assert read_date(value) is None


@pytest.mark.parametrize("text", ["2025-13-45", "2024-02-30", "2023-02-29", "17 March", "2024-3-5"])
def test_impossible_or_malformed_days_are_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_day(text)


def test_a_period_holds_a_date_only_when_it_holds_all_of_it() -> None:
    week = read_date("2025-W14")  # 2025-03-31 .. 2025-04-06
    assert week is not None and week.period("month") is None and week.period("year") == "2025"
    assert DateRange(date(2024, 5, 6), date(2024, 5, 6), "day").period("week") == "2024-W19"
    assert period_of(date(2021, 1, 1), "week") == "2020-W53"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_lies_in_its_periods(day: date) -> None:
    for per in ("day", "week", "month", "year"):
        for value in (period_of(day, per),):  # type: ignore[arg-type]
            found = read_date(value)
            assert found is not None and found.first <= day <= found.last and found.precision == per


DATES = ["2024-05-06", "2024-05-06T23:10", "2024-W19", "2020-W53", "2024-02", "2023", "2024-02-30", "PRESENT_REF", None]


def test_a_database_from_before_precision_is_migrated_to_the_same_reading(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        schema.migrate(connection, str(path), schema.load_migrations()[:5])
        connection.execute(
            "INSERT INTO articles (id, date, analysis_json, ingested_at) VALUES ('a', '2024-03-09', '{}', 'now')"
        )
        for n, value in enumerate(DATES):
            connection.execute(
                "INSERT INTO events (article_id, id, sentence_index, sentence, span_start, span_end, cameo,"
                " plover_type, quad_class, goldstein, modality, date, rule)"
                " VALUES ('a', ?, 0, 's', 0, 1, '040', 'CONSULT', 1, 1.0, 'asserted', ?, 'r')",
                (f"e{n}", value),
            )
    finally:
        connection.close()
    with Store.open(path) as store:
        rows = {r.event_id: r for r in store.events(Filters())}
    connection = sqlite3.connect(path)
    try:
        stored = {r[0]: r[1:] for r in connection.execute("SELECT id, date_precision, day_first, day_last FROM events")}
    finally:
        connection.close()
    for n, value in enumerate(DATES):
        found = read_date(value) or read_date("2024-03-09")  # no readable date of its own: the article's
        assert found is not None
        assert stored[f"e{n}"] == (found.precision, found.first.isoformat(), found.last.isoformat()), value
        assert rows[f"e{n}"].date_precision == found.precision


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2024-05-06", "2024-05-06"),
        ("1998-03-01T14:11:00", "1998-03-01"),
        ("2024-05-06 08:15", "2024-05-06"),
        ("2024-05-06T08:15:30.250Z", "2024-05-06"),
        ("2024-05-06T23:00-05:00", "2024-05-06"),
        ("2024-02-30T10:00", None),
        ("2024-05-06Tnoon", None),
        ("May 6, 2024", None),
    ],
)
def test_the_day_of_a_date_time_stamp(stamp: str, day: str | None) -> None:
    assert day_of_stamp(stamp) == day
