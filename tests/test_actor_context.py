"""Whose an actor is from the article around it: a title after a possessive is the possessor's
("his chief of staff"), a first-level region names its country ("police in Bavaria"). Sentences we
wrote (invented people of real countries)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Actor, Analysis
from thucydides.resolve.gazetteer import load_gazetteer

Analyze = Callable[..., Analysis]


def _sources(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    def key(actor: Actor | None) -> str | None:
        return None if actor is None else actor.code

    return [(e.plover.type, key(e.source), key(e.target)) for e in analysis.events]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a head of government's chief of staff runs his office: a government official
        ("Norway's prime minister, Olaf Lund, arrived in Stockholm. His chief of staff accused Russia of spying.", "NORGOV"),
        ("Norway's prime minister, Olaf Lund, arrived in Stockholm. Lund's chief of staff accused Russia of spying.", "NORGOV"),
        ("The Norwegian foreign ministry's chief of staff accused Russia of spying.", "NORGOV"),
        # an army's chief of staff commands it
        ("Norway's army chief of staff accused Russia of spying.", "NORMIL"),
        ("The chief of staff of the Norwegian army accused Russia of spying.", "NORMIL"),
    ],
)
def test_a_chief_of_staff_is_the_office_or_army_of_whose_staff_it_is(analyze_text: Analyze, text: str, code: str) -> None:
    analysis = analyze_text(text)
    assert ("ACCUSE", code, "RUS") in _sources(analysis), _sources(analysis)


def test_his_title_is_the_possessors_the_subject_of_the_sentence_before(analyze_text: Analyze) -> None:
    """ "Lund met Berg. His spokesman …": the pronoun continues the sentence before's subject."""
    analysis = analyze_text(
        "Norway's prime minister, Olaf Lund, met Sweden's prime minister, Erik Berg, in Oslo on Monday for talks about the war. "
        "His spokesman later criticised Russia for the attacks."
    )
    assert ("ACCUSE", "NORGOV", "RUS") in _sources(analysis), _sources(analysis)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police in Bavaria arrested 40 protesters on Monday.", "DEU"),
        ("Police in Khyber Pakhtunkhwa arrested 40 protesters on Monday.", "PAK"),
        ("Police in Sinaloa arrested 40 protesters on Monday.", "MEX"),
        ("Police in Guangdong arrested 40 protesters on Monday.", "CHN"),
        ("Police in Catalonia arrested 40 protesters on Monday.", "ESP"),
        ("Police in Nangarhar arrested 40 protesters on Monday.", "AFG"),
    ],
)
def test_a_first_level_region_names_its_country(analyze_text: Analyze, text: str, country: str) -> None:
    analysis = analyze_text(text)
    sources = [e.source.country for e in analysis.events if e.source is not None]
    assert sources == [country], _sources(analysis)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Bavaria", "DEU"), ("Uttar Pradesh", "IND"), ("Tatarstan", "RUS"), ("North Kivu", "COD"), ("Rakhine State", "MMR")],
)
def test_the_gazetteer_knows_first_level_regions(name: str, country: str) -> None:
    entries = [c.entry for c in load_gazetteer().lookup(name)]
    assert entries and entries[0].country == country and entries[0].feature == "region", entries[:3]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the jurisdiction of a title after the name
        ("Mayor Ann Vale of Lyon praised Germany for its help on Monday.", "FRA"),
        ("Governor Tom Reed of Sindh praised Germany for its help on Monday.", "PAK"),
        # a region before the title, tagged by the tagger as part of the name
        ("Alberta MLA Ann Vale praised Germany for its help on Monday.", "CAN"),
        ("Bavaria MP Tom Reed praised Spain for its help on Monday.", "DEU"),
    ],
)
def test_a_titled_persons_place_gives_the_country_not_the_other_country_named(analyze_text: Analyze, text: str, country: str) -> None:
    analysis = analyze_text(text)
    sources = [e.source.country for e in analysis.events if e.source is not None and e.plover.type == "SUPPORT"]
    assert sources == [country], _sources(analysis)


def test_the_chief_of_staff_again_is_the_civilian_one_named_before(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "White House chief of staff Ann Ward met the president on Monday. Later the chief of staff criticised Russia for its attacks."
    )
    assert ("ACCUSE", "USAGOV", "RUS") in _sources(analysis), _sources(analysis)


@pytest.mark.parametrize(
    "text",
    [
        "The president criticised Russia for its attacks on Monday.",
        "The ministry accused Russia of lying about the attacks on Monday.",
    ],
)
def test_a_bare_title_is_not_the_country_it_acts_on(analyze_text: Analyze, text: str) -> None:
    """The only country named is what the president criticises: not the president's own."""
    analysis = analyze_text(text)
    assert not any(e.source is not None and e.source.country == "RUS" for e in analysis.events), _sources(analysis)
    assert not any(q.speaker is not None and q.speaker.country == "RUS" for q in analysis.quotes), analysis.quotes
