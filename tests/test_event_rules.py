"""The event coder's rules, one behaviour each, on sentences we wrote (real countries, invented events)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Analysis, Event

Analyze = Callable[..., Analysis]


def _events(analyze_text: Analyze, text: str) -> list[tuple[str, str | None, str | None, str]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return [(e.plover.type, key(e.source), key(e.target), e.modality) for e in analyze_text(text).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway attacked Sweden on Monday.", ("ASSAULT", "NOR", "SWE", "asserted")),
        ("Sweden was attacked by Norway on Monday.", ("ASSAULT", "NOR", "SWE", "asserted")),
        ("Norway did not attack Sweden.", ("ASSAULT", "NOR", "SWE", "negated")),
        ("Norway will meet Sweden next week.", ("CONSULT", "NOR", "SWE", "future")),
        ("Norway plans to visit Sweden next month.", ("CONSULT", "NOR", "SWE", "future")),
        ("Norway wants to sanction Sweden.", ("SANCTION", "NOR", "SWE", "intent")),
        ("Norway could attack Sweden if talks fail.", ("ASSAULT", "NOR", "SWE", "hypothetical")),
        ("Finland said Norway attacked Sweden.", ("ASSAULT", "NOR", "SWE", "reported")),
        ("Norway Meets With Sweden Over Fishing Rights", ("CONSULT", "NOR", "SWE", "asserted")),
        ("Thousands of Norwegian farmers protested in Oslo on Friday.", ("PROTEST", "NOR", None, "asserted")),
    ],
)
def test_rules(analyze_text: Analyze, text: str, expected: tuple[str, str, str | None, str]) -> None:
    assert expected in _events(analyze_text, text)


def test_refusal_to_cooperate_is_a_rejection_and_not_an_agreement(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway refused to sign the agreement with Sweden.")
    assert not any(kind == "AGREE" and modality == "asserted" for kind, _, _, modality in events)


def test_a_refused_condemnation_is_never_an_asserted_accusation(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway has refused to condemn Sweden's aggression.")
    assert not any(kind == "ACCUSE" and modality == "asserted" for kind, _, _, modality in events)


def test_a_demand_that_another_must_act(analyze_text: Analyze) -> None:
    assert ("REQUEST", "FIN", "NOR", "asserted") in _events(analyze_text, "Finland said Norway must withdraw its troops.")


def test_they_after_two_people_is_the_pair(analyze_text: Analyze) -> None:
    text = "Norwegian Prime Minister Ola Berg thanked Swedish President Eva Lind, whom he first met in June, when they met in Oslo."
    events = _events(analyze_text, text)
    assert ("CONSULT", "NOR", "SWE", "asserted") in events or ("CONSULT", "SWE", "NOR", "asserted") in events


def test_metaphors_and_showing_are_not_events(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "You should not fight a bear when the river is high.") == []
    events = _events(analyze_text, "Norway demonstrated its commitment to the treaty.")
    assert not any(kind == "PROTEST" for kind, _, _, _ in events)


def test_american_places_are_not_foreign_capitals(analyze_text: Analyze) -> None:
    analysis = analyze_text("Officials held a meeting in San Jose, Calif., and in Athens, Georgia, on Monday.")
    assert not any(a.country in ("CRI", "GEO", "GRC") for a in analysis.actors)


def test_every_event_carries_its_rule_sentence_and_codes(analyze_text: Analyze) -> None:
    analysis = analyze_text("Norway imposed sanctions on Sweden on Monday.")
    event: Event = analysis.events[0]
    assert event.rule and event.sentence.startswith("Norway imposed")
    assert event.cameo.startswith("16") and event.quad_class == 4 and event.goldstein < 0
