"""Measure what an event's confidence is computed from, on the TUNE part of the dev sets only.

Writes src/thucydides/extract/data/rule_precision.tsv (per lexicon rule: events coded, events
right) and src/thucydides/extract/data/confidence.tsv (the logistic model's weights), from the
events coded on the tune parts of PLOVER GSR, PETRARCH real news and the whole articles, each
judged right or wrong as ``thucydides eval`` judges it. The check parts are not read, so
``thucydides eval`` measures the calibration on events the model never saw.

    .venv/bin/python scripts/measure_confidence.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from thucydides.clean import Cleaned
from thucydides.config import Settings
from thucydides.evaluate.articles import evaluate_articles
from thucydides.evaluate.calibration import Judgement, calibration_bins
from thucydides.evaluate.events import evaluate_cameo, evaluate_plover, gold_article, is_real_news, read_gold
from thucydides.evaluate.partition import part_of
from thucydides.evaluate.scores import Report
from thucydides.extract.confidence import RULES_FILE, WEIGHTS_FILE, ConfidenceModel, Evidence, RuleRecord, data_folder, evidence_of, features
from thucydides.ingest import read_inputs
from thucydides.nlp import load_pipeline
from thucydides.pipeline import prepare
from thucydides.records import Article, Event

STRENGTH = 4.0
"""Pseudo-events of the overall precision added to each rule's record."""
L2 = 1.0
"""Ridge penalty on every weight but the bias: a few hundred events, a dozen weights."""


def tune_judgements(report: Report) -> list[tuple[Event, bool]]:
    return [(j.event, j.right) for j in report.parts["tune"].judgements if j.event is not None]


def evidence_for(judged: list[tuple[Event, bool]], articles: Iterable[Article], settings: Settings) -> list[tuple[Evidence, bool]]:
    """Each judged event's evidence, from its article parsed again as the pipeline parsed it."""
    nlp = load_pipeline(settings.pipeline)
    by_article: dict[str, list[tuple[Event, bool]]] = {}
    for event, right in judged:
        by_article.setdefault(event.id.rsplit("-e", 1)[0], []).append((event, right))
    found = []
    for article in articles:
        if article.id not in by_article or part_of(article.id) != "tune":
            continue
        cleaned = prepare(article, settings)
        if not isinstance(cleaned, Cleaned):
            raise SystemExit(f"{article.id} was coded, yet is now rejected: {cleaned}")
        doc = nlp(cleaned.text)
        for event, right in by_article[article.id]:
            found.append((evidence_of(doc, event.span, event.source, event.target, event.modality, event.rule), right))
    return found


def fit(rows: list[dict[str, float]], labels: list[bool]) -> dict[str, float]:
    """Logistic regression by Newton's method with a ridge penalty (not on the bias)."""
    names = sorted({name for row in rows for name in row})
    x = np.array([[row.get(name, 0.0) for name in names] for row in rows])
    y = np.array(labels, dtype=float)
    penalty = np.diag([0.0 if name == "bias" else L2 for name in names])
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {name: round(float(value), 4) for name, value in zip(names, w)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--out", default=str(data_folder()))
    args = parser.parse_args()
    data, settings = Path(args.data), Settings()

    evidence: list[tuple[Evidence, bool]] = []
    plover = read_gold(data / "plover_gsr" / "dev.jsonl")
    judged = tune_judgements(evaluate_plover(data / "plover_gsr" / "dev.jsonl", settings))
    evidence += evidence_for(judged, (gold_article(r) for r in plover), settings)
    petrarch = [r for r in read_gold(data / "petrarch" / "dev.jsonl") if r.get("evaluate", True) and is_real_news(r)]
    judged = tune_judgements(evaluate_cameo(data / "petrarch" / "dev.jsonl", settings, "real_news"))
    evidence += evidence_for(judged, (gold_article(r) for r in petrarch), settings)
    articles = data / "articles" / "dev.jsonl"
    judged = tune_judgements(evaluate_articles(articles, settings))
    evidence += evidence_for(judged, read_inputs([str(articles)], input_format="jsonl"), settings)

    events = Counter(e.rule for e, _ in evidence)
    right = Counter(e.rule for e, r in evidence if r)
    prior = sum(right.values()) / len(evidence)
    rules = {rule: RuleRecord(events[rule], right[rule]) for rule in events}
    measured = ConfidenceModel(prior, STRENGTH, rules, {})
    rows = [features(e, measured.rule_precision(e.rule, leave_out=r)) for e, r in evidence]
    weights = fit(rows, [r for _, r in evidence])

    out = Path(args.out)
    with (out / RULES_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["rule", "events", "right"])
        for rule in sorted(rules):
            writer.writerow([rule, rules[rule].events, rules[rule].right])
    with (out / WEIGHTS_FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "value"])
        writer.writerow(["prior", round(prior, 4)])
        writer.writerow(["strength", STRENGTH])
        for name, value in weights.items():
            writer.writerow([name, value])

    model = ConfidenceModel(round(prior, 4), STRENGTH, rules, weights)
    fitted = [Judgement(model.confidence(e, leave_out=r), r) for e, r in evidence]
    print(f"{len(evidence)} tune events, {len(rules)} rules, precision {prior:.3f}")
    print("weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in weights.items()))
    for b in calibration_bins(fitted):
        print(f"  {b.low:.1f}-{b.high:.1f}: {b.events:4d} events, mean confidence {b.mean_confidence:.2f}, right {b.fraction_right:.2f}")


if __name__ == "__main__":
    main()
