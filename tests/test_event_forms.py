"""Every lexicon entry in every form: passives whose agent follows other complements, agentless
passives and participles of what is done to a victim, and nominals whose agent is a nationality
adjective or whose noun is told as done. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.codes.cameo import cameo_table, roots_where
from thucydides.config import Settings
from thucydides.explain import explain
from thucydides.records import Analysis

Analyze = Callable[..., Analysis]


def _events(analyze_text: Analyze, text: str) -> list[tuple[str, str | None, str | None, str]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return [(e.plover.type, key(e.source), key(e.target), e.modality) for e in analyze_text(text).events]


def test_root_facts_come_from_the_cameo_table() -> None:
    assert roots_where("violent") == {"18", "19", "20"}
    assert roots_where("symmetric") == {"04", "06"}
    assert {"04", "05", "06", "07", "16"} == roots_where("needs_target")
    assert cameo_table()["190"].facts.violent and cameo_table()["190"].facts.unattributed
    assert not cameo_table()["112"].facts.unattributed  # an accusation needs its accuser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden was accused of meddling in the election by Norwegian Prime Minister Ola Berg.", ("ACCUSE", "NOR", "SWE")),
        ("Sweden was accused of meddling by Norway, which gave no evidence.", ("ACCUSE", "NOR", "SWE")),
        ("Sweden was criticised in the northern part of the capital on Monday by Norway.", ("ACCUSE", "NOR", "SWE")),
    ],
)
def test_a_passive_agent_after_other_complements_is_the_verbs(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    """English puts the passive's "by" phrase after the verb's complements; the parser hangs it on
    the last noun before it."""
    assert (*expected, "asserted") in _events(analyze_text, text)


def test_a_by_phrase_of_an_event_noun_is_that_nouns_author(analyze_text: Analyze) -> None:
    """ "accused of backing attacks by rebels": whose attacks, not who accused."""
    events = _events(analyze_text, "Sweden was accused of condemning the attack on the embassy by Norwegian rebels.")
    assert not any(kind == "ACCUSE" and source == "NOR" for kind, source, _, _ in events), events


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A Swedish police helicopter was shot down near the Norwegian border.", "SWE"),
        ("Two Swedish soldiers were killed in Oslo on Monday.", "SWE"),
        ("Swedish troops were attacked near the border on Sunday.", "SWE"),
    ],
)
def test_an_agentless_passive_of_violence_codes_the_victim_with_no_author(analyze_text: Analyze, text: str, target: str) -> None:
    """The victim is the target; the author is unknown (never the place, never the victim)."""
    events = _events(analyze_text, text)
    assert ("ASSAULT", None, target, "asserted") in events, events
    assert not any(source is not None for _, source, _, _ in events), events


def test_an_agentless_passive_of_a_verbal_event_is_not_coded(analyze_text: Analyze) -> None:
    """An accusation, a meeting or a visit needs its author: "Sweden was criticised" alone is no event."""
    assert _events(analyze_text, "Sweden was criticised on Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Swedish officials expelled by Norway left Oslo on Saturday.", ("COERCE", "NOR", "SWE")),
        ("The Swedish soldiers wounded by Norwegian troops were flown home.", ("ASSAULT", "NOR", "SWE")),
        # read by the parser as "the officials bludgeoned (someone)": two verbs and no "and"
        ("The Swedish officials bludgeoned by Norway left the capital on Monday.", ("ASSAULT", "NOR", "SWE")),
        # tagged as past tenses (VBD) hung on the noun: a "by" agent makes them participles
        ("The Danish envoys thanked by Finland flew home on Friday.", ("SUPPORT", "FIN", "DNK")),
        ("The Danish sailors shot by Finnish guards were taken to hospital.", ("ASSAULT", "FIN", "DNK")),
        # parsed as the root with the second verb as its clause (no "and" between two finite verbs)
        ("The Danish envoys warned by Finland left the capital on Monday.", ("THREATEN", "FIN", "DNK")),
        ("The Danish officials met by Finland left the capital on Monday.", ("CONSULT", "FIN", "DNK")),
    ],
)
def test_a_participle_with_its_agent_is_a_passive(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    assert (*expected, "asserted") in _events(analyze_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "The wounded Swedish soldiers were flown home on Sunday.",
        "The abducted Swedish officials left the capital on Monday.",  # tagged as an adjective
    ],
)
def test_a_participle_before_its_noun_tells_the_violence_done_to_it(analyze_text: Analyze, text: str) -> None:
    events = _events(analyze_text, text)
    assert ("ASSAULT", None, "SWE", "asserted") in events, events


@pytest.mark.parametrize(
    "text",
    [
        "Armed Swedish groups crossed the border on Monday.",  # arming is aid: it needs its giver
        "The detained Swedish journalists were released on Monday.",  # coercion needs its author
    ],
)
def test_a_participle_of_what_needs_an_author_codes_nothing_alone(analyze_text: Analyze, text: str) -> None:
    assert not any(source is None and target == "SWE" for _, source, target, _ in _events(analyze_text, text))


def test_a_participle_of_a_lasting_state_is_no_event(analyze_text: Analyze) -> None:
    """ "the occupied territories", "the besieged city": a state, not news of an act."""
    assert _events(analyze_text, "Life in the occupied Swedish islands remains hard.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Norwegian offensive against Sweden continued on Monday.", ("ASSAULT", "NOR", "SWE")),
        ("Norway's offensive against Sweden continued on Monday.", ("ASSAULT", "NOR", "SWE")),
        ("The Norwegian invasion of Sweden was condemned in Helsinki.", ("ASSAULT", "NOR", "SWE")),
        ("The expulsion of Swedish diplomats by Norway angered Stockholm.", ("COERCE", "NOR", "SWE")),
        # nationality adjectives the entity recogniser calls a location or nothing at all
        ("The Belizean invasion of Honduras was condemned in Madrid.", ("ASSAULT", "BLZ", "HND")),
        ("The Lao offensive against Cambodia continued on Monday.", ("ASSAULT", "LAO", "KHM")),
    ],
)
def test_a_nominal_takes_its_agent_from_a_nationality_adjective_a_possessor_or_by(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    """Thematic adjectives of deverbal nouns ("the American invasion of …") name the agent, as a
    possessor does; a noun with its own agent and no verb over it is told as done."""
    assert (*expected, "asserted") in _events(analyze_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "A Stockholm rally against the war drew thousands on Monday.",
        "The Swedish war ended in 1809.",
    ],
)
def test_a_place_before_an_event_noun_is_where_and_a_bare_war_is_no_deed(analyze_text: Analyze, text: str) -> None:
    events = _events(analyze_text, text)
    assert not any(source == "SWE" for _, source, _, _ in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Ola Berg said the Swedish minister's mind is shot.",  # a state, not a shooting
        "Norway's recent attacks on her record gave the campaign momentum.",  # no target actor
        "In Ola Berg's home state of Vermont, the party opened nine offices.",  # not a state of emergency
    ],
)
def test_a_state_or_a_deed_noun_without_known_parties_is_no_event(analyze_text: Analyze, text: str) -> None:
    assert _events(analyze_text, text) == []


def test_a_verb_with_by_and_a_coordinated_second_verb_stays_active(analyze_text: Analyze) -> None:
    """ "stood by Norway and criticised Finland": joined by "and", both verbs are the minister's."""
    events = _events(analyze_text, "The Swedish minister stood by Norway and criticised Finland.")
    assert ("ACCUSE", "SWE", "FIN", "asserted") in events, events
    assert not any(source == "NOR" for _, source, _, _ in events), events



def test_a_word_inside_a_name_is_not_the_sentences_verb(settings: Settings) -> None:
    """A capitalised event word inside the name of an organisation or a product is part of the
    name: `explain` says so, and nothing is coded from it."""
    text = ("The Norwegian space agency plans to use private landers built by partner firms to deliver "
            "rovers like its new Lunar Investigating Crater Explorer to the moon.")
    shown = explain(text, settings)
    assert [(c.trigger.text, c.dropped) for c in shown.candidates] == [
        ("Investigating", "a word of a name, not a verb of the sentence")
    ]
    assert shown.events == ()


def test_a_headline_in_title_case_keeps_its_verb(analyze_text: Analyze) -> None:
    assert ("ACCUSE", "NOR", "SWE", "asserted") in _events(analyze_text, "Norway Accuses Sweden Of Spying")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "blame something on": the one blamed follows the thing blamed, wherever the parser hangs it
        ("Norway blamed the attack on Sweden.", ("ACCUSE", "NOR", "SWE")),
        ("Norway has blamed the bombing of its embassy on Swedish agents.", ("ACCUSE", "NOR", "SWE")),
        ("The attack was blamed on Sweden by Norway.", ("ACCUSE", "NOR", "SWE")),
        # "blame someone for something": the one blamed is the object, not the deed
        ("Norway blamed Sweden for the attack.", ("ACCUSE", "NOR", "SWE")),
    ],
)
def test_the_one_blamed_is_the_target(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    assert (*expected, "asserted") in _events(analyze_text, text)


def test_a_thing_blamed_on_a_day_names_no_target(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "Sweden blamed the weather on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The poisoning, which the Norwegian government has blamed on Sweden, shocked Oslo, although Stockholm denies any involvement.",
        "Norway accused Sweden of the cyber attack on Monday. Stockholm denied any involvement.",
        "Sweden denied Norway's accusations.",
    ],
)
def test_a_denial_rejects_the_accuser(analyze_text: Analyze, text: str) -> None:
    """CAMEO 016 "deny responsibility" is REJECT (the PLOVER manual's suggestion), aimed at the
    one whose accusation it answers: named in the denial, or accusing the denier just before."""
    events = _events(analyze_text, text)
    assert any(kind == "REJECT" and source == "SWE" and target == "NOR" for kind, source, target, _ in events), events


@pytest.mark.parametrize(
    "text",
    ["Stockholm denied any involvement in the attack.", "Norway accused Finland of the attack. Stockholm denied any involvement."],
)
def test_a_denial_that_answers_no_accuser_is_a_statement(analyze_text: Analyze, text: str) -> None:
    assert not any(kind == "REJECT" for kind, *_ in _events(analyze_text, text))
