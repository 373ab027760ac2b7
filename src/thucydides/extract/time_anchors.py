"""Calendar steps from an anchor: the publication date, or a time the text has told.

News speaks from the day it is published: "last week", "Tuesday", "two weeks ago", "the third
quarter" are steps from the publication date (:func:`shift`, :func:`relative_unit`,
:func:`weekday_from`, :func:`year_for_month`, :func:`season_year`, :func:`holiday`).

Some expressions are told against another time of the text (TimeML's ``anchorTimeID``).

"The next day", "the following week", "the previous year", "the day before" name a time one
step from a time the text has just told: in a narrative ("The army entered the city on May 5.
The next day, the rebels fled.") that is the last date told before them, and only where nothing
was told before them is it the publication date (news speaks from the day it is published).
:func:`step_from` computes that step from a told TIMEX3 value; :func:`anchor_of` picks the told
value an expression steps from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_BACK = frozenset({"previous", "preceding", "prior", "before"})
_TOLD = re.compile(r"^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q(\d)))?$")
"""A told date precise enough to step from: a day, a month, an ISO week, a quarter or a year."""


def step_of(groups: Mapping[str, str | None]) -> tuple[str, int]:
    """The unit ("day", "week", "month", "year" or a part of the day) and the direction (+1, -1,
    or 0 for "that day") of a match of the ``anchored`` rule, from its named groups."""
    unit = (groups.get("u") or groups.get("u2") or groups.get("u3") or groups.get("u4") or groups.get("u5") or "").lower()
    if groups.get("same") or groups.get("u5"):
        return unit, 0  # "that day", "the same week", "in the morning": the told time itself
    word = (groups.get("dir") or groups.get("dir2") or "next").lower()
    return unit, -1 if word in _BACK else 1


def step_from(told: str, unit: str, step: int) -> tuple[str, str] | None:
    """The TIMEX3 type and value one ``unit`` from the ``told`` value, in the direction ``step``;
    None when the told value is coarser than the unit (a day after "1997" is no day)."""
    match = _TOLD.match(told)
    if match is None:
        return None
    year, month, day, week, quarter = match.groups()
    if unit in ("day", *PARTS_OF_DAY):
        if day is None:
            return None
        moved = date(int(year), int(month), int(day)) + timedelta(days=step)
        if unit == "day":
            return "DATE", moved.isoformat()
        return "TIME", f"{moved.isoformat()}T{PARTS_OF_DAY[unit]}"
    if unit == "week":
        if day is not None:
            monday = date(int(year), int(month), int(day))
        elif week is not None:
            monday = date.fromisocalendar(int(year), int(week), 1)
        else:
            return None
        iso = (monday + timedelta(weeks=step)).isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}"
    if unit == "month":
        if month is None:
            return None
        months = int(year) * 12 + int(month) - 1 + step
        return "DATE", f"{months // 12}-{months % 12 + 1:02d}"
    if unit == "year":
        return "DATE", str(int(year) + step)
    return None


def anchor_of(told: list[str], unit: str) -> str | None:
    """The last of the ``told`` values (in text order) that a step of ``unit`` can be taken from."""
    for value in reversed(told):
        if step_from(value, unit, 0) is not None:
            return value
    return None


def holiday(name: str, dct: date, future: bool) -> tuple[str, str] | None:
    """A holiday's day in its nearest year (the next one in a future clause): holidays on a fixed
    day (Christmas, Halloween), on a fixed weekday of a month (US Election Day, Thanksgiving, Labor
    Day, Memorial Day, Mother's Day)."""
    name = name.replace("’", "'")
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return "DATE", f"{year_for_month(month, dct, future, day)}-{month:02d}-{day:02d}"
    if name not in WEEKDAY_HOLIDAYS:
        return None

    def in_year(year: int) -> date:
        month, weekday, nth = WEEKDAY_HOLIDAYS[name]
        if nth < 0:  # the last such weekday of the month
            following = date(year + month // 12, month % 12 + 1, 1)
            last = following - timedelta(days=1)
            return last - timedelta(days=(last.weekday() - weekday) % 7)
        first = date(year, month, 1)
        found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return found + timedelta(days=1) if name == "election day" else found  # the Tuesday after

    this_year = in_year(dct.year)
    year = year_for_month(this_year.month, dct, future, this_year.day)
    return "DATE", in_year(year).isoformat()


FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "boxing day": (12, 26),
}
WEEKDAY_HOLIDAYS = {
    # name: (month, weekday with 0 Monday, which one: 1 the first, -1 the last)
    "election day": (11, 0, 1), "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
    "labor day": (9, 0, 1), "memorial day": (5, 0, -1), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
    "martin luther king day": (1, 0, 3), "presidents' day": (2, 0, 3), "presidents day": (2, 0, 3),
}
def relative_unit(step: str, unit: str, dct: date) -> tuple[str, str] | None:
    """The unit ("week", "month", "weekend", …) one ``step`` ("last", "next", "this", …) from
    the publication date ``dct``: "last week" ``2024-W19``, "this weekend" ``2024-W20-WE``."""
    delta = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0}.get(step)
    if delta is None:
        return None
    if unit == "weekend":
        saturday = dct + timedelta(days=(5 - dct.weekday()) % 7 + 7 * delta) if delta >= 0 else dct - timedelta(
            days=(dct.weekday() - 5) % 7 or 7
        )
        iso = saturday.isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}-WE"
    if unit == "century":
        return "DATE", f"{dct.year // 100 + delta:02d}"
    if unit == "decade":
        return "DATE", f"{dct.year // 10 + delta}"
    return "DATE", shift(dct, unit, delta)


def shift(dct: date, unit: str, n: int) -> str:
    """The ``unit`` holding ``dct`` moved by ``n`` units, at that unit's granularity: "two weeks
    ago" is a week (``2024-W18``), "three days ago" a day."""
    if unit == "day":
        return (dct + timedelta(days=n)).isoformat()
    if unit == "week":
        iso = (dct + timedelta(weeks=n)).isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if unit == "month":
        months = dct.year * 12 + dct.month - 1 + n
        return f"{months // 12}-{months % 12 + 1:02d}"
    if unit == "quarter":
        quarters = dct.year * 4 + (dct.month - 1) // 3 + n
        return f"{quarters // 4}-Q{quarters % 4 + 1}"
    if unit == "decade":
        return f"{dct.year // 10 + n}"
    if unit == "century":
        return f"{dct.year // 100 + n}"
    return str(dct.year + n)


def weekday_from(target: int, dct: date, future: bool, strict: bool = False) -> date:
    """The weekday ``target`` (0 Monday) nearest ``dct`` on or after it in a future clause, on or
    before it otherwise; ``strict`` leaves ``dct`` itself out ("next Thursday" on a Thursday)."""
    if future:
        days = (target - dct.weekday()) % 7
        if strict and days == 0:
            days = 7
        return dct + timedelta(days=days)
    days = (dct.weekday() - target) % 7
    if strict and days == 0:
        days = 7
    return dct - timedelta(days=days)


def year_for_month(month: int, dct: date, future: bool, day: int = 1) -> int:
    """The year of a month (and day) named without one: the next occurrence in a future clause,
    else the nearest occurrence to the publication date."""
    if future:
        return dct.year if (month, day) >= (dct.month, dct.day if day != 1 else 1) else dct.year + 1
    here = dct.year * 12 + dct.month
    return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: (abs(y * 12 + month - here), y))


def century_year(two_digits: int, dct: date) -> int:
    """The year a two-digit year ("'98", "3/15/98") names: the one nearest the publication date
    that is at most ten years after it."""
    year = dct.year // 100 * 100 + two_digits
    return year - 100 if year > dct.year + 10 else year


def season_year(season: str, dct: date, future: bool) -> int:
    """The year of a season named without one ("in the spring"): the season under way or last
    begun in a past clause, the next one to begin in a future clause. Seasons begin in March,
    June, September and December; a winter that began in December is the winter of that year."""
    start = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}[season]
    if future:
        return dct.year if dct.month < start else dct.year + 1
    if season == "winter" and dct.month <= 2:
        return dct.year - 1
    return dct.year if dct.month >= start else dct.year - 1
