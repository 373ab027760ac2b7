"""The reference article (../shared/data/seed): what an analyst expects from it (EXPECTED.md)."""

from __future__ import annotations

import json

import pytest

from thucydides.config import Settings
from thucydides.ingest import read_inputs
from thucydides.pipeline import analyze
from thucydides.records import Analysis, Event

from .conftest import DATA, need_data

FOOTER = ("Visited 1 times", "Leave a Reply", "Required fields are marked", "contributed to this story")


@pytest.fixture(scope="module")
def seed(settings: Settings) -> tuple[str, Analysis]:
    path = need_data(DATA / "seed" / "seed.jsonl")
    [(article, analysis)] = list(analyze(read_inputs([str(path)]), settings))
    return article.text, analysis


def _has(events: tuple[Event, ...], plover: str, source: str, target: str, modality: str | None = None) -> bool:
    return any(
        e.plover.type == plover
        and e.source is not None and (e.source.country or e.source.code) == source
        and e.target is not None and (e.target.country or e.target.code) == target
        and (modality is None or e.modality == modality)
        for e in events
    )


def test_dateline_is_recognised(seed: tuple[str, Analysis]) -> None:
    _, analysis = seed
    assert analysis.dateline is not None
    assert analysis.dateline.place == "KIEV, Ukraine"
    assert not any(a.text == "KIEV" for a in analysis.actors)


def test_nothing_comes_from_the_footer(seed: tuple[str, Analysis]) -> None:
    text, analysis = seed
    footer_start = text.index("Hanna Arhirova in Kiev")
    spans = [e.span for e in analysis.events] + [q.span for q in analysis.quotes] + [a.span for a in analysis.actors]
    assert all(start < footer_start for start, _ in spans)
    assert analysis.byline is not None and "Hanna Arhirova" in analysis.byline


def test_xi_visit_to_moscow_is_a_future_consultation(seed: tuple[str, Analysis]) -> None:
    _, analysis = seed
    assert _has(analysis.events, "CONSULT", "CHN", "RUS", "future")


def test_us_rejects_a_chinese_ceasefire_proposal(seed: tuple[str, Analysis]) -> None:
    assert _has(seed[1].events, "REJECT", "USA", "CHN")


def test_china_accuses_nato_and_the_united_states(seed: tuple[str, Analysis]) -> None:
    events = seed[1].events
    assert _has(events, "ACCUSE", "CHN", "USA")
    assert _has(events, "ACCUSE", "CHN", "IGONAT")


def test_qin_and_kuleba_consult(seed: tuple[str, Analysis]) -> None:
    events = seed[1].events
    assert _has(events, "CONSULT", "CHN", "UKR") or _has(events, "CONSULT", "UKR", "CHN")


def _dated(events: tuple[Event, ...], plover: str, pair: set[str]) -> set[str | None]:
    return {
        e.date for e in events
        if e.plover.type == plover and e.source is not None and e.target is not None
        and {e.source.country, e.target.country} == pair
    }


def test_the_consultations_and_the_invitation_an_analyst_writes_down(seed: tuple[str, Analysis]) -> None:
    events = seed[1].events
    assert "2023-03-16" in _dated(events, "CONSULT", {"UKR", "USA"})  # Kuleba with Blinken, "the same day"
    assert "2023-03-21" in _dated(events, "AGREE", {"RUS", "CHN"})  # the talks scheduled for Tuesday
    assert _has(events, "AGREE", "RUS", "CHN", "asserted")  # Putin invited Xi
    assert _dated(events, "CONSULT", {"IRN", "SAU"})  # the talks China brokered
    assert _has(events, "REQUEST", "USA", "CHN")  # the US spokesman urging China's leader to talk to Ukraine's


def test_refusal_to_condemn_is_not_an_asserted_accusation(seed: tuple[str, Analysis]) -> None:
    assert not _has(seed[1].events, "ACCUSE", "CHN", "RUS", "asserted")


def test_every_event_says_why(seed: tuple[str, Analysis]) -> None:
    text, analysis = seed
    assert analysis.events
    for event in analysis.events:
        assert event.rule and event.sentence and event.cameo
        start, end = event.span
        assert text[start:end] in event.sentence or event.sentence.find(text[start:end].split()[0]) >= 0
        assert -10 <= event.goldstein <= 10 and event.quad_class in (1, 2, 3, 4)
    json.dumps([e.rule for e in analysis.events])


def test_quotes_have_their_speakers(seed: tuple[str, Analysis]) -> None:
    quotes = {q.content.split()[0].strip("“"): q for q in seed[1].quotes}
    speakers = {q.content[:21]: (q.speaker.name if q.speaker else None) for q in seed[1].quotes}
    expected = {
        "Obviously, security i": "Putin",
        "Don’t devote yourself": "Poita",
        "A truce is now again ": "Kirby",
    }
    for start, who in expected.items():
        assert start in speakers, f"quote {start!r} not found"
        assert speakers[start] is not None and who in speakers[start], (start, speakers[start])
    assert quotes


def test_listed_events_are_dated_and_located(seed: tuple[str, Analysis]) -> None:
    events = seed[1].events
    september = [e for e in events if e.plover.type == "CONSULT" and e.date == "2022-09"]
    assert september and september[0].location is not None and september[0].location.name == "Uzbekistan"
    drone = [e for e in events if e.plover.type == "ASSAULT" and e.target is not None and e.target.country == "USA"]
    assert drone and drone[0].date == "2023-03-14"
    assert drone[0].location is not None and drone[0].location.name == "Black Sea"
    visit = next(e for e in events if e.cameo == "042" and e.modality == "future")
    assert visit.date == "2023-W12" and visit.date_text == "next week"
