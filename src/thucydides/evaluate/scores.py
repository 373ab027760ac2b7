"""Precision, recall and F1, overall and per label, plus the errors behind them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Error:
    kind: str
    """"miss" (in the gold data, not found) or "false positive" (found, not in the gold data)."""
    record: str
    label: str
    detail: str
    sentence: str


@dataclass
class Report:
    """What `thucydides eval` prints: named scores, per-label counts, and the errors to read."""

    task: str
    records: int = 0
    scores: dict[str, float] = field(default_factory=dict)
    counts: dict[str, Counts] = field(default_factory=dict)
    per_label: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[Error] = field(default_factory=list)

    def add_counts(self, name: str, counts: Counts) -> None:
        self.counts[name] = counts
        self.scores[f"{name}_precision"] = round(counts.precision, 4)
        self.scores[f"{name}_recall"] = round(counts.recall, 4)
        self.scores[f"{name}_f1"] = round(counts.f1, 4)
