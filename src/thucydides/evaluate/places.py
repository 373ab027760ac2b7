"""Geoparsing against LGL, TR-News and GeoWebNews gold (``../shared/data/geo_*``).

Each article goes through the whole pipeline; its ``places`` are compared with the gold toponyms
that carry coordinates. A gold toponym is recognised when a found place's span overlaps it
(``toponym_recall``); a recognised one is resolved right when the found coordinates lie within
161 km (100 miles) of the gold ones (``accuracy_161km``, over recognised toponyms, as in Gritta
et al.). ``median_error_km`` is the median distance over recognised toponyms; ``precision``
counts found places that overlap any gold toponym (with coordinates or not).
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from thucydides.config import Settings
from thucydides.evaluate.events import read_gold
from thucydides.evaluate.scores import Error, Report, Scoring
from thucydides.pipeline import analyze
from thucydides.records import Article
from thucydides.resolve.gazetteer import distance_km

ACCURATE_KM = 161.0


def evaluate_places(path: str | Path, settings: Settings, limit: int | None = None) -> Report:
    records = read_gold(path)
    records = records[:limit] if limit else records
    scoring = Scoring("places")
    articles = (
        Article(id=str(r["id"]), text=r["text"], title=None, origin=str(r["id"]), input_format="jsonl") for r in records
    )
    for record, (_, analysis) in zip(records, analyze(articles, settings)):
        report = scoring.of(str(record["id"]))
        report.records += 1
        recognised, resolved, found = report.count("toponym"), report.count("resolved"), report.count("found")
        errors = report.values["error_km"]
        places = [p for p in analysis.places if analysis.dateline is None or p.span[0] >= analysis.dateline.span[1]
                  or p.span[1] <= analysis.dateline.span[0]] + [p for p in analysis.places if analysis.dateline is not None
                  and analysis.dateline.span[0] <= p.span[0] < analysis.dateline.span[1]]
        toponyms: list[dict[str, Any]] = record.get("toponyms", [])
        for place in places:
            if any(t["start"] < place.span[1] and place.span[0] < t["end"] for t in toponyms):
                found.tp += 1
            else:
                found.fp += 1
                report.add_error(Error("false positive", place.feature, record["id"], f"{place.text!r} → {place.name}, {place.country}", ""))
        for toponym in toponyms:
            if toponym.get("lat") is None or toponym.get("lon") is None:
                continue
            match = next((p for p in places if toponym["start"] < p.span[1] and p.span[0] < toponym["end"]), None)
            if match is None:
                recognised.fn += 1
                report.add_error(Error("miss", str(toponym.get("fcode") or toponym.get("type") or ""), record["id"], repr(toponym["phrase"]), ""))
                continue
            recognised.tp += 1
            if match.lat is None or match.lon is None:
                errors.append(20_000.0)
                resolved.fn += 1
                continue
            error = distance_km(match.lat, match.lon, float(toponym["lat"]), float(toponym["lon"]))
            errors.append(error)
            if error <= ACCURATE_KM:
                resolved.tp += 1
            else:
                resolved.fn += 1
                gold_name = toponym.get("name") or toponym.get("normalised_name") or toponym["phrase"]
                report.add_error(
                    Error("wrong place", match.feature, record["id"],
                          f"{match.text!r} → {match.name}, {match.country} ({error:.0f} km from gold {gold_name})", "")
                )
    return scoring.finish(score_places)


def score_places(report: Report) -> None:
    errors = report.values["error_km"]
    report.scores["toponym_recall"] = round(report.count("toponym").recall, 4)
    report.scores["precision"] = round(report.count("found").precision, 4)
    report.scores["accuracy_161km"] = round(report.count("resolved").recall, 4)
    report.scores["median_error_km"] = round(statistics.median(errors), 1) if errors else 0.0
    report.scores["gold_toponyms"] = report.count("toponym").tp + report.count("toponym").fn
