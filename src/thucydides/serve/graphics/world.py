"""The world map: a coarse outline of the land in an equirectangular projection, events on top.

The outline (``outline.json``) ships with the package: a few hundred coastline vertices written
for this project from approximate positions, read once and kept in memory. Longitude -180..180
runs left to right over ``width`` pixels, latitude 90..-90 top to bottom over ``width / 2``, so
0°, 0° is the centre.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from importlib import resources

from markupsafe import Markup, escape

from .records import MapPoint
from .svg import colour, legend, link, num, quad_css, root, text

MAX_POINTS = 1000
LABEL_CHARS = 160
LAND_FILL = "#e4e4dc"
LAND_STROKE = "#a8a89a"
WATER_FILL = "#f4f8fb"


@cache
def outline() -> tuple[tuple[tuple[tuple[float, float], ...], ...], tuple[tuple[tuple[float, float], ...], ...]]:
    """The land rings and the inland-sea rings as ``(lon, lat)`` tuples, read once per process."""
    data = json.loads(resources.files(__package__).joinpath("outline.json").read_text(encoding="utf-8"))
    land = tuple(tuple((float(lon), float(lat)) for lon, lat in ring) for ring in data["land"].values())
    water = tuple(tuple((float(lon), float(lat)) for lon, lat in ring) for ring in data["water"].values())
    return land, water


def project(lat: float, lon: float, width: float) -> tuple[float, float]:
    """Pixel ``(x, y)`` of a position on a map ``width`` wide and ``width / 2`` high."""
    return (lon + 180.0) / 360.0 * width, (90.0 - lat) / 180.0 * (width / 2)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def valid(point: MapPoint) -> bool:
    """A finite latitude in -90..90 and longitude in -180..180 (anything else is skipped)."""
    try:
        lat, lon = float(point.lat), float(point.lon)
    except (TypeError, ValueError):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


@cache
def _outline_paths(width: int) -> str:
    def path(rings: Sequence[Sequence[tuple[float, float]]]) -> str:
        parts = []
        for ring in rings:
            xy = [project(lat, lon, width) for lon, lat in ring]
            parts.append("M" + " L".join(f"{num(x)},{num(y)}" for x, y in xy) + " Z")
        return " ".join(parts)

    land, water = outline()
    return (
        f'<path class="land" fill="{LAND_FILL}" stroke="{LAND_STROKE}" stroke-width="0.6" '
        f'stroke-linejoin="round" d="{path(land)}"/>'
        f'<path class="water" fill="{WATER_FILL}" stroke="{LAND_STROKE}" stroke-width="0.6" d="{path(water)}"/>'
    )


def world_map_svg(points: Sequence[MapPoint], *, width: int = 960) -> Markup:
    """The world with each point as a link coloured by quad class; a note when none can be drawn."""
    width = max(int(width), 240)
    height = width / 2
    shown = [point for point in points if valid(point)]
    skipped = len(points) - len(shown)
    total = len(shown)
    shown = shown[:MAX_POINTS]
    radius = max(2.5, width / 240)
    body = [
        f'<rect class="sea" x="0" y="0" width="{num(width)}" height="{num(height)}" fill="{WATER_FILL}"/>',
        _outline_paths(width),
        # Shared paint on the group (inherited), so each point costs about 120 bytes.
        '<g class="map-points" fill-opacity="0.85" stroke="#ffffff" stroke-width="0.8">',
    ]
    for point in shown:
        x, y = project(float(point.lat), float(point.lon), width)
        circle = (
            f'<circle class="map-point {quad_css(point.quad_class)}" cx="{num(x)}" cy="{num(y)}" r="{num(radius)}" '
            f'fill="{colour(point.quad_class)}"><title>{escape(_short(point.label))}</title></circle>'
        )
        body.append(link(point.href, circle))
    body.append("</g>")
    body.append(
        f'<rect x="4" y="{num(height - 26)}" width="{num(min(width - 8, 600))}" height="22" fill="#ffffff" fill-opacity="0.8"/>'
    )
    body.append(legend(10, height - 15))
    notes = []
    if not points:
        notes.append("No events with a place to show")
    elif not shown:
        notes.append("None of these events has a valid place")
    if total > len(shown):
        notes.append(f"Showing {len(shown)} of {total} events")
    if skipped and shown:
        notes.append(f"{skipped} without valid coordinates left out")
    for i, note in enumerate(notes):
        body.append(text(width / 2, 24 + 18 * i, note, size=14, anchor="middle", extra=' class="note"'))
    title = notes[0] if not shown else f"World map of {len(shown)} events by quad class"
    if not shown:
        # Still the world, so the page keeps its shape; the note says plainly that nothing is on it.
        return root("world-map no-data", width, height, title, body)
    return root("world-map", width, height, title, body)

