"""What the map, the timelines and the network draw, one frozen record per mark.

The same records (same names, same fields) as ``thucydides.serve.graphics``, which draws them as
SVG; until that package is here the pages show them as tables, and these names move there.
"""

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
