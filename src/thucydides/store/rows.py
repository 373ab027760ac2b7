"""Frozen records the store hands back: query filters, result rows, write and stats summaries."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from thucydides.dates import DateRange, Precision, read_date
from thucydides.records import Analysis, Event, to_dict


@dataclass(frozen=True)
class Filters:
    """What to select; every field left as ``None`` (or empty) selects everything.

    ``actor``, ``source``, ``target``: an actor, matched exactly, never as a substring: three
    letters are a country (``RUS``; ``IGO`` for international organisations), a longer code is
    that code (``RUSMIL``), and any value also matches names and mention texts that contain its
    words (``putin``, ``north korea``). ``actor`` is either side (the speaker for quotes, the
    holder for stances); ``dyad`` is a pair of actors in either direction. ``countries``: ISO3
    codes of the source or target (of the speaker for quotes). ``code``: a CAMEO code prefix
    (``"04"`` matches 040-046) or a PLOVER type name (``"CONSULT"``). ``quad_class``: 1-4.
    ``modalities``: the modalities to keep (``("asserted",)``: what happened as told); ``None``
    keeps every modality. ``since``/``until``: inclusive days (``YYYY-MM-DD``); an event is
    selected when the days its date covers overlap the window (an event dated ``2023`` is in
    ``2023-06-01..2023-06-30``); an event without a date of its own has its article's.
    ``limit``: at most this many rows.
    """

    actor: str | None = None
    countries: tuple[str, ...] = ()
    code: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    issue: str | None = None
    """Stances only: a case-insensitive substring of the issue ("ceasefire")."""
    polarity: str | None = None
    """Stances only: support, oppose or conditional."""
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    modalities: tuple[str, ...] | None = None
    quad_class: int | None = None
    context: str | None = None
    """A PLOVER context (``economic``): only events whose CAMEO code has it."""
    root: bool | None = None
    """True: only events told in a title or lead paragraph (GDELT's IsRootEvent)."""
    text: str | None = None
    """Events only: words the event's sentence contains, case-insensitively (``"embassy"``)."""
    min_confidence: float | None = None
    """Events only: the merged event's confidence (its evidence over every report) is at least this."""


@dataclass(frozen=True)
class EventRow:
    """One coded event as a user reads it in a table."""

    article_id: str
    event_id: str
    date: str | None
    source: str | None
    source_code: str | None
    source_country: str | None
    target: str | None
    target_code: str | None
    target_country: str | None
    cameo: str
    plover_type: str
    plover_mode: str | None
    modality: str
    goldstein: float
    quad_class: int
    sentence: str
    rule: str
    date_precision: str | None = None
    """``day``, ``week``, ``month`` or ``year``: how much of ``date`` is known."""
    plover_context: str | None = None
    """PLOVER contexts separated by ``|`` (``diplomatic|economic``)."""
    root: bool | None = None
    """Told in the title or the lead paragraph."""
    merged_id: str | None = None
    """The merged event this report belongs to, and that event's evidence (GDELT's counts)."""
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None
    merged_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, kw_only=True)
class StoredEvent(Event):
    """An event as the database keeps it, in the nested shape of the output contract (an Event
    as ``analyze`` prints it), with the article it was read in, the precision of its date, and
    the merged event (the real-world event) it reports with that event's evidence (its
    ``merged_confidence``; ``confidence`` is this report's own, as ``analyze`` gives it)."""

    article_id: str
    date_precision: Precision | None
    merged_id: str | None
    num_mentions: int | None
    num_articles: int | None
    num_sources: int | None
    merged_confidence: float | None

    def to_dict(self) -> dict[str, Any]:
        return dict(to_dict(self))


@dataclass(frozen=True)
class StoredArticle:
    """One stored article: its analysis with the analysed text (every span an offset into it),
    where it was read from, and the merged event each of its events reports."""

    analysis: Analysis
    origin: str | None
    ingested_at: str
    merged_ids: dict[str, str]
    """Event id -> merged event id."""


@dataclass(frozen=True)
class Mention:
    """One report of a merged event: which article told it, where that article came from, and how."""

    article_id: str
    event_id: str
    url: str | None
    """The article's URL when the input had one."""
    origin: str | None
    """Where the article was read from: a file path, ``path:line`` for JSONL, ``-`` for stdin."""
    publisher: str | None
    """The article's source, else its URL's host."""
    title: str | None
    published: str | None
    """The article's publication date."""
    sentence: str
    modality: str
    date: str | None
    """The event's date as this report gives it."""
    root: bool | None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class QuoteRow:
    """One quote as a user reads it in a table."""

    article_id: str
    index: int
    date: str | None
    speaker: str | None
    speaker_code: str | None
    speaker_country: str | None
    cue: str
    content: str
    direct: bool

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class StanceRow:
    """One stance as a user reads it in a table: who stands where on which issue."""

    article_id: str
    index: int
    date: str | None
    holder: str
    holder_text: str
    holder_code: str
    holder_country: str | None
    issue: str
    polarity: str
    evidence: str | None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class WriteSummary:
    """What one :meth:`Store.write` call did; each analysis is counted exactly once.

    ``rejected`` counts new or changed analyses that carry a rejection; an analysis stored before
    with the same content counts as ``unchanged`` whether or not it was rejected.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    unwritable: tuple[tuple[str, str], ...] = ()
    """``(article id, why)`` of the analyses that could not be written and were stored as
    rejections at stage ``store`` instead (counted in ``rejected``)."""

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + self.rejected

    def __add__(self, other: WriteSummary) -> WriteSummary:
        return WriteSummary(
            self.added + other.added, self.updated + other.updated, self.unchanged + other.unchanged,
            self.rejected + other.rejected, self.unwritable + other.unwritable,
        )

    def to_dict(self) -> dict[str, int]:
        counts = {k: v for k, v in dataclasses.asdict(self).items() if k != "unwritable"}
        return {**counts, "total": self.total}


@dataclass(frozen=True)
class Stats:
    """Counts over the whole store.

    ``articles``: documents analysed; ``rejections``: documents that could not be (counted
    apart, never as articles). ``events``: stored events (every report), ``events_by_plover``:
    ``(plover_type, count)`` of them, most frequent first. ``merged_events``: real-world events
    (reports merged), ``merged_by_modality``: ``(modality, count)`` of them. ``top_dyads``: the
    ten most frequent ``(source_country, target_country, count)`` of merged events that happened
    (modality ``asserted``) with both countries known. ``rejections_by_reason``: ``(reason,
    documents)`` most frequent first.
    """

    articles: int
    events: int
    quotes: int
    actor_mentions: int
    rejections: int
    events_by_plover: tuple[tuple[str, int], ...]
    top_dyads: tuple[tuple[str, str, int], ...]
    rejections_by_reason: tuple[tuple[str, int], ...]
    asserted_by_plover: tuple[tuple[str, int], ...] = ()
    """``(plover_type, count)`` of the events told as having happened (modality ``asserted``)."""
    merged_events: int = 0
    merged_by_modality: tuple[tuple[str, int], ...] = ()

    def asserted(self, plover_type: str) -> int:
        return dict(self.asserted_by_plover).get(plover_type, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "events": self.events,
            "quotes": self.quotes,
            "actor_mentions": self.actor_mentions,
            "rejections": self.rejections,
            "merged_events": self.merged_events,
            "merged_events_by_modality": [{"modality": m, "count": n} for m, n in self.merged_by_modality],
            "events_by_plover": [
                {"plover_type": t, "count": n, "asserted": self.asserted(t)} for t, n in self.events_by_plover
            ],
            "top_dyads": [
                {"source_country": s, "target_country": t, "count": n} for s, t, n in self.top_dyads
            ],
            "rejections_by_reason": [{"reason": r, "count": n} for r, n in self.rejections_by_reason],
        }


@dataclass(frozen=True)
class MergedEvent:
    """One merged event with its evidence, as exports and queries read it."""

    id: str
    date: str | None
    day: str | None
    """The first day the event's date covers (YYYY-MM-DD)."""
    day_last: str | None
    """The last day the event's date covers (the same as ``day`` for a day)."""
    date_precision: str | None
    """``day``, ``week``, ``month`` or ``year``: how much of ``date`` is known."""
    source: str | None
    source_code: str | None
    source_country: str | None
    source_sector: str | None
    target: str | None
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    cameo: str
    plover_type: str
    plover_mode: str | None
    quad_class: int
    goldstein: float
    intensity: float
    modality: str
    location_name: str | None
    location_country: str | None
    location_lat: float | None
    location_lon: float | None
    location_geonameid: int | None
    location_feature: str | None
    sentence: str
    first_article_id: str
    first_seen: str | None
    num_mentions: int
    num_articles: int
    num_sources: int
    num_stories: int
    confidence: float
    avg_tone: float | None
    url: str | None
    """The URL of the first article, or the path of its file when the input had no URL."""
    plover_context: str | None = None
    """The PLOVER contexts of its CAMEO code (``diplomatic|economic``); empty when none."""
    root: bool | None = None
    """Told in the title or lead paragraph of any of its reports (GDELT's IsRootEvent)."""
    location_precision: str | None = None
    """``city``, ``region``, ``country`` or ``area``: how fine ``location_name`` is."""
    location_basis: str | None = None
    """``clause``, ``dateline``, ``actors`` or ``article``: how the location was found (the last
    two are a country-level fallback)."""
    location_admin1: str | None = None
    """The first-level division (ADM1) the place lies in, keyed as GeoNames does (``US.IL``)."""
    location_admin1_name: str | None = None
    """That division's name where the gazetteer has one (the US states: ``Illinois``)."""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def days(self) -> DateRange | None:
        """The days the event's date covers, with its precision; None when it has no date."""
        return read_date(self.date)


@dataclass(frozen=True)
class Story:
    """One cluster of near-duplicate articles, as a user reads it."""

    id: str
    articles: tuple[str, ...]
    """Article ids, earliest first (by publication date, then id)."""
    sources: tuple[str, ...]
    """Distinct publishers (the article's source, else its URL's host), sorted."""
    first_date: str | None
    first_article: str
    title: str | None
    """The earliest article's title."""

    @property
    def size(self) -> int:
        return len(self.articles)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "size": self.size,
            "first_date": self.first_date,
            "first_article": self.first_article,
            "title": self.title,
            "sources": list(self.sources),
            "articles": list(self.articles),
        }


def publisher(source: str | None, url: str | None) -> str | None:
    """Who published an article: its source name, else its URL's host (without ``www.``)."""
    if source:
        return source.strip()
    if url:
        host = urlsplit(url).hostname or ""
        host = host.removeprefix("www.")
        return host or None
    return None
