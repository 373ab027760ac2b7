"""What the graphics draw: one frozen record per mark, built by the pages from the store."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class MapPoint:
    """One event located on the map; ``quad_class`` 1..4 picks its colour, ``href`` its link."""

    lat: float
    lon: float
    quad_class: int
    href: str
    label: str


@dataclass(frozen=True)
class PeriodCounts:
    """Events in one period (``2024-05``, ``2024-W19``...) by quad class, and their mean Goldstein."""

    period: str
    counts: Mapping[int, int]
    mean_goldstein: float | None


@dataclass(frozen=True)
class NetworkEdge:
    """``count`` events with ``source`` acting on ``target``; ``href`` lists them."""

    source: str
    target: str
    count: int
    href: str
