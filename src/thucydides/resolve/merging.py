"""Event merging: the reports of one real-world event become one merged event with its mentions.

Every stored event is a *mention*. Two mentions report the same event when they have the same
source and target actor codes, the same PLOVER type, compatible modality (asserted and reported
events happened; a future, intended, hypothetical or negated one is a different claim), dates
within ``DAY_TOLERANCE`` days (a coarse date such as ``2024-09`` or ``2024-W37`` matches any day
it covers), and, when both carry a location, the same country within ``KM_TOLERANCE`` km. A
mention in the same story as one already merged joins that event whatever its date, since a
syndicated copy is the same report republished later.

Dates are compared with the merged event's *first* mention only, so daily attacks on successive
days do not chain into one event. Counts follow GDELT: ``num_mentions`` (events merged),
``num_articles``, ``num_sources`` (distinct publishers), ``num_stories`` (independent reports),
``first_seen`` (earliest publication date), ``avg_tone`` (mean tone of the articles).
``confidence`` is ``1 - 0.5 ** k`` with ``k`` the independent sources: the smaller of
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

from thucydides.records import Analysis, Event, Place
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
    """The URL of the first article, when it has one."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def merged_id(article_id: str, event_id: str) -> str:
    """The id of the merged event a mention founds: stable across runs."""
    digest = hashlib.sha1(f"{article_id}\x00{event_id}".encode("utf-8")).hexdigest()
    return f"ev-{digest[:16]}"


def day_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day a date covers: ``2024-05-06`` (or a datetime), ``2024-W19``,
    ``2024-05``, ``2024``; None for anything else."""
    if not value:
        return None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            day = date.fromisoformat(value[:10])
            return (day.isoformat(), day.isoformat())
        if len(value) >= 8 and value[4:6] == "-W":
            monday = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return (monday.isoformat(), (monday + timedelta(days=6)).isoformat())
        if len(value) == 7 and value[4] == "-":
            first = date(int(value[:4]), int(value[5:7]), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return (first.isoformat(), (following - timedelta(days=1)).isoformat())
        if len(value) == 4 and value.isdigit():
            return (f"{value}-01-01", f"{value}-12-31")
    except ValueError:
        return None
    return None


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
    days = day_range(event.date) or day_range(analysis.date)
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
    rows = db.execute(
        "SELECT DISTINCT x.id, x.location_country, x.location_lat, x.location_lon, x.day_first, x.day_last"
        " FROM story_articles AS s JOIN event_mentions AS m ON m.article_id = s.article_id"
        " JOIN merged_events AS x ON x.id = m.merged_id"
        f" WHERE s.story_id = ? AND {_key_sql('x')} ORDER BY x.day_first, x.id",
        (story_id, source, target, event.plover.type, group),
    ).fetchall()
    # A date read from the text (not the publication date) must still agree.
    days = day_range(event.date) if event.date_text else None
    for row in rows:
        if not places_agree(event.location, row[1:4]):
            continue
        if days is not None and row[4] is not None and not (
            row[4] <= _shift(days[1], DAY_TOLERANCE) and row[5] >= _shift(days[0], -DAY_TOLERANCE)
        ):
            continue
        return str(row[0])
    return None


def _nearby(
    db: sqlite3.Connection,
    source: str | None,
    target: str | None,
    event: Event,
    group: str,
    days: tuple[str, str] | None,
    only_article: str | None,
) -> str | None:
    select = "SELECT x.id, x.location_country, x.location_lat, x.location_lon, x.day_first FROM merged_events AS x"
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
    fitting = [row for row in rows if places_agree(event.location, row[1:4])]
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
        " num_sources, num_stories, confidence, avg_tone)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " 0, 0, 0, 0, 0.0, NULL)",
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


# -- reading ---------------------------------------------------------------------------------------

_MERGED_SELECT = """
SELECT x.id, x.date, x.day_first, x.source_name, x.source_code, x.source_country, x.source_sector,
       x.target_name, x.target_code, x.target_country, x.target_sector,
       x.cameo, x.plover_type, x.plover_mode, x.quad_class, x.goldstein, x.intensity, x.modality,
       x.location_name, x.location_country, x.location_lat, x.location_lon, x.location_geonameid,
       x.location_feature, x.sentence, x.first_article_id, x.first_seen, x.num_mentions, x.num_articles, x.num_sources,
       x.num_stories, x.confidence, x.avg_tone, a.url
FROM merged_events AS x LEFT JOIN articles AS a ON a.id = x.first_article_id
"""


def find_merged_events(
    db: sqlite3.Connection, *, since: str | None = None, until: str | None = None
) -> list[MergedEvent]:
    """Merged events by first day, then id; ``since``/``until`` compare the first day."""
    where, params = [], []
    if since is not None:
        where.append("x.day_first >= ?")
        params.append(since)
    if until is not None:
        where.append("x.day_first <= ?")
        params.append(until)
    sql = _MERGED_SELECT + (("WHERE " + " AND ".join(where)) if where else "") + " ORDER BY x.day_first, x.id"
    return [MergedEvent(*row) for row in db.execute(sql, params)]
