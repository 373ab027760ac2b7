"""Events told by something other than their own verb: a predicative adjective ("is critical
of"), an event noun under a light or aspectual verb ("renewed his denunciation of"), an event noun
undergone ("came under criticism from"). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.codes.lexicon import EXPRESSING, load_lexicon, read_adjectives
from thucydides.records import Analysis

Analyze = Callable[..., Analysis]


def _events(analyze_text: Analyze, text: str) -> list[tuple[str, str | None, str | None, str]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return [(e.plover.type, key(e.source), key(e.target), e.modality) for e in analyze_text(text).events]


def test_each_adjective_is_coded_as_the_verb_it_comes_from() -> None:
    lexicon = load_lexicon()
    for verb, patterns in read_adjectives().items():
        entries = {e.id.removesuffix(".adjective") for p in patterns for _, e in lexicon.by_adjective[p.word]}
        assert entries <= {e.id for _, e in lexicon.by_verb[verb]}, (verb, entries)
    assert {e.code.code for _, e in lexicon.by_adjective["critical"]} == {"111"}
    assert {e.code.plover_type for _, e in lexicon.by_adjective["opposed"]} == {"REJECT"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway is critical of Sweden.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway has remained sharply critical of the Swedish government.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway was critical of Sweden's decision to close the border.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway was at least initially supportive of Sweden.", ("SUPPORT", "NOR", "SWE", "asserted")),
        ("Norway is firmly opposed to the Swedish plan.", ("REJECT", "NOR", "SWE", "asserted")),
        ("Norway was dismissive of Sweden's offer.", ("REJECT", "NOR", "SWE", "asserted")),
        ("Norway said it was grateful to Sweden for the help.", ("SUPPORT", "NOR", "SWE", "asserted")),
        ("Norway has never been critical of Sweden.", ("ACCUSE", "NOR", "SWE", "negated")),
        ("Norway, which is critical of Sweden, stayed away.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway, long critical of Sweden, stayed away.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway, a country opposed to the Swedish plan, stayed away.", ("REJECT", "NOR", "SWE", "asserted")),
    ],
)
def test_a_predicative_adjective_tells_its_verbs_event(analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]) -> None:
    """The copula's subject holds the position; the adjective's object is whom it is held about."""
    assert expected in _events(analyze_text, text)


def test_coordinated_adjectives_each_keep_their_own_object(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway was critical of Sweden but supportive of Finland.")
    assert ("ACCUSE", "NOR", "SWE", "asserted") in events and ("SUPPORT", "NOR", "FIN", "asserted") in events
    assert ("ACCUSE", "NOR", "FIN", "asserted") not in events


@pytest.mark.parametrize(
    "text",
    [
        "Oil exports are critical to Norway.",  # important, not disapproving
        "Norway, as opposed to Sweden, kept its embassy open.",  # a contrast, said of nobody
        "Norway is supportive of the reforms.",  # a stance with nobody it is held about
        "Norway was opposed by Sweden at the summit.",  # a true passive: Sweden opposed Norway
        "Norway signed a report critical of Sweden.",  # the report's position, not Norway's
    ],
)
def test_an_adjective_not_said_of_one_actor_about_another_is_no_event(analyze_text: Analyze, text: str) -> None:
    events = _events(analyze_text, text)
    assert not any(source == "NOR" for _, source, _, _ in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Norwegian prime minister renewed his fierce denunciation of Sweden.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway stepped up its criticism of Sweden on Monday.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway and Finland renewed their condemnation of Sweden.", ("ACCUSE", "FIN", "SWE", "asserted")),
        ("The Norwegian army resumed its shelling of Swedish positions.", ("ASSAULT", "NOR", "SWE", "asserted")),
    ],
)
def test_a_possessive_pronoun_on_an_event_noun_is_the_subject_who_does_it(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """Under a verb of doing, continuing or renewing, the object's possessive determiner is bound
    by the clause's subject: the subject does what the noun names."""
    assert expected in _events(analyze_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway renewed his criticism of Sweden.",  # "his" cannot be a country
        "Norway renewed its criticism of the new tax rules.",  # no one it is aimed at
    ],
)
def test_a_possessive_pronoun_that_cannot_be_the_subject_or_aims_at_no_actor_codes_nothing(analyze_text: Analyze, text: str) -> None:
    assert not any(kind == "ACCUSE" and source == "NOR" for kind, source, _, _ in _events(analyze_text, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden came under sharp criticism from Norway on Monday.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Sweden's plan has come under criticism from Norway.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Swedish troops came under attack from Norwegian forces near the border.", ("ASSAULT", "NOR", "SWE", "asserted")),
        ("Sweden's plan came under attack from Norway.", ("ACCUSE", "NOR", "SWE", "asserted")),  # aimed at a plan: words
        ("Swedish troops are under attack from Norwegian forces.", ("ASSAULT", "NOR", "SWE", "asserted")),
    ],
)
def test_an_event_noun_come_under_is_done_to_the_subject_by_the_from_phrase(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "X came under Y from Z" is undergoing: Z does the noun's deed to X, as "drew criticism from"."""
    assert expected in _events(analyze_text, text)


def test_an_undergone_noun_needs_the_words_its_pattern_names(analyze_text: Analyze) -> None:
    """A plain "attack" undergone is an attack (CAMEO 190), not the car bomb of "car bomb attack"."""
    events = analyze_text("Swedish troops faced an attack from Norwegian forces.").events
    assert [e.cameo for e in events if e.plover.type == "ASSAULT"] == ["190"]


def test_an_undergone_noun_with_no_one_doing_it_codes_nothing(analyze_text: Analyze) -> None:
    assert not _events(analyze_text, "Sweden came under criticism on Monday.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway issued a call for talks with Sweden.", ("REQUEST", "NOR", "SWE", "asserted")),
        ("Norway renewed its calls for Sweden to withdraw its troops.", ("REQUEST", "NOR", "SWE", "asserted")),
        ("Norway made an urgent plea for help from Sweden.", ("REQUEST", "NOR", "SWE", "asserted")),
        ("Norway made an impassioned plea to Sweden.", ("REQUEST", "NOR", "SWE", "asserted")),
        ("Norway delivered a stern rebuke to Sweden.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway lodged a protest with Sweden over the arrests.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway extended an invitation to Sweden.", ("AGREE", "NOR", "SWE", "asserted")),
    ],
)
def test_a_light_verb_with_an_event_noun_tells_the_nouns_event(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "made a plea to", "issued a call for": the light verb's subject does what the noun names,
    and the noun keeps the preposition of its verb ("called for", "appealed for", "rebuked")."""
    assert expected in _events(analyze_text, text)


def test_what_a_request_noun_asks_for_is_not_done(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway issued a call for Sweden to release the prisoners.")
    assert ("REQUEST", "NOR", "SWE", "asserted") in events
    assert not any(kind == "RETREAT" for kind, _, _, _ in events), events  # the release is asked for


@pytest.mark.parametrize(
    "text",
    [
        "Norway issued a call for calm.",  # nobody known is asked
        "The Norwegian candidate holds particular appeal for Swedish voters.",  # attractive, not asking
        "A Norwegian reporter's request for comment went unanswered.",
    ],
)
def test_a_request_noun_with_no_one_asked_codes_nothing(analyze_text: Analyze, text: str) -> None:
    assert not any(kind == "REQUEST" for kind, _, _, _ in _events(analyze_text, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway issued a statement condemning Sweden.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("The Norwegian foreign ministry released a statement urging Sweden to withdraw.", ("REQUEST", "NOR", "SWE", "asserted")),
        ("A letter accusing Sweden of spying was sent by Norway.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway's statement apologizing to Sweden was read out on Monday.", ("SUPPORT", "NOR", "SWE", "asserted")),
    ],
)
def test_a_document_does_what_its_participle_says_for_whoever_issued_it(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "issued a statement condemning X": the statement condemns X for its issuer."""
    assert expected in _events(analyze_text, text)


def test_a_pronoun_on_a_document_set_before_the_clause_is_the_clauses_subject(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Finland spoke first. In her statement condemning Sweden, the Norwegian prime minister called for calm.")
    assert ("ACCUSE", "NOR", "SWE", "asserted") in events and not any(source == "FIN" for _, source, _, _ in events), events


def test_an_entry_said_with_one_verb_of_expressing_takes_them_all() -> None:
    by_id = {e.id: e for e in load_lexicon().entries}
    assert EXPRESSING <= by_id["support.praise"].governors and EXPRESSING <= by_id["reject.general"].governors
    assert not EXPRESSING & by_id["reject.material"].governors  # governed by the act of refusing itself


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway renewed its praise for Sweden.", ("SUPPORT", "NOR", "SWE", "asserted")),
        ("Norway restated its support for Sweden.", ("SUPPORT", "NOR", "SWE", "asserted")),
        ("Norway repeated its opposition to Sweden's plan.", ("REJECT", "NOR", "SWE", "asserted")),
        ("Norway repeated its disapproval of Sweden's plan.", ("ACCUSE", "NOR", "SWE", "asserted")),
    ],
)
def test_a_position_restated_is_stated(analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in _events(analyze_text, text)
