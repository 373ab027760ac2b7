"""``confidence`` on every event: the model's mechanics, its shipped data, and the pipeline using
the same evidence the measuring script recomputes."""

from __future__ import annotations

import json

import spacy
from click.testing import CliRunner
from spacy.tokens import Doc

from thucydides.cli import cli
from thucydides.config import Settings
from thucydides.extract.confidence import FAR, ConfidenceModel, Evidence, RuleRecord, evidence_of, load_model, tree_distance
from thucydides.nlp import load_pipeline
from thucydides.pipeline import prepare
from thucydides.records import Actor, Article

NORWAY = Actor("Norway", "Norway", "NOR", "NOR", None, (0, 6), "country:NOR")


def test_tree_distance_counts_edges_through_the_nearest_common_head() -> None:
    # Arnor said that Gondor attacked Rohan .   |   Gondor left .
    words = ["Arnor", "said", "that", "Gondor", "attacked", "Rohan", ".", "Gondor", "left", "."]
    doc = Doc(
        spacy.blank("en").vocab, words=words,
        heads=[1, 1, 4, 4, 1, 4, 1, 8, 8, 8],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "punct", "nsubj", "ROOT", "punct"],
    )
    assert tree_distance(doc[4], doc[5]) == 1
    assert tree_distance(doc[4], doc[0]) == 2
    assert tree_distance(doc[3], doc[5]) == 2
    assert tree_distance(doc[4], doc[7]) == FAR  # another sentence


def test_a_rule_measured_more_precise_gives_more_confidence_and_a_rule_seen_once_stays_near_the_prior() -> None:
    model = ConfidenceModel(0.5, 4.0, {"good": RuleRecord(100, 95), "bad": RuleRecord(100, 10), "once": RuleRecord(1, 1)}, {"rule_logit": 1.0})

    def confidence(rule: str, **kwargs: bool) -> float:
        return model.confidence(Evidence(rule, "asserted", NORWAY, NORWAY, 1), **kwargs)

    assert confidence("good") > 0.9 > 0.5 > confidence("bad")
    assert 0.5 < confidence("once") < 0.65 and confidence("unseen") == 0.5
    assert confidence("once", leave_out=True) == 0.5  # its only event left out, nothing is known of it


def test_the_shipped_model_trusts_measured_precision() -> None:
    model = load_model()
    assert 0 < model.prior < 1 and model.weights["rule_logit"] > 0 and len(model.rules) > 10
    assert all(0 <= r.right <= r.events for r in model.rules.values())


def test_every_event_has_a_confidence_computed_from_the_evidence_the_script_recomputes(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Norway attacked Sweden on Monday. Finland could sanction Denmark if talks fail. The Swedish minister met Norway's envoy."
    analysis = analyze_text(text)
    assert analysis.events
    cleaned = prepare(Article(id="test", text=text, date="2024-05-06"), Settings())
    doc = load_pipeline(Settings().pipeline)(cleaned.text)  # type: ignore[union-attr]
    for event in analysis.events:
        assert 0.0 <= event.confidence <= 1.0
        evidence = evidence_of(doc, event.span, event.source, event.target, event.modality, event.rule)
        assert event.confidence == load_model().confidence(evidence)


def test_analyze_min_confidence_keeps_only_events_at_or_above_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("Norway attacked Sweden on Monday. Finland could sanction Denmark if talks fail. Norway met Sweden.", encoding="utf-8")
    runner = CliRunner()

    def confidences(*options: str) -> list[float]:
        result = runner.invoke(cli, ["analyze", str(path), "--date", "2024-05-06", *options])
        assert result.exit_code == 0, result.output
        return [e["confidence"] for e in json.loads(result.output.splitlines()[0])["events"]]

    every = confidences()
    threshold = sorted(every)[len(every) // 2]
    kept = confidences("--min-confidence", str(threshold))
    assert len(every) >= 2 and kept == [c for c in every if c >= threshold] and len(kept) < len(every)
