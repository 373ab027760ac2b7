"""The offline gazetteer, toponyms and their disambiguation, event dates and locations on the
reference article, and the geoparsing quality gate (LGL, TR-News, GeoWebNews)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from thucydides.clean import Cleaned
from thucydides.config import Settings
from thucydides.evaluate.places import evaluate_places
from thucydides.extract.when_where import WhenWhere
from thucydides.nlp import load_pipeline
from thucydides.pipeline import analyze_one, prepare, to_doc
from thucydides.records import Article
from thucydides.resolve.gazetteer import distance_km, load_gazetteer
from thucydides.resolve.places import Context, Mention, choose, resolve_mentions

from .conftest import DATA, need_data
from .floors import check_floors

SEED = DATA / "seed" / "seed.jsonl"
GEO_SUBSETS = {"geo_lgl": 80, "geo_trnews": None, "geo_gwn": 40}
"""Records scored per gold set in the floor test (the first N of dev; None: all) to keep it quick;
``thucydides eval places`` scores whole files."""


@pytest.mark.parametrize(
    ("name", "expected", "feature"),
    [
        ("Kiev", "Kyiv", "city"),
        ("KIEV", "Kyiv", "city"),
        ("Donbass", "Donbas", "region"),
        ("the Black Sea", "Black Sea", "sea"),
        ("Crimea", "Crimea", "region"),
        ("Bombay", "Mumbai", "city"),
        ("U.S.", "United States", "country"),
        ("Uzbekistan", "Uzbekistan", "country"),
    ],
)
def test_gazetteer_knows_alternate_names_regions_and_seas(name: str, expected: str, feature: str) -> None:
    gazetteer = load_gazetteer()
    entries = [c.entry for c in gazetteer.lookup(name)]
    assert any(e.name == expected and e.feature == feature for e in entries)


def test_context_disambiguates_a_city_name() -> None:
    gazetteer = load_gazetteer()
    alone = choose(gazetteer.lookup("Alexandria"), Context(Counter(), Counter()))
    assert alone is not None and alone.country == "EGY"
    in_louisiana = resolve_mentions(
        [Mention("Louisiana", (0, 9)), Mention("Alexandria", (20, 30))], gazetteer
    )
    assert in_louisiana[1].country == "USA" and distance_km(in_louisiana[1].lat or 0, in_louisiana[1].lon or 0, 31.31, -92.45) < 50
    stated = resolve_mentions([Mention("Alexandria", (0, 10), state="VA")], gazetteer)
    assert stated[0].country == "USA" and abs((stated[0].lat or 0) - 38.8) < 0.5


def test_country_bias_leans_ambiguous_names() -> None:
    gazetteer = load_gazetteer()
    assert resolve_mentions([Mention("Georgia", (0, 7))], gazetteer)[0].country == "GEO"
    assert resolve_mentions([Mention("Georgia", (0, 7))], gazetteer, bias="USA")[0].feature == "state"


def test_nothing_excluded_becomes_a_place_and_the_dateline_is_geocoded() -> None:
    text = (
        "MINAS TIRITH, Gondor — Soldiers from Arnor marched into Ukraine on Tuesday, officials said.\n\n"
        "Leave a Reply\n\nRequired fields are marked *\n\n(Visited 1 times, 1 visits today) Paris London"
    )
    analysis = analyze_one(Article(id="t", text=text, date="2023-03-17"), Settings())
    names = [p.name for p in analysis.places]
    assert "Ukraine" in names
    assert "Paris" not in names and "London" not in names


@pytest.fixture(scope="module")
def seed() -> tuple[Article, WhenWhere, object]:
    record = json.loads(need_data(SEED).read_text(encoding="utf-8").splitlines()[0])
    article = Article(
        id="seed", text=record["text"], title=record.get("title"), date=record.get("date"), input_format="jsonl"
    )
    cleaned = prepare(article, Settings())
    assert isinstance(cleaned, Cleaned)
    nlp = load_pipeline(Settings())
    doc = nlp(to_doc(nlp, article, cleaned))  # the places and times components write the Doc
    return article, WhenWhere.of(doc), doc


def _token(doc: object, word: str, near: str) -> object:
    for token in doc:  # type: ignore[attr-defined]
        if token.text == word and near in token.sent.text:
            return token
    raise AssertionError(f"{word!r} near {near!r} is not in the article")


def test_seed_places_and_times(seed: tuple[Article, WhenWhere, object]) -> None:
    article, when_where, _ = seed
    names = {p.name for p in when_where.places}
    for expected in ("Moscow", "Beijing", "Uzbekistan", "Black Sea", "The Hague", "Crimea", "Sevastopol"):
        assert expected in names
    assert when_where.dateline is not None and when_where.dateline.name == "Kyiv"
    values = {(t.text, t.value) for t in when_where.times}
    assert ("Monday", "2023-03-20") in values
    assert ("last month", "2023-02") in values
    assert ("late December", "2022-12") in values
    assert ("Thursday", "2023-03-16") in values


def test_seed_events_are_dated_and_located(seed: tuple[Article, WhenWhere, object]) -> None:
    article, when_where, doc = seed
    met = _token(doc, "met", "Uzbekistan")
    assert when_where.date_of(met, article.date) == ("2022-09", "September")  # type: ignore[arg-type]
    location = when_where.location_of(met, "asserted", [])  # type: ignore[arg-type]
    assert location is not None and location.name == "Uzbekistan"
    destruction = _token(doc, "destruction", "Black Sea")
    assert when_where.date_of(destruction, article.date)[0] == "2023-03-14"  # type: ignore[arg-type]
    place = when_where.location_of(destruction, "asserted", [])  # type: ignore[arg-type]
    assert place is not None and place.name == "Black Sea"
    visit = _token(doc, "visit", "next week")
    assert when_where.date_of(visit, article.date)[0] == "2023-W12"  # type: ignore[arg-type]


def test_seed_analysis_carries_places_times_and_event_dates() -> None:
    record = json.loads(need_data(SEED).read_text(encoding="utf-8").splitlines()[0])
    analysis = analyze_one(Article(id="seed", text=record["text"], date=record.get("date")), Settings())
    assert analysis.places and analysis.times
    assert all(e.date for e in analysis.events)
    dated = {(e.plover.type, e.date) for e in analysis.events}
    assert ("REQUEST", "2023-02") in dated  # the request dated "last month"


@pytest.mark.parametrize("name", sorted(GEO_SUBSETS))
def test_geoparsing_stays_above_its_floors(name: str) -> None:
    path = need_data(DATA / name / "dev.jsonl")
    report = evaluate_places(path, Settings(), limit=GEO_SUBSETS[name])
    check_floors(report, f"places_{name}", noise=0.01)


def test_local_clues_pull_an_ambiguous_name_home() -> None:
    gazetteer = load_gazetteer()
    assert resolve_mentions([Mention("Alexandria", (0, 10))], gazetteer)[0].country == "EGY"
    # a county (parish) only one state has, named in the text though NER gave no toponym for it
    text = "Alexandria police said the fire in Rapides Parish was set."
    here = resolve_mentions([Mention("Alexandria", (0, 10))], gazetteer, text=text)[0]
    assert here.country == "USA" and distance_km(here.lat or 0, here.lon or 0, 31.31, -92.45) < 50
    # a state abbreviation after another place
    text = "Paris officials met. The man, of Ocilla, Tenn., was held."
    assert resolve_mentions([Mention("Paris", (0, 5))], gazetteer, text=text)[0].country == "USA"


def test_places_carry_their_first_level_division() -> None:
    """Issue 13, item 11: the ADM1 of every place the gazetteer knows one for, in the output a
    user reads (an event's location too); named where the gazetteer names it (US states)."""
    import thucydides

    analysis = thucydides.analyze(
        "Police in Springfield, Illinois, arrested two protesters on Monday. "
        "Ukrainian forces shelled positions near Kharkiv. Kenya is a country.",
        date="2024-05-06",
    )
    places = {p.name: (p.feature, p.admin1, p.admin1_name) for p in analysis.places}
    assert places["Springfield"] == ("city", "US.IL", "Illinois")
    assert places["Illinois"] == ("state", "US.IL", "Illinois")
    assert places["Kharkiv"][1] == "UA.07" and places["Kharkiv"][2] is None  # coded, not named
    assert places["Kenya"] == ("country", None, None)
    located = [e.location for e in analysis.events if e.location is not None and e.location_basis == "clause"]
    assert {place.admin1 for place in located} == {"US.IL", "UA.07"}  # the arrest, the shelling
    printed = json.loads(thucydides.to_json(analysis))  # as `analyze` prints it
    assert all({"admin1", "admin1_name"} <= set(place) for place in printed["places"])
