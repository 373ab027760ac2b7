"""Frozen records: the output contract of DESIGN.md, and the Article that goes in.

Every stage takes and returns these records; none of them holds a spaCy object, so they cross
process boundaries and serialize to exactly the documented JSON with :func:`to_json`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

Span = tuple[int, int]
"""End-exclusive character offsets into the analysed text."""

Modality = Literal["asserted", "future", "intent", "hypothetical", "negated", "reported"]
MODALITIES: tuple[str, ...] = ("asserted", "future", "intent", "hypothetical", "negated", "reported")

LocationBasis = Literal["clause", "dateline", "actors", "article"]
"""How an event's location was found: named in its clause, the dateline's place, or (a country,
as a fallback) the one country of its actors or the article's main country."""


@dataclass(frozen=True)
class Rejection:
    """Why a document could not be analysed: stored, counted and shown, never dropped."""

    stage: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Article:
    """One document as read by ingest, before any analysis.

    ``text`` is the text every span points into: the input text exactly as given for plain-text
    and JSONL input, the extracted main text for HTML input.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    date_source: str | None = None
    """Where ``date`` came from when it is not the input's own: ``metadata`` (an HTML page's)."""
    fetched_at: str | None = None
    """When the page was fetched (ISO 8601, UTC): the WARC date, or the time ``watch`` fetched it."""
    origin: str = ""
    """Where the article came from: a file path, ``path:line`` for JSONL, ``path:offset`` for a
    WARC record, a URL for ``watch``, or ``-`` for stdin."""
    input_format: str = "txt"
    rejection: Rejection | None = None
    """Set when ingest could not read the document (empty, binary, undecodable, too large…)."""


@dataclass(frozen=True)
class Actor:
    text: str
    name: str
    code: str
    country: str | None
    sector: str | None
    span: Span
    kb_id: str | None = None


@dataclass(frozen=True)
class Place:
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str
    span: Span
    admin1: str | None = None
    """The first-level division (ADM1) it lies in, keyed as GeoNames does: ``US.NY``, ``UA.12``."""
    admin1_name: str | None = None
    """That division's name where the gazetteer has one (the US states); else None."""


PRECISIONS = {
    "city": "city", "county": "region", "state": "region", "region": "region", "country": "country",
    "sea": "area", "ocean": "area", "strait": "area", "continent": "area",
}
"""How fine a place is, by its feature: ``city``, ``region``, ``country`` or ``area``."""


def location_precision(place: Place | None) -> str | None:
    """``city``, ``region``, ``country`` or ``area`` for a place's feature; None without a place."""
    if place is None:
        return None
    return PRECISIONS.get(place.feature, "area")


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    """What the event is about (``diplomatic``, ``economic``, ``military``…), from the official
    CAMEO-to-PLOVER table for its CAMEO code; empty when the table gives none."""


@dataclass(frozen=True)
class Event:
    id: str
    sentence_index: int
    sentence: str
    span: Span
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: Plover
    quad_class: int
    goldstein: float
    modality: Modality
    date: str | None
    date_text: str | None
    location: Place | None
    speaker: Actor | None
    rule: str
    confidence: float = 1.0
    """How likely the event is to be right, 0-1, from its rule's measured precision, modality,
    actors and parse (``extract.confidence``); the pipeline always sets it, an event built by
    hand is taken as certain."""
    root: bool = False
    """Told in the title or the lead paragraph (GDELT's IsRootEvent): what the article is about,
    rather than background."""
    location_basis: LocationBasis | None = None
    """How ``location`` was found (see :data:`LocationBasis`); None when there is none."""


@dataclass(frozen=True)
class Quote:
    speaker: Actor | None
    cue: str
    cue_span: Span | None
    content: str
    span: Span
    direct: bool


@dataclass(frozen=True)
class Stance:
    holder: Actor
    issue: str
    polarity: Literal["support", "oppose", "conditional"]
    evidence_span: Span


@dataclass(frozen=True)
class Time:
    text: str
    value: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    span: Span


@dataclass(frozen=True)
class Dateline:
    """The place (and wire agency) an article was filed from: ``KIEV, Ukraine —``."""

    text: str
    place: str
    agency: str | None
    span: Span


@dataclass(frozen=True)
class Dropped:
    """A region of the analysed text that cleaning excluded, and why (its kind: ``related``,
    ``newsletter``, ``share``, ``dateline``…); its span points into the analysed text."""

    kind: str
    span: Span
    text: str


@dataclass(frozen=True)
class Analysis:
    id: str
    title: str | None
    date: str | None
    url: str | None
    source: str | None
    dateline: Dateline | None
    byline: str | None
    language: str | None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()
    stances: tuple[Stance, ...] = ()
    rejection: Rejection | None = None
    fetched_at: str | None = None
    """When the page was fetched (WARC and ``watch`` input), else null."""
    date_source: str | None = None
    """Where ``date`` came from: ``input``, ``metadata``, ``url`` or ``text`` (``clean.pubdate``)."""
    text: str | None = field(default=None, compare=False)
    """The analysed text; serialized only when asked (``--with-text``)."""
    dropped: tuple[Dropped, ...] = field(default=(), compare=False)
    """What cleaning excluded from the analysed text, and why; serialized with ``text``."""


def to_dict(record: Any, *, with_text: bool = False) -> Any:
    """Turn a record into plain JSON-ready values: tuples become lists, nested records dicts."""
    if record is None or type(record) in _PLAIN:
        return record  # most values: no need to ask whether they are records
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        out = {name: to_dict(getattr(record, name), with_text=with_text) for name in _field_names(type(record))}
        if isinstance(record, Analysis) and not with_text:
            out.pop("text")
            out.pop("dropped")
        return out
    if isinstance(record, (tuple, list)):
        return [to_dict(item, with_text=with_text) for item in record]
    return record


_PLAIN = frozenset({str, int, float, bool})


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def to_json(record: Any, *, with_text: bool = False) -> str:
    """One line of JSON for a record, non-ASCII kept as is."""
    return json.dumps(to_dict(record, with_text=with_text), ensure_ascii=False)


def rejected(article: Article, rejection: Rejection) -> Analysis:
    """The Analysis of an article that could not be analysed."""
    return Analysis(
        id=article.id,
        title=article.title,
        date=article.date,
        url=article.url,
        source=article.source,
        dateline=None,
        byline=None,
        language=None,
        rejection=rejection,
        fetched_at=article.fetched_at,
        date_source=(article.date_source or "input") if article.date else None,
        text=article.text,
    )
