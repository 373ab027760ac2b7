"""Who "he", "she", "her" and "they" are: a pronoun agrees with its antecedent in gender and number,
and one in the writer's words refers to a person the writer named, not to a name inside someone's
quoted words. Sentences we wrote (invented people of real countries)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Actor, Analysis
from thucydides.resolve.pronouns import antecedent_person, quoted_stretches

Analyze = Callable[..., Analysis]


def _events(analyze_text: Analyze, text: str) -> list[tuple[str, str | None, str | None]]:
    def key(actor: Actor | None) -> str | None:
        return None if actor is None else (actor.country or actor.code)

    return [(e.plover.type, key(e.source), key(e.target)) for e in analyze_text(text).events]


_MEETING = "Norway's foreign minister, {first}, met Sweden's defence minister, {second}, in Oslo on Monday."


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the latest person named is a man: "she" is the woman before him
        (_MEETING.format(first="Ana Vale", second="Olaf Lund") + " She later accused Russia of spying.", "NOR"),
        (_MEETING.format(first="Ana Vale", second="Olaf Lund") + " He later accused Russia of spying.", "SWE"),
        # a man named last and a woman before him, the other way round
        (_MEETING.format(first="Olaf Lund", second="Ana Vale") + " He later accused Russia of spying.", "NOR"),
        # courtesy titles say it where no given name does
        ("Ms Vale, Norway's foreign minister, met Mr Lund, Sweden's defence minister, in Oslo. She later accused Russia of spying.", "NOR"),
        # a woman of whom the article says it, before a man of whom it says nothing
        ("Norway's prime minister, Ana Vale, met Sweden's prime minister, Lund, in Oslo. She later accused Russia of spying.", "NOR"),
    ],
)
def test_she_and_he_refer_to_a_person_of_their_gender(analyze_text: Analyze, text: str, source: str) -> None:
    events = _events(analyze_text, text)
    assert ("ACCUSE", source, "RUS") in events, events
    assert not any(kind == "ACCUSE" and src not in (source, None) for kind, src, _ in events), events


def test_a_pronoun_outside_quotes_skips_a_name_inside_them(analyze_text: Analyze) -> None:
    """ "Lund said: "… ask Erik Berg …". He then …": the writer's "he" is Lund, who spoke, not
    Berg, whom Lund's words name."""
    text = (
        "Norway's foreign minister Olaf Lund said: \"Denmark should first ask Erik Berg, Sweden's prime minister.\" "
        "He then accused Russia of spying."
    )
    events = _events(analyze_text, text)
    assert ("ACCUSE", "NOR", "RUS") in events, events
    assert ("ACCUSE", "SWE", "RUS") not in events, events


def test_her_is_the_woman_named_before(analyze_text: Analyze) -> None:
    """ "Her spokesman" speaks for the woman just named, not for the man named after her."""
    text = "Norway's prime minister, Ana Vale, hosted Sweden's prime minister, Olaf Lund. Her spokesman later criticised Russia."
    events = _events(analyze_text, text)
    assert ("ACCUSE", "NOR", "RUS") in events, events


def test_the_quote_speaker_pronoun_agrees_too(analyze_text: Analyze) -> None:
    analysis = analyze_text(_MEETING.format(first="Ana Vale", second="Olaf Lund") + " She said Russia was spying on Norway.")
    speakers = [q.speaker.country for q in analysis.quotes if q.speaker is not None]
    assert speakers == ["NOR"], analysis.quotes


@pytest.mark.parametrize(
    "text",
    [
        "Norway's prime minister, Olaf Lund, said they had attacked Swedish ships.",
        "Norway's foreign minister, Ana Vale, said he had threatened Swedish ships.",
    ],
)
def test_a_pronoun_in_reported_speech_that_cannot_be_its_speaker_is_someone_else(analyze_text: Analyze, text: str) -> None:
    """ "Lund said they had attacked": "they" are others than the one man who says it; "Ana Vale
    said he had threatened": not her. With no one else named, no source rather than the speaker."""
    events = _events(analyze_text, text)
    assert not any(source == "NOR" for _, source, _ in events), events


def test_a_pronoun_in_reported_speech_is_its_speaker_when_it_agrees(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway's foreign minister, Ana Vale, said she had warned Sweden.")
    assert [kind for kind, source, target in events if source == "NOR" and target == "SWE"], events


def test_the_rule_without_a_model() -> None:
    """The choice itself, on records: latest first, the first of the pronoun's gender, skipping
    one named inside quotation marks while anyone else fits."""
    text = 'Ana Vale met Olaf Lund. Lund said "ask Erik Berg". She'
    vale = Actor("Ana Vale", "Ana Vale", "NORGOV", "NOR", "GOV", (0, 8))
    lund = Actor("Olaf Lund", "Olaf Lund", "SWEGOV", "SWE", "GOV", (13, 22))
    berg = Actor("Erik Berg", "Erik Berg", "DNKGOV", "DNK", "GOV", (39, 48))
    genders = {"Ana Vale": "f", "Olaf Lund": "m"}
    quoted = quoted_stretches(text)
    assert quoted == [(34, 49)]
    latest_first = [berg, lund, vale]
    assert antecedent_person(latest_first, len(text) - 3, "she", genders, quoted) == vale
    assert antecedent_person(latest_first, len(text) - 3, "he", genders, quoted) == lund
    assert antecedent_person([berg], len(text) - 3, "he", genders, quoted) == berg  # no one else: the quoted name
    assert antecedent_person([lund], len(text) - 3, "she", genders, quoted) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norway's foreign minister met the Swedish ambassador in Oslo on Monday for talks about the border. "
            "He later praised Denmark for its help.",
            ("SUPPORT", "NOR", "DNK"),
        ),
        (
            "The Norwegian spokeswoman met the Swedish ambassador in Oslo on Monday for talks about the border. "
            "She later praised Denmark for its help.",
            ("SUPPORT", "NOR", "DNK"),
        ),
    ],
)
def test_a_pronoun_continues_the_role_that_was_the_subject_before(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    """With no one named, "he" is the person the sentence before was about: its subject, named
    by a role ("Norway's foreign minister"), not the ambassador it met."""
    events = _events(analyze_text, text)
    assert expected in events, events
