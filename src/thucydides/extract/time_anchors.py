"""Time expressions told against another time of the text (TimeML's ``anchorTimeID``).

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
