"""Event merging: the reports of one real-world event become one merged event with its mentions.

Every stored event is a *mention*. Two mentions report the same event when they have the same
source and target actor codes, the same PLOVER type, compatible modality (asserted and reported
events happened; a future, intended, hypothetical or negated one is a different claim), dates
within ``DAY_TOLERANCE`` days (a coarse date such as ``2024-09`` or ``2024-W37`` matches any day
it covers), and, when both carry a location, the same country within ``KM_TOLERANCE`` km. Within
one story (copies of one article), a mention joins an event only when it is the same clause
told again: the same sentence, and, when both read a date from their text, the same date; a
copy republished later is the same report, but "his first meeting since September" in the same
story is another occasion than the meeting of today.

Dates are compared with the merged event's *first* mention only, so daily attacks on successive
days do not chain into one event. Counts follow GDELT: ``num_mentions`` (events merged),
``num_articles``, ``num_sources`` (distinct publishers), ``num_stories`` (independent reports),
``first_seen`` (earliest publication date), ``avg_tone`` (mean tone of the articles).
A merged event is ``asserted`` when any of its reports asserts it, ``reported`` when all of
them tell it in someone else's words. ``confidence`` is ``1 - 0.5 ** k`` with ``k`` the independent sources: the smaller of
``num_stories`` and ``num_sources`` (a copy republished by a hundred sites is one story; two
stories by one outlet are one source).
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from thucydides.dates import DateRange, first_date, read_date
from thucydides.records import Analysis, Event, Place
from thucydides.resolve.action_places import location_precision
from thucydides.resolve.stories import assign_story, publisher
from thucydides.scores.intensity import intensity
from thucydides.scores.tone import tone

DAY_TOLERANCE = 1
KM_TOLERANCE = 100.0
_HAPPENED = {"asserted", "reported"}


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def days(self) -> DateRange | None:
        """The days the event's date covers, with its precision; None when it has no date."""
        return read_date(self.date)


def merged_id(article_id: str, event_id: str) -> str:
    """The id of the merged event a mention founds: stable across runs."""
    digest = hashlib.sha1(f"{article_id}\x00{event_id}".encode("utf-8")).hexdigest()
    return f"ev-{digest[:16]}"


def day_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day a date covers: ``2024-05-06`` (or a datetime), ``2024-W19``,
    ``2024-05``, ``2024``; None for anything else (see :func:`thucydides.dates.read_date`)."""
    found = read_date(value)
    return None if found is None else (found.first.isoformat(), found.last.isoformat())


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def places_agree(place: Place | None, row: Sequence[Any]) -> bool:
    """Whether a mention's location fits a merged event's ``(country, lat, lon)``; a missing
    location on either side fits anything."""
    country, lat, lon = row
    if place is None or country is None or place.country is None:
        return True
    if place.country != country:
        return False
    if None in (place.lat, place.lon, lat, lon):
        return True
    return _km(float(place.lat), float(place.lon), float(lat), float(lon)) <= KM_TOLERANCE  # type: ignore[arg-type]


_FALLBACK = ("actors", "article")
_TEXT_PLACE = (
    "CASE WHEN x.location_basis IN ('actors', 'article') THEN NULL ELSE x.location_country END,"
    " x.location_lat, x.location_lon"
)
"""A merged event's place as its text gives it: a country-level fallback says nothing for merging."""


def text_place(event: Event) -> Place | None:
    """The place an event's text gives (its clause or dateline); a fallback country is no evidence
    that two reports are of one event, nor that they are not."""
    return None if event.location_basis in _FALLBACK else event.location


def _modality_group(modality: str) -> str:
    return "asserted" if modality in _HAPPENED else modality


def _code(actor: Any) -> str | None:
    return actor.code if actor is not None else None


# -- the store side: called by the single writer inside its transaction ------------------------


def merge_article(db: sqlite3.Connection, analysis: Analysis, story_id: str | None) -> set[str]:
    """Attach each event of a stored article to a merged event (an existing one or a new one);
    return the ids of the merged events touched."""
    touched: set[str] = set()
    for event in analysis.events:
        touched.add(_merge_event(db, analysis, event, story_id))
    return touched


def _merge_event(db: sqlite3.Connection, analysis: Analysis, event: Event, story_id: str | None) -> str:
    source, target = _code(event.source), _code(event.target)
    group = _modality_group(event.modality)
    when = first_date(event.date, analysis.date)
    days = (when.first.isoformat(), when.last.isoformat()) if when is not None else None
    chosen = None
    if story_id is not None:
        chosen = _same_story(db, story_id, source, target, event, group)
    if chosen is None:
        # Without both actors the key is too weak to join independent reports: such a mention
        # merges only within its own article or story.
        only = analysis.id if source is None or target is None else None
        chosen = _nearby(db, source, target, event, group, days, only)
    if chosen is None:
        chosen = merged_id(analysis.id, event.id)
        _found(db, chosen, analysis, event, days)
    db.execute(
        "INSERT INTO event_mentions (article_id, event_id, merged_id) VALUES (?, ?, ?)",
        (analysis.id, event.id, chosen),
    )
    return chosen


def _key_sql(alias: str) -> str:
    return (
        f"{alias}.source_code IS ? AND {alias}.target_code IS ? AND {alias}.plover_type = ?"
        f" AND (CASE WHEN {alias}.modality IN ('asserted', 'reported') THEN 'asserted'"
        f" ELSE {alias}.modality END) = ?"
    )


def _same_story(
    db: sqlite3.Connection, story_id: str, source: str | None, target: str | None, event: Event, group: str
) -> str | None:
    """The merged event of the same clause in another copy of this story, if any."""
    rows = db.execute(
        f"SELECT DISTINCT x.id, {_TEXT_PLACE}, e.sentence, e.date, e.date_text"
        " FROM story_articles AS s JOIN event_mentions AS m ON m.article_id = s.article_id"
        " JOIN events AS e ON e.article_id = m.article_id AND e.id = m.event_id"
        " JOIN merged_events AS x ON x.id = m.merged_id"
        f" WHERE s.story_id = ? AND {_key_sql('x')} ORDER BY x.day_first, x.id",
        (story_id, source, target, event.plover.type, group),
    ).fetchall()
    clause = _clause(event.sentence)
    for merged, country, lat, lon, sentence, when, when_text in rows:
        if _clause(sentence) != clause or not places_agree(text_place(event), (country, lat, lon)):
            continue
        if event.date_text and when_text and not dates_agree(event.date, when):
            continue
        return str(merged)
    return None


def _clause(sentence: str) -> str:
    return " ".join(sentence.casefold().split())


def dates_agree(one: str | None, two: str | None) -> bool:
    """Whether two dates read from text can be the same occasion: their days overlap, give or
    take ``DAY_TOLERANCE``; a missing or unreadable date agrees with anything."""
    a, b = day_range(one), day_range(two)
    if a is None or b is None:
        return True
    return a[0] <= _shift(b[1], DAY_TOLERANCE) and a[1] >= _shift(b[0], -DAY_TOLERANCE)


def _nearby(
    db: sqlite3.Connection,
    source: str | None,
    target: str | None,
    event: Event,
    group: str,
    days: tuple[str, str] | None,
    only_article: str | None,
) -> str | None:
    select = f"SELECT x.id, {_TEXT_PLACE}, x.day_first FROM merged_events AS x"
    within = " AND x.first_article_id = ?" if only_article is not None else ""
    extra = [only_article] if only_article is not None else []
    if days is None:
        rows = db.execute(
            f"{select} WHERE {_key_sql('x')} AND x.day_first IS NULL{within} ORDER BY x.id",
            (source, target, event.plover.type, group, *extra),
        ).fetchall()
        anchor = None
    else:
        low, high = _shift(days[0], -DAY_TOLERANCE), _shift(days[1], DAY_TOLERANCE)
        rows = db.execute(
            f"{select} WHERE {_key_sql('x')} AND x.day_first <= ? AND x.day_last >= ?{within} ORDER BY x.id",
            (source, target, event.plover.type, group, high, low, *extra),
        ).fetchall()
        anchor = date.fromisoformat(days[0])
    fitting = [row for row in rows if places_agree(text_place(event), row[1:4])]
    if not fitting:
        return None
    if anchor is None:
        return str(fitting[0][0])
    # The closest first day wins; ties go to the smaller id.
    best = min(fitting, key=lambda r: (abs((date.fromisoformat(r[4]) - anchor).days), r[0]))
    return str(best[0])


def _found(
    db: sqlite3.Connection, merged: str, analysis: Analysis, event: Event, days: tuple[str, str] | None
) -> None:
    place = event.location
    src, tgt = event.source, event.target
    db.execute(
        "INSERT INTO merged_events (id, source_code, source_country, source_sector, source_name,"
        " target_code, target_country, target_sector, target_name, cameo, plover_type, plover_mode,"
        " quad_class, goldstein, intensity, modality, date, day_first, day_last,"
        " location_name, location_country, location_lat, location_lon, location_geonameid,"
        " location_feature, sentence, first_article_id, first_seen, num_mentions, num_articles,"
        " num_sources, num_stories, confidence, avg_tone, date_precision, plover_context, root,"
        " location_precision, location_basis)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " 0, 0, 0, 0, 0.0, NULL, ?, ?, ?, ?, ?)",
        (
            merged,
            src.code if src else None, src.country if src else None, src.sector if src else None,
            src.name if src else None,
            tgt.code if tgt else None, tgt.country if tgt else None, tgt.sector if tgt else None,
            tgt.name if tgt else None,
            event.cameo, event.plover.type, event.plover.mode, event.quad_class, event.goldstein,
            intensity(event.plover.type, event.plover.mode, event.goldstein), event.modality,
            event.date or analysis.date, days[0] if days else None, days[1] if days else None,
            place.name if place else None, place.country if place else None,
            place.lat if place else None, place.lon if place else None,
            place.geonameid if place else None, place.feature if place else None,
            event.sentence, analysis.id, analysis.date,
            when.precision if (when := first_date(event.date, analysis.date)) else None,
            "|".join(event.plover.context), int(event.root),
            location_precision(place), event.location_basis,
        ),
    )


def confidence(num_stories: int, num_sources: int) -> float:
    """``1 - 0.5 ** k``, ``k`` the independent sources (at least one)."""
    k = max(1, min(num_stories, num_sources))
    return round(1.0 - 0.5**k, 4)


def refresh(db: sqlite3.Connection, merged_ids: Iterable[str]) -> None:
    """Recount the evidence of merged events; drop the ones left without mentions."""
    for merged in sorted(set(merged_ids)):
        rows = db.execute(
            "SELECT a.id, a.date, a.source, a.url, s.story_id, t.tone FROM event_mentions AS m"
            " JOIN articles AS a ON a.id = m.article_id"
            " LEFT JOIN story_articles AS s ON s.article_id = a.id"
            " LEFT JOIN article_tone AS t ON t.article_id = a.id"
            " WHERE m.merged_id = ?",
            (merged,),
        ).fetchall()
        if not rows:
            db.execute("DELETE FROM merged_events WHERE id = ?", (merged,))
            continue
        articles = {r[0]: r for r in rows}
        sources = {publisher(r[2], r[3]) or f"article:{r[0]}" for r in articles.values()}
        stories = {r[4] or f"article:{r[0]}" for r in articles.values()}
        dated = sorted((r[1], r[0]) for r in articles.values() if r[1])
        tones = [r[5] for r in articles.values() if r[5] is not None]
        db.execute(
            "UPDATE merged_events SET modality = CASE WHEN modality NOT IN ('asserted', 'reported') THEN modality"
            " WHEN EXISTS (SELECT 1 FROM event_mentions AS m JOIN events AS e"
            " ON e.article_id = m.article_id AND e.id = m.event_id WHERE m.merged_id = ? AND e.modality = 'asserted')"
            " THEN 'asserted' ELSE 'reported' END,"
            " root = (SELECT max(e.root) FROM event_mentions AS m JOIN events AS e"
            " ON e.article_id = m.article_id AND e.id = m.event_id WHERE m.merged_id = ?) WHERE id = ?",
            (merged, merged, merged),
        )
        db.execute(
            "UPDATE merged_events SET num_mentions = ?, num_articles = ?, num_sources = ?, num_stories = ?,"
            " first_seen = ?, confidence = ?, avg_tone = ? WHERE id = ?",
            (
                len(rows), len(articles), len(sources), len(stories),
                dated[0][0] if dated else None,
                confidence(len(stories), len(sources)),
                round(sum(tones) / len(tones), 4) if tones else None,
                merged,
            ),
        )


def link_articles(db: sqlite3.Connection, analyses: Sequence[Analysis]) -> None:
    """The store-side step after a batch is written, in the writer's transaction: tone, story
    and merged events of each new or changed article, then recounted evidence."""
    touched = take_queue(db)
    refresh(db, touched)  # drops merged events whose every mention was just replaced
    for analysis in analyses:
        if analysis.rejection is not None:
            continue
        scored = tone(analysis.text or "")
        if scored is not None:
            db.execute(
                "INSERT INTO article_tone (article_id, tone, positive, negative, polarity, sentences)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (analysis.id, scored.tone, scored.positive, scored.negative, scored.polarity, scored.sentences),
            )
        story_id = assign_story(db, analysis.id, analysis.text)
        touched |= merge_article(db, analysis, story_id)
    refresh(db, touched | take_queue(db))


def take_queue(db: sqlite3.Connection) -> set[str]:
    """The merged events whose mentions were deleted in this transaction; clears their mark."""
    queued = {str(r[0]) for r in db.execute("SELECT id FROM merged_events WHERE dirty = 1")}
    db.execute("UPDATE merged_events SET dirty = 0 WHERE dirty = 1")
    return queued
