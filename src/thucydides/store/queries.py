"""Reading the store: events, merged events, quotes and stances by filter, and whole-store counts."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from typing import Any

from thucydides.contract import from_dict
from thucydides.errors import InputError
from thucydides.records import Analysis, Event

from thucydides.store.conditions import EVENTS, MERGED, Where, actor_match, event_conditions, window
from thucydides.store.errors import StoreError
from thucydides.store.rows import (
    EventRow, Filters, MergedEvent, Mention, QuoteRow, StanceRow, Stats, StoredArticle, StoredEvent, Story,
    publisher,
)

_EVENT_SELECT = """
SELECT e.article_id, e.id, COALESCE(e.date, a.date) AS day,
       e.source_name, e.source_code, e.source_country,
       e.target_name, e.target_code, e.target_country,
       e.cameo, e.plover_type, e.plover_mode, e.modality, e.goldstein, e.quad_class,
       e.sentence, e.rule, e.date_precision, e.plover_context, e.root,
       x.id, x.num_mentions, x.num_articles, x.num_sources, x.confidence
FROM events AS e JOIN articles AS a ON a.id = e.article_id
LEFT JOIN event_mentions AS em ON em.article_id = e.article_id AND em.event_id = e.id
LEFT JOIN merged_events AS x ON x.id = em.merged_id
"""

_QUOTE_SELECT = """
SELECT q.article_id, q.idx, a.date AS day, q.speaker_name, q.speaker_code, q.speaker_country,
       q.cue, q.content, q.direct
FROM quotes AS q JOIN articles AS a ON a.id = q.article_id
"""


def casefold(value: object) -> str | None:
    """SQL function ``casefold(x)``: Unicode-aware lower case (SQLite's ``lower`` is ASCII only)."""
    return None if value is None else str(value).casefold()


def _article_dates(filters: Filters, column: str, where: Where) -> None:
    """Quotes and stances carry their article's date: a day, compared by its first ten characters."""
    since, until = window(filters)
    if since is not None:
        where.add(f"substr({column}, 1, 10) >= ?", since.isoformat())
    if until is not None:
        where.add(f"substr({column}, 1, 10) <= ?", until.isoformat())


def _finish(sql: str, where: Where, order: str, filters: Filters) -> str:
    sql += where.sql()
    sql += f"ORDER BY {order}"
    if filters.limit is not None:
        if filters.limit < 0:
            raise StoreError(f"limit must be zero or more, not {filters.limit}")
        sql += "\nLIMIT ?"
        where.params.append(filters.limit)
    return sql


def _no_event_filters(filters: Filters, what: str) -> None:
    if filters.code is not None:
        raise StoreError(f"the code filter applies to events, not {what}")
    if filters.source is not None or filters.target is not None or filters.dyad is not None:
        raise StoreError(f"source, target and dyad filters apply to events, not {what}")


_POSITION = "e.article_id, e.sentence_index, e.span_start, e.id"
ORDERS: dict[str, str] = {
    "date": f"e.day_first IS NULL, COALESCE(julianday(e.day_first), 0), {_POSITION}",
    "-date": f"e.day_first IS NULL, COALESCE(-julianday(e.day_first), 0), {_POSITION}",
    "goldstein": f"e.goldstein, e.day_first IS NULL, COALESCE(julianday(e.day_first), 0), {_POSITION}",
    "-goldstein": f"-e.goldstein, e.day_first IS NULL, COALESCE(julianday(e.day_first), 0), {_POSITION}",
}
"""The orders events can be listed in (a leading ``-``: newest or most conflictual first; undated
events always last), each a sort key of ascending columns so that a page can start after a row."""


def find_events(
    connection: sqlite3.Connection, filters: Filters, *, order: str = "date", after: tuple[str, str] | None = None
) -> list[EventRow]:
    """Events matching ``filters`` in ``order`` (see :data:`ORDERS`); ``after``: only those that
    come after the event ``(article_id, event_id)`` in that order (the next page)."""
    if order not in ORDERS:
        raise StoreError(f"unknown order {order!r}; choose from {', '.join(ORDERS)}")
    where = event_conditions(EVENTS, filters)
    key = ORDERS[order]
    if after is not None:
        if connection.execute("SELECT 1 FROM events WHERE article_id = ? AND id = ?", after).fetchone() is None:
            raise InputError(f"no event {after[1]!r} in article {after[0]!r} to continue after")
        where.add(f"({key}) > (SELECT {key} FROM events AS e WHERE e.article_id = ? AND e.id = ?)", *after)
    sql = _finish(_EVENT_SELECT, where, key, filters)
    return [
        EventRow(
            article_id=r[0], event_id=r[1], date=r[2],
            source=r[3], source_code=r[4], source_country=r[5],
            target=r[6], target_code=r[7], target_country=r[8],
            cameo=r[9], plover_type=r[10], plover_mode=r[11], modality=r[12],
            goldstein=r[13], quad_class=r[14], sentence=r[15], rule=r[16], date_precision=r[17],
            plover_context=r[18], root=None if r[19] is None else bool(r[19]),
            merged_id=r[20], num_mentions=r[21], num_articles=r[22], num_sources=r[23], merged_confidence=r[24],
        )
        for r in connection.execute(sql, where.params)
    ]


def find_stored_events(
    connection: sqlite3.Connection, filters: Filters, *, order: str = "date", after: tuple[str, str] | None = None
) -> list[StoredEvent]:
    """The events :func:`find_events` selects, in the nested shape of the output contract, read
    back from each article's stored analysis."""
    rows = find_events(connection, filters, order=order, after=after)
    wanted = sorted({r.article_id for r in rows})
    events: dict[tuple[str, str], Event] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for article_id, analysis_json in connection.execute(
            f"SELECT id, analysis_json FROM articles WHERE id IN ({marks})", chunk
        ):
            for item in json.loads(analysis_json).get("events", []):
                event = from_dict(Event, item)
                events[(article_id, event.id)] = event
    out = []
    for row in rows:
        event = events.get((row.article_id, row.event_id))
        if event is None:
            raise StoreError(f"event {row.event_id} of article {row.article_id} is not in its stored analysis")
        out.append(
            StoredEvent(
                **{f.name: getattr(event, f.name) for f in dataclasses.fields(Event)},
                article_id=row.article_id, date_precision=row.date_precision,  # type: ignore[arg-type]
                merged_id=row.merged_id, num_mentions=row.num_mentions, num_articles=row.num_articles,
                num_sources=row.num_sources, merged_confidence=row.merged_confidence,
            )
        )
    return out


def find_article(connection: sqlite3.Connection, article_id: str) -> StoredArticle | None:
    """The stored article with this id, its analysis read back with its text; None if absent."""
    row = connection.execute(
        "SELECT analysis_json, text, origin, ingested_at FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return None
    analysis = dataclasses.replace(from_dict(Analysis, json.loads(row[0])), text=row[1])
    merged = dict(
        connection.execute("SELECT event_id, merged_id FROM event_mentions WHERE article_id = ?", (article_id,)).fetchall()
    )
    return StoredArticle(analysis=analysis, origin=row[2], ingested_at=row[3], merged_ids=merged)


def count_events(connection: sqlite3.Connection, filters: Filters) -> int:
    """How many stored events ``filters`` selects (``limit`` aside)."""
    where = event_conditions(EVENTS, filters)
    return int(connection.execute("SELECT count(*) FROM events AS e\n" + where.sql(), where.params).fetchone()[0])


_MERGED_SELECT = """
SELECT x.id, x.date, x.day_first, x.day_last, x.date_precision,
       x.source_name, x.source_code, x.source_country, x.source_sector,
       x.target_name, x.target_code, x.target_country, x.target_sector,
       x.cameo, x.plover_type, x.plover_mode, x.quad_class, x.goldstein, x.intensity, x.modality,
       x.location_name, x.location_country, x.location_lat, x.location_lon, x.location_geonameid,
       x.location_feature, x.sentence, x.first_article_id, x.first_seen, x.num_mentions, x.num_articles, x.num_sources,
       x.num_stories, x.confidence, x.avg_tone, COALESCE(a.url, a.origin), x.plover_context,
       CASE WHEN x.root IS NULL THEN NULL ELSE x.root = 1 END, x.location_precision, x.location_basis
FROM merged_events AS x LEFT JOIN articles AS a ON a.id = x.first_article_id
"""


def _merged(row: Any) -> MergedEvent:
    """A merged event from a row of ``_MERGED_SELECT`` (its last three: root, precision, basis)."""
    *fields, root, precision, basis = row
    return MergedEvent(
        *fields, root=None if root is None else bool(root), location_precision=precision, location_basis=basis
    )


def find_merged_events(connection: sqlite3.Connection, filters: Filters) -> list[MergedEvent]:
    """Merged events matching ``filters``, by first day, then id (undated ones last)."""
    where = event_conditions(MERGED, filters)
    sql = _finish(_MERGED_SELECT, where, "x.day_first IS NULL, x.day_first, x.id", filters)
    return [
        _merged(row)
        for row in connection.execute(sql, where.params)
    ]


def find_merged_event(connection: sqlite3.Connection, event_id: str) -> MergedEvent | None:
    """The merged event with this id, or the one a stored event (``ARTICLE-e000``) reports."""
    row = connection.execute(
        "SELECT merged_id FROM event_mentions WHERE event_id = ? OR merged_id = ? LIMIT 1", (event_id, event_id)
    ).fetchone()
    if row is None:
        return None
    sql = _MERGED_SELECT + "WHERE x.id = ?"
    found = connection.execute(sql, (row[0],)).fetchone()
    return None if found is None else _merged(found)


def find_mentions(connection: sqlite3.Connection, merged_id: str) -> list[Mention]:
    """Every report of a merged event, first published first."""
    rows = connection.execute(
        "SELECT a.id, e.id, a.url, a.origin, a.source, a.title, a.date, e.sentence, e.modality, e.date, e.root"
        " FROM event_mentions AS m JOIN events AS e ON e.article_id = m.article_id AND e.id = m.event_id"
        " JOIN articles AS a ON a.id = m.article_id WHERE m.merged_id = ?"
        " ORDER BY a.date IS NULL, a.date, a.id, e.sentence_index, e.id",
        (merged_id,),
    ).fetchall()
    return [
        Mention(
            article_id=r[0], event_id=r[1], url=r[2], origin=r[3], publisher=publisher(r[4], r[2]), title=r[5],
            published=r[6], sentence=r[7], modality=r[8], date=r[9], root=None if r[10] is None else bool(r[10]),
        )
        for r in rows
    ]


def count_merged_events(connection: sqlite3.Connection, filters: Filters) -> int:
    where = event_conditions(MERGED, filters)
    sql = "SELECT count(*) FROM merged_events AS x\n" + where.sql()
    return int(connection.execute(sql, where.params).fetchone()[0])


def find_quotes(connection: sqlite3.Connection, filters: Filters) -> list[QuoteRow]:
    _no_event_filters(filters, "quotes")
    where = Where()
    if filters.actor is not None:
        where.add(*_pair(actor_match("q.speaker_country", "q.speaker_code", ["q.speaker_name"], filters.actor)))
    if filters.countries:
        codes = [c.upper() for c in filters.countries]
        where.add(f"q.speaker_country IN ({', '.join('?' * len(codes))})", *codes)
    _article_dates(filters, "a.date", where)
    sql = _finish(_QUOTE_SELECT, where, "day, q.article_id, q.idx", filters)
    return [
        QuoteRow(
            article_id=r[0], index=r[1], date=r[2], speaker=r[3], speaker_code=r[4],
            speaker_country=r[5], cue=r[6], content=r[7], direct=bool(r[8]),
        )
        for r in connection.execute(sql, where.params)
    ]


def _pair(pair: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (pair[0], *pair[1])


_STANCE_SELECT = """
SELECT s.article_id, s.idx, a.date AS day, s.holder_name, s.holder_text, s.holder_code, s.holder_country,
       s.issue, s.polarity, substr(a.text, s.span_start + 1, s.span_end - s.span_start)
FROM stances AS s JOIN articles AS a ON a.id = s.article_id
"""


def find_stances(connection: sqlite3.Connection, filters: Filters) -> list[StanceRow]:
    _no_event_filters(filters, "stances")
    where = Where()
    if filters.actor is not None:
        texts = ["s.holder_name", "s.holder_text"]
        where.add(*_pair(actor_match("s.holder_country", "s.holder_code", texts, filters.actor)))
    if filters.countries:
        codes = [c.upper() for c in filters.countries]
        where.add(f"s.holder_country IN ({', '.join('?' * len(codes))})", *codes)
    if filters.issue is not None:
        where.add("instr(casefold(s.issue), ?) > 0", filters.issue.casefold())
    if filters.polarity is not None:
        where.add("s.polarity = ?", filters.polarity.lower())
    _article_dates(filters, "a.date", where)
    sql = _finish(_STANCE_SELECT, where, "day, s.article_id, s.idx", filters)
    return [
        StanceRow(
            article_id=r[0], index=r[1], date=r[2], holder=r[3], holder_text=r[4], holder_code=r[5],
            holder_country=r[6], issue=r[7], polarity=r[8], evidence=r[9],
        )
        for r in connection.execute(sql, where.params)
    ]


def _count(connection: sqlite3.Connection, table: str) -> int:
    return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def find_stats(connection: sqlite3.Connection) -> Stats:
    by_plover = connection.execute(
        "SELECT plover_type, count(*) AS n FROM events GROUP BY plover_type ORDER BY n DESC, plover_type"
    ).fetchall()
    asserted = connection.execute(
        "SELECT plover_type, count(*) AS n FROM events WHERE modality = 'asserted'"
        " GROUP BY plover_type ORDER BY n DESC, plover_type"
    ).fetchall()
    by_modality = connection.execute(
        "SELECT modality, count(*) AS n FROM merged_events GROUP BY modality ORDER BY n DESC, modality"
    ).fetchall()
    dyads = connection.execute(
        "SELECT source_country, target_country, count(*) AS n FROM merged_events"
        " WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND modality = 'asserted'"
        " GROUP BY source_country, target_country ORDER BY n DESC, source_country, target_country LIMIT 10"
    ).fetchall()
    reasons = connection.execute(
        "SELECT reason, count(DISTINCT article_id) AS n FROM rejections GROUP BY reason ORDER BY n DESC, reason"
    ).fetchall()
    rejected = int(connection.execute("SELECT count(DISTINCT article_id) FROM rejections").fetchone()[0])
    articles = int(
        connection.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM rejections)"
        ).fetchone()[0]
    )
    return Stats(
        articles=articles,
        events=_count(connection, "events"),
        quotes=_count(connection, "quotes"),
        actor_mentions=_count(connection, "actor_mentions"),
        rejections=rejected,
        events_by_plover=tuple((str(t), int(n)) for t, n in by_plover),
        top_dyads=tuple((str(s), str(t), int(n)) for s, t, n in dyads),
        rejections_by_reason=tuple((str(r), int(n)) for r, n in reasons),
        asserted_by_plover=tuple((str(t), int(n)) for t, n in asserted),
        merged_events=_count(connection, "merged_events"),
        merged_by_modality=tuple((str(m), int(n)) for m, n in by_modality),
    )


def find_stories(db: sqlite3.Connection, *, min_size: int = 1, limit: int | None = None) -> list[Story]:
    """Every story with at least ``min_size`` articles, largest first, then by first date."""
    rows = db.execute(
        "SELECT s.story_id, a.id, a.date, a.source, a.url, a.title FROM story_articles AS s"
        " JOIN articles AS a ON a.id = s.article_id"
        " ORDER BY s.story_id, a.date IS NULL, a.date, a.id"
    ).fetchall()
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        grouped.setdefault(str(row[0]), []).append(row)
    stories = []
    for story_id, members in grouped.items():
        if len(members) < min_size:
            continue
        first = members[0]
        sources = sorted({p for m in members if (p := publisher(m[3], m[4])) is not None})
        stories.append(
            Story(
                id=story_id,
                articles=tuple(str(m[1]) for m in members),
                sources=tuple(sources),
                first_date=first[2],
                first_article=str(first[1]),
                title=first[5],
            )
        )
    stories.sort(key=lambda s: (-s.size, s.first_date or "9999", s.id))
    return stories[:limit] if limit is not None else stories
