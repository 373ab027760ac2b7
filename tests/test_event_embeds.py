"""Events inside the constructions real news wraps around them (issue 12): the same event a short
sentence codes, told inside a longer one; on sentences we wrote."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Analysis

Analyze = Callable[..., Analysis]
Coded = tuple[str, str | None, str | None, str]


def _events(analyze_text: Analyze, text: str) -> set[Coded]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return {(e.plover.type, key(e.source), key(e.target), e.modality) for e in analyze_text(text).events}


@pytest.mark.parametrize(
    "text",
    [
        "Norway, along with Finland, condemned Sweden on Monday.",
        "Norway together with Finland condemned Sweden.",
        "Norway, alongside Finland, condemned Sweden after the vote.",
    ],
)
def test_a_comitative_partner_of_the_subject_does_what_it_does(analyze_text: Analyze, text: str) -> None:
    """ "X, along with Y, did it": both did it."""
    assert {("ACCUSE", "NOR", "SWE", "asserted"), ("ACCUSE", "FIN", "SWE", "asserted")} <= _events(analyze_text, text)


def test_a_comitative_phrase_after_the_verb_names_no_partner(analyze_text: Analyze) -> None:
    """ "attacked Sweden along with Finland": after the verb it may name the one attacked with or against."""
    assert not any(source == "FIN" for _, source, _, _ in _events(analyze_text, "Norway attacked Sweden along with Finland."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Neither Norway nor Finland condemned Sweden on Monday.",
         {("ACCUSE", "NOR", "SWE", "negated"), ("ACCUSE", "FIN", "SWE", "negated")}),
        ("Neither Norway nor Finland plans to attack Sweden.",
         {("ASSAULT", "NOR", "SWE", "negated"), ("ASSAULT", "FIN", "SWE", "negated")}),
        # the negative subject of one clause does not negate the next clause's own
        ("Neither Norway nor Finland attacked Sweden, and Denmark praised Sweden.", {("SUPPORT", "DNK", "SWE", "asserted")}),
    ],
)
def test_a_subject_under_a_negative_determiner_negates_its_clause(analyze_text: Analyze, text: str, expected: set[Coded]) -> None:
    events = _events(analyze_text, text)
    assert expected <= events
    assert not any(m == "asserted" and s in ("NOR", "FIN") for _, s, _, m in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway criticised, and Finland welcomed, the Swedish plan.",
         {("ACCUSE", "NOR", "SWE", "asserted"), ("SUPPORT", "FIN", "SWE", "asserted")}),
        ("Norway condemned and Finland praised Sweden on Monday.",
         {("ACCUSE", "NOR", "SWE", "asserted"), ("SUPPORT", "FIN", "SWE", "asserted")}),
    ],
)
def test_an_object_said_once_after_two_coordinated_verbs_is_the_object_of_both(
    analyze_text: Analyze, text: str, expected: set[Coded]
) -> None:
    """Right-node raising: "X condemned and Y praised Z" tells both verbs of Z."""
    assert expected <= _events(analyze_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "Norwegian farmers protested in Oslo and praised Sweden.",  # a complement of its own
        "Norway protested and Sweden attacked Finland.",  # a verb that stands without an object ("protest against")
    ],
)
def test_a_verb_that_needs_no_object_shares_none(analyze_text: Analyze, text: str) -> None:
    events = _events(analyze_text, text)
    assert not any(kind == "PROTEST" and target is not None for kind, _, target, _ in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Norwegian foreign ministry, which has long opposed the project, condemned Sweden on Monday.",
         ("ACCUSE", "NOR", "SWE", "asserted")),
        ("The Norwegian foreign ministry, which has long backed the project, praised Sweden on Monday.",
         ("SUPPORT", "NOR", "SWE", "asserted")),
    ],
)
def test_the_verb_after_a_subjects_set_off_relative_clause_is_the_sentences_own(
    analyze_text: Analyze, text: str, expected: Coded
) -> None:
    """The parser may hang the main verb on the relative clause's last noun; a sentence needs a
    verb, and the one right after the clause's closing comma is it, with the subject before."""
    assert expected in _events(analyze_text, text)


def test_an_absolute_with_clause_is_no_partner_of_the_verb(analyze_text: Analyze) -> None:
    """ "left the talks on Monday, with the Norwegian minister …": not talks with Norway left."""
    events = _events(analyze_text, "Finland left the talks on Monday, with the Norwegian foreign minister censuring Sweden.")
    assert not any(source == "FIN" and target == "NOR" for _, source, target, _ in events)


@pytest.mark.parametrize("dash", [" - ", " – ", " — "])
@pytest.mark.parametrize("verb", ["berated", "condemned", "praised"])
def test_actors_named_between_dashes_after_the_subject_act(analyze_text: Analyze, dash: str, verb: str) -> None:
    """ "The two neighbours - Norway and Finland - berated Sweden": the names the dashes set off
    are who acted, however the dash is typed."""
    kind = "SUPPORT" if verb == "praised" else "ACCUSE"
    text = f"The two neighbours{dash}Norway and Finland{dash}{verb} Sweden on Monday."
    assert {(kind, "NOR", "SWE", "asserted"), (kind, "FIN", "SWE", "asserted")} <= _events(analyze_text, text)


def test_the_text_a_user_sees_keeps_its_typed_hyphens(analyze_text: Analyze) -> None:
    text = "The two neighbours - Norway and Finland - berated Sweden on Monday."
    analysis = analyze_text(text)
    assert analysis.events and all(e.sentence == text for e in analysis.events)
    assert {text[a.span[0] : a.span[1]] for a in analysis.actors} >= {"Norway", "Finland", "Sweden"}


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("Two rivals - Norway and Finland - met.", "Two rivals \u2014 Norway and Finland \u2014 met."),
        ("OSLO (Reuters) - Norway said", "OSLO (Reuters) - Norway said"),  # a lone one sets off nothing
        ("Norway backed Sweden for years - helping it, officials said.", "Norway backed Sweden for years - helping it, officials said."),
        ("from 10 - 12 March", "from 10 - 12 March"),  # a range of figures
        ("a well-known case", "a well-known case"),  # a hyphen inside a word
    ],
)
def test_the_parser_reads_paired_spaced_hyphens_between_words_as_dashes(text: str, view: str) -> None:
    from thucydides.nlp.dashes import dash_view

    assert dash_view(text) == view and len(dash_view(text)) == len(text)


def test_a_clause_read_as_the_subject_of_the_next_verb_keeps_its_own_subject(analyze_text: Analyze) -> None:
    """ "Norway censured and Finland praised Sweden": Finland praised, Norway censured, both Sweden."""
    events = _events(analyze_text, "Norway censured and Finland praised Sweden on Monday.")
    assert {("ACCUSE", "NOR", "SWE", "asserted"), ("SUPPORT", "FIN", "SWE", "asserted")} <= events
    assert ("SUPPORT", "NOR", "SWE", "asserted") not in events


def test_a_verb_read_as_a_relative_clause_without_a_relative_word_is_the_main_verb(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway, along with Finland, lobbied against Sweden on Monday.")
    assert {("ACCUSE", "NOR", "SWE", "asserted"), ("ACCUSE", "FIN", "SWE", "asserted")} <= events


def test_an_absolute_clause_after_with_tells_an_event_of_its_own(analyze_text: Analyze) -> None:
    """ "…, with the Norwegian foreign minister deploring Sweden": the minister deplores Sweden,
    also where the parser reads "deploring" as a premodifier of "Sweden"."""
    events = _events(analyze_text, "Finland left the talks on Monday, with the Lao foreign minister deploring Cyprus.")
    assert ("ACCUSE", "LAO", "CYP", "asserted") in events
    assert not any(source == "FIN" for _, source, _, _ in events)  # no talks with the minister were left


def test_a_past_tense_without_a_passive_auxiliary_is_active(analyze_text: Analyze) -> None:
    """ "Laos, the ministry said, called on Cyprus": the parser may call "Laos" a passive subject,
    but a past tense with no "was" or "were" is active, and Laos its subject."""
    assert ("REQUEST", "LAO", "CYP") in {e[:3] for e in _events(analyze_text, "Laos, the ministry said, called on Cyprus on Monday.")}


def test_a_headline_passive_without_its_auxiliary_stays_passive(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Two Swedish soldiers killed by Norwegian troops")
    assert not any(source == "SWE" for _, source, _, _ in events)


@pytest.mark.parametrize(
    "text",
    [
        "After talks in Geneva, Norway and Finland condemned Sweden.",
        "Following talks in Oslo, Norway and Finland condemned Sweden.",
    ],
)
def test_the_names_after_a_fronted_phrases_comma_are_the_subject(analyze_text: Analyze, text: str) -> None:
    """The parser may coordinate the subject with the fronted phrase's last name ("Geneva, Norway
    and Finland") or take the phrase's noun for the subject ("talks"): the phrase ends at its comma."""
    assert {("ACCUSE", "NOR", "SWE", "asserted"), ("ACCUSE", "FIN", "SWE", "asserted")} <= _events(analyze_text, text)


def test_a_subordinate_clause_keeps_its_own_subject(analyze_text: Analyze) -> None:
    assert ("ASSAULT", "NOR", "SWE", "hypothetical") in _events(analyze_text, "If Norway attacked Sweden where was Finland?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway criticised the Swedish plan, but Finland welcomed it.", ("SUPPORT", "FIN", "SWE", "asserted")),
        ("Norway criticised the Swedish plan, with Finland also condemning it.", ("ACCUSE", "FIN", "SWE", "asserted")),
        ("Norway criticised Sweden and imposed sanctions on it.", ("SANCTION", "NOR", "SWE", "asserted")),
    ],
)
def test_an_object_it_takes_up_the_object_of_the_clause_it_continues(analyze_text: Analyze, text: str, expected: Coded) -> None:
    events = _events(analyze_text, text)
    assert expected in events
    assert not any(source == "FIN" and target == "NOR" for _, source, target, _ in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laos, the ministry said, shared with Cyprus on Monday.", ("COOPERATE", "LAO", "CYP")),
        ("Norway, officials said, expelled Sweden's ambassador.", ("SANCTION", "NOR", "SWE")),
    ],
)
def test_a_reporting_clause_set_off_after_the_subject_leaves_it_the_subject(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in {e[:3] for e in _events(analyze_text, text)}


def test_an_irregular_past_the_lemmatiser_leaves_as_it_is_is_the_lexicon_verbs_own(analyze_text: Analyze) -> None:
    assert ("SUPPORT", "LAO", "CYP") in {e[:3] for e in _events(analyze_text, "Its rivals, including Laos, forgave Cyprus on Monday.")}
