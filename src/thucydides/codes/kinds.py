"""Kinds of argument (data/kinds.yaml): what the object of a lexicon sense must be.

A verb codes an event only in its political sense, and the sense shows in its object: CAMEO 0841
releases persons ("released the hostages"), not a report; 0873 demobilises armed forces, not a
commission. A lexicon entry names the kind its object must be (``object: persons``); the coder
leaves a match whose object is of another kind uncoded, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from thucydides.errors import ResourceError

_ACTOR_RULES = frozenset({"any", "armed"})


@dataclass(frozen=True)
class Kind:
    name: str
    actors: str | None
    """Which resolved actors fit: ``any``, ``armed`` (armed sectors, or a country or group with no
    sector), or None (no actor fits by being one)."""
    entities: frozenset[str]
    pronouns: frozenset[str]
    nouns: frozenset[str]
    event_nouns: bool
    """Whether a noun that names an event of the lexicon fits ("promised talks", "offered aid")."""
    sectors_not: frozenset[str] = frozenset()
    """For a subject kind: the sectors whose actors are not of the kind ("a judge dissented" is no
    protest: JUD)."""
    clauses: bool = False
    """Whether a clause object fits ("promised that it would withdraw"); where not, "accepted
    that the talks had failed" accepts a fact, not an offer."""
    nationals_not: bool = False
    """For a subject kind: whether the people of a nationality ("52,000 Venezuelans") are not of
    the kind."""
    persons_need_sector: bool = False
    """For a subject kind: whether a named person with no known role is not of the kind (a
    private traveller is no visiting official)."""


@lru_cache(maxsize=1)
def kind_table() -> dict[str, Kind]:
    """Every kind of argument by name."""
    source = resources.files("thucydides.codes").joinpath("data/kinds.yaml")
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ResourceError(f"cannot read kinds {source}: {error}") from error
    table: dict[str, Kind] = {}
    raw = raw or {}
    for name, item in raw.items():
        for other in item.get("includes") or ():  # "destination": a place or a visitor
            if other not in raw or raw[other].get("includes"):
                raise ResourceError(f"kinds.yaml {name}: includes {other!r}, which is not a kind without includes")
            for key in ("entities", "pronouns", "nouns"):
                item[key] = [*(item.get(key) or ()), *(raw[other].get(key) or ())]
            item["event_nouns"] = item.get("event_nouns", False) or raw[other].get("event_nouns", False)
        actors = item.get("actors")
        if actors is not None and actors not in _ACTOR_RULES:
            raise ResourceError(f"kinds.yaml {name}: actors must be one of {sorted(_ACTOR_RULES)}, not {actors!r}")
        table[str(name)] = Kind(
            name=str(name),
            actors=actors,
            entities=frozenset(item.get("entities") or ()),
            pronouns=frozenset(str(p).lower() for p in item.get("pronouns") or ()),
            nouns=frozenset(str(n).lower() for n in item.get("nouns") or ()),
            event_nouns=bool(item.get("event_nouns", False)),
            sectors_not=frozenset(str(x) for x in item.get("sectors_not") or ()),
            persons_need_sector=bool(item.get("persons_need_sector", False)),
            clauses=bool(item.get("clauses", False)),
            nationals_not=bool(item.get("nationals_not", False)),
        )
    return table
