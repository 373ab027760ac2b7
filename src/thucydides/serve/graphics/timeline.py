"""A timeline: one stacked bar per period by quad class, and optionally the mean Goldstein score.

Bars stack verbal cooperation at the bottom up to material conflict at the top; the left axis
counts events, the right one (with ``goldstein=True``) runs from -10 to 10 for the line of mean
Goldstein scores, broken where a period has none. Bars narrow as periods grow, down to 3 pixels,
and the graphic widens past that, so hundreds of periods stay readable; period labels are thinned
to what fits.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from .records import PeriodCounts
from .svg import QUAD_CLASSES, QUAD_NAMES, colour, legend, no_data, num, quad_css, root, text

PLOT_WIDTH = 720
PLOT_HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 48, 48, 34, 40
MIN_SLOT, MAX_SLOT = 3.0, 60.0
LINE_COLOUR = "#222222"


def nice_step(top: int, ticks: int = 5) -> int:
    """A step of 1, 2 or 5 times a power of ten that divides ``0..top`` into about ``ticks`` parts."""
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(int(factor * power), 1)
    return int(10 * power)


def _count(period: PeriodCounts, quad: int) -> int:
    value = period.counts.get(quad, 0)
    return max(int(value), 0)


def timeline_svg(periods: Sequence[PeriodCounts], *, goldstein: bool = False) -> Markup:
    """Stacked bars per period (in the order given), with axis labels and an optional Goldstein line."""
    if not periods:
        return no_data("timeline", PLOT_WIDTH + LEFT + RIGHT, 120, "No events in this period")
    slot = min(MAX_SLOT, max(MIN_SLOT, PLOT_WIDTH / len(periods)))
    plot_width = slot * len(periods)
    width = max(LEFT + plot_width + RIGHT, 600.0)
    height = TOP + PLOT_HEIGHT + BOTTOM
    base = TOP + PLOT_HEIGHT
    totals = [sum(_count(period, quad) for quad in QUAD_CLASSES) for period in periods]
    step = nice_step(max(totals))
    top = max(step * math.ceil(max(totals) / step), step)

    def y_count(value: float) -> float:
        return base - value / top * PLOT_HEIGHT

    def y_goldstein(value: float) -> float:
        return base - (max(-10.0, min(10.0, value)) + 10.0) / 20.0 * PLOT_HEIGHT

    body = [legend(LEFT, 14, mark="square")]
    # Left axis: event counts.
    body.append('<g class="axis axis-count">')
    for tick in range(0, top + 1, step):
        y = y_count(tick)
        body.append(f'<line x1="{num(LEFT)}" x2="{num(LEFT + plot_width)}" y1="{num(y)}" y2="{num(y)}" stroke="#e6e6e6"/>')
        body.append(text(LEFT - 6, y + 4, str(tick), size=11, anchor="end"))
    body.append(text(12, TOP + PLOT_HEIGHT / 2, "events", size=11, anchor="middle",
                     extra=f' transform="rotate(-90 12 {num(TOP + PLOT_HEIGHT / 2)})"'))
    body.append(f'<line x1="{num(LEFT)}" x2="{num(LEFT)}" y1="{num(TOP)}" y2="{num(base)}" stroke="#888888"/>')
    body.append("</g>")
    # Bars, one group per period.
    gap = 1.0 if slot >= 6 else 0.0
    body.append('<g class="bars">')
    for i, (period, total) in enumerate(zip(periods, totals, strict=True)):
        x = LEFT + i * slot + gap / 2
        parts = [f'<g class="period"><title>{escape(period.period)}: {total} events</title>']
        stacked = 0
        for quad in QUAD_CLASSES:
            count = _count(period, quad)
            if not count:
                continue
            y0, y1 = y_count(stacked + count), y_count(stacked)
            parts.append(
                f'<rect class="bar {quad_css(quad)}" x="{num(x)}" y="{num(y0)}" width="{num(slot - gap)}" '
                f'height="{num(y1 - y0)}" fill="{colour(quad)}">'
                f"<title>{escape(period.period)}: {count} {QUAD_NAMES[quad]}</title></rect>"
            )
            stacked += count
        parts.append("</g>")
        body.append("".join(parts))
    body.append("</g>")
    body.append(f'<line x1="{num(LEFT)}" x2="{num(LEFT + plot_width)}" y1="{num(base)}" y2="{num(base)}" stroke="#888888"/>')
    # Period labels, as many as fit side by side.
    longest = max(len(period.period) for period in periods)
    every = math.ceil((6.1 * longest + 4) / slot)  # 11px sans-serif: about 6.1px a character
    body.append('<g class="axis axis-period">')
    for i in range(0, len(periods), every):
        body.append(text(LEFT + (i + 0.5) * slot, base + 16, periods[i].period, size=11, anchor="middle"))
    body.append("</g>")
    if goldstein:
        body.append(_goldstein_line(periods, slot, plot_width, y_goldstein))
    title = f"Events per period by quad class, {periods[0].period} to {periods[-1].period}"
    return root("timeline", width, height, title, body)


def _goldstein_line(
    periods: Sequence[PeriodCounts], slot: float, plot_width: float, y_of: Callable[[float], float]
) -> str:
    right = LEFT + plot_width
    parts = ['<g class="goldstein">']
    for tick in (-10, -5, 0, 5, 10):
        y = y_of(tick)
        parts.append(text(right + 6, y + 4, f"{tick:+d}" if tick else "0", size=11))
    parts.append(f'<line x1="{num(right)}" x2="{num(right)}" y1="{num(TOP)}" y2="{num(TOP + PLOT_HEIGHT)}" stroke="#888888"/>')
    zero = y_of(0)
    parts.append(f'<line class="goldstein-zero" x1="{num(LEFT)}" x2="{num(right)}" y1="{num(zero)}" y2="{num(zero)}" '
                 'stroke="#888888" stroke-dasharray="4 3"/>')
    parts.append(text(right + 40, TOP + PLOT_HEIGHT / 2, "mean Goldstein", size=11, anchor="middle",
                      extra=f' transform="rotate(90 {num(right + 40)} {num(TOP + PLOT_HEIGHT / 2)})"'))
    runs: list[list[tuple[float, float]]] = [[]]
    marks = []
    for i, period in enumerate(periods):
        value = period.mean_goldstein
        if value is None or not math.isfinite(value):
            if runs[-1]:
                runs.append([])
            continue
        x, y = LEFT + (i + 0.5) * slot, y_of(value)
        runs[-1].append((x, y))
        marks.append(
            f'<circle class="goldstein-point" cx="{num(x)}" cy="{num(y)}" r="2.5" fill="{LINE_COLOUR}">'
            f"<title>{escape(period.period)}: mean Goldstein {value:+.1f}</title></circle>"
        )
    for run in runs:
        if len(run) > 1:
            points = " ".join(f"{num(x)},{num(y)}" for x, y in run)
            parts.append(f'<polyline class="goldstein-line" points="{points}" fill="none" stroke="{LINE_COLOUR}" stroke-width="1.5"/>')
    parts.extend(marks)
    parts.append("</g>")
    return "".join(parts)
