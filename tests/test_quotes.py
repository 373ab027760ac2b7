"""Quotes and their speakers: invented sentences, the reference article, and the PolNeAR floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.evaluate.quotes import evaluate_quotes
from thucydides.records import Analysis, Quote

from .conftest import DATA, need_data

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
POLNEAR_SUBSET = 60
"""The floor test scores the first 60 articles of PolNeAR dev; `thucydides eval quotes` scores all 309."""


def _quote(analysis: Analysis, start: str) -> Quote:
    found = [q for q in analysis.quotes if q.content.startswith(start)]
    assert found, f"no quote starting {start!r}: {[q.content for q in analysis.quotes]}"
    return found[0]


def test_a_direct_quote_and_its_continuation_have_the_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan Foreign Minister Jane Mwangi met the envoy in Nairobi on Monday.\n\n"
        "“We will not accept any deal that divides the country,” Mwangi told reporters.\n\n"
        "“Our borders are not for sale to anyone,” she said."
    )
    analysis = analyze_text(text)
    first = _quote(analysis, "We will not accept")
    assert first.direct and first.cue == "told"
    assert first.speaker is not None and first.speaker.name == "Jane Mwangi" and first.speaker.country == "KEN"
    second = _quote(analysis, "Our borders are not")
    assert second.speaker is not None and second.speaker.name == "Jane Mwangi"
    assert second.speaker.text == "she" and text[slice(*second.speaker.span)] == "she"
    assert text[slice(*second.span)] == second.content


def test_indirect_quotes_name_their_speaker_and_are_not_direct(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "The Norwegian government warned that the talks could collapse within days."
    [quote] = analyze_text(text).quotes
    assert not quote.direct and quote.cue == "warned"
    assert quote.content.startswith("the talks could collapse")
    assert quote.speaker is not None and quote.speaker.country == "NOR"


def test_according_to_names_the_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Troops crossed the river overnight, according to the Finnish defence ministry."
    [quote] = analyze_text(text).quotes
    assert quote.content.startswith("Troops crossed the river")
    assert quote.speaker is not None and quote.speaker.country == "FIN"


def test_a_partial_quote_inside_a_report_is_one_mixed_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Chile said it would reject the plan as “a betrayal of our farmers and workers”."
    analysis = analyze_text(text)
    assert len(analysis.quotes) == 1
    quote = analysis.quotes[0]
    assert not quote.direct and "a betrayal of our farmers" in quote.content and "reject the plan" in quote.content
    assert quote.speaker is not None and quote.speaker.country == "CHL"


def test_a_statement_from_a_ministry_speaks_for_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "A statement from the Egyptian foreign ministry said the border crossing would reopen on Sunday."
    [quote] = analyze_text(text).quotes
    assert quote.speaker is not None and quote.speaker.country == "EGY"


def test_the_minister_is_the_minister_named_before(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peruvian Interior Minister Carlos Quispe visited the flooded districts on Tuesday.\n\n"
        "The minister said the army would deliver drinking water to every village by Friday."
    )
    quote = _quote(analyze_text(text), "the army would deliver")
    assert quote.speaker is not None and quote.speaker.name == "Carlos Quispe"
    assert quote.speaker.text == "The minister"


def test_doubled_apostrophes_are_quotation_marks(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Aragorn spoke in Minas Tirith on Monday. ''We hold the fords,'' said Aragorn. ''Not one of them.''"
    analysis = analyze_text(text)
    first = _quote(analysis, "We hold the fords")
    assert first.direct and first.speaker is not None and first.speaker.name == "Aragorn"
    second = _quote(analysis, "Not one of them")
    assert second.speaker is not None and second.speaker.name == "Aragorn"


def test_a_headline_tells_who_says_what(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Arnor Minister Says Gondor Broke The Truce\n\nThe talks in Bree ended on Monday without a deal."
    quote = _quote(analyze_text(text), "Gondor Broke The Truce")
    assert quote.cue == "Says" and quote.speaker is not None and "Arnor" in quote.speaker.text


def test_a_quote_after_a_colon_is_the_subjects(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Faramir shrugged off the question:\n\n“There is nothing left to say to them now.”"
    quote = _quote(analyze_text(text), "There is nothing left")
    assert quote.speaker is not None and quote.speaker.name == "Faramir"


def test_a_passive_cue_names_no_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    [quote] = analyze_text("Faramir was asked whether the border would reopen.").quotes
    assert quote.content == "whether the border would reopen" and quote.speaker is None


def test_an_accusation_keeps_what_it_is_about(analyze_text) -> None:  # type: ignore[no-untyped-def]
    [quote] = analyze_text("Aragorn accused Gondor of breaking the truce at the river.").quotes
    assert quote.cue == "accused" and quote.content.startswith("Gondor of breaking the truce")
    assert quote.speaker is not None and quote.speaker.name == "Aragorn"


def test_the_reference_article_quotes_have_their_speakers(settings: Settings) -> None:
    from thucydides.ingest import read_inputs
    from thucydides.pipeline import analyze

    path = need_data(DATA / "seed" / "seed.jsonl")
    [(_, analysis)] = list(analyze(read_inputs([str(path)]), settings))
    expected = {
        "Obviously, security issues are now the top priority": "Putin",
        "Don’t devote yourself to the dragon": "Poita",
        "A truce is now again effectively the ratification": "Kirby",
        "I am sure that our leader": "Ushakov",
        "I underscored the importance": "Kuleba",
        "Any peace deal that is not based on Ukraine": "Davies",
        "At present, with the accelerated development": "Wang Wenbin",
    }
    for start, who in expected.items():
        quote = _quote(analysis, start)
        assert quote.direct
        assert quote.speaker is not None and who in quote.speaker.name, (start, quote.speaker)


@pytest.mark.parametrize("measure", sorted(FLOORS["quotes_polnear_dev_first60"]))
def test_polnear_scores_stay_above_their_floors(measure: str, polnear_report: dict[str, float]) -> None:
    floor = FLOORS["quotes_polnear_dev_first60"][measure]
    assert polnear_report[measure] >= floor - 0.01, f"{measure} {polnear_report[measure]} < floor {floor}"


@pytest.fixture(scope="module")
def polnear_report(settings: Settings) -> dict[str, float]:
    path = need_data(DATA / "polnear_quotes" / "dev.jsonl")
    return evaluate_quotes(path, settings, limit=POLNEAR_SUBSET).scores
