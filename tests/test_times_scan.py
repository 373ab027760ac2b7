"""Time extraction scans an article once per rule only where the rule can match: what it finds
is exactly what each rule's scan of the whole text finds (same matches, same order)."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import DATA, need_data
from thucydides.extract import times
from thucydides.extract.times import find_times


def whole_text_scan(text: str) -> list[tuple[str, tuple[int, int]]]:
    return [(name, m.span()) for name, pattern in times._PATTERNS for m in pattern.finditer(text)]


def stretch_scan(text: str) -> list[tuple[str, tuple[int, int]]]:
    return [(name, m.span()) for name, m in times._scan(text)]


WRITTEN = [
    "Arnor's envoy arrived on Monday, March 3, 2021, and left “two days later” (on Wednesday).",
    "The talks, held in mid-March 2019 (and again in May), ended; the next round is due in the fall.",
    "Gondor paid $1990 for it in 1990's first quarter—a year earlier than planned!",
    "“May 5” was the date; “May” they said, and May 2020 “2021” ended with 10:35 a.m. “EST”.",
    "He said—three-week talks—would start next Monday morning; the 1990s?yes, the 21st century.",
    "Every day for the past few weeks, officials met hourly [since last June] and at 9 pm.",
    "Over the past two months;the previous Friday;fiscal 2023;the first half of 2022.",
    "A 5-year-old and a 10-year plan: the second-quarter figures arrived 2023-04-05.",
    "Istanbul's \u0130stanbul \u0131s ſpring 2020, la\u017ft Friday, ſeven days ago.",  # (?i) folds ı, ſ
    "KELVIN \u212aEEPS quarter, TWO WEEKS AGO, LAST MONTH, YESTERDAY EVENING",
    "Signed 3/15/98 and 12/31/2019 (not 1/2 or 3/4/5); the '85 season, 'no' in '98.",
    "March\n\n2021 began; May\n\nhave been; June\u00a07, 2020 and 7\u00a0June.",
    # a needed word cut by a quotation mark or a dash is in no stretch: "Ma“y” is not May
    "Ma“y 5” and ye“ar 2020”; two da—ys ago, Jan(uary) 3 and Monday—morning; May 5, two days ago.",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_the_stretch_scan_finds_what_the_whole_text_scan_finds(text: str) -> None:
    assert stretch_scan(text) == whole_text_scan(text)


def test_no_rule_matches_nothing() -> None:
    """The stretch scan may skip the empty matches of a whole-text scan: there are none."""
    for name, pattern in times._PATTERNS:
        assert pattern.fullmatch("") is None, name


def test_every_rule_says_which_words_it_needs() -> None:
    assert set(times._NEEDS) == {name for name, _ in times._PATTERNS}
    for name, pattern in times._PATTERNS:
        for text in ("Monday", "March 3, 2021", "two days ago", "the first quarter of 2020", "10:35 a.m."):
            for m in pattern.finditer(text):
                assert any(word in m.group(0).lower() for word in times._NEEDS[name]), (name, m.group(0))


def test_every_character_that_case_folds_to_a_letter_is_seen() -> None:
    """A character (?i) matches to an ASCII letter is lowered to that letter, or lowered to more
    than one character (the text is then scanned whole), or named in _CASE_FOLDED (scanned whole)."""
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    folding = [chr(c) for c in range(0x80, 0x110000) if ascii_letter.fullmatch(chr(c))]
    unseen = [c for c in folding if len(c.lower()) == 1 and not re.fullmatch("[a-z]", c.lower())]
    assert sorted(unseen) == sorted(times._CASE_FOLDED)


def test_the_dev_texts_give_the_same_times() -> None:
    texts = []
    for path in sorted(need_data(DATA).glob("*/dev.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if isinstance(record.get("text"), str):
                    texts.append(record["text"])
    assert len(texts) > 1000
    for text in texts:
        assert stretch_scan(text) == whole_text_scan(text)


def test_times_are_found_across_stretches() -> None:
    found = find_times("On Friday (March 3) “two days ago” they met; later, in 2019—and last week.", "2023-03-06")
    assert [(t.text, t.value) for t in found] == [
        ("Friday", "2023-03-03"), ("March 3", "2023-03-03"), ("two days ago", "2023-03-04"), ("2019", "2019"),
        ("last week", "2023-W09"),
    ]
