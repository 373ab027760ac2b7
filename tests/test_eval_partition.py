"""The tune/check split of every gold set, and reports that never keep the check part's errors."""

from __future__ import annotations

import json
from collections import Counter

from click.testing import CliRunner

from thucydides.cli import cli
from thucydides.evaluate.calibration import Judgement, calibration_bins, calibration_error
from thucydides.evaluate.partition import part_of
from thucydides.evaluate.scores import Error, Report, Scoring

from .conftest import DATA, need_data


def test_the_split_is_a_fixed_function_of_the_id_with_about_sixty_percent_tune() -> None:
    ids = [f"set:{n}" for n in range(2000)]
    parts = Counter(part_of(i) for i in ids)
    assert 0.56 < parts["tune"] / len(ids) < 0.64
    assert [part_of(i) for i in ids] == [part_of(i) for i in ids]


def _ids(part: str, count: int) -> list[str]:
    return [i for i in (f"r{n}" for n in range(200)) if part_of(i) == part][:count]


def test_a_check_report_keeps_no_errors_and_the_whole_report_adds_up_the_parts() -> None:
    scoring = Scoring("demo")
    for record in _ids("tune", 3) + _ids("check", 2):
        report = scoring.of(record)
        report.records += 1
        report.count("event").tp += 1
        report.count("event").fn += 1 if report.part == "check" else 0
        report.tallies["forbidden_found"] += 1
        report.add_error(Error("miss", record, "X", "detail", "sentence"))
    whole = scoring.finish()
    tune, check = whole.parts["tune"], whole.parts["check"]
    assert (tune.records, check.records, whole.records) == (3, 2, 5)
    assert check.errors == [] and len(tune.errors) == 3 and {e.record for e in whole.errors} == set(_ids("tune", 3))
    assert tune.scores["event_recall"] == 1.0 and check.scores["event_recall"] == 0.5
    assert whole.scores["event_recall"] == round(5 / 7, 4) and whole.scores["forbidden_found"] == 5


def test_a_whole_report_lists_no_check_errors_even_when_the_check_part_had_some() -> None:
    check = Report("demo", part="check")
    check.add_error(Error("miss", "r", "X", "", ""))
    assert check.errors == []


def test_calibration_bins_set_confidence_beside_the_fraction_right() -> None:
    judged = [Judgement(0.9, True)] * 8 + [Judgement(0.9, False)] * 2 + [Judgement(0.1, False)] * 5 + [Judgement(1.0, True)]
    bins = calibration_bins(judged)
    assert [b.events for b in bins] == [5, 0, 0, 0, 11]
    assert bins[4].fraction_right == 9 / 11 and bins[0].fraction_right == 0.0
    assert calibration_error([Judgement(0.8, True)] * 8 + [Judgement(0.8, False)] * 2) < 1e-9
    assert calibration_error([Judgement(0.9, False)] * 4) == 0.9


def test_eval_prints_tune_and_check_side_by_side_and_never_a_check_error() -> None:
    path = need_data(DATA / "plover_gsr" / "dev.jsonl")
    ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    runner = CliRunner()
    shown = runner.invoke(cli, ["eval", "plover", str(path), "--errors", "10000"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "tune" in shown.output and "check" in shown.output
    assert any(f"[{i}]" in shown.output for i in ids if part_of(i) == "tune")
    assert not any(f"[{i}]" in shown.output for i in ids if part_of(i) == "check")
    for part in ("check", "all"):
        result = runner.invoke(cli, ["eval", "plover", str(path), "--errors", "10000", "--part", part], env={"COLUMNS": "200"})
        assert result.exit_code == 0 and not any(f"[{i}]" in result.output for i in ids if part_of(i) == "check")
    scores = json.loads(runner.invoke(cli, ["eval", "plover", str(path), "--json"]).output)
    assert scores["tune"]["records"] + scores["check"]["records"] == scores["records"] == len(ids)
    assert {"type_recall", "calibration"} <= set(scores["check"])
