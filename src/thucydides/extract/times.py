"""Time expressions and their TIMEX3 values, resolved against the publication date.

``find_times(text, anchor)`` finds dates ("Aug. 7, 1998", "last month", "late December", "on
Friday"), times ("10:35 a.m."), durations ("the past two months" → ``P2M``) and sets ("every
day" → ``P1D``) with regular expressions over the text, and normalizes each to a TIMEX3 value.

News conventions: a bare weekday or month refers to the past in a past-tense clause ("said on
Friday" → the last Friday on or before the publication date) and to the future in a future one
("will meet on Monday" → the next Monday). Without a publication date, expressions that need one
stay unresolved (they are not returned) rather than guessed; absolute ones ("March 3, 2021",
"1998") and durations are still found.

Values follow the TimeML/TIDES guidelines: the granularity of the expression is the value's
("two weeks ago" is a week, "the '80s" the decade ``198``, "the 21st century" ``20``); "the next
day", "the following week", "that day" step from the last date the text told
(:mod:`thucydides.extract.time_anchors`), while "three days later" is the duration ``P3D`` and
"a few years ago" ``PAST_REF``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from thucydides.dates import MONTHS
from thucydides.extract.time_anchors import (
    anchor_of,
    century_year,
    holiday,
    relative_unit,
    season_year,
    shift,
    step_from,
    step_of,
    weekday_from,
    year_for_month,
)
from thucydides.extract.time_words import (
    DECADE_WORD,
    DECADES,
    ORDINAL_WORD,
    SPELLED_19,
    SPELLED_YEAR,
    TEENS_WORD,
    UNITS_WORD,
    day_ordinal,
    spelled_year,
)
from thucydides.records import Time

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "several": -1, "few": -1, "a few": -1, "some": -1, "many": -1,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
    "decade": "DE", "century": "CE", "quarter": "Q",
}
_TIME_UNITS = {"second", "minute", "hour"}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM_WORD = "|".join(sorted((k for k in NUMBERS), key=len, reverse=True))
_NUM = rf"(?:\d+(?:\.\d+)?|(?i:{_NUM_WORD})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|century|quarter)"
_UNITS = rf"(?:{_UNIT}s?|centuries)"
_PART = r"(?:morning|afternoon|evening|night)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_S = r"\s+"
_HOLIDAYS = (
    r"Christmas(?:\s+(?:Day|Eve))?", r"New\s+Year's\s+(?:Day|Eve)", r"Election\s+Day", r"Thanksgiving(?:\s+Day)?",
    r"Halloween", r"Valentine's\s+Day", r"Veterans\s+Day", r"Boxing\s+Day", r"Labor\s+Day", r"Memorial\s+Day",
    r"Mother's\s+Day", r"Father's\s+Day", r"Martin\s+Luther\s+King\s+Day", r"Presidents'?\s+Day",
)
_HOLIDAY = "|".join(_HOLIDAYS)

_RULES: list[tuple[str, str]] = [
    # absolute dates
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("mdy", rf"\b(?:{_WEEKDAY},?{_S})?(?P<mon>{_MONTH}){_S}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?{_S}(?P<y>{_YEAR}))?\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}}){_S}(?P<mon>{_MONTH})(?:,?{_S}(?P<y>{_YEAR}))?\b"),
    ("part_of_date", rf"\b(?i:the){_S}(?P<p>(?i:{_PART})){_S}(?i:of){_S}(?:{_WEEKDAY},?{_S})?(?P<mon>{_MONTH}){_S}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?{_S}(?P<y>{_YEAR}))?\b"),
    ("dmy_of", rf"\b(?:(?i:the){_S})?(?P<d>\d{{1,2}})(?:st|nd|rd|th)(?:{_S}(?i:of))?{_S}(?P<mon>{_MONTH})(?:,?{_S}(?P<y>{_YEAR}))?\b"),
    ("slash", r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"),
    ("my", rf"\b(?:(?i:early|mid|late){_S}|(?i:mid-))?(?P<mon>{_MONTH})(?:{_S}of)?{_S}(?P<y>{_YEAR})\b"),
    ("clock", r"\b(?P<h>\d{1,2})(?::(?P<mi>\d\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)(?:\s+(?:EST|EDT|GMT|UTC|ET|PST))?"),
    ("clock_wd", rf"\b(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)(?:\s+(?:EST|EDT|GMT|UTC|ET|PST))?,?{_S}(?:(?i:on){_S})?(?P<wd>{_WEEKDAY})\b"),
    ("wd_clock", rf"\b(?P<wd>{_WEEKDAY}),?{_S}(?:(?i:at){_S})?(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)(?:\s+(?:EST|EDT|GMT|UTC|ET|PST))?"),
    ("holiday", rf"\b(?P<h>{_HOLIDAY})\b"),
    # relative to the publication date
    ("spelled_day", rf"\b(?P<mon>{_MONTH}){_S}(?P<d>(?i:{ORDINAL_WORD}))(?:,?{_S}(?P<y>{_YEAR}|(?i:{SPELLED_YEAR})))?\b"),
    ("spelled_year", rf"\b(?:(?i:the\s+year\s+)(?P<y2>(?i:two\s+thousand(?:(?:\s+and)?\s+(?:{UNITS_WORD}|{TEENS_WORD}))?))|(?P<y>(?i:{SPELLED_19})))\b"),
    # relative to the last time the text told (TimeML's anchorTimeID), else to the publication date
    ("anchored", r"\b(?i:(?P<same>that|the\s+same)\s+(?P<u4>day|week|month|year|morning|afternoon|evening|night)(?!\s+(?:of|when|that|in|for|to|with|and)\b)|the\s+(?P<dir>following|previous|preceding|prior)\s+(?P<u>day|week|month|year|morning|afternoon|evening|night)|the\s+next\s+(?P<u3>day|morning|afternoon|evening|night)|(?<=\bin\s)the\s+(?P<u5>morning|afternoon|evening)|the\s+(?P<u2>day|week|month|year)\s+(?P<dir2>before|after)(?!\s+(?:yesterday|tomorrow|[a-z]+(?<!\bthat)(?<!\bthen))\b))\b"),
    ("deictic", r"\b(?i:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight|overnight)\b"),
    ("part", rf"\b(?i:(?:later|earlier|late|early){_S})?(?i:this|tomorrow|yesterday|last(?={_S}(?:night|evening)\b)){_S}(?i:{_PART})\b"),
    ("dayparts", rf"\b(?P<wd>{_WEEKDAY})(?:{_S}(?P<p>(?i:{_PART})))?\b"),
    ("present", r"\b(?i:now|currently|these\s+days|at\s+present|nowadays)\b"),
    ("recent", r"\b(?i:(?:the\s+)?recent\s+(?:days|weeks|months|years|decades)(?:\s+and\s+(?:days|weeks|months|years|decades))?)\b"),
    ("ahead", r"\b(?i:the\s+(?P<u>days|weeks|months|years|decades)\s+ahead)\b"),
    ("vague", r"\b(?i:(?:in\s+)?(?:the\s+)?(?:coming|past\s+few|last\s+few|next\s+few)\s+(?P<u>days|weeks|months|years|decades))\b"),
    ("at_the_time", r"\b(?i:at\s+the\s+time)\b(?!\s+(?:of|when|that|in|for|to|with|and)\b|,?\s+\w+\s+(?:of|when)\b)"),
    ("while", r"\b(?i:a|quite\s+a)\s+while(?P<ago>\s+(?i:ago|back))?\b"),
    ("past", r"\b(?i:(?:in\s+)?recent(?:ly)?|the\s+past(?!\s+\w+\s+(?:day|week|month|year)s?\b)|(?:in\s+)?(?:the\s+)?past\s+years|formerly)\b"),
    ("future", r"\b(?i:the\s+(?:near\s+)?future|in\s+future)\b"),
    ("bare_units", r"(?<=\b(?:for|For)\s)(?P<u>(?i:hours|days|weeks|months|years|decades))\b(?!\s+(?:of|to|and|or|ago|later|earlier|before|after)\b)"),
    ("edge_unit", r"\b(?i:the\s+(?P<edge>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<u>week|month|year))\b"),
    ("rel_unit", rf"\b(?P<pre>(?i:(?:early|late|earlier|later)\s+)?(?i:last|next|this|coming|past|previous|current)){_S}(?P<u>(?i:week|weekend|month|year|quarter|decade|century))\b"),
    ("latest", r"\b(?i:the\s+(?:latest|most\s+recent)\s+(?:fiscal\s+)?(?P<u>quarter|year))\b(?!-)"),
    ("rel_edge", rf"\b(?P<pre>(?i:earlier|later|early|late|mid|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of)){_S}(?P<which>(?i:this|last|next)){_S}(?P<u>(?i:week|month|year))\b"),
    ("rel_month", rf"\b(?P<pre>(?i:last|next|this|coming|previous)){_S}(?P<mon>{_MONTH})\b"),
    ("rel_wd", rf"\b(?P<pre>(?i:last|next|this|coming|this\s+coming|the\s+previous|the\s+following)){_S}(?P<wd>{_WEEKDAY})\b"),
    ("season", rf"\b(?P<pre>(?i:last|next|this|early|late)){_S}(?P<s>(?i:spring|summer|fall|autumn|winter))\b"),
    ("ago", rf"\b(?P<n>{_NUM}){_S}(?P<u>{_UNITS}){_S}(?P<dir>(?i:ago|earlier|later|from\s+now))\b"),
    ("year_earlier", r"\b(?i:the\s+)?(?i:year[- ](?:earlier|ago)|prior[- ]year)\b"),
    ("quarter", rf"\b(?P<the>(?i:the\s+))?(?:(?P<ty>(?i:this\s+year's|last\s+year's))\s+)?(?P<o>(?i:first|second|third|fourth))(?:[- ](?i:quarter))(?:{_S}(?:of{_S})?(?P<y>{_YEAR}))?\b"),
    ("half", rf"\b(?i:the\s+)?(?P<o>(?i:first|second))[- ](?i:half)(?:{_S}(?:of{_S})?(?P<y>{_YEAR}))?\b"),
    ("fiscal", rf"\b(?i:fiscal){_S}(?P<y>{_YEAR})\b"),
    ("fiscal_this", r"\b(?i:(?:this|the\s+current)\s+fiscal\s+year)\b"),
    ("weekend", r"\b(?i:the\s+weekend)\b"),
    ("century", r"\b(?i:the\s+)?(?P<c>\d\d)(?:st|nd|rd|th)\s+(?i:century)\b"),
    ("decade", r"\b(?i:the\s+)?(?:(?i:early|mid|late)[- ]?)?(?P<y>1[89]\d0|20[0-9]0)'?s\b"),
    ("decade_short", r"(?<![\w'])(?i:the\s+)(?:(?i:early|mid|late)[- ]?)?(?:'(?P<d>\d)0'?s|(?P<d2>[2-9])0's?)(?![\w'])"),
    ("decade_word", rf"\b(?i:the\s+)(?:(?i:early|mid|late)[- ]?)?(?:(?i:nineteen)[- ])?(?P<w>(?i:{DECADE_WORD}))\b"),
    ("season_bare", r"\b(?P<pre>(?i:in\s+the|during\s+the|by\s+the|the|in|in\s+early|in\s+late|early|late|mid-?))\s+(?P<s>spring|summer|fall|autumn|winter)\b(?!\s+(?:of|and|or)\b|-|\s+[A-Z])"),
    # durations
    ("duration", rf"\b(?P<pre>(?i:the\s+)?(?i:(?:past|last|next|first|previous|coming|latest|following)\s+)?)(?P<n>{_NUM})(?:{_S}(?i:more))?{_S}(?P<u>{_UNITS})\b"),
    ("duration_adj", rf"\b(?P<n>\d+|{_NUM_WORD})-(?P<u>{_UNIT})\b(?!-old)"),
    ("year_quarter", rf"\b(?i:the){_S}(?P<y>{_YEAR}){_S}(?i:quarter)\b"),
    ("set", rf"\b(?P<q>(?i:every|each|per)){_S}(?P<u>(?i:day|week|month|year|hour|minute|morning|night|{_MONTH[3:-1]}))\b"),
    ("set_every", rf"\b(?i:every|each)\s+(?:(?P<n>(?i:other|\d+|two|three|four|five|six|seven|eight|nine|ten|twelve))\s+(?P<u>(?i:days?|weeks?|months?|years?|hours?|minutes?|decades?))|(?P<wd>{_WEEKDAY})|(?P<s>(?i:spring|summer|fall|autumn|winter)))\b"),
    ("set_times", r"\b(?i:once|twice|(?:three|four|five|six|\d+)\s+times)\s+(?i:a|an|per|each)\s+(?P<u>(?i:day|week|month|year|hour|minute))\b"),
    ("set_adv", r"\b(?i:hourly|daily|weekly|monthly|quarterly|annually|yearly)\b"),
    # bare months, seasons of a year, years
    ("mon", rf"\b(?:(?P<pre>(?i:early|mid|late))[- ]|(?i:mid-))?(?P<mon>{_MONTH})(?!\s*\d)"),
    ("season_year", rf"\b(?P<s>(?i:spring|summer|fall|autumn|winter)){_S}(?:of{_S})?(?P<y>{_YEAR})\b"),
    ("year_short", r"(?<![\w'])'(?P<yy>\d\d)(?![\w'%])"),
    ("year", rf"(?<![\d$.,])(?:(?i:early|late|mid)[- ])?(?P<y>{_YEAR})(?![\d,.]\d|-\d)\b"),
]
_PATTERNS = [(name, re.compile(pattern)) for name, pattern in _RULES]
_ANCHORED = dict(_PATTERNS)["anchored"]
_NARRATIVE = 1000
"""How far back (in characters) a told date still anchors "the next day": about a paragraph."""

_MONTHS3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = tuple(WEEKDAYS)
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur", "quarter")
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "mdy": _MONTHS3, "dmy": _MONTHS3, "my": _MONTHS3, "clock": ("a.m", "p.m", "am", "pm"),
    "clock_wd": _WEEKDAYS, "wd_clock": _WEEKDAYS, "holiday": (
        "christmas", "new year", "election", "thanksgiving", "halloween", "valentine", "veterans", "boxing", "labor",
        "memorial", "mother", "father", "king day", "presidents",
    ),
    "recent": ("recent",), "at_the_time": ("time",), "while": ("while",), "year_quarter": ("quarter",),
    "deictic": ("yesterday", "today", "tomorrow", "tonight", "overnight"),
    "part": ("morning", "afternoon", "evening", "night"), "dayparts": _WEEKDAYS,
    "present": ("now", "currently", "these", "present"), "vague": ("days", "weeks", "months", "years", "decades"),
    "past": ("recent", "past", "formerly"), "future": ("future",),
    "bare_units": ("hours", "days", "weeks", "months", "years", "decades"),
    "edge_unit": ("end", "beginning", "start", "middle"),
    "rel_unit": ("week", "month", "year", "quarter", "decade", "century"), "rel_edge": ("week", "month", "year"),
    "rel_month": _MONTHS3, "rel_wd": _WEEKDAYS, "season": _SEASONS, "ago": ("ago", "earlier", "later", "from"),
    "year_earlier": ("year",), "quarter": ("quarter",), "half": ("half",), "fiscal": ("fiscal",),
    "fiscal_this": ("fiscal",), "weekend": ("weekend",), "century": ("century",), "decade": ("18", "19", "20"),
    "duration": _UNIT_WORDS, "duration_adj": _UNIT_WORDS, "set": ("every", "each", "per"),
    "set_adv": ("hourly", "daily", "weekly", "monthly", "quarterly", "annually", "yearly"), "mon": _MONTHS3,
    "season_year": _SEASONS, "year": ("18", "19", "20"), "spelled_day": _MONTHS3,
    "spelled_year": ("nineteen", "thousand"),
    "anchored": ("day", "week", "month", "year", "morning", "afternoon", "evening", "night"),
    "latest": ("latest", "recent"), "part_of_date": ("morning", "afternoon", "evening", "night"), "dmy_of": _MONTHS3, "slash": ("/",),
    "year_short": tuple(f"'{digit}" for digit in range(10)), "decade_short": ("0s", "0'"),
    "set_every": ("every", "each"), "set_times": ("once", "twice", "times"), "ahead": ("ahead",),
    "decade_word": tuple(DECADES), "season_bare": _SEASONS,
}
"""For each rule, words one of which (in lower case) every match of it contains: a stretch of
text with none of them cannot hold a match, and the rule is not run over it."""

_STRETCH = re.compile(r"[\w\s\-.,':$/]+")
"""A stretch of the characters a rule can match or look at (letters, digits, spaces, ``- . , ' :
$ /``). Every other character (quotation marks, brackets, dashes, ``; ! ?``) ends every match and
looks, to every lookaround, the same as the end of the text: scanning stretch by stretch finds
exactly the matches a scan of the whole text finds."""
_CASE_FOLDED = ("\u0131", "\u017f")
"""The characters besides ASCII letters that (?i) matches to one ("ı" to i, "ſ" to s) and that
str.lower() leaves as they are: a text with one is scanned whole."""

_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|going\s+to|plans?\s+to|planned\s+to|planning\s+to|scheduled|"
    r"expected\s+to|is\s+due|are\s+due|due\s+to|set\s+to|intends?\s+to)\b",
    re.IGNORECASE,
)
_WOULD = re.compile(r"\bwould\s+(?!have\b)\w+")
_SINCE = re.compile(r"\b(?:[Ss]ince|[Ll]ast|[Uu]ntil)\s+$")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    type: str
    value: str
    rule: str = ""


def find_times(text: str, anchor: str | None) -> list[Time]:
    """The time expressions of ``text``, in order, with values resolved against ``anchor``
    (the publication date, ``YYYY-MM-DD``); relative ones are left out when it is ``None``."""
    dct = _parse_anchor(anchor)
    taken: list[_Match] = []
    for match in _candidates(text, dct):
        if any(m.start < match.end and match.start < m.end for m in taken):
            continue
        taken.append(match)
    taken.sort(key=lambda m: m.start)
    taken = _anchored(taken, text)
    return [Time(text[m.start : m.end], m.value, m.type, (m.start, m.end)) for m in taken]  # type: ignore[arg-type]


def _parse_anchor(anchor: str | None) -> date | None:
    if not anchor:
        return None
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def _scan(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Every rule's matches in ``text``, rule by rule and in text order within a rule: the same
    as each rule's ``finditer`` over the whole text, but a rule runs only over the stretches of
    text that hold one of the words it needs (one pass of 35 patterns over every character of an
    article was most of the time extraction's cost)."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _CASE_FOLDED):
        for name, pattern in _PATTERNS:
            for m in pattern.finditer(text):
                yield name, m
        return
    stretches = [m.span() for m in _STRETCH.finditer(text)]
    starts = [start for start, _ in stretches]
    holding: dict[str, set[int]] = {}
    for name, pattern in _PATTERNS:
        numbers: set[int] = set()
        for word in _NEEDS[name]:
            found = holding.get(word)
            if found is None:
                found = holding[word] = _stretches_holding(low, word, stretches, starts)
            numbers |= found
        for number in sorted(numbers):
            start, end = stretches[number]
            for m in pattern.finditer(text, start, end):
                yield name, m


def _stretches_holding(low: str, word: str, stretches: list[tuple[int, int]], starts: list[int]) -> set[int]:
    """The numbers of the stretches that hold ``word`` whole: each of its occurrences in the
    text, found once, placed in its stretch (one ``find`` per stretch and word cost more than
    the rules' own scans)."""
    found: set[int] = set()
    at = low.find(word)
    while at >= 0:
        number = bisect_right(starts, at) - 1
        if number >= 0 and at + len(word) <= stretches[number][1]:
            found.add(number)
        at = low.find(word, at + 1)
    return found


def _candidates(text: str, dct: date | None) -> Iterator[_Match]:
    found: list[_Match] = []
    for name, m in _scan(text):
        if m.end() == m.start():
            continue
        resolved = _resolve(name, m, text, dct)
        if resolved is not None:
            kind, value = resolved
            found.append(_Match(m.start(), m.end(), kind, value, name))
    # longest first, then rule order: "Aug. 7, 1998" beats "1998"
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    yield from found


def _resolve(name: str, m: re.Match[str], text: str, dct: date | None) -> tuple[str, str] | None:
    g = m.groupdict()
    low = m.group(0).lower()
    if name == "iso":
        return "DATE", m.group(0)
    if name == "slash":
        month, day, year = int(g["m"]), int(g["d"]), g["y"]
        if len(year) == 2:
            if dct is None:
                return None
            year = str(century_year(int(year), dct))
        try:
            return "DATE", date(int(year), month, day).isoformat()  # US order, month first
        except ValueError:
            return None
    if name == "year_short":
        return None if dct is None else ("DATE", str(century_year(int(g["yy"]), dct)))
    if name in ("mdy", "dmy", "dmy_of", "part_of_date"):
        month = _month(g["mon"])
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None
        if g.get("y"):
            year = int(g["y"])
        elif dct is None:
            return None
        elif _told_as_past(text, m.start()):
            year = dct.year if (month, day) <= (dct.month, dct.day) else dct.year - 1
        else:
            year = year_for_month(month, dct, _future(text, m.start(), m.end()), day)
        if name == "part_of_date":  # "the night of March 3": that part of that day
            return "TIME", f"{year}-{month:02d}-{day:02d}T{_part(g['p'].lower())}"
        return "DATE", f"{year}-{month:02d}-{day:02d}"
    if name == "my":
        return "DATE", f"{g['y']}-{_month(g['mon']):02d}"
    if name == "clock":
        if dct is None:
            return None
        hour = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        minute = int(g["mi"] or 0)
        return "TIME", f"{dct.isoformat()}T{hour:02d}:{minute:02d}"
    if name == "ahead":
        return "DURATION", _period(-1, g["u"].lower()[:-1])
    if name == "set_every":
        if g.get("wd"):
            return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}"  # every Monday: the Mondays
        if g.get("s"):
            return "SET", f"XXXX-{SEASONS[g['s'].lower()]}"
        n = 2 if g["n"].lower() == "other" else _number(g["n"])
        unit = _unit(g["u"])
        return None if n is None or n < 1 or unit is None else ("SET", _period(n, unit))
    if name == "set_times":
        return "SET", _period(1, g["u"].lower())  # "twice a week": a set of weeks (TimeML's freq says twice)
    if name == "vague":
        return "DURATION", _period(-1, g["u"].lower()[:-1])
    if name in ("recent", "at_the_time"):
        return "DATE", "PAST_REF"
    if name == "bare_units":
        unit = g["u"].lower()[:-1]
        return "DURATION", _period(-1, unit)
    if name == "while":
        return ("DATE", "PAST_REF") if g.get("ago") else ("DURATION", "PXX")
    if name == "year_quarter":
        return "DATE", f"{g['y']}-QX"
    if name == "present":
        return "DATE", "PRESENT_REF"
    if name == "past":
        return "DATE", "PAST_REF"
    if name == "future":
        return "DATE", "FUTURE_REF"
    if name == "set_adv":
        unit = {"hourly": "PT1H", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M"}.get(low, "P1Y")
        return "SET", unit
    if name == "set":
        unit = g["u"].lower()
        if unit in UNITS:
            return "SET", _period(1, unit)
        if unit in ("morning", "night"):
            return "SET", {"morning": "TMO", "night": "TNI"}[unit]
        return "SET", f"XXXX-{_month(g['u']):02d}"
    if name in ("duration", "duration_adj"):
        n = _number(g["n"])
        unit = _unit(g["u"])
        if n is None or unit is None or n >= 1000:
            return None  # "the 1988 quarter" is no duration of 1,988 quarters
        if unit == "quarter" and g["n"].lower() in ("a", "an"):
            return None  # "a quarter of the votes"
        return "DURATION", _period(n, unit)
    if name == "decade":
        if g["y"].endswith("00") and g["y"] < "2000":
            return "DATE", g["y"][:2]  # "the 1800s" is the century, TIDES's reading of a round hundred
        return "DATE", g["y"][:3]
    if name == "decade_short":
        return "DATE", f"19{g['d'] or g['d2']}"
    if name == "decade_word":
        return "DATE", f"19{DECADES[g['w'].lower()]}"
    if name == "spelled_year":
        year = spelled_year(g["y"] or g["y2"])
        return None if year is None else ("DATE", str(year))
    if name == "spelled_day" and g.get("y"):
        year = spelled_year(g["y"])
        return None if year is None else ("DATE", f"{year}-{_month(g['mon']):02d}-{day_ordinal(g['d']):02d}")
    if name == "century":
        return "DATE", f"{int(g['c']) - 1:02d}"
    if name == "fiscal":
        return "DATE", g["y"]
    if name == "year":
        return "DATE", g["y"]
    if name == "season_year":
        return "DATE", f"{g['y']}-{SEASONS[g['s'].lower()]}"
    if dct is None:
        return None
    future = _future(text, m.start(), m.end())
    if name == "edge_unit":
        return relative_unit("this", g["u"].lower(), dct)
    if name == "spelled_day":
        month, day = _month(g["mon"]), day_ordinal(g["d"])
        if _told_as_past(text, m.start()):
            year = dct.year if (month, day) <= (dct.month, dct.day) else dct.year - 1
        else:
            year = year_for_month(month, dct, future, day)
        return "DATE", f"{year}-{month:02d}-{day:02d}"
    if name == "anchored":
        return step_from(dct.isoformat(), *step_of(g))
    if name == "season_bare":
        return "DATE", f"{season_year(g['s'].lower(), dct, future)}-{SEASONS[g['s'].lower()]}"
    if name in ("clock_wd", "wd_clock"):
        day = weekday_from(WEEKDAYS[g["wd"].lower()], dct, future)
        hour = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        if hour > 23:
            return None
        return "TIME", f"{day.isoformat()}T{hour:02d}:{int(g['mi'] or 0):02d}"
    if name == "holiday":
        return holiday(re.sub(r"\s+", " ", low), dct, future)
    if name == "deictic":
        offset = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1}.get(
            re.sub(r"\s+", " ", low), 0
        )
        if low == "tonight":
            return "TIME", f"{dct.isoformat()}TNI"
        if low == "overnight":
            return "TIME", f"{dct.isoformat()}TNI"
        return "DATE", (dct + timedelta(days=offset)).isoformat()
    if name == "part":
        words = low.split()
        day = dct
        if "tomorrow" in words:
            day = dct + timedelta(days=1)
        elif "yesterday" in words or "last" in words:
            day = dct - timedelta(days=1)  # "last night": the night before the publication day
        part = words[-1]
        if part in ("morning", "afternoon", "evening", "night"):
            return "TIME", f"{day.isoformat()}T{_part(part)}"
        if part in ("tomorrow", "yesterday"):
            return "DATE", day.isoformat()
        return None
    if name == "dayparts":
        day = weekday_from(WEEKDAYS[g["wd"].lower()], dct, future)
        if g.get("p"):
            return "TIME", f"{day.isoformat()}T{_part(g['p'].lower())}"
        return "DATE", day.isoformat()
    if name == "rel_wd":
        pre = g["pre"].lower()
        target = WEEKDAYS[g["wd"].lower()]
        if pre in ("next", "coming", "this coming", "the following"):
            return "DATE", weekday_from(target, dct, True, strict=True).isoformat()
        if pre in ("last", "the previous"):
            return "DATE", weekday_from(target, dct, False, strict=True).isoformat()
        return "DATE", weekday_from(target, dct, future).isoformat()
    if name == "latest":
        return relative_unit("last", g["u"].lower(), dct)  # the latest quarter: the last one completed
    if name == "rel_unit":
        return relative_unit(g["pre"].lower().split()[-1], g["u"].lower(), dct)
    if name == "rel_edge":
        which = g["which"].lower()
        step = {"this": "this", "last": "last", "next": "next"}[which]
        return relative_unit(step, g["u"].lower(), dct)
    if name == "rel_month":
        month = _month(g["mon"])
        pre = g["pre"].lower()
        if pre in ("next", "coming"):
            year = dct.year if month > dct.month else dct.year + 1
        elif pre in ("last", "previous"):
            year = dct.year if month < dct.month - 1 else dct.year - 1
        else:
            year = dct.year
        return "DATE", f"{year}-{month:02d}"
    if name == "mon":
        if g["mon"] == "May" and re.match(r"\s+(?:be|have|not|also|well|still)\b", text[m.end() : m.end() + 10]):
            return None
        if g["mon"] == "March" and re.match(r"\s+(?:on|to|through|in|against)\b", text[m.end() : m.end() + 10]):
            return None
        month = _month(g["mon"])
        if _SINCE.search(text, max(0, m.start() - 12), m.start()) or _told_as_past(text, m.start()):
            year = dct.year if month <= dct.month else dct.year - 1
            return "DATE", f"{year}-{month:02d}"
        return "DATE", f"{year_for_month(month, dct, future)}-{month:02d}"
    if name == "season":
        pre = g["pre"].lower()
        season = SEASONS[g["s"].lower()]
        year = dct.year - 1 if pre == "last" else dct.year + 1 if pre == "next" else dct.year
        return "DATE", f"{year}-{season}"
    if name == "ago":
        n = _number(g["n"])
        unit = _unit(g["u"])
        later = g["dir"].lower() in ("later", "from now")
        if n is not None and n < 0:
            return "DATE", "FUTURE_REF" if later else "PAST_REF"  # "a few years ago": some time before
        if n is None or unit is None or unit in _TIME_UNITS:
            return None
        if g["dir"].lower() in ("later", "earlier") and not (n == 1 and unit == "year"):
            # "three days later": TimeML marks the distance (a duration) and the word "later" as a signal
            return "DURATION", _period(n, unit)
        return "DATE", shift(dct, unit, (1 if later else -1) * n)
    if name == "fiscal_this":
        return "DATE", str(dct.year)
    if name == "weekend":
        return relative_unit("next" if future else "last", "weekend", dct)
    if name == "year_earlier":
        return "DATE", str(dct.year - 1)
    if name == "quarter":
        q = ORDINALS[g["o"].lower()]
        if g.get("y"):
            return "DATE", f"{g['y']}-Q{q}"
        ty = (g.get("ty") or "").lower()
        current = (dct.month - 1) // 3 + 1
        year = dct.year - 1 if ty.startswith("last") else dct.year if ty else (dct.year if q <= current else dct.year - 1)
        return "DATE", f"{year}-Q{q}"
    if name == "half":
        h = 1 if g["o"].lower() == "first" else 2
        year = g.get("y") or (str(dct.year) if h == 1 or dct.month > 6 else str(dct.year - 1))
        return "DATE", f"{year}-H{h}"
    return None


def _anchored(matches: list[_Match], text: str) -> list[_Match]:
    """Expressions anchored to the last time the text told rather than to the publication date
    (TimeML's anchorTimeID): "a year earlier" after "the third quarter" is that quarter a year
    before (``1988-Q3``), after "Aug. 12, 1989" that day a year before; "a year ago" in a
    comparison with a quarter is the quarter a year before; "the 1988 quarter" is the quarter
    last told, in 1988. Only an anchor within the last ~500 characters counts."""
    out: list[_Match] = []
    last: _Match | None = None
    dated: list[tuple[int, str]] = []  # (end, value) of the dates and times told so far
    for m in matches:
        anchor = last if last is not None and m.start - last.end <= 500 else None
        value = m.value
        if m.rule == "anchored":
            unit, step = step_of(_ANCHORED.match(text, m.start).groupdict())  # type: ignore[union-attr]
            recent = anchor_of([v for end, v in dated if m.start - end <= _NARRATIVE], unit)
            stepped = step_from(recent, unit, step) if recent is not None else None
            if stepped is None and step == 0:
                continue  # "that day" with no day told before it refers to none we know
            if stepped is not None:
                m = _Match(m.start, m.end, stepped[0], stepped[1], m.rule)
                value = m.value
        elif anchor is not None:
            quarter = re.fullmatch(r"(\d{4})-Q(\d)", anchor.value)
            if m.rule == "year_quarter" and quarter:
                value = f"{m.value[:4]}-Q{quarter.group(2)}"
            elif m.rule in ("year_earlier", "ago") and re.fullmatch(r"\d{4}", m.value):
                told = re.sub(r"\s+", " ", text[m.start : m.end].lower())
                day = re.fullmatch(r"(\d{4})(-\d\d-\d\d)", anchor.value)
                earlier = m.rule == "year_earlier" or told in ("a year earlier", "one year earlier")
                if quarter and (earlier or told in ("a year ago", "one year ago")):
                    value = f"{int(quarter.group(1)) - 1}-Q{quarter.group(2)}"
                elif day and earlier and anchor.rule in ("mdy", "dmy", "iso"):
                    value = f"{int(day.group(1)) - 1}{day.group(2)}"
        if value != m.value:
            m = _Match(m.start, m.end, m.type, value, m.rule)
        out.append(m)
        if m.type in ("DATE", "TIME") and m.value[:1].isdigit():
            dated.append((m.end, m.value.split("T")[0]))
        if m.rule not in ("year_earlier", "ago", "year_quarter") and re.fullmatch(r"\d{4}-(?:Q\d|\d\d-\d\d)", m.value):
            last = m  # told against the publication date, not against another told time
    return out


def _future(text: str, position: int, end: int | None = None) -> bool:
    """Whether the clause around ``position`` speaks of the future ("will meet on Monday").

    The verb the expression follows decides first: a past form right before it ("said Monday",
    "announced on Wednesday", "issued July 1") puts it in the past, whatever a neighbouring
    clause plans. Else a future marker in the clause: before the expression, or after it up to
    the next comma ("On Tuesday the council will vote")."""
    if _told_as_past(text, position):
        return False
    before = re.search(r"(\w+)\s+(?:on\s+)?$", text[max(0, position - 40) : position])
    if before is not None and before.group(1).lower() in _SCHEDULED:
        return True  # "the summit opens Tuesday", "the vote is on Monday": a timetable
    start = 0
    for boundary in _SENTENCE_END.finditer(text, max(0, position - 400), position):
        start = boundary.end()
    window = text[max(start, position - 80) : position]
    after = text[end if end is not None else position : (end if end is not None else position) + 40]
    after = re.split(r"[,;:()\[\]\"“”]|\b(?:which|who|that|when|while|but|and)\b|[.!?](?:\s|$)", after, maxsplit=1)[0]
    if _FUTURE.search(window) or _FUTURE.search(after):
        return True
    return bool(_WOULD.search(text, max(start, position - 60), position))


_SCHEDULED = frozenset(
    "opens begins starts ends closes resumes expires convenes arrives leaves returns travels visits heads "
    "open begin start end close resume expire convene arrive leave return travel visit head is are".split()
)
"""Present-tense verbs that tell a timetable when a day follows them ("opens Tuesday")."""


def _told_as_past(text: str, position: int) -> bool:
    """Whether the expression at ``position`` follows a past verb ("said Monday", "issued July 1",
    "announced on Wednesday"): then it is on or before the publication date."""
    before = re.search(r"(\w+)\s+(?:(?:on|in|late|early)\s+)?$", text[max(0, position - 40) : position])
    return before is not None and _past_verb(before.group(1))


_IRREGULAR_PAST = frozenset(
    "said told met held made took gave went came saw found left sent began spoke wrote fought won lost "
    "brought struck shot fled rose fell paid sold bought led kept thought felt became ran stood broke "
    "chose drew drove flew froze hid knew lay meant rode sang sat slept stole swore threw understood "
    "woke wore withdrew overtook undertook forbade forgave got heard".split()
)
_NOT_PAST = frozenset({"scheduled", "expected", "planned", "due", "slated", "needed", "proposed", "tied", "red", "bed", "shed"})


def _past_verb(word: str) -> bool:
    """Whether ``word`` is a past-tense or past-participle form ("announced", "said")."""
    low = word.lower()
    if low in _NOT_PAST:
        return False
    return low in _IRREGULAR_PAST or (len(low) > 4 and low.endswith("ed"))


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _part(part: str) -> str:
    return {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[part]


def _unit(text: str) -> str | None:
    word = text.lower()
    if word == "centuries":
        return "century"
    word = word[:-1] if word.endswith("s") else word
    return word if word in UNITS else None


def _number(text: str) -> int | None:
    word = re.sub(r"\s+", " ", text.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        number = float(word)
        return int(number) if number.is_integer() else None
    parts = re.split(r"[- ]", word)
    if len(parts) > 1 and parts[0] in ("a", "an"):
        parts = parts[1:]
        word = " ".join(parts)
    if word in NUMBERS:
        return NUMBERS[word]
    if all(p in NUMBERS for p in parts):
        return sum(NUMBERS[p] for p in parts)
    return None


def _period(n: int, unit: str) -> str:
    if unit in ("decade", "century") and n >= 0:
        n, unit = n * (10 if unit == "decade" else 100), "year"
    amount = "X" if n < 0 else str(n)
    if unit in _TIME_UNITS:
        return f"PT{amount}{UNITS[unit]}"
    return f"P{amount}{UNITS[unit]}"
