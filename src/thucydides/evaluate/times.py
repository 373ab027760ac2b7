"""Time expressions against TempEval-3 gold (``../shared/data/tempeval3``).

A found expression matches a gold one when their spans overlap (TempEval-3's relaxed match); it
is right when its TIMEX3 value is the gold value too. ``value`` precision, recall and F1 count
right values over found and over gold expressions (TempEval-3's value F1); ``span`` counts the
relaxed matches alone.
"""

from __future__ import annotations

from pathlib import Path

from thucydides.evaluate.events import read_gold
from thucydides.evaluate.scores import Error, Report, Scoring
from thucydides.extract.times import find_times


def evaluate_times(path: str | Path, limit: int | None = None) -> Report:
    """Scores of :func:`find_times` on the TempEval-3 records of ``path`` (the first ``limit``)."""
    records = read_gold(path)[:limit] if limit else read_gold(path)
    scoring = Scoring("time")
    for record in records:
        report = scoring.of(str(record["id"]))
        report.records += 1
        spans, values = report.count("span"), report.count("value")
        text = record["text"]
        gold = [g for g in record.get("timexes", []) if g.get("value")]
        found = find_times(text, record.get("dct"))
        used: set[int] = set()
        for time in found:
            match = next(
                (i for i, g in enumerate(gold) if i not in used and g["start"] < time.span[1] and time.span[0] < g["end"]),
                None,
            )
            if match is None:
                spans.fp += 1
                values.fp += 1
                report.per_label[time.type].fp += 1
                report.add_error(Error("false positive", time.type, record["id"], f"{time.text!r} = {time.value}", ""))
                continue
            used.add(match)
            spans.tp += 1
            expected = gold[match]
            if time.value == expected["value"]:
                values.tp += 1
                report.per_label[expected["type"]].tp += 1
            else:
                values.fp += 1
                values.fn += 1
                report.per_label[expected["type"]].fn += 1
                report.add_error(
                    Error(
                        "wrong value", expected["type"], record["id"],
                        f"{time.text!r} = {time.value}, gold {expected['text']!r} = {expected['value']} (dct {record.get('dct')})",
                        "",
                    )
                )
        for i, expected in enumerate(gold):
            if i not in used:
                spans.fn += 1
                values.fn += 1
                report.per_label[expected["type"]].fn += 1
                report.add_error(
                    Error("miss", expected["type"], record["id"], f"{expected['text']!r} = {expected['value']}", "")
                )
    return scoring.finish()
