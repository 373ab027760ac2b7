"""Quality gate for event coding: dev scores may not drop below the floors in floors.json.

Floors only move up. A part of each gold set is held out elsewhere; these are the dev halves.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.evaluate.events import evaluate_cameo, evaluate_plover
from thucydides.evaluate.scores import Report
from thucydides.evaluate.seed import evaluate_seed

from .conftest import DATA, need_data

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
def _check(report: Report, task: str) -> None:
    """Noise is one record's worth on small sets (33 PETRARCH records: 0.03), at least 0.01."""
    noise = max(0.01, 1 / max(report.records, 1))
    for measure, floor in FLOORS[task].items():
        assert report.scores[measure] >= floor - noise, f"{task} {measure} {report.scores[measure]:.3f} < floor {floor}"


def test_plover_gsr_floors(settings: Settings) -> None:
    _check(evaluate_plover(need_data(DATA / "plover_gsr" / "dev.jsonl"), settings), "plover")


def test_petrarch_real_news_floors(settings: Settings) -> None:
    _check(evaluate_cameo(need_data(DATA / "petrarch" / "dev.jsonl"), settings, "real_news"), "cameo")


def test_legacy_dictionaries_code_the_petrarch_unit_test_actors(settings: Settings) -> None:
    """petr_unittest uses invented countries (Arnor, Gondor) known only to PETRARCH's own
    dictionaries, and test-only event codes: the dyads score what the dictionaries bring."""
    folder = need_data(DATA / "petrarch" / "dictionaries" / "petrarch2_head")
    with_dictionaries = replace(
        settings,
        actors_dicts=(str(folder / "PETR.Validate.actors.txt"),),
        agents_dicts=(str(folder / "PETR.Validate.agents.txt"),),
    )
    report = evaluate_cameo(DATA / "petrarch" / "dev.jsonl", with_dictionaries, "petr_unittest")
    _check(report, "cameo_petr_unittest_dictionaries")
    without = evaluate_cameo(DATA / "petrarch" / "dev.jsonl", settings, "petr_unittest")
    assert report.scores["dyad_f1"] > 3 * without.scores["dyad_f1"]


def test_reference_article_expectations(settings: Settings) -> None:
    report = evaluate_seed(need_data(DATA / "seed" / "seed.jsonl"), settings)
    _check(report, "seed")
    assert report.scores["forbidden_found"] == 0


@pytest.mark.parametrize("task", ["plover", "cameo", "cameo_petr_unittest_dictionaries", "seed"])
def test_floors_are_recorded(task: str) -> None:
    assert FLOORS[task], f"no floors recorded for {task}"


def test_an_actor_with_no_country_or_organisation_matches_no_gold_country() -> None:
    from thucydides.evaluate.events import actor_key
    from thucydides.records import Actor

    refugees = Actor("refugees", "refugees", "---REF", None, "REF", (0, 8))
    un = Actor("UN", "United Nations", "IGOUNO", None, None, (0, 2))
    assert actor_key(refugees) is None and actor_key(un) == "IGO"
