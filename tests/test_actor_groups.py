"""Actors named by a common noun: "police", "members", "the rest of the MPs", "organizers of a
rally in …". The noun gives the sector; the story gives whose they are: the country it is set in
(its places, when it names no country), or the body named just before. Sentences we wrote (real
places, invented events)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Actor, Analysis

Analyze = Callable[..., Analysis]


def _actor(analysis: Analysis, text: str) -> Actor | None:
    return next((a for a in analysis.actors if a.text == text), None)


def _events(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [(e.plover.type, e.source and e.source.code, e.target and e.target.code) for e in analysis.events]


# -- the country a story is set in -------------------------------------------------------------


def test_a_story_whose_places_split_between_countries_gives_no_country(analyze_text: Analyze) -> None:
    """Places in two countries, none in a majority: an unnamed role is left without a country
    rather than given one of them."""
    analysis = analyze_text("Police arrested twelve men in Mombasa and Arusha on Saturday.")
    police = _actor(analysis, "Police")
    assert police is None or police.country is None, analysis.actors


def test_people_named_by_a_generic_noun_take_no_country_from_the_places_alone(analyze_text: Analyze) -> None:
    """ "civilians" in a story of Kenyan towns may be anyone's: a generic noun is no domestic
    institution, so the places do not give it a country."""
    analysis = analyze_text("Gunmen killed six civilians near Kisumu and Nakuru on Sunday.")
    civilians = _actor(analysis, "civilians")
    assert civilians is None or civilians.country is None, analysis.actors


def test_peacekeepers_serve_abroad_and_take_no_country_from_the_story(analyze_text: Analyze) -> None:
    """Peacekeepers in a story of Congolese towns are not Congo's."""
    analysis = analyze_text("Peacekeepers left Goma and Bukavu on Sunday after clashes near Beni.")
    peacekeepers = _actor(analysis, "Peacekeepers")
    assert peacekeepers is None or peacekeepers.country != "COD", analysis.actors


@pytest.mark.parametrize(
    "text",
    [
        "More than 200 people attended a rally in Mombasa on Saturday.",
        "Thousands of people joined the march in Kisumu and Nakuru on Saturday.",
    ],
)
def test_people_who_attend_a_protest_are_its_protesters(analyze_text: Analyze, text: str) -> None:
    """A generic noun is an actor when its verb makes it one: those who attend or join a protest
    are protesters (civilians) of where it is held."""
    events = _events(analyze_text(text))
    assert ("PROTEST", "KENCVL", None) in events or any(k == "PROTEST" and s == "KENCVL" for k, s, _ in events), events


# -- members of the body named before -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The teachers' union in Kenya called a strike on Monday. Members rejected a pay offer from the government.",
        "Kenya's teachers' union met in Nairobi on Monday. After a long debate, members rejected the plan.",
    ],
)
def test_bare_members_are_the_members_of_the_body_named_before(analyze_text: Analyze, text: str) -> None:
    """ "Members rejected …": members of the union the sentence before names (English leaves
    whose members to the context)."""
    analysis = analyze_text(text)
    members = next((a for a in analysis.actors if a.text.lower() == "members"), None)
    assert members is not None and members.code == "KENLAB", analysis.actors
    assert any(kind == "REJECT" and source == "KENLAB" for kind, source, _ in _events(analysis)), _events(analysis)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda signed a trade deal on Monday. Members rejected the plan.",
        "Ann Tarn spoke in Nairobi on Monday. Members rejected the plan.",
    ],
)
def test_bare_members_with_no_body_before_are_no_actor(analyze_text: Analyze, text: str) -> None:
    """States and persons have no members: with no body named before, "members" stays unresolved."""
    analysis = analyze_text(text)
    assert all(a.text.lower() != "members" for a in analysis.actors), analysis.actors


def test_the_party_is_the_party_named_before(analyze_text: Analyze) -> None:
    """ "The party" after a named party is that party, not any party of the country."""
    analysis = analyze_text("The Orange Democratic Movement met in Nairobi on Monday. The party criticised the Kenyan president.")
    assert any(
        kind == "ACCUSE" and source == "KENPTYODM" and target == "KENGOV" for kind, source, target in _events(analysis)
    ), _events(analysis)


def test_colleagues_in_a_body_are_its_members(analyze_text: Analyze) -> None:
    """ "her colleagues in the Kenyan parliament" are members of that parliament."""
    analysis = analyze_text("Ann Tarn urged her colleagues in the Kenyan parliament to back the bill.")
    colleagues = next((a for a in analysis.actors if a.text.startswith("colleagues")), None)
    assert colleagues is not None and colleagues.code == "KENLEG", analysis.actors


# -- a part named by its whole ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's parliament met on Monday. The rest of the MPs applauded the Kenyan president.",
        "Kenya's parliament met on Monday. Half of the lawmakers criticised the Kenyan president.",
    ],
)
def test_the_rest_of_a_group_acts_as_the_group(analyze_text: Analyze, text: str) -> None:
    """ "the rest of the MPs", "half of the lawmakers": English's partitive names a part by its
    whole; the part acts as legislators of the whole's country."""
    events = _events(analyze_text(text))
    assert any(source == "KENLEG" and target == "KENGOV" for _, source, target in events), events


# -- a head noun with long post-modifiers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Organizers of a Nakuru rally in support of the families caught in the flooding thanked Kenya for its help.", "KENCVL"),
        ("Prosecutors handling the case against the former governor in Nairobi accused the Kenyan police of delays.", "KENJUD"),
        ("Lawmakers who oppose the new tax on mobile money criticised the Kenyan government on Monday.", "KENLEG"),
    ],
)
def test_a_role_noun_is_the_actor_whatever_follows_it(analyze_text: Analyze, text: str, source: str) -> None:
    """The head of "organizers of a … rally in support of …", "prosecutors handling …",
    "lawmakers who …" is the actor, however long its prepositional, participle or relative
    post-modifiers."""
    events = _events(analyze_text(text))
    assert any(s == source for _, s, _ in events), events


def test_a_generic_quantifier_is_no_actor(analyze_text: Analyze) -> None:
    """ "Many blame …": a bare quantifier names no one."""
    events = _events(analyze_text("Many blame the Kenyan government for the shortages of maize."))
    assert not any(kind == "ACCUSE" and source is not None for kind, source, _ in events), events
