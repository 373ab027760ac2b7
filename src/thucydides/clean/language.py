"""Is it English? A share of common English function words, cheap and good enough to reject
other languages before parsing them with an English pipeline."""

from __future__ import annotations

import re
import string

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


_PARTICLES = frozenset(
    """le la les de du des un une au aux el los las der den die dem van von da di do dos das al""".split()
)
"""Function words of other languages that English news also writes as particles of names ("Le
Pen", "de Klerk", "La Paz", "Los Angeles", "Van Gogh"): counted as foreign only when the next
word is not capitalised ("le président", "un soldat"), so a name is never counted."""

_ACCENTED = re.compile(r"[àâäçèéêëîïôöùûüÿñãõœßáíóú]")
"""Letters English spells its own words without: a lower-case word holding one ("rencontré",
"été", "à") is a word of another language; names are capitalised and not counted."""

_SHARED = frozenset({"a", "in", "on", "die", "so", "was", "is"})
"""English function words that are also common words of French, German or Dutch ("il a dit",
"in der Stadt"): not counted as English when the text has foreign words around them."""


def _short_counts(text: str) -> tuple[int, int]:
    """Words of other languages and English function words in a short text (see above)."""
    words = _WORD.findall(text)
    foreign = english = shared = 0
    for i, word in enumerate(words):
        low = word.lower()
        following = words[i + 1] if i + 1 < len(words) else ""
        if low in _FOREIGN_FUNCTION_WORDS or (low in _PARTICLES and following[:1].islower()):
            foreign += 1
        elif word.islower() and _ACCENTED.search(word):
            foreign += 1
        elif low in _FUNCTION_WORDS:
            english += 1
            shared += low in _SHARED
    if foreign >= 2 and foreign > english - shared:
        english -= shared
    return foreign, english


def english_ratio(text: str, sample: int = 5000) -> tuple[float, int]:
    """Share of words in the sample that are English function words, and the number of words."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if not words:
        return 0.0, 0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words), len(words)


def latin_share(text: str, sample: int = 5000) -> tuple[float, int]:
    """Share of the letters in the sample that are Latin (ASCII or Latin-1 to Latin Extended-B),
    and the number of letters."""
    part = text[:sample]
    if part.isascii():  # most texts: every letter is Latin, counted in C rather than one by one
        count = len(part) - len(part.translate(_ASCII_LETTERS))
        return 1.0, count
    letters = [c for c in part if c.isalpha()]
    if not letters:
        return 1.0, 0
    return sum(c < "\u0250" for c in letters) / len(letters), len(letters)


_ASCII_LETTERS = str.maketrans("", "", string.ascii_letters)
"""Deletes the ASCII letters (in ASCII text, the characters ``str.isalpha`` is true of)."""


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


def names_and_numbers(text: str, sample: int = 5000) -> tuple[bool, str]:
    """Whether a text that does not read as English is no running text at all rather than another
    language: a score sheet, a table, a list of names ("Oak Hill 14 20 11 19 — 64", "Moreau 31
    points."). Prose in any language written in the Latin script is mostly lower-case words; such a
    page is mostly capitalised names and figures. The measured shares, as a detail for the rejection."""
    words = _WORD.findall(text[:sample])
    tokens = text[:sample].split()
    if len(words) < 20 or not tokens:
        return False, ""
    lower = sum(w.islower() for w in words) / len(words)
    figures = sum(any(c.isdigit() for c in t) for t in tokens) / len(tokens)
    return lower < 0.5, f"only {lower:.0%} of {len(words)} words are in lower case and {figures:.0%} of its tokens hold figures: a table or a list, not running text"
