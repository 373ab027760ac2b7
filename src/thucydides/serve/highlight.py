"""An article's text cut into pieces for highlighting: every event, actor, quote, speaker, place
and date of its analysis becomes an element around exactly its span.

Spans may nest (an actor inside an event's words) or cross (a quote that starts inside an event);
:func:`pieces` turns them into properly nested open/text/close steps, closing and opening again
an element that crosses another, so the template writes HTML that is always well formed. Text is
never turned into markup here: the template prints each piece with autoescape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.records import Actor, Analysis, Event

KINDS = ("event", "quote", "speaker", "actor", "place", "time")
"""The kinds of marks, outermost first when two start and end together."""

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Mark:
    """One highlighted span: its kind, a key unique in the article (``ev-e000``), a short title
    (the tooltip) and extra CSS classes (``quad-4`` for an event)."""

    start: int
    end: int
    kind: str
    key: str
    title: str
    classes: str = ""


@dataclass(frozen=True)
class Step:
    """``open`` a mark (``first``: its first piece, which takes its id and keyboard focus), ``text``, or ``close``."""

    op: str
    text: str = ""
    mark: Mark | None = None
    first: bool = False


def actor_line(actor: Actor | None) -> str:
    """How an actor was resolved, in one line: mention -> name [code] (country, sector, kb id)."""
    if actor is None:
        return "-"
    parts = [p for p in (actor.country and f"country {actor.country}", actor.sector and f"sector {actor.sector}",
                         actor.kb_id and f"kb {actor.kb_id}") if p]
    return f"“{actor.text}” → {actor.name} [{actor.code}]" + (f" ({', '.join(parts)})" if parts else "")


def event_title(event: Event) -> str:
    mode = f"/{event.plover.mode}" if event.plover.mode else ""
    return (
        f"{event.plover.type}{mode} · CAMEO {event.cameo} · {QUADS.get(event.quad_class, '')} · "
        f"Goldstein {event.goldstein} · {event.modality} · rule {event.rule} · "
        f"source {actor_line(event.source)} · target {actor_line(event.target)}"
    )


def marks(analysis: Analysis) -> list[Mark]:
    """Every span of the analysis worth highlighting, those outside the text left out."""
    size = len(analysis.text or "")
    found: list[Mark] = []
    for event in analysis.events:
        found.append(Mark(*event.span, "event", f"ev-{event.id}", event_title(event), f"quad-{event.quad_class}"))
    for i, quote in enumerate(analysis.quotes):
        speaker = quote.speaker.name if quote.speaker else "unknown speaker"
        found.append(Mark(*quote.span, "quote", f"qu-{i}", f"quote by {speaker} ({quote.cue})"))
        if quote.speaker is not None and quote.speaker.span[1] > quote.speaker.span[0]:
            found.append(Mark(*quote.speaker.span, "speaker", f"qs-{i}", f"speaker: {actor_line(quote.speaker)}"))
    for i, actor in enumerate(analysis.actors):
        found.append(Mark(*actor.span, "actor", f"ac-{i}", f"actor: {actor_line(actor)}"))
    for i, place in enumerate(analysis.places):
        where = f"{place.name}, {place.country} ({place.lat}, {place.lon}; {place.feature})"
        found.append(Mark(*place.span, "place", f"pl-{i}", f"place: {where}"))
    for i, time in enumerate(analysis.times):
        found.append(Mark(*time.span, "time", f"ti-{i}", f"{time.type.lower()}: {time.value}"))
    return [m for m in found if 0 <= m.start < m.end <= size]


def pieces(text: str, spans: Sequence[Mark]) -> list[Step]:
    """The text as open/text/close steps with every mark around exactly its span."""
    rank = {kind: i for i, kind in enumerate(KINDS)}
    ordered = sorted(spans, key=lambda m: (m.start, -m.end, rank.get(m.kind, len(KINDS)), m.key))
    bounds = sorted({0, len(text), *(m.start for m in ordered), *(m.end for m in ordered)})
    steps: list[Step] = []
    stack: list[Mark] = []
    opened: set[str] = set()
    for left, right in zip(bounds, bounds[1:]):
        wanted = [m for m in ordered if m.start <= left and right <= m.end]
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        for _ in stack[keep:]:
            steps.append(Step("close"))
        stack = stack[:keep]
        for mark in wanted[keep:]:
            steps.append(Step("open", mark=mark, first=mark.key not in opened))
            opened.add(mark.key)
            stack.append(mark)
        steps.append(Step("text", text=text[left:right]))
    steps.extend(Step("close") for _ in stack)
    return steps
