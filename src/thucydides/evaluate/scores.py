"""Precision, recall and F1, overall and per label, plus the errors behind them, for the tune and
check parts of a gold set (see ``partition``) and for the whole of it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Literal, TypeVar

from thucydides.evaluate.calibration import Judgement, calibration_error
from thucydides.evaluate.partition import PARTS, Part, part_of
from thucydides.records import Event

C = TypeVar("C", bound="Counts")


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

    def plus(self: C, other: Counts) -> C:
        """The sum of two tallies of the same kind, field by field."""
        return type(self)(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


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
    """What `thucydides eval` prints: named scores, per-label counts, and the errors to read.

    A report is of one part of a gold set (``tune`` or ``check``) or of all of it (``all``, which
    holds the two part reports in ``parts``). A check report keeps no errors: ``add_error``
    drops them, so nothing can print or write them.
    """

    task: str
    part: Part | Literal["all"] = "all"
    records: int = 0
    scores: dict[str, float] = field(default_factory=dict)
    counts: dict[str, Counts] = field(default_factory=dict)
    per_label: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[Error] = field(default_factory=list)
    tallies: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    """Whole numbers that add up over records (events coded, forbidden codings found)."""
    values: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    """Measurements whose distribution is reported (distance errors in km)."""
    judgements: list[Judgement] = field(default_factory=list)
    """Each predicted event's confidence and whether it was right: the calibration table."""
    parts: dict[str, Report] = field(default_factory=dict)

    def add_error(self, error: Error) -> None:
        """List an error to read, unless this is the check part, whose errors are never shown."""
        if self.part != "check":
            self.errors.append(error)

    def count(self, name: str, kind: type[Counts] = Counts) -> Counts:
        """The tally called ``name``, created empty on first use."""
        if name not in self.counts:
            self.counts[name] = kind()
        return self.counts[name]

    def add_counts(self, name: str, counts: Counts) -> None:
        self.counts[name] = counts
        self.scores[f"{name}_precision"] = round(counts.precision, 4)
        self.scores[f"{name}_recall"] = round(counts.recall, 4)
        self.scores[f"{name}_f1"] = round(counts.f1, 4)

    def score_counts(self) -> None:
        """Precision, recall and F1 of every tally, the whole-number tallies, and how well the
        events' confidence is calibrated when they were judged."""
        for name, counts in self.counts.items():
            self.add_counts(name, counts)
        self.scores.update(self.tallies)
        self.add_calibration()

    def judge(self, event: Event, right: bool) -> None:
        """Record whether a predicted event was right, for the calibration of its confidence."""
        self.judgements.append(Judgement(event.confidence, right, event if self.part == "tune" else None))

    def add_calibration(self) -> None:
        if self.judgements:
            self.scores["calibration_error"] = round(calibration_error(self.judgements), 4)

    def part_report(self, part: Part | Literal["all"]) -> Report:
        return self if part == "all" else self.parts[part]


def merged(task: str, reports: list[Report]) -> Report:
    """One report of several parts: tallies added, errors of the parts that list them."""
    whole = Report(task=task)
    for report in reports:
        whole.records += report.records
        for name, counts in report.counts.items():
            whole.counts[name] = whole.counts[name].plus(counts) if name in whole.counts else counts.plus(type(counts)())
        for label, counts in report.per_label.items():
            whole.per_label[label] = whole.per_label[label].plus(counts)
        for name, number in report.tallies.items():
            whole.tallies[name] += number
        for name, values in report.values.items():
            whole.values[name].extend(values)
        whole.errors.extend(report.errors)
        whole.judgements.extend(report.judgements)
    return whole


class Scoring:
    """The tune and check reports of one task, filled record by record: ``of(id)`` is the report
    a record's counts and errors go to; ``finish`` scores both parts and the whole set."""

    def __init__(self, task: str) -> None:
        self.task = task
        self.reports: dict[Part, Report] = {part: Report(task=task, part=part) for part in PARTS}

    def of(self, record_id: str) -> Report:
        return self.reports[part_of(record_id)]

    def finish(self, score: Callable[[Report], None] = Report.score_counts) -> Report:
        whole = merged(self.task, list(self.reports.values()))
        for report in (*self.reports.values(), whole):
            score(report)
        whole.parts = dict(self.reports)
        return whole
