"""Stances: who supports or opposes which issue, from invented sentences and the reference article,
stored with their article and queried with `thucydides stances`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.records import Analysis, Stance
from thucydides.store import Filters, Store

from .conftest import DATA, need_data


def _stance(analysis: Analysis, country: str, issue: str) -> Stance:
    found = [s for s in analysis.stances if s.holder.country == country and s.issue == issue]
    assert found, f"no {country} stance on {issue}: {[(s.holder.code, s.issue, s.polarity) for s in analysis.stances]}"
    return found[0]


def test_calling_for_a_ceasefire_and_talks_supports_both(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya on Monday called for a ceasefire and peace talks between the two sides."
    analysis = analyze_text(text)
    assert _stance(analysis, "KEN", "ceasefire").polarity == "support"
    assert _stance(analysis, "KEN", "peace talks").polarity == "support"
    start, end = _stance(analysis, "KEN", "ceasefire").evidence_span
    assert "called for a ceasefire" in text[start:end]


def test_rejecting_and_refusing_to_back_are_opposition(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Hungary rejected the new sanctions. Austria refused to back the arms embargo.")
    assert _stance(analysis, "HUN", "sanctions").polarity == "oppose"
    assert _stance(analysis, "AUT", "sanctions").polarity == "oppose"


@pytest.mark.parametrize(
    ("text", "country", "issue", "polarity"),
    [
        ("Ukraine condemned the violation of its territorial integrity.", "UKR", "territorial integrity", "support"),
        ("Mexico opposed any violation of its sovereignty by its neighbours.", "MEX", "territorial integrity", "support"),
        ("Ukraine condemned the violation of the ceasefire.", "UKR", "ceasefire", "support"),
        ("France condemned attempts to undermine the ceasefire.", "FRA", "ceasefire", "support"),
        ("Hungary called for an end to sanctions against Russia.", "HUN", "sanctions", "oppose"),
        ("China demanded that the United States lift sanctions.", "CHN", "sanctions", "oppose"),
        ("Ukraine condemned the annexation of Crimea.", "UKR", "territorial integrity", "support"),
        ("Russia welcomed the annexation of Crimea.", "RUS", "territorial integrity", "oppose"),
        ("Japan criticised the lack of progress in peace talks.", "JPN", "peace talks", "support"),
        # the same words with no harm keep the verb's polarity
        ("Ukraine supports the territorial integrity of Moldova.", "UKR", "territorial integrity", "support"),
        ("Germany welcomed the threat of sanctions.", "DEU", "sanctions", "support"),
    ],
)
def test_a_stance_on_a_harm_to_an_issue_is_the_opposite_stance_on_it(  # type: ignore[no-untyped-def]
    analyze_text, text: str, country: str, issue: str, polarity: str
) -> None:
    assert _stance(analyze_text(text), country, issue).polarity == polarity


def test_a_hedged_welcome_is_conditional(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Canada would welcome any serious negotiations that respect the country's sovereignty.")
    assert _stance(analysis, "CAN", "peace talks").polarity == "conditional"


def test_a_negated_condemnation_is_no_stance(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Brazil has refused to condemn the annexation.")
    assert not [s for s in analysis.stances if s.holder.country == "BRA"]


def test_a_reported_it_is_the_reporter(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Ghana said on Friday it would oppose any plan to lift the arms embargo.")
    # opposing the lifting of an embargo is standing for it
    assert _stance(analysis, "GHA", "sanctions").polarity == "support"


def test_an_object_outside_the_vocabulary_is_a_learned_issue(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Portugal strongly supports the fisheries reform proposed by the commission.")
    learned = [s for s in analysis.stances if s.holder.country == "PRT" and "reform" in s.issue]
    assert learned and learned[0].polarity == "support", analysis.stances


@pytest.fixture(scope="module")
def seed(settings: Settings) -> tuple[str, Analysis]:
    from thucydides.ingest import read_inputs
    from thucydides.pipeline import analyze

    path = need_data(DATA / "seed" / "seed.jsonl")
    [(article, analysis)] = list(analyze(read_inputs([str(path)]), settings))
    return article.text, analysis


def test_the_reference_article_stances(seed: tuple[str, Analysis]) -> None:
    _, analysis = seed
    assert _stance(analysis, "USA", "ceasefire").polarity == "oppose"
    assert _stance(analysis, "CHN", "ceasefire").polarity == "support"
    assert _stance(analysis, "CHN", "peace talks").polarity == "support"
    assert any(s.holder.country == "GBR" and s.polarity == "conditional" for s in analysis.stances)
    withdrawal = _stance(analysis, "UKR", "withdrawal")
    assert withdrawal.polarity == "support"
    assert any(
        s.holder.country == "UKR" and s.issue == "withdrawal" and "Crimea" in seed[0][slice(*s.evidence_span)]
        for s in analysis.stances
    )
    assert not any(s.holder.country == "USA" and s.issue == "ceasefire" and s.polarity == "support" for s in analysis.stances)


def test_stances_and_quotes_are_stored_and_queried(seed: tuple[str, Analysis], tmp_path: Path) -> None:
    _, analysis = seed
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        store.write([analysis])
        rows = store.stances(Filters(issue="CEASEFIRE"))
        assert {(r.holder_country, r.polarity) for r in rows} >= {("USA", "oppose"), ("CHN", "support")}
        assert all(r.evidence and "ceasefire" in r.evidence.lower() for r in rows if r.issue == "ceasefire")
        assert [r.holder for r in store.stances(Filters(issue="ceasefire", polarity="oppose"))] == ["United States"]
        kirby = store.quotes(Filters(actor="kirby"))
        assert any(q.content.startswith("A truce is now again") for q in kirby)
    cli = [sys.executable, "-c", "from thucydides.cli import main; main()"]
    out = subprocess.run([*cli, "stances", "--db", str(db), "--issue", "ceasefire", "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    holders = {json.loads(line)["holder_country"] for line in out.splitlines()}
    assert {"USA", "CHN"} <= holders
    out = subprocess.run([*cli, "quotes", "--db", str(db), "--speaker", "Poita", "--format", "csv"],
                         capture_output=True, text=True, check=True).stdout
    assert "Don’t devote yourself to the dragon" in out
    table = subprocess.run([*cli, "stances", "--db", str(db), "--polarity", "conditional"], capture_output=True, text=True, check=True)
    assert "GBR" in table.stdout
