"""Names that look like an actor's and are not: "San Jose, Calif." is not Costa Rica's capital,
"Athens, Georgia" not the country, the Sea of Japan belongs to no one, and "pro-Russia rebels"
are not Russia's. Each predicate looks at the tokens around a knowledge-base match. And the
reverse: a word that is not a country's name but a slip of one ("Kazahks")."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Doc

from thucydides.resolve.gazetteer import US_STATE_ABBREVIATIONS, load_gazetteer

_ALIGNED = frozenset("linked backed allied affiliated inspired aligned leaning supported sponsored".split())


def sympathiser(doc: Doc, start: int, end: int) -> bool:
    """ "pro-Russia rebels", "anti-American protesters", "Al-Qaeda-linked militants": the name says
    whom the group sides with or against, not whose it is."""
    before = doc[start - 2 : start]
    if len(before) == 2 and before[1].text == "-" and before[0].lower_ in ("pro", "anti"):
        return True
    if start >= 1 and doc[start - 1].lower_ in ("pro-", "anti-"):
        return True
    after = doc[end : end + 2]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in _ALIGNED


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(entry.name for entry in load_gazetteer().states.values())


_WATERS = frozenset("Sea Gulf Bay Strait Straits Ocean Channel Lake Sound".split())


def names_water(doc: Doc, start: int, end: int) -> bool:
    """Whether a country's name is part of a sea's ("Sea of Japan", "Gulf of Mexico", "South China
    Sea", "Persian Gulf" stays Persian: only the country's own name is checked)."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in _WATERS:
        return True
    return end < len(doc) and doc[end].text in _WATERS


def inside_a_state_name(doc: Doc, start: int, end: int) -> bool:
    """ "New Mexico's senators", "in New Mexico": the country's name ends a US state's."""
    if start == 0:
        return False
    return f"{doc[start - 1].text} {doc[start:end].text}" in _us_states()


def is_us_state(name: str) -> bool:
    return name in _us_states()


def followed_by_us_state(doc: Doc, end: int) -> bool:
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    following = doc[end + 1].text
    if following in US_STATE_ABBREVIATIONS:
        return True
    names = _us_states()
    return following in names or f"{following} {doc[end + 2].text if end + 2 < len(doc) else ''}" in names


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two words differ by one letter left out, added, changed or two neighbours swapped
    ("Kazahks" and "Kazakhs", "Ghanian" and "Ghanaian")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def misspelt_country(word: str, spellings: Mapping[str, str | None]) -> str | None:
    """The country a capitalised word of six letters or more names when it is one edit away from
    a country's name or nationality (``spellings``: surface -> ISO code) and from no other
    country's: a typing slip ("Kazahks", "Ghanian", "Afghanstan"). Shorter words are too often
    other words one letter away ("Oman" and "Roman", "Mali" and "Male")."""
    if len(word) < 6 or not word[:1].isupper() or not word.isalpha() or word in spellings:
        return None
    found = {country for surface, country in spellings.items() if country and surface[:1] == word[:1] and one_edit_apart(word, surface)}
    return found.pop() if len(found) == 1 else None
