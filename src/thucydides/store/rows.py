"""Frozen records the store hands back: query filters, result rows, write and stats summaries."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Filters:
    """What to select; every field left as ``None`` selects everything.

    ``actor``: case-insensitive substring of the source or target name, text or code (of the
    speaker name or code for quotes). ``country``: ISO3 code of the source or target (of the
    speaker for quotes). ``code``: a CAMEO code prefix (``"04"`` matches 040-046) or a PLOVER type
    name (``"CONSULT"``); not applicable to quotes. ``since``/``until``: inclusive ISO dates,
    compared with the event date or, when it has none, the article date (quotes use the article
    date); ``until="2024-03-05"`` includes ``2024-03-05T23:00``. ``limit``: at most this many rows.
    """

    actor: str | None = None
    country: str | None = None
    code: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    issue: str | None = None
    """Stances only: a case-insensitive substring of the issue ("ceasefire")."""
    polarity: str | None = None
    """Stances only: support, oppose or conditional."""


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
    merged_id: str | None = None
    """The merged event this report belongs to, and that event's evidence (GDELT's counts)."""
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None
    confidence: float | None = None

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

    ``events_by_plover``: ``(plover_type, count)`` most frequent first. ``top_dyads``: the ten
    most frequent ``(source_country, target_country, count)`` with both countries known.
    ``rejections_by_reason``: ``(reason, count)`` most frequent first.
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

    def asserted(self, plover_type: str) -> int:
        return dict(self.asserted_by_plover).get(plover_type, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "events": self.events,
            "quotes": self.quotes,
            "actor_mentions": self.actor_mentions,
            "rejections": self.rejections,
            "events_by_plover": [
                {"plover_type": t, "count": n, "asserted": self.asserted(t)} for t, n in self.events_by_plover
            ],
            "top_dyads": [
                {"source_country": s, "target_country": t, "count": n} for s, t, n in self.top_dyads
            ],
            "rejections_by_reason": [{"reason": r, "count": n} for r, n in self.rejections_by_reason],
        }
