"""Reference beyond pronouns: a definite description ("the commission", "the president", "the two
countries") refers to the latest compatible mention before it, else to the article's own country.
Sentences we wrote (real countries, invented events)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Analysis

Analyze = Callable[..., Analysis]


def _events(analyze_text: Analyze, text: str) -> list[tuple[str, str | None, str | None, str]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return [(e.plover.type, key(e.source), key(e.target), e.modality) for e in analyze_text(text).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's electoral commission met opposition leaders on Monday. The commission later accused Uganda of interference.",
            ("ACCUSE", "KEN", "UGA", "asserted"),
        ),
        (
            "Norway's energy agency published its yearly review. The agency criticised Sweden on Tuesday.",
            ("ACCUSE", "NOR", "SWE", "asserted"),
        ),
        (
            "The Norwegian parliament's ethics committee met on Monday.\n\nAfter a long session, the committee condemned Sweden.",
            ("ACCUSE", "NOR", "SWE", "asserted"),
        ),
        (
            "A Finnish council of elders met in Helsinki. Sweden sent a letter. This council then accused Sweden of lying.",
            ("ACCUSE", "FIN", "SWE", "asserted"),
        ),
    ],
)
def test_a_definite_body_is_the_last_one_named_with_the_same_head_noun(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "The commission" names again the commission the article introduced with its country."""
    events = _events(analyze_text, text)
    assert expected in events, events


def test_a_definite_body_whose_words_differ_from_the_earlier_one_is_not_it(analyze_text: Analyze) -> None:
    """ "the trade commission" is not "Kenya's electoral commission": a repeated description
    keeps the earlier one's words."""
    events = _events(
        analyze_text,
        "Kenya's electoral commission met opposition leaders on Monday. The trade commission later accused Uganda of dumping.",
    )
    assert not any(kind == "ACCUSE" and source == "KEN" for kind, source, _, _ in events), events


def test_a_definite_body_with_nothing_named_before_is_no_one(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "The commission later accused Uganda of interference.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emmanuel Macron arrived in Berlin on Monday. The president criticised Russia.", ("ACCUSE", "FRA", "RUS", "asserted")),
        ("Emmanuel Macron arrived in Berlin on Monday. The president met Olaf Scholz.", ("CONSULT", "FRA", "DEU", "asserted")),
    ],
)
def test_a_definite_office_is_the_last_person_named_who_holds_it(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "The president" after the knowledge base's president of France is Macron, not the host
    country the article names (Berlin)."""
    events = _events(analyze_text, text)
    assert expected in events, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway held elections on Sunday. The president condemned Sweden on Monday.", ("ACCUSE", "NOR", "SWE", "asserted")),
        (
            "Norway held elections on Sunday. The prime minister met Sweden's foreign minister on Monday.",
            ("CONSULT", "NOR", "SWE", "asserted"),
        ),
    ],
)
def test_a_definite_office_with_no_holder_named_is_the_last_state_s(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "The president" with no owner, no holder named and no country the article is mostly
    about: the office of the one state named just before."""
    events = _events(analyze_text, text)
    assert expected in events, events


def test_a_definite_office_after_two_states_stays_unresolved(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Finland and Norway signed the deal. The president also condemned Sweden.")
    assert not any(source in ("FIN", "NOR") for _, source, _, _ in events), events


def test_these_two_countries_reach_back_over_a_paragraph_break(analyze_text: Analyze) -> None:
    text = "Norway and Sweden held talks in Bergen.\n\nAnalysts were surprised.\n\nThese two countries agreed to restore ties."
    agreed = {(s, t) for kind, s, t, _ in _events(analyze_text, text) if kind == "AGREE"}
    assert agreed >= {("NOR", "SWE"), ("SWE", "NOR")}, agreed
