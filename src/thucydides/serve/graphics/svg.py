"""The markup every graphic shares: the root element, escaped text, links, the quad-class legend.

Everything that comes from data passes through :func:`markupsafe.escape`; links keep only
relative, ``http`` and ``https`` addresses. Colours are presentation attributes (``fill``,
``stroke``), so the graphics need no ``style`` attribute and no script: a strict
Content-Security-Policy leaves them intact, and the page's CSS may still restyle the classes.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

QUAD_CLASSES = (1, 2, 3, 4)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# Blues for cooperation, reds for conflict; the darker shade for material acts.
QUAD_COLOURS = {1: "#6baed6", 2: "#2166ac", 3: "#f4a582", 4: "#b2182b"}
OTHER_COLOUR = "#999999"
TEXT_COLOUR = "#333333"
FONT = 'font-family="sans-serif"'

_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


def num(value: float) -> str:
    """A coordinate with one decimal, without ``-0.0``."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def colour(quad_class: int) -> str:
    return QUAD_COLOURS.get(quad_class, OTHER_COLOUR)


def quad_css(quad_class: int) -> str:
    """The class name of a quad class: ``quad-1`` .. ``quad-4``, ``quad-0`` for anything else."""
    return f"quad-{quad_class if quad_class in QUAD_COLOURS else 0}"


def safe_href(href: str) -> str | None:
    """``href`` when it is relative or http(s); ``None`` for ``javascript:`` and other schemes."""
    # Browsers drop tabs, newlines and leading controls from a URL: "java\tscript:" is javascript:.
    match = _SCHEME.match(re.sub(r"[\x00-\x20\x7f]", "", href))
    if match and match.group(1).lower() not in ("http", "https"):
        return None
    return href


def link(href: str, inner: str) -> str:
    """``inner`` wrapped in ``<a href>`` when the address is safe, left bare otherwise."""
    address = safe_href(href)
    if address is None:
        return inner
    return f'<a href="{escape(address)}">{inner}</a>'


def root(kind: str, width: float, height: float, title: str, body: list[str]) -> Markup:
    """The ``<svg>`` element: its size, a class for the page's CSS, a title for screen readers."""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graphic {kind}" role="img" '
        f'width="{num(width)}" height="{num(height)}" viewBox="0 0 {num(width)} {num(height)}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def text(x: float, y: float, content: str, *, size: int = 12, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{TEXT_COLOUR}" {FONT}{extra}>{escape(content)}</text>'
    )


def no_data(kind: str, width: float, height: float, message: str) -> Markup:
    """A framed, plainly worded empty graphic, with ``class="... no-data"``."""
    body = [
        f'<rect x="0.5" y="0.5" width="{num(width - 1)}" height="{num(height - 1)}" fill="none" stroke="#cccccc"/>',
        text(width / 2, height / 2, message, size=14, anchor="middle"),
    ]
    return root(f"{kind} no-data", width, height, message, body)


def legend(x: float, y: float, *, mark: str = "circle") -> str:
    """The four quad classes in a row starting at ``(x, y)``, as circles or squares."""
    parts = ['<g class="legend">']
    for quad in QUAD_CLASSES:
        if mark == "circle":
            parts.append(f'<circle class="{quad_css(quad)}" cx="{num(x + 5)}" cy="{num(y)}" r="5" fill="{colour(quad)}"/>')
        else:
            parts.append(f'<rect class="{quad_css(quad)}" x="{num(x)}" y="{num(y - 5)}" width="10" height="10" fill="{colour(quad)}"/>')
        parts.append(text(x + 14, y + 4, QUAD_NAMES[quad], size=11))
        x += 20 + 6.5 * len(QUAD_NAMES[quad])
    parts.append("</g>")
    return "".join(parts)
