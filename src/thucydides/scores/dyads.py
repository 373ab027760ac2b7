"""Dyad aggregates: merged events per (source country, target country) and period.

For each dyad and period (day, ISO week, month or year of the event's date): the number of
events, the count in each quad class, and the sum and mean of their Goldstein values. Each
merged event counts once, however many reports it has; ``mentions`` sums its reports. An event
counts in a period only when its whole date lies in it (see :mod:`thucydides.scores.counts`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from thucydides.dates import PERIODS, Precision
from thucydides.store.rows import MergedEvent
from thucydides.scores.counts import CountTable, count_events

__all__ = ["PERIODS", "Dyad", "count_dyads", "dyads_of"]


@dataclass(frozen=True)
class Dyad:
    period: str
    source: str
    target: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def dyads_of(table: CountTable) -> list[Dyad]:
    """The rows of a count by dyad with quad classes, as :class:`Dyad` records."""
    out = []
    for row in table.rows:
        quads = row.quad_classes or (0, 0, 0, 0)
        out.append(
            Dyad(
                period=row.period, source=row.key[0], target=row.key[1], events=row.events,
                verbal_cooperation=quads[0], material_cooperation=quads[1],
                verbal_conflict=quads[2], material_conflict=quads[3],
                goldstein_sum=row.goldstein_sum, goldstein_mean=round(row.goldstein_sum / row.events, 2),
                mentions=row.mentions,
            )
        )
    return out


def count_dyads(events: Iterable[MergedEvent], by: Precision = "day") -> list[Dyad]:
    """Dyads by period, then source and target; events without a date precise enough for the
    period, or without both countries, are left out."""
    return dyads_of(count_events(events, "dyad", by, quad_class=True))
