"""Names that look like an actor's and are not: "San Jose, Calif." is not Costa Rica's capital,
"Athens, Georgia" not the country, the Sea of Japan belongs to no one, and "pro-Russia rebels"
are not Russia's. Each predicate looks at the tokens around a knowledge-base match."""

from __future__ import annotations

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
