"""Who acts on whom: actors on a circle, directed edges as wide as their event counts.

The layout is deterministic: the actors with the most events come first, clockwise from the top,
ties broken by name, so the same edges always give the same picture. Only the ``MAX_NODES``
busiest actors are drawn, and the graphic says so. An edge is a link to its events, titled
``SRC → TGT: N events``; an edge and its reverse bend to opposite sides so both stay visible.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from .records import NetworkEdge
from .svg import link, no_data, num, root, text

MAX_NODES = 60
LABEL_CHARS = 22
EDGE_COLOUR = "#4a6785"
NODE_FILL = "#fdd49e"
NODE_STROKE = "#b35806"


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def network_svg(edges: Sequence[NetworkEdge], *, width: int = 800) -> Markup:
    """The directed actor network of ``edges``; counts of the same pair add up."""
    width = max(int(width), 320)
    height = width * 0.8
    weights: Counter[tuple[str, str]] = Counter()
    hrefs: dict[tuple[str, str], str] = {}
    for edge in edges:
        if edge.count <= 0 or edge.source == edge.target:
            continue
        pair = (edge.source, edge.target)
        weights[pair] += int(edge.count)
        hrefs.setdefault(pair, edge.href)
    if not weights:
        return no_data("network", width, height / 2, "No events between two actors to show")
    degree: Counter[str] = Counter()
    for (source, target), count in weights.items():
        degree[source] += count
        degree[target] += count
    ranked = sorted(degree, key=lambda name: (-degree[name], name))
    kept = ranked[:MAX_NODES]
    place = {name: i for i, name in enumerate(kept)}
    drawn = sorted(
        ((pair, count) for pair, count in weights.items() if pair[0] in place and pair[1] in place),
        key=lambda item: (item[1], item[0]),
    )
    cx, cy = width / 2, height / 2 + 8
    ring = min(width, height) / 2 - 90
    top_count = max(count for _, count in drawn) if drawn else 1
    top_degree = degree[kept[0]]

    def position(name: str) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * place[name] / len(kept)
        return cx + ring * math.cos(angle), cy + ring * math.sin(angle)

    def node_radius(name: str) -> float:
        return 4 + 10 * math.sqrt(degree[name] / top_degree)

    body = ['<g class="edges">']
    for (source, target), count in drawn:  # lightest first, so the heaviest lie on top
        body.append(_edge(source, target, count, hrefs[(source, target)], position, node_radius, top_count))
    body.append("</g>")
    body.append('<g class="nodes">')
    for name in kept:
        x, y = position(name)
        angle = math.atan2(y - cy, x - cx)
        lx, ly = x + (node_radius(name) + 6) * math.cos(angle), y + (node_radius(name) + 6) * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        body.append(
            f'<g class="node"><title>{escape(name)}: {degree[name]} events</title>'
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(node_radius(name))}" fill="{NODE_FILL}" stroke="{NODE_STROKE}"/>'
            + text(lx, ly + 4, _short(name), size=11, anchor=anchor)
            + "</g>"
        )
    body.append("</g>")
    if len(ranked) > len(kept):
        body.append(text(8, 18, f"Showing the {len(kept)} most active of {len(ranked)} actors", size=12,
                         extra=' class="note"'))
    title = f"Network of {len(kept)} actors and {len(drawn)} directed links"
    return root("network", width, height, title, body)


def _edge(
    source: str,
    target: str,
    count: int,
    href: str,
    position: Callable[[str], tuple[float, float]],
    node_radius: Callable[[str], float],
    top_count: int,
) -> str:
    """One directed edge: a curve from node to node, an arrowhead, a title, a link."""
    (x1, y1), (x2, y2) = position(source), position(target)
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    # Bend to the right of the direction of travel: A→B and B→A take opposite sides.
    bend = 0.12 * length
    mx, my = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    # Start and end on the node circles, the end pulled back for the arrowhead.
    sx, sy = _towards(x1, y1, mx, my, node_radius(source))
    ex, ey = _towards(x2, y2, mx, my, node_radius(target) + 1)
    stroke = 1 + 6 * math.sqrt(count / top_count)
    head = 5 + stroke * 1.5
    tx, ty = ex - mx, ey - my
    tl = math.hypot(tx, ty) or 1.0
    tx, ty = tx / tl, ty / tl
    bx, by = ex - tx * head, ey - ty * head
    arrow = f"{num(ex)},{num(ey)} {num(bx - ty * head / 2)},{num(by + tx * head / 2)} {num(bx + ty * head / 2)},{num(by - tx * head / 2)}"
    title = f"{source} → {target}: {count} event{'s' if count != 1 else ''}"
    inner = (
        f'<g class="edge"><title>{escape(title)}</title>'
        f'<path d="M{num(sx)},{num(sy)} Q{num(mx)},{num(my)} {num(bx)},{num(by)}" fill="none" '
        f'stroke="{EDGE_COLOUR}" stroke-opacity="0.6" stroke-width="{num(stroke)}" stroke-linecap="round"/>'
        f'<polygon points="{arrow}" fill="{EDGE_COLOUR}" fill-opacity="0.8"/></g>'
    )
    return link(href, inner)


def _towards(x: float, y: float, to_x: float, to_y: float, distance: float) -> tuple[float, float]:
    """The point ``distance`` from ``(x, y)`` on the way to ``(to_x, to_y)``."""
    dx, dy = to_x - x, to_y - y
    length = math.hypot(dx, dy) or 1.0
    return x + dx / length * distance, y + dy / length * distance

