"""Where, for every event: the place the text supports, else a country-level fallback from the
actors, the dateline or the article's main country, marked with its basis and precision."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from thucydides.records import Actor, Event, Place, Plover
from thucydides.resolve.action_places import locate_events, location_precision

from .test_cli import thucydides

ARNOR = Actor(text="Arnor", name="Arnor", code="ARNGOV", country="ARN", sector="GOV", span=(0, 5))
GONDOR = Actor(text="Gondor", name="Gondor", code="GON", country="GON", sector=None, span=(10, 16))
COUNCIL = Actor(text="the Council", name="White Council", code="IGOWCO", country=None, sector="IGO", span=(20, 31))
BREE = Place(text="Bree", name="Bree", country="ARN", lat=50.0, lon=10.0, geonameid=7, feature="city", span=(40, 44))
OSGILIATH = Place(text="OSGILIATH", name="Osgiliath", country="GON", lat=45.0, lon=12.0, geonameid=8, feature="city",
                  span=(0, 9))
GONDOR_PLACE = Place(text="Gondor", name="Gondor", country="GON", lat=44.0, lon=11.0, geonameid=9, feature="country",
                     span=(60, 66))


def event(source: Actor | None, target: Actor | None, *, quad: int = 3, location: Place | None = None) -> Event:
    return Event(
        id="e", sentence_index=0, sentence="s", span=(0, 1), source=source, target=target, cameo="112",
        plover=Plover("ACCUSE"), quad_class=quad, goldstein=-2.0, modality="asserted", date=None, date_text=None,
        location=location, speaker=None, rule="r",
    )


def located(e: Event, places: tuple[Place, ...] = (), dateline: Place | None = None) -> tuple[object, ...]:
    [out] = locate_events([e], places, dateline)
    place = out.location
    return (out.location_basis, place.name if place else None, place.country if place else None,
            location_precision(place))


def test_a_place_the_text_names_is_kept_and_marked() -> None:
    assert located(event(ARNOR, GONDOR, location=BREE)) == ("clause", "Bree", "ARN", "city")
    assert located(event(ARNOR, GONDOR, location=OSGILIATH), dateline=OSGILIATH) == ("dateline", "Osgiliath", "GON", "city")


def test_the_one_country_of_the_actors_is_the_fallback() -> None:
    assert located(event(ARNOR, None)) == ("actors", "ARN", "ARN", "country")
    assert located(event(ARNOR, ARNOR)) == ("actors", "ARN", "ARN", "country")
    # The article names Gondor as a country: its coordinates are used, at the actor's words.
    [out] = locate_events([event(GONDOR, None)], (GONDOR_PLACE,), None)
    assert out.location is not None and (out.location.lat, out.location.span) == (44.0, GONDOR.span)


def test_an_organisation_acts_where_its_target_is_only_for_material_acts() -> None:
    assert located(event(COUNCIL, GONDOR, quad=4)) == ("actors", "GON", "GON", "country")
    assert located(event(COUNCIL, GONDOR, quad=3)) == (None, None, None, None), "condemning Gondor is not done in Gondor"


def test_the_dateline_then_the_article_decide_between_two_countries() -> None:
    assert located(event(ARNOR, GONDOR), dateline=OSGILIATH) == ("dateline", "GON", "GON", "country")
    assert located(event(ARNOR, GONDOR), (BREE, BREE, GONDOR_PLACE)) == ("article", "ARN", "ARN", "country")
    assert located(event(ARNOR, GONDOR)) == (None, None, None, None), "nothing to go on: no location"


def test_every_event_of_an_article_is_located_and_stored_with_its_basis(tmp_path: Path) -> None:
    path = tmp_path / "kenya.txt"
    path.write_text(
        "Kenyan police arrested 40 protesters on Tuesday as demonstrations against rising taxes spread.\n",
        encoding="utf-8",
    )
    analyzed = thucydides("analyze", str(path), "--date", "2024-07-03")
    [arrest] = [e for e in json.loads(analyzed.stdout)["events"] if e["plover"]["type"] == "COERCE"]
    assert arrest["location_basis"] == "actors" and arrest["location"]["country"] == "KEN"
    assert arrest["location"]["feature"] == "country" and arrest["location"]["name"] == "Kenya"
    db = tmp_path / "k.db"
    assert thucydides("ingest", str(path), "--db", str(db), "--date", "2024-07-03").returncode == 0
    rows = list(csv.DictReader(io.StringIO(thucydides("export", "--db", str(db), "--format", "csv", "--out", "-").stdout)))
    coerce = next(r for r in rows if r["plover_type"] == "COERCE")
    assert (coerce["location_country"], coerce["location_precision"], coerce["location_basis"]) == ("KEN", "country", "actors")
    plover = [json.loads(line) for line in thucydides("export", "--db", str(db), "--format", "plover-jsonl", "--out", "-").stdout.splitlines()]
    loc = next(r for r in plover if r["event"] == ["COERCE"])["event_loc"]
    assert (loc["cc3"], loc["precision"], loc["basis"]) == ("KEN", "country", "actors")
