"""Dyad aggregates: merged events per (source country, target country) and period.

For each dyad and period (day, ISO week or month of the event's first day): the number of
events, the count in each quad class, and the sum and mean of their Goldstein values. Each
merged event counts once, however many reports it has; ``mentions`` sums its reports.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from thucydides.resolve.merging import MergedEvent

PERIODS = ("day", "week", "month")


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


def period_of(day: str, by: str) -> str:
    """``2024-05-06`` as a day (``2024-05-06``), ISO week (``2024-W19``) or month (``2024-05``)."""
    if by == "day":
        return day
    if by == "month":
        return day[:7]
    if by == "week":
        year, week, _ = date.fromisoformat(day).isocalendar()
        return f"{year}-W{week:02d}"
    raise ValueError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")


def count_dyads(events: Iterable[MergedEvent], by: str = "day") -> list[Dyad]:
    """Dyads by period, then source and target; events without a date or without both
    countries are left out."""
    groups: dict[tuple[str, str, str], list[MergedEvent]] = {}
    for event in events:
        if event.day is None or event.source_country is None or event.target_country is None:
            continue
        key = (period_of(event.day, by), event.source_country, event.target_country)
        groups.setdefault(key, []).append(event)
    out = []
    for (period, source, target), members in sorted(groups.items()):
        quads = [sum(1 for e in members if e.quad_class == q) for q in (1, 2, 3, 4)]
        total = sum(e.goldstein for e in members)
        out.append(
            Dyad(
                period=period, source=source, target=target, events=len(members),
                verbal_cooperation=quads[0], material_cooperation=quads[1],
                verbal_conflict=quads[2], material_conflict=quads[3],
                goldstein_sum=round(total, 2), goldstein_mean=round(total / len(members), 2),
                mentions=sum(e.num_mentions for e in members),
            )
        )
    return out
