"""Time expressions and their TIMEX3 values, resolved against the publication date.

``find_times(text, anchor)`` finds dates ("Aug. 7, 1998", "last month", "late December", "on
Friday"), times ("10:35 a.m."), durations ("the past two months" → ``P2M``) and sets ("every
day" → ``P1D``) with regular expressions over the text, and normalizes each to a TIMEX3 value.

News conventions: a bare weekday or month refers to the past in a past-tense clause ("said on
Friday" → the last Friday on or before the publication date) and to the future in a future one
("will meet on Monday" → the next Monday). Without a publication date, expressions that need one
stay unresolved (they are not returned) rather than guessed; absolute ones ("March 3, 2021",
"1998") and durations are still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from thucydides.dates import MONTHS
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

_RULES: list[tuple[str, str]] = [
    # absolute dates
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    ("mdy", rf"\b(?:{_WEEKDAY},?{_S})?(?P<mon>{_MONTH}){_S}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?{_S}(?P<y>{_YEAR}))?\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}}){_S}(?P<mon>{_MONTH})(?:,?{_S}(?P<y>{_YEAR}))?\b"),
    ("my", rf"\b(?:(?i:early|mid|late){_S}|(?i:mid-))?(?P<mon>{_MONTH})(?:{_S}of)?{_S}(?P<y>{_YEAR})\b"),
    ("clock", r"\b(?P<h>\d{1,2})(?::(?P<mi>\d\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)(?:\s+(?:EST|EDT|GMT|UTC|ET|PST))?"),
    # relative to the publication date
    ("deictic", r"\b(?i:the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight|overnight)\b"),
    ("part", rf"\b(?i:(?:later|earlier){_S})?(?i:this|tomorrow|yesterday){_S}(?i:{_PART})\b"),
    ("dayparts", rf"\b(?P<wd>{_WEEKDAY})(?:{_S}(?P<p>(?i:{_PART})))?\b"),
    ("present", r"\b(?i:now|currently|these\s+days|at\s+present|nowadays)\b"),
    ("vague", r"\b(?i:(?:in\s+)?(?:the\s+)?(?:recent|coming|past\s+few|last\s+few|next\s+few)\s+(?P<u>days|weeks|months|years|decades))\b"),
    ("past", r"\b(?i:(?:in\s+)?recent(?:ly)?|the\s+past(?!\s+\w+\s+(?:day|week|month|year)s?\b)|(?:in\s+)?(?:the\s+)?past\s+years|formerly)\b"),
    ("future", r"\b(?i:the\s+(?:near\s+)?future|in\s+future)\b"),
    ("rel_unit", rf"\b(?P<pre>(?i:(?:early|late|earlier|later)\s+)?(?i:last|next|this|coming|past|previous|current)){_S}(?P<u>(?i:week|weekend|month|year|quarter|decade|century))\b"),
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
    ("decade", r"\b(?i:the\s+)?(?P<y>1[89]\d0|20[0-9]0)'?s\b"),
    # durations
    ("duration", rf"\b(?P<pre>(?i:the\s+)?(?i:(?:past|last|next|first|previous|coming|latest|following)\s+)?)(?P<n>{_NUM}){_S}(?P<u>{_UNITS})\b"),
    ("duration_adj", rf"\b(?P<n>\d+|{_NUM_WORD})-(?P<u>{_UNIT})\b(?!-old)"),
    ("set", rf"\b(?P<q>(?i:every|each|per)){_S}(?P<u>(?i:day|week|month|year|hour|minute|morning|night|{_MONTH[3:-1]}))\b"),
    ("set_adv", r"\b(?i:hourly|daily|weekly|monthly|annually|yearly)\b"),
    # bare months, seasons of a year, years
    ("mon", rf"\b(?:(?P<pre>(?i:early|mid|late))[- ]|(?i:mid-))?(?P<mon>{_MONTH})(?!\s*\d)"),
    ("season_year", rf"\b(?P<s>(?i:spring|summer|fall|autumn|winter)){_S}(?:of{_S})?(?P<y>{_YEAR})\b"),
    ("year", rf"(?<![\d$.,])(?:(?i:early|late|mid)[- ])?(?P<y>{_YEAR})(?![\d,.]\d|-\d)\b"),
]
_PATTERNS = [(name, re.compile(pattern)) for name, pattern in _RULES]

_MONTHS3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = tuple(WEEKDAYS)
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur", "quarter")
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "mdy": _MONTHS3, "dmy": _MONTHS3, "my": _MONTHS3, "clock": ("a.m", "p.m", "am", "pm"),
    "deictic": ("yesterday", "today", "tomorrow", "tonight", "overnight"),
    "part": ("morning", "afternoon", "evening", "night"), "dayparts": _WEEKDAYS,
    "present": ("now", "currently", "these", "present"), "vague": ("days", "weeks", "months", "years", "decades"),
    "past": ("recent", "past", "formerly"), "future": ("future",),
    "rel_unit": ("week", "month", "year", "quarter", "decade", "century"), "rel_edge": ("week", "month", "year"),
    "rel_month": _MONTHS3, "rel_wd": _WEEKDAYS, "season": _SEASONS, "ago": ("ago", "earlier", "later", "from"),
    "year_earlier": ("year",), "quarter": ("quarter",), "half": ("half",), "fiscal": ("fiscal",),
    "fiscal_this": ("fiscal",), "weekend": ("weekend",), "century": ("century",), "decade": ("18", "19", "20"),
    "duration": _UNIT_WORDS, "duration_adj": _UNIT_WORDS, "set": ("every", "each", "per"),
    "set_adv": ("hourly", "daily", "weekly", "monthly", "annually", "yearly"), "mon": _MONTHS3,
    "season_year": _SEASONS, "year": ("18", "19", "20"),
}
"""For each rule, words one of which (in lower case) every match of it contains: a stretch of
text with none of them cannot hold a match, and the rule is not run over it."""

_STRETCH = re.compile(r"[\w\s\-.,':$]+")
"""A stretch of the characters a rule can match or look at (letters, digits, spaces, ``- . , ' :
$``). Every other character (quotation marks, brackets, dashes, ``; ! ?``) ends every match and
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
    present: dict[str, list[bool]] = {}
    for name, pattern in _PATTERNS:
        needs = _NEEDS[name]
        for number, (start, end) in enumerate(stretches):
            for word in needs:
                flags = present.get(word)
                if flags is None:
                    flags = present[word] = [low.find(word, s, e) >= 0 for s, e in stretches]
                if flags[number]:
                    break
            else:
                continue
            for m in pattern.finditer(text, start, end):
                yield name, m


def _candidates(text: str, dct: date | None) -> Iterator[_Match]:
    found: list[_Match] = []
    for name, m in _scan(text):
        if m.end() == m.start():
            continue
        resolved = _resolve(name, m, text, dct)
        if resolved is not None:
            kind, value = resolved
            found.append(_Match(m.start(), m.end(), kind, value))
    # longest first, then rule order: "Aug. 7, 1998" beats "1998"
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    yield from found


def _resolve(name: str, m: re.Match[str], text: str, dct: date | None) -> tuple[str, str] | None:
    g = m.groupdict()
    low = m.group(0).lower()
    if name == "iso":
        return "DATE", m.group(0)
    if name in ("mdy", "dmy"):
        month = _month(g["mon"])
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None
        if g.get("y"):
            return "DATE", f"{g['y']}-{month:02d}-{day:02d}"
        if dct is None:
            return None
        year = _year_for_month(month, dct, _future(text, m.start()), day)
        return "DATE", f"{year}-{month:02d}-{day:02d}"
    if name == "my":
        return "DATE", f"{g['y']}-{_month(g['mon']):02d}"
    if name == "clock":
        if dct is None:
            return None
        hour = int(g["h"]) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        minute = int(g["mi"] or 0)
        return "TIME", f"{dct.isoformat()}T{hour:02d}:{minute:02d}"
    if name == "vague":
        return "DURATION", _period(-1, g["u"].lower()[:-1])
    if name == "present":
        return "DATE", "PRESENT_REF"
    if name == "past":
        return "DATE", "PAST_REF"
    if name == "future":
        return "DATE", "FUTURE_REF"
    if name == "set_adv":
        unit = {"hourly": "PT1H", "daily": "P1D", "weekly": "P1W", "monthly": "P1M"}.get(low, "P1Y")
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
        if n is None or unit is None:
            return None
        pre = (g.get("pre") or "").lower().strip()
        if unit == "quarter" and g["n"].lower() in ("a", "an"):
            return None  # "a quarter of the votes"
        return "DURATION", _period(n, unit)
    if name == "decade":
        return "DATE", g["y"][:3]
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
    future = _future(text, m.start())
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
        elif "yesterday" in words:
            day = dct - timedelta(days=1)
        part = words[-1]
        if part in ("morning", "afternoon", "evening", "night"):
            return "TIME", f"{day.isoformat()}T{_part(part)}"
        if part in ("tomorrow", "yesterday"):
            return "DATE", day.isoformat()
        return None
    if name == "dayparts":
        day = _weekday(WEEKDAYS[g["wd"].lower()], dct, future)
        if g.get("p"):
            return "TIME", f"{day.isoformat()}T{_part(g['p'].lower())}"
        return "DATE", day.isoformat()
    if name == "rel_wd":
        pre = g["pre"].lower()
        target = WEEKDAYS[g["wd"].lower()]
        if pre in ("next", "coming", "this coming", "the following"):
            return "DATE", _weekday(target, dct, True, strict=True).isoformat()
        if pre in ("last", "the previous"):
            return "DATE", _weekday(target, dct, False, strict=True).isoformat()
        return "DATE", _weekday(target, dct, future).isoformat()
    if name == "rel_unit":
        return _relative_unit(g["pre"].lower().split()[-1], g["u"].lower(), dct)
    if name == "rel_edge":
        which = g["which"].lower()
        step = {"this": "this", "last": "last", "next": "next"}[which]
        return _relative_unit(step, g["u"].lower(), dct)
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
        if _SINCE.search(text, max(0, m.start() - 12), m.start()):
            year = dct.year if month <= dct.month else dct.year - 1
            return "DATE", f"{year}-{month:02d}"
        return "DATE", f"{_year_for_month(month, dct, future)}-{month:02d}"
    if name == "season":
        pre = g["pre"].lower()
        season = SEASONS[g["s"].lower()]
        year = dct.year - 1 if pre == "last" else dct.year + 1 if pre == "next" else dct.year
        return "DATE", f"{year}-{season}"
    if name == "ago":
        n = _number(g["n"])
        unit = _unit(g["u"])
        if n is None or n < 0 or unit is None or unit in _TIME_UNITS:
            return None
        sign = 1 if g["dir"].lower() in ("later", "from now") else -1
        return "DATE", _shift(dct, unit, sign * n)
    if name == "fiscal_this":
        return "DATE", str(dct.year)
    if name == "weekend":
        return _relative_unit("next" if future else "last", "weekend", dct)
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


def _relative_unit(step: str, unit: str, dct: date) -> tuple[str, str] | None:
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
    return "DATE", _shift(dct, unit, delta)


def _shift(dct: date, unit: str, n: int) -> str:
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


def _future(text: str, position: int) -> bool:
    """Whether the clause around ``position`` speaks of the future ("will meet on Monday")."""
    start = 0
    for boundary in _SENTENCE_END.finditer(text, max(0, position - 400), position):
        start = boundary.end()
    window = text[max(start, position - 80) : position + 30]
    cut = _SENTENCE_END.search(window, position - max(start, position - 80))
    if cut is not None:
        window = window[: cut.start()]
    if _FUTURE.search(window):
        return True
    return bool(_WOULD.search(text, max(start, position - 60), position))


def _weekday(target: int, dct: date, future: bool, strict: bool = False) -> date:
    if future:
        days = (target - dct.weekday()) % 7
        if strict and days == 0:
            days = 7
        return dct + timedelta(days=days)
    days = (dct.weekday() - target) % 7
    if strict and days == 0:
        days = 7
    return dct - timedelta(days=days)


def _year_for_month(month: int, dct: date, future: bool, day: int = 1) -> int:
    """The year of a month (and day) named without one: the next occurrence in a future clause,
    else the nearest occurrence to the publication date."""
    if future:
        return dct.year if (month, day) >= (dct.month, dct.day if day != 1 else 1) else dct.year + 1
    here = dct.year * 12 + dct.month
    return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: (abs(y * 12 + month - here), y))


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
