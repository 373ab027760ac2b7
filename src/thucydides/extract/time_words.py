"""The words of spelled-out times: ordinal days ("March eighth"), spelled years ("nineteen
ninety-eight", "the year two thousand and one") and decades ("the nineties"), as broadcast
transcripts write them. The patterns here are pieces of :mod:`thucydides.extract.times`' rules;
the functions read what those pieces matched."""

from __future__ import annotations

import re

DAY_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}
"""Ordinal words of the days of a month, as broadcast transcripts spell them ("March eighth")."""
DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19}
ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    + "|".join(sorted(DAY_ORDINALS, key=len, reverse=True)) + ")"
)
UNITS_WORD = "(?:" + "|".join(ONES) + ")"
TEENS_WORD = "(?:" + "|".join(TEENS) + ")"
SPELLED_19 = r"nineteen[- ](?:" + "|".join(TENS) + r")(?:[- ]" + UNITS_WORD + r")?"
SPELLED_YEAR = rf"{SPELLED_19}|two\s+thousand(?:(?:\s+and)?\s+(?:{UNITS_WORD}|{TEENS_WORD}))?"
DECADE_WORD = "(?:" + "|".join(DECADES) + ")"


def day_ordinal(word: str) -> int:
    """The day a spelled ordinal names: "eighth" 8, "twenty-first" 21."""
    parts = re.split(r"[- ]", word.lower())
    return sum(TENS.get(p, 0) for p in parts[:-1]) + DAY_ORDINALS[parts[-1]]


def spelled_year(text: str) -> int | None:
    """A year spelled out as broadcast transcripts say it ("nineteen ninety-eight", "two thousand
    and one"); digits are returned as they are."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
    if words and words[0].isdigit():
        return int(words[0])
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        return 2000 + sum(ONES.get(w, 0) + TEENS.get(w, 0) for w in rest)
    if words[:1] == ["nineteen"] and len(words) >= 2 and words[1] in TENS:
        return 1900 + TENS[words[1]] + (ONES.get(words[2], 0) if len(words) > 2 else 0)
    return None
