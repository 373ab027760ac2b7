"""Quality gate for event coding: dev scores may not drop below the floors in floors.json.

Floors only move up. A part of each gold set is held out elsewhere; these are the dev halves.
Each dev set is split again into tune and check parts (``evaluate.partition``); the floors under
``check`` are on the check part, whose errors are never listed.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from thucydides.config import Settings
from thucydides.evaluate.events import evaluate_cameo, evaluate_plover
from thucydides.evaluate.seed import evaluate_seed

from .conftest import DATA, need_data
from .floors import FLOORS, check_floors



def test_plover_gsr_floors(settings: Settings) -> None:
    check_floors(evaluate_plover(need_data(DATA / "plover_gsr" / "dev.jsonl"), settings), "plover")


def test_petrarch_real_news_floors(settings: Settings) -> None:
    check_floors(evaluate_cameo(need_data(DATA / "petrarch" / "dev.jsonl"), settings, "real_news"), "cameo")


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
    check_floors(report, "cameo_petr_unittest_dictionaries")
    without = evaluate_cameo(DATA / "petrarch" / "dev.jsonl", settings, "petr_unittest")
    assert report.scores["dyad_f1"] > 3 * without.scores["dyad_f1"]


def test_reference_article_expectations(settings: Settings) -> None:
    report = evaluate_seed(need_data(DATA / "seed" / "seed.jsonl"), settings)
    check_floors(report, "seed")
    assert report.scores["forbidden_found"] == 0


@pytest.mark.parametrize("task", ["plover", "cameo", "cameo_petr_unittest_dictionaries", "seed"])
def test_floors_are_recorded(task: str) -> None:
    assert FLOORS[task], f"no floors recorded for {task}"


@pytest.mark.parametrize("task", sorted(set(FLOORS) - {"check", "seed"}))
def test_every_whole_set_floor_has_a_check_part_floor(task: str) -> None:
    """The reference article is one record, in the tune part: it has no check part to floor."""
    assert set(FLOORS["check"][task]) >= set(FLOORS[task]) - {"expected_recall"}, f"no check floors for {task}"


def test_an_actor_with_no_country_or_organisation_matches_no_gold_country() -> None:
    from thucydides.evaluate.events import actor_key
    from thucydides.records import Actor

    refugees = Actor("refugees", "refugees", "---REF", None, "REF", (0, 8))
    un = Actor("UN", "United Nations", "IGOUNO", None, None, (0, 2))
    assert actor_key(refugees) is None and actor_key(un) == "IGO"
