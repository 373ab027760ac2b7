"""Datelines: ``KIEV, Ukraine —``, ``MOSCOW (Reuters) -``, ``GAZA CITY, Palestinian Territories:``."""

from __future__ import annotations

import re

from thucydides.records import Dateline

_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'’\-]+(?:\ [A-Z][A-Z.'’\-]+){0,3}       # the city, in capitals
         (?:,\ [A-Z][\w.'’\-]+(?:\ [A-Z][\w.'’\-]+){0,3})?)          # a region or country
        (?:\ *\((?P<agency>[A-Za-z.&'’\ ]{2,40})\))?                  # (Reuters), (AP)
        \ *(?:—|–|--|-|:)\ +""",
    re.VERBOSE,
)


def find_dateline(text: str, start: int) -> Dateline | None:
    """The dateline at ``start`` (the first body paragraph), if there is one."""
    match = _DATELINE.match(text, start)
    if match is None:
        return None
    city = match.group("place").split(",")[0]
    if len(city.replace(" ", "")) < 3 or not any(c.isalpha() for c in city):
        return None
    agency = match.group("agency")
    return Dateline(
        text=text[match.start() : match.end()].strip(),
        place=match.group("place"),
        agency=agency.strip() if agency else None,
        span=(match.start(), match.end()),
    )
