"""Places: toponyms found by NER and the gazetteer, geocoded offline and disambiguated by context.

Finding and resolving are separate steps. :func:`find_mentions` lists toponym spans (spaCy's GPE,
LOC and FAC entities the gazetteer knows, other entities that name a country or a region we list,
and "City, State" pairs). :func:`resolve_mentions` picks one gazetteer entry per mention: the
population of a candidate counts, and so does the article's context — countries named outright,
US states, the dateline, the actors' countries and a user-set country bias — so "Alexandria" in
an article about Louisiana is Alexandria, Louisiana. Choosing where an *event* happened is left to
:mod:`thucydides.extract.when_where`, which reads the parse. The places component
(:mod:`thucydides.resolve.components`) runs both and writes the places on the Doc.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from thucydides.nlp.sentences import text_of
from thucydides.records import Actor, Dateline, Place
from thucydides.resolve.gazetteer import (
    US_STATE_ABBREVIATIONS, Candidate, Entry, Gazetteer, admin1_of, distance_km, normalize,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MISLABELLED_CITY = 20_000
"""Population above which a city named by a PERSON or ORG entity is taken as the city."""
_OTHER_LABELS_OK = frozenset({"ORG", "NORP", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"})
_KNOWN_FEATURES = frozenset({"country", "region", "sea", "ocean", "strait", "continent", "state"})
@dataclass(frozen=True)
class Mention:
    text: str
    span: tuple[int, int]
    state: str | None = None
    """The US state named right after it ("Alexandria, La."), if any."""
    demonym: bool = False
    """A people or adjective standing for its country ("Russian")."""


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Toponym spans of ``doc``, in text order, none overlapping."""
    mentions: list[Mention] = []
    for ent in doc.ents:
        text, start = _strip_article(ent)
        if not text or not any(c.isalpha() for c in text):
            continue
        candidates = gazetteer.lookup(text)
        if _acronym(text) and not any(c.entry.feature != "city" for c in candidates):
            continue  # "UN", "AU": an organisation's initials, never the town Un in India
        if ent.label_ == "NORP" and gazetteer.demonym(text) is not None and not candidates:
            mentions.append(Mention(text, (start, start + len(text)), demonym=True))
            continue
        if ent.label_ in PLACE_LABELS:
            if not candidates:
                continue
        elif ent.label_ in _OTHER_LABELS_OK:
            # small NER models call "Alexandria" a person and "Ukraine" an organisation
            if not any(
                not c.alias and (c.entry.feature in _KNOWN_FEATURES or c.entry.population >= _MISLABELLED_CITY)
                for c in candidates
            ):
                continue
        else:
            continue
        state = _state_after(text_of(doc), start + len(text), gazetteer)
        mentions.append(Mention(text, (start, start + len(text)), state))
    mentions.extend(_listed_names(doc, gazetteer, mentions))
    mentions.sort(key=lambda m: m.span)
    return mentions


def _acronym(text: str) -> bool:
    """Two or three capitals: initials ("UN", "AU", "ECB"); only a country or region is written
    so ("US", "UK", "UAE", "DRC"), never a town."""
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper()


def _strip_article(ent: Span) -> tuple[str, int]:
    text = ent.text
    start = ent.start_char
    match = re.match(r"(?:the|The)\s+", text)
    if match and not text.startswith("The Hague"):
        text, start = text[match.end() :], start + match.end()
    while text.endswith(("'s", "’s")):
        text = text[:-2]
    return text.rstrip(" .,") if not re.search(r"\b[A-Z]\.$", text) else text, start


_STATE_AFTER = re.compile(r",\s+([A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)")


def _state_after(text: str, end: int, gazetteer: Gazetteer) -> str | None:
    match = _STATE_AFTER.match(text, end)
    if match is None:
        return None
    word = match.group(1)
    if word in US_STATE_ABBREVIATIONS:
        return US_STATE_ABBREVIATIONS[word]
    for candidate in gazetteer.lookup(word):
        if candidate.entry.feature == "state":
            return candidate.entry.admin1
    return None


_LISTED = re.compile(
    r"\b(?:the\s+)?(?:Black|Red|Caspian|Baltic|North|South\s+China|East\s+China|Mediterranean|Arabian|Caribbean)"
    r"\s+Sea|\b(?:Gaza\s+Strip|West\s+Bank|Golan\s+Heights|Strait\s+of\s+Hormuz|Persian\s+Gulf|Sea\s+of\s+Azov)\b"
    r"|\bDonbass?\b|\bCrimea\b"
)


def _listed_names(doc: Doc, gazetteer: Gazetteer, found: list[Mention]) -> Iterable[Mention]:
    """Regions and seas from our own list that NER missed."""
    for match in _LISTED.finditer(text_of(doc)):
        start, end = match.span()
        text = match.group(0)
        if text.lower().startswith("the "):
            start += 4
            text = text[4:]
        if any(m.span[0] < end and start < m.span[1] for m in found) or not gazetteer.lookup(text):
            continue
        yield Mention(text, (start, end))


@dataclass(frozen=True)
class Context:
    countries: Counter[str]
    states: Counter[str]
    bias: str | None = None


def context_countries(actors: Iterable[Actor], mentions: list[Mention]) -> list[str]:
    """The distinct countries of the article's known actors (those in the knowledge base), leaving
    out actors named after a toponym
    of the article ("Paris police", "the Dublin Arts Council"): their country is only a guess at
    that toponym, and would vote for itself."""
    names = [re.compile(rf"\b{re.escape(m.text)}\b", re.IGNORECASE) for m in mentions if not m.demonym]
    countries: set[str] = set()
    for actor in actors:
        if not actor.country or actor.kb_id is None:
            continue  # "officials", "the student": their country is a guess from the places around
        if any(m.span[0] < actor.span[1] and actor.span[0] < m.span[1] for m in mentions if not m.demonym):
            continue
        if any(name.search(actor.text) for name in names):
            continue
        countries.add(actor.country)
    return sorted(countries)


def resolve_mentions(
    mentions: list[Mention],
    gazetteer: Gazetteer,
    *,
    dateline: Dateline | None = None,
    actor_countries: Iterable[str] = (),
    bias: str | None = None,
    text: str = "",
) -> list[Place]:
    """One place per mention the gazetteer can resolve, chosen with the article's context.

    ``text`` is the article's text, read for clues NER does not give as toponyms: counties
    ("Rapides Parish" names Louisiana) and state abbreviations ("Ocilla, Ga.").
    """
    countries: Counter[str] = Counter(c for c in actor_countries if c)
    states: Counter[str] = Counter(_states_in_text(text, gazetteer))
    if states:
        countries["USA"] += 1
    if bias:
        countries[bias] += 2
    dateline_entry = geocode_dateline(dateline, gazetteer, Context(Counter(countries), Counter(), bias)) if dateline else None
    if dateline_entry is not None and dateline_entry.country:
        countries[dateline_entry.country] += 3
        if dateline_entry.country == "USA" and dateline_entry.admin1:
            states[dateline_entry.admin1] += 3
    # first pass: what is unambiguous sets the context
    for mention in mentions:
        if mention.demonym:
            continue
        candidates = gazetteer.lookup(mention.text)
        if mention.state:
            states[mention.state] += 2
            countries["USA"] += 2
        strong = [c for c in candidates if c.entry.feature in ("country", "state") and not c.alias]
        if len(strong) == 1:
            candidates = strong
        own = [c.entry for c in candidates if not c.alias] or [c.entry for c in candidates]
        if not own:
            continue
        if len({e.country for e in own}) == 1 and own[0].country:
            # every place of that name lies in one country ("Rapides Parish", "Springfield")
            countries[own[0].country] += 1
            if own[0].country == "USA" and len({e.admin1 for e in own}) == 1 and own[0].admin1:
                states[own[0].admin1] += 1
                continue
        clear = _clear_reading(candidates)
        if clear is not None and clear.country == "USA" and clear.feature in ("city", "county") and clear.admin1:
            # a name one US place is far better known by ("Nashville") points to its state
            states[clear.admin1] += 1
    context = Context(countries, states, bias)
    plausible = _plausible_by_name(mentions, gazetteer, context)
    places: list[Place] = []
    chosen: dict[tuple[str, str | None, bool], Entry | None] = {}
    """The reading of each name already read: a name said ten times is weighed once."""
    for mention in mentions:
        key = (mention.text, mention.state, mention.demonym)
        if key in chosen:
            entry = chosen[key]
        elif mention.demonym:
            entry = chosen[key] = gazetteer.demonym(mention.text)
        else:
            candidates = gazetteer.lookup(mention.text)
            if mention.state:
                candidates = _in_state(candidates, mention.state)
            others = [entries for name, entries in plausible.items() if name != normalize(mention.text)]
            entry = max(candidates, key=lambda c: _score(c, context) + _nearby(c.entry, others)).entry if candidates else None
            chosen[key] = entry
        if entry is None:
            continue
        places.append(to_place(mention.text, entry, mention.span))
    return places


_COUNTY = re.compile(r"\b((?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+\s(?:County|Parish|Borough))\b")
_POSTAL = frozenset(a for a in US_STATE_ABBREVIATIONS.values())
_STATE_ABBREVIATION = re.compile(
    r"\b[A-Z][a-z]+,\s(" + "|".join(re.escape(a) for a in sorted(set(US_STATE_ABBREVIATIONS) | _POSTAL | {"DC"}))
    + r")(?![A-Za-z])"
)


def _states_in_text(text: str, gazetteer: Gazetteer) -> Iterable[str]:
    """US states the text names through a county only one state has, or an abbreviation after a
    place ("Ocilla, Ga.", "Urbana, IL"), once per state."""
    found: set[str] = set()
    for match in _COUNTY.finditer(text):
        in_states = gazetteer.states_with_county(match.group(1))
        if len(in_states) == 1:
            found |= in_states
    for match in _STATE_ABBREVIATION.finditer(text):
        word = match.group(1)
        found.add(US_STATE_ABBREVIATIONS.get(word, word))
    return found


def choose(candidates: list[Candidate], context: Context, state: str | None = None) -> Entry | None:
    """The most likely entry among ``candidates`` given the context."""
    if not candidates:
        return None
    if state:
        candidates = _in_state(candidates, state)
    return max(candidates, key=lambda c: _score(c, context)).entry


_CLEAR_MARGIN = 1.0


def _clear_reading(candidates: list[Candidate]) -> Entry | None:
    """The reading of a name that outscores every other by a wide margin, out of context."""
    if len(candidates) < 2:
        return None
    empty = Context(Counter(), Counter())
    ranked = sorted(candidates, key=lambda c: _score(c, empty), reverse=True)
    if _score(ranked[0], empty) - _score(ranked[1], empty) >= _CLEAR_MARGIN:
        return ranked[0].entry
    return None


def _in_state(candidates: list[Candidate], state: str) -> list[Candidate]:
    in_state = [c for c in candidates if c.entry.country == "USA" and c.entry.admin1 == state and c.entry.feature != "state"]
    return in_state or candidates


_PLAUSIBLE_MARGIN = 2.0
"""How far below a name's best candidate another may score and still be a reading of it that
vouches for places near it."""
_NEAR_KM = 60.0
_NEAR_LAT = _NEAR_KM / 111.0
"""Degrees of latitude spanning a little more than _NEAR_KM (a degree is 111.19 km along a meridian)."""
_NEAR_BONUS, _NEAR_MAX = 1.5, 2


def _plausible_by_name(mentions: list[Mention], gazetteer: Gazetteer, context: Context) -> dict[str, list[Entry]]:
    """Each distinct toponym's plausible readings: its candidates scoring near its best one."""
    plausible: dict[str, list[Entry]] = {}
    for mention in mentions:
        key = normalize(mention.text)
        if mention.demonym or key in plausible:
            continue
        candidates = gazetteer.lookup(mention.text)
        if mention.state:
            candidates = _in_state(candidates, mention.state)
        if not candidates:
            continue
        scores = [_score(c, context) for c in candidates]
        best = max(scores)
        plausible[key] = [c.entry for c, v in zip(candidates, scores) if v >= best - _PLAUSIBLE_MARGIN]
    return plausible


def _nearby(entry: Entry, others: list[list[Entry]]) -> float:
    """Spatial coherence: a bonus for each other toponym of the article that can be read as a
    place near ``entry`` (within ~100 km, or the US state it lies in or contains), so the readings
    chosen lie close together ("Athens" with "Clarke County" is Athens, Georgia)."""
    if entry.feature in ("country", "continent", "sea", "ocean") or len(others) == 0:
        return 0.0
    hits = 0
    for readings in others:
        if any(_near(entry, other) for other in readings):
            hits += 1
    return _NEAR_BONUS * min(hits, _NEAR_MAX)


def _near(a: Entry, b: Entry) -> bool:
    if a.feature in ("country", "continent", "sea", "ocean") or b.feature in ("country", "continent", "sea", "ocean"):
        return False
    if a.feature == "state" or b.feature == "state":
        return a.country == b.country == "USA" and a.admin1 == b.admin1 and a != b
    # Two places further apart in latitude than _NEAR_KM are further apart than that: most pairs
    # are settled by one subtraction, without comparing the entries or the great-circle distance.
    return abs(a.lat - b.lat) <= _NEAR_LAT and a != b and distance_km(a.lat, a.lon, b.lat, b.lon) <= _NEAR_KM


_COUNTRY_BONUS, _COUNTRY_STEP = 2.0, 0.5
_STATE_BONUS, _STATE_STEP = 2.5, 0.5


def _score(candidate: Candidate, context: Context) -> float:
    entry = candidate.entry
    if entry.feature == "country":
        score = 8.5
    elif entry.feature == "state":
        score = 7.0
    elif entry.feature in ("sea", "ocean", "strait", "continent"):
        score = 8.0
    elif entry.feature == "county":
        score = 3.5
    else:
        score = math.log10(entry.population + 10)
    if entry.capital:
        score += 1.5
    if candidate.alias:
        score -= 1.0
    if entry.country:
        hits = context.countries.get(entry.country, 0)
        if hits:
            score += _COUNTRY_BONUS + _COUNTRY_STEP * min(hits, 4)
        if context.bias and entry.country == context.bias:
            score += 1.0
    if entry.country == "USA" and entry.admin1 and entry.feature != "state":
        hits = context.states.get(entry.admin1, 0)
        if hits:
            score += _STATE_BONUS + _STATE_STEP * min(hits, 3)
    return score


def to_place(text: str, entry: Entry, span: tuple[int, int]) -> Place:
    admin1, admin1_name = admin1_of(entry)
    return Place(
        text=text,
        name=entry.name,
        country=entry.country,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        geonameid=entry.geonameid,
        feature=entry.feature,
        span=span,
        admin1=admin1,
        admin1_name=admin1_name,
    )


def geocode_dateline(dateline: Dateline | None, gazetteer: Gazetteer, context: Context | None = None) -> Entry | None:
    """Where a dateline was filed from: "KIEV, Ukraine" → Kyiv; "SPRINGFIELD, Ill." → Springfield, Illinois."""
    if dateline is None:
        return None
    parts = [p.strip() for p in dateline.place.split(",")]
    city = parts[0].title()
    qualifier = parts[1] if len(parts) > 1 else None
    candidates = gazetteer.lookup(city)
    context = context or Context(Counter(), Counter())
    if qualifier:
        state = US_STATE_ABBREVIATIONS.get(qualifier)
        if state is None:
            for c in gazetteer.lookup(qualifier):
                if c.entry.feature == "state":
                    state = c.entry.admin1
                elif c.entry.feature == "country" and c.entry.country:
                    narrowed = [d for d in candidates if d.entry.country == c.entry.country]
                    candidates = narrowed or candidates
        if state:
            return choose(candidates, context, state)
    return choose(candidates, context)


def dateline_place(dateline: Dateline | None, gazetteer: Gazetteer, text: str) -> Place | None:
    """The dateline as a place, its span the place part of the dateline."""
    entry = geocode_dateline(dateline, gazetteer)
    if dateline is None or entry is None:
        return None
    start = text.find(dateline.place, dateline.span[0], dateline.span[1])
    start = dateline.span[0] if start < 0 else start
    return to_place(dateline.place, entry, (start, start + len(dateline.place)))
