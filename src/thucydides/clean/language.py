"""Is it English? A share of common English function words, cheap and good enough to reject
other languages before parsing them with an English pipeline."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = frozenset(
    """a about after against all also an and are as at be been before between but by can could did
    do does for from had has have he her his i if in into is it its last may more most no not of on
    one or other our out over said says she so some than that the their them there these they this
    those to up was we were what when where which while who will with would you""".split()
)


_FOREIGN_FUNCTION_WORDS = frozenset(
    """der das und mit dem ist nicht ein eine einer auf sich zu im vom et une est pas dans pour sur
    aux les ses avec sont leur qui que ne con por para una es se sus pero como más muy che non della
    gli sono não och att det är på het een niet ve bir ile""".split()
)
"""Common function words of other languages written in Latin script: none is an English word,
nor a particle of names in English news ("al-Qaeda", "Los Angeles", "de Klerk")."""


def _short_counts(text: str) -> tuple[int, int]:
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in _FOREIGN_FUNCTION_WORDS for w in words), sum(w in _FUNCTION_WORDS for w in words)


def english_ratio(text: str, sample: int = 5000) -> tuple[float, int]:
    """Share of words in the sample that are English function words, and the number of words."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if not words:
        return 0.0, 0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words), len(words)


def latin_share(text: str, sample: int = 5000) -> tuple[float, int]:
    """Share of the letters in the sample that are Latin (ASCII or Latin-1 to Latin Extended-B),
    and the number of letters."""
    letters = [c for c in text[:sample] if c.isalpha()]
    if not letters:
        return 1.0, 0
    return sum(c < "\u0250" for c in letters) / len(letters), len(letters)


def looks_english(text: str, min_ratio: float) -> tuple[bool, str]:
    """Whether the text reads as English, and the measured ratio as a detail for the rejection."""
    latin, letters = latin_share(text)
    if latin < 0.5:
        # Chinese, Japanese, Russian, Arabic, Greek…: too few words to count, clear from the script
        return False, f"{1 - latin:.0%} of {letters} letters are not in the Latin script"
    ratio, count = english_ratio(text)
    if count < 20:
        # a headline may have no English function words; a short foreign text has its own
        foreign, english = _short_counts(text)
        if foreign >= 2 and foreign > english:
            return False, f"{foreign} of {count} words are common words of other languages, {english} English"
        return True, f"{count} words: too short to tell"
    return ratio >= min_ratio, f"{ratio:.0%} of {count} words are common English words (needs {min_ratio:.0%})"
