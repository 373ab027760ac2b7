"""Event counts per country, dyad or PLOVER type and per day, week, month or year: the time series
conflict researchers build first.

Each merged event (one real-world event, however many reports) counts once in its period, and
only when its whole date lies in that period: an event dated ``2023`` has no month, so a count per
month leaves it out and says so (:attr:`CountTable.too_coarse`), rather than putting it in January.
Undated events are left out and counted the same way. ``--by country`` counts an event once for
each country taking part (source and target; once when they are the same).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from thucydides.dates import PERIODS, Precision
from thucydides.errors import InputError
from thucydides.store.rows import MergedEvent

BY = ("country", "dyad", "type")
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "country": ("country",),
    "dyad": ("source", "target"),
    "type": ("plover_type",),
}
QUAD_COLUMNS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class Count:
    """The events of one group (a country, a dyad or a type) in one period."""

    period: str
    key: tuple[str, ...]
    events: int
    mentions: int
    goldstein_sum: float
    quad_classes: tuple[int, int, int, int] | None = None
    """Events in quad classes 1-4 (verbal and material cooperation, verbal and material conflict)."""


@dataclass(frozen=True)
class CountTable:
    """Counts by one grouping and period, and what was left out."""

    by: str
    per: Precision
    rows: tuple[Count, ...]
    undated: int = 0
    """Events without a date: in no period."""
    too_coarse: int = 0
    """Events whose date is less precise than the period (``2023`` for a count per month)."""
    no_group: int = 0
    """Events without the country (or both countries) a count by country (dyad) needs."""
    with_quad_classes: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        quads = QUAD_COLUMNS if self.with_quad_classes else ()
        return ("period", *KEY_COLUMNS[self.by], "events", *quads, "mentions", "goldstein_sum", "goldstein_mean")

    def to_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per row: the period, the group's columns, the counts."""
        out = []
        for row in self.rows:
            item: dict[str, Any] = {"period": row.period, **dict(zip(KEY_COLUMNS[self.by], row.key))}
            item["events"] = row.events
            if row.quad_classes is not None:
                item.update(zip(QUAD_COLUMNS, row.quad_classes))
            item["mentions"] = row.mentions
            item["goldstein_sum"] = row.goldstein_sum
            item["goldstein_mean"] = round(row.goldstein_sum / row.events, 2)
            out.append(item)
        return out

    def left_out(self) -> str | None:
        """One line saying which events are in no row, or None when all are counted."""
        parts = []
        if self.too_coarse:
            parts.append(f"{self.too_coarse} dated less precisely than a {self.per}")
        if self.undated:
            parts.append(f"{self.undated} without a date")
        if self.no_group:
            need = "both countries" if self.by == "dyad" else "a country"
            parts.append(f"{self.no_group} without {need}")
        if not parts:
            return None
        return "left out: " + ", ".join(parts) + " (not counted in any row)"


def groups_of(event: MergedEvent, by: str) -> list[tuple[str, ...]]:
    """The groups an event counts in: its countries, its dyad or its type (none when it lacks them)."""
    if by == "type":
        return [(event.plover_type,)]
    if by == "dyad":
        if event.source_country is None or event.target_country is None:
            return []
        return [(event.source_country, event.target_country)]
    if by == "country":
        return [(c,) for c in dict.fromkeys(x for x in (event.source_country, event.target_country) if x)]
    raise InputError(f"unknown grouping {by!r}; choose one of {', '.join(BY)}")


def count_events(
    events: Iterable[MergedEvent], by: str = "country", per: Precision = "month", *, quad_class: bool = False
) -> CountTable:
    """Events per group and period, sorted by period then group."""
    if per not in PERIODS:
        raise InputError(f"unknown period {per!r}; choose one of {', '.join(PERIODS)}")
    if by not in BY:
        raise InputError(f"unknown grouping {by!r}; choose one of {', '.join(BY)}")
    members: dict[tuple[str, tuple[str, ...]], list[MergedEvent]] = {}
    left: Counter[str] = Counter()
    for event in events:
        days = event.days()
        if days is None:
            left["undated"] += 1
            continue
        period = days.period(per)
        if period is None:
            left["too_coarse"] += 1
            continue
        groups = groups_of(event, by)
        if not groups:
            left["no_group"] += 1
        for group in groups:
            members.setdefault((period, group), []).append(event)
    rows = []
    for (period, group), found in sorted(members.items()):
        quads = tuple(sum(1 for e in found if e.quad_class == q) for q in (1, 2, 3, 4))
        rows.append(
            Count(
                period=period, key=group, events=len(found), mentions=sum(e.num_mentions for e in found),
                goldstein_sum=round(sum(e.goldstein for e in found), 2),
                quad_classes=quads if quad_class else None,  # type: ignore[arg-type]
            )
        )
    return CountTable(by=by, per=per, rows=tuple(rows), with_quad_classes=quad_class, **left)


@dataclass(frozen=True)
class PeriodTotal:
    """All the events of one period, whoever took part: by quad class, and their mean Goldstein."""

    period: str
    events: int
    quad_classes: tuple[int, int, int, int]
    goldstein_mean: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period, "events": self.events, **dict(zip(QUAD_COLUMNS, self.quad_classes)),
            "goldstein_mean": self.goldstein_mean,
        }


def period_totals(events: Iterable[MergedEvent], per: Precision = "month") -> tuple[list[PeriodTotal], CountTable]:
    """Events per period by quad class (a timeline), and the count table by type it sums, whose
    :meth:`CountTable.left_out` says which events have no period."""
    table = count_events(events, "type", per, quad_class=True)  # each event has exactly one type
    sums: dict[str, list[float]] = {}
    for row in table.rows:
        total = sums.setdefault(row.period, [0, 0, 0, 0, 0, 0.0])
        total[0] += row.events
        for q, n in enumerate(row.quad_classes or (0, 0, 0, 0)):
            total[1 + q] += n
        total[5] += row.goldstein_sum
    out = [
        PeriodTotal(
            period=period, events=int(t[0]), quad_classes=(int(t[1]), int(t[2]), int(t[3]), int(t[4])),
            goldstein_mean=round(t[5] / t[0], 2),
        )
        for period, t in sorted(sums.items())
    ]
    return out, table


@dataclass(frozen=True)
class Edge:
    """Who acts on whom: the events with this source and target actor code."""

    source: str
    target: str
    events: int
    goldstein_mean: float

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def actor_edges(events: Iterable[MergedEvent]) -> list[Edge]:
    """Events per (source code, target code), most events first; events without both codes are
    left out (an actor without a code is no node of a network)."""
    found: dict[tuple[str, str], list[float]] = {}
    for event in events:
        if event.source_code and event.target_code:
            found.setdefault((event.source_code, event.target_code), []).append(event.goldstein)
    return [
        Edge(source=s, target=t, events=len(values), goldstein_mean=round(sum(values) / len(values), 2))
        for (s, t), values in sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))
    ]
