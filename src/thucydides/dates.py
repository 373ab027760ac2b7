"""What a date means: the days it covers and its precision, read one way everywhere.

An event's date is a day (``2023-03-14``, or a datetime such as ``2023-03-14T18:00``), an ISO
week (``2023-W12``), a month (``2023-02``) or a year (``2023``). :func:`read_date` turns each into
the first and last day it covers and its precision, so that filters, counts and merging agree:
a window selects a date when the two overlap (an event dated ``2023`` is in a window that ends
on 2023-03-31), and a count per month puts an event in a month only when its whole date lies in
that month.

:func:`parse_day` is the strict check of a day a user types (``--since``, ``--date``): it
rejects ``2025-13-45`` and ``2024-02-30`` with one clear line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from thucydides.errors import InputError

Precision = Literal["day", "week", "month", "year"]
PRECISIONS: tuple[Precision, ...] = ("day", "week", "month", "year")
PERIODS: tuple[Precision, ...] = PRECISIONS
"""The periods counts are made by: the same four words."""

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
"""Month names and their abbreviations (lower case) -> month number: the one table."""

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
"""A day written YYYY-MM-DD, and nothing else (whether the calendar has it is :func:`parse_day`'s)."""

_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
"""A day, or an ISO 8601 date-time ("2024-01-02T10:00:00Z", "2024-01-02 10:00+02:00")."""
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class DateRange:
    """The days a date covers, both included, and how precise it is."""

    first: date
    last: date
    precision: Precision

    def overlaps(self, since: date | None, until: date | None) -> bool:
        """Whether any day of this date lies in the window ``since..until`` (either may be open)."""
        return (since is None or self.last >= since) and (until is None or self.first <= until)

    def period(self, per: Precision) -> str | None:
        """The period (``per``) that holds the whole date, or None when it spans several."""
        first, last = period_of(self.first, per), period_of(self.last, per)
        return first if first == last else None


def parse_day(text: str, what: str = "date") -> date:
    """A day written ``YYYY-MM-DD`` that exists in the calendar; else :class:`InputError`."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if match is None:
        raise InputError(f"{what} {text!r} is not a date in YYYY-MM-DD form")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as error:
        raise InputError(f"{what} {text!r} is not a day of the calendar ({error})") from error


def day_of_stamp(text: str) -> str | None:
    """The day (``YYYY-MM-DD``) of a day or an ISO 8601 date-time as feeds and archives write a
    publication date (``1998-03-01T14:11:00``); None when it is neither or no day of the calendar.
    The time of day is dropped: a publication date is a day."""
    match = _STAMP.match(text.strip())
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def read_date(value: str | None) -> DateRange | None:
    """The days ``value`` covers and its precision; None when it is no date (``PRESENT_REF``,
    ``P1W``, an impossible day such as ``2024-02-30``, nothing)."""
    if not value:
        return None
    text = value.strip()
    try:
        if match := _DAY.match(text):
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            return DateRange(day, day, "day")
        if match := _WEEK.match(text):
            monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            return DateRange(monday, monday + timedelta(days=6), "week")
        if match := _MONTH.match(text):
            first = date(int(match.group(1)), int(match.group(2)), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return DateRange(first, following - timedelta(days=1), "month")
        if match := _YEAR.match(text):
            year = int(match.group(1))
            return DateRange(date(year, 1, 1), date(year, 12, 31), "year")
    except ValueError:
        return None
    return None


def first_date(*values: str | None) -> DateRange | None:
    """The first of ``values`` that reads as a date (an event's own date, then its article's)."""
    for value in values:
        found = read_date(value)
        if found is not None:
            return found
    return None


def period_of(day: date, per: Precision) -> str:
    """The day, ISO week (``2024-W19``), month (``2024-05``) or year (``2024``) holding ``day``."""
    if per == "day":
        return day.isoformat()
    if per == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if per == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if per == "year":
        return f"{day.year:04d}"
    raise InputError(f"unknown period {per!r}; choose one of {', '.join(PERIODS)}")
