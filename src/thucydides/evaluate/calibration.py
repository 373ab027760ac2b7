"""How well an event's ``confidence`` says how often such events are right: events are put in
bins of confidence, and each bin's mean confidence is set beside the fraction of its events that
the gold data counts as right (events with confidence 0.8 should be right about 80% of the time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.records import Event

BINS = 5


@dataclass(frozen=True)
class Judgement:
    """A predicted event's confidence and whether the gold data counts it as right; the event
    itself only in the tune part (the check part's right and wrong events are never kept)."""

    confidence: float
    right: bool
    event: Event | None = None


@dataclass(frozen=True)
class CalibrationBin:
    low: float
    high: float
    events: int
    right: int
    mean_confidence: float

    @property
    def fraction_right(self) -> float:
        return self.right / self.events if self.events else 0.0


def calibration_bins(judgements: Sequence[Judgement], bins: int = BINS) -> tuple[CalibrationBin, ...]:
    """Equal-width bins over [0, 1]; a confidence of exactly 1 falls in the last one."""
    grouped: list[list[Judgement]] = [[] for _ in range(bins)]
    for judgement in judgements:
        grouped[min(int(judgement.confidence * bins), bins - 1)].append(judgement)
    return tuple(
        CalibrationBin(
            low=i / bins,
            high=(i + 1) / bins,
            events=len(group),
            right=sum(j.right for j in group),
            mean_confidence=sum(j.confidence for j in group) / len(group) if group else 0.0,
        )
        for i, group in enumerate(grouped)
    )


def calibration_error(judgements: Sequence[Judgement], bins: int = BINS) -> float:
    """Expected calibration error: the gap between mean confidence and fraction right in each
    bin, weighted by the bin's share of the events (0 is perfect)."""
    total = len(judgements)
    if not total:
        return 0.0
    return sum(b.events / total * abs(b.mean_confidence - b.fraction_right) for b in calibration_bins(judgements, bins))
