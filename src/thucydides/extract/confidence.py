"""How likely a coded event is to be right: ``confidence`` on every event, 0-1.

It is a logistic model over what is known about the event when it is coded:

- how often its lexicon rule was right on the *tune* part of the dev sets (``rule_precision.tsv``:
  events coded and events right per rule, smoothed towards the precision of all rules, so a rule
  seen twice is not trusted as if seen a hundred times);
- its modality (a negated or hypothetical event is seldom the event a coder wants);
- whether each actor is there, and resolved to a country or organisation, or to a knowledge-base
  entry;
- how far, in edges of the dependency parse, the trigger is from its farthest actor (an actor
  found across a long path, or in another sentence, is more often the wrong one).

Both data files are written by ``scripts/measure_confidence.py`` from the tune part only, so the
check part measures honestly how well the confidence is calibrated (``thucydides eval`` prints
the table). The model is a few additions per event: it does not slow ``analyze``.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token

from thucydides.records import Actor, Modality, Span

FAR = 6
"""Parse distances are capped here; an actor in another sentence counts as this far."""


@dataclass(frozen=True)
class Evidence:
    """What the confidence of one event is computed from."""

    rule: str
    modality: Modality
    source: Actor | None
    target: Actor | None
    distance: int


def _coded(actor: Actor) -> bool:
    return bool(actor.country) or bool(actor.code and not actor.code.startswith("---"))


def _head(doc: Doc, span: Span) -> Token | None:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found.root if found is not None and len(found) else None


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency parse; ``FAR`` when they share no root."""
    up = {token.i: n for n, token in enumerate([a, *a.ancestors])}
    for steps, token in enumerate([b, *b.ancestors]):
        if token.i in up:
            return min(up[token.i] + steps, FAR)
    return FAR


def evidence_of(doc: Doc, trigger: Span, source: Actor | None, target: Actor | None, modality: Modality, rule: str) -> Evidence:
    """The evidence for an event whose trigger and actors have these character spans in ``doc``."""
    head = _head(doc, trigger)
    distance = 0
    for actor in (source, target):
        if actor is None:
            continue
        other = _head(doc, actor.span)
        distance = max(distance, FAR if head is None or other is None else tree_distance(head, other))
    return Evidence(rule, modality, source, target, distance)


@dataclass(frozen=True)
class RuleRecord:
    events: int
    right: int


@dataclass(frozen=True)
class ConfidenceModel:
    prior: float
    """Precision of all rules together on the tune part."""
    strength: float
    """Pseudo-events of ``prior`` added to every rule's own record."""
    rules: Mapping[str, RuleRecord]
    weights: Mapping[str, float]

    def rule_precision(self, rule: str, leave_out: bool | None = None) -> float:
        """The rule's smoothed precision; ``leave_out`` removes one event judged right (True) or
        wrong (False) from its record, so a model is not fitted to the events it was measured on."""
        record = self.rules.get(rule, RuleRecord(0, 0))
        events, right = record.events, record.right
        if leave_out is not None and events:
            events, right = events - 1, right - int(leave_out)
        return (right + self.strength * self.prior) / (events + self.strength)

    def confidence(self, evidence: Evidence, leave_out: bool | None = None) -> float:
        total = sum(self.weights.get(name, 0.0) * value for name, value in features(evidence, self.rule_precision(evidence.rule, leave_out)).items())
        return round(1.0 / (1.0 + math.exp(-total)), 3)


def features(evidence: Evidence, rule_precision: float) -> dict[str, float]:
    """The model's inputs, by name (the names of the weights in ``confidence.tsv``)."""
    p = min(max(rule_precision, 0.02), 0.98)
    found: dict[str, float] = {"bias": 1.0, "rule_logit": math.log(p / (1 - p)), "distance": float(evidence.distance)}
    modality = "future" if evidence.modality == "intent" else evidence.modality
    if modality != "asserted":
        found[f"modality_{modality}"] = 1.0
    for role, actor in (("source", evidence.source), ("target", evidence.target)):
        if actor is None:
            found[f"{role}_missing"] = 1.0
        elif not _coded(actor):
            found[f"{role}_uncoded"] = 1.0
        elif actor.kb_id:
            found[f"{role}_kb"] = 1.0
    return found


DATA = "data"
RULES_FILE = "rule_precision.tsv"
WEIGHTS_FILE = "confidence.tsv"


def data_folder() -> Path:
    return Path(str(resources.files("thucydides.extract").joinpath(DATA)))


@lru_cache(maxsize=2)
def load_model(folder: str | None = None) -> ConfidenceModel:
    """The model in ``folder`` (default: the package's data), read once per process."""
    where = Path(folder) if folder else data_folder()
    with (where / RULES_FILE).open(encoding="utf-8") as handle:
        rules = {row["rule"]: RuleRecord(int(row["events"]), int(row["right"])) for row in csv.DictReader(handle, delimiter="\t")}
    with (where / WEIGHTS_FILE).open(encoding="utf-8") as handle:
        values = {row["name"]: float(row["value"]) for row in csv.DictReader(handle, delimiter="\t")}
    prior, strength = values.pop("prior"), values.pop("strength")
    return ConfidenceModel(prior, strength, rules, values)
