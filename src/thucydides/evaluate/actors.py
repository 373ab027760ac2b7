"""Actor resolution against the NGEC test expectations (../shared/data/ngec_actors): country and
sector accuracy over the `agent_to_code` cases (Wikipedia-title expectations are ignored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thucydides.config import Settings
from thucydides.evaluate.events import read_gold
from thucydides.evaluate.scores import Error, Report, Scoring
from thucydides.nlp import load_pipeline
from thucydides.resolve.phrases import resolve_phrase


def _expected(record: dict[str, Any], field: str) -> tuple[str, str] | None:
    for expectation in record.get("expected", []):
        if expectation.get("field") == field and expectation.get("op") in ("==", "!="):
            return expectation["op"], str(expectation.get("value") or "")
    return None


def _iso_date(value: object) -> str | None:
    text = str(value or "")
    return text if len(text) == 10 and text[4] == "-" and text[7] == "-" else None


def evaluate_actors(path: str | Path, settings: Settings) -> Report:
    scoring = Scoring("actors")
    nlp = load_pipeline(settings)
    for record in read_gold(path):
        if record.get("method") != "agent_to_code":
            continue
        given = record.get("input", {})
        resolution = resolve_phrase(
            str(given.get("actor", "")), nlp, None, _iso_date(given.get("date")), str(given.get("context") or "")
        )
        report = scoring.of(str(record["id"]))
        report.records += 1
        country, sector = report.count("country"), report.count("sector")
        # NGEC gives an organisation a pseudo-country (UNO, EUR): our IGO code's tag is the same
        got_country = resolution.country or (resolution.code[3:6] if resolution.code.startswith("IGO") else "")
        for field, got, counts in (("country", got_country, country), ("code_1", resolution.sector, sector)):
            expected = _expected(record, field)
            if expected is None:
                continue
            op, value = expected
            if field == "code_1" and value == "UNK":
                value = ""  # NGEC writes an unknown sector as UNK; we leave it empty
            right = (got == value) if op == "==" else (got != value)
            if right:
                counts.tp += 1
            else:
                counts.fn += 1
                report.add_error(
                    Error("miss", record["id"], field, f"expected {op} {value!r}, got {got!r} ({resolution.why})", str(given.get("actor")))
                )
    return scoring.finish(score_actors)


def score_actors(report: Report) -> None:
    for name in ("country", "sector"):
        counts = report.count(name)
        total = counts.tp + counts.fn
        report.scores[f"{name}_accuracy"] = round(counts.tp / total, 4) if total else 0.0
        report.scores[f"{name}_cases"] = total
