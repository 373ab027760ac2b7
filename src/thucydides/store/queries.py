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
from thucydides.store.mapping import Select, fetch
from thucydides.store.rows import (
    EventRow, Filters, MergedEvent, Mention, QuoteRow, StanceRow, Stats, StoredArticle, StoredEvent, Story,
    publisher,
)

EVENT_ROWS = Select(
    EventRow,
    """
FROM events AS e JOIN articles AS a ON a.id = e.article_id
LEFT JOIN event_mentions AS em ON em.article_id = e.article_id AND em.event_id = e.id
LEFT JOIN merged_events AS x ON x.id = em.merged_id
""",
    "e",
    {
        "event_id": "e.id", "date": "COALESCE(e.date, a.date)", "source": "e.source_name", "target": "e.target_name",
        "merged_id": "x.id", "num_mentions": "x.num_mentions", "num_articles": "x.num_articles",
        "num_sources": "x.num_sources", "merged_confidence": "x.confidence",
    },
)
"""An event as ``events`` lists it: its row, its article's date when it has none, its merged event."""

QUOTE_ROWS = Select(
    QuoteRow,
    "FROM quotes AS q JOIN articles AS a ON a.id = q.article_id",
    "q",
    {"index": "q.idx", "date": "a.date", "speaker": "q.speaker_name"},
)

STANCE_ROWS = Select(
    StanceRow,
    "FROM stances AS s JOIN articles AS a ON a.id = s.article_id",
    "s",
    {
        "index": "s.idx", "date": "a.date", "holder": "s.holder_name",
        "evidence": "substr(a.text, s.span_start + 1, s.span_end - s.span_start)",
    },
)

MERGED_EVENTS = Select(
    MergedEvent,
    "FROM merged_events AS x LEFT JOIN articles AS a ON a.id = x.first_article_id",
    "x",
    {"day": "x.day_first", "source": "x.source_name", "target": "x.target_name", "url": "COALESCE(a.url, a.origin)"},
)

MENTIONS = Select(
    Mention,
    """
FROM event_mentions AS m JOIN events AS e ON e.article_id = m.article_id AND e.id = m.event_id
JOIN articles AS a ON a.id = m.article_id
""",
    "e",
    {
        "article_id": "a.id", "event_id": "e.id", "url": "a.url", "origin": "a.origin", "title": "a.title",
        "published": "a.date",
    },
    given=frozenset({"publisher"}),
    extra={"article_source": "a.source"},
)


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
    return EVENT_ROWS.all(connection, _finish(EVENT_ROWS.sql(), where, key, filters), where.params)


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
    found = list(fetch(connection, "SELECT analysis_json, text, origin, ingested_at FROM articles WHERE id = ?", (article_id,)))
    if not found:
        return None
    row = found[0]
    analysis = dataclasses.replace(from_dict(Analysis, json.loads(row["analysis_json"])), text=row["text"])
    merged = {
        r["event_id"]: r["merged_id"]
        for r in fetch(connection, "SELECT event_id, merged_id FROM event_mentions WHERE article_id = ?", (article_id,))
    }
    return StoredArticle(analysis=analysis, origin=row["origin"], ingested_at=row["ingested_at"], merged_ids=merged)


def count_events(connection: sqlite3.Connection, filters: Filters) -> int:
    """How many stored events ``filters`` selects (``limit`` aside)."""
    where = event_conditions(EVENTS, filters)
    return int(connection.execute("SELECT count(*) FROM events AS e\n" + where.sql(), where.params).fetchone()[0])


def find_merged_events(connection: sqlite3.Connection, filters: Filters) -> list[MergedEvent]:
    """Merged events matching ``filters``, by first day, then id (undated ones last)."""
    where = event_conditions(MERGED, filters)
    sql = _finish(MERGED_EVENTS.sql(), where, "x.day_first IS NULL, x.day_first, x.id", filters)
    return MERGED_EVENTS.all(connection, sql, where.params)


def find_merged_event(connection: sqlite3.Connection, event_id: str) -> MergedEvent | None:
    """The merged event with this id, or the one a stored event (``ARTICLE-e000``) reports."""
    row = connection.execute(
        "SELECT merged_id FROM event_mentions WHERE event_id = ? OR merged_id = ? LIMIT 1", (event_id, event_id)
    ).fetchone()
    if row is None:
        return None
    found = MERGED_EVENTS.all(connection, MERGED_EVENTS.sql() + "WHERE x.id = ?", (row[0],))
    return found[0] if found else None


def find_mentions(connection: sqlite3.Connection, merged_id: str) -> list[Mention]:
    """Every report of a merged event, first published first."""
    sql = MENTIONS.sql() + "WHERE m.merged_id = ?\nORDER BY a.date IS NULL, a.date, a.id, e.sentence_index, e.id"
    return [
        MENTIONS.read(r, publisher=publisher(r["article_source"], r["url"])) for r in fetch(connection, sql, (merged_id,))
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
    sql = _finish(QUOTE_ROWS.sql(), where, "a.date, q.article_id, q.idx", filters)
    return QUOTE_ROWS.all(connection, sql, where.params)


def _pair(pair: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (pair[0], *pair[1])


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
    sql = _finish(STANCE_ROWS.sql(), where, "a.date, s.article_id, s.idx", filters)
    return STANCE_ROWS.all(connection, sql, where.params)


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
    rows = fetch(
        db,
        "SELECT s.story_id, a.id, a.date, a.source, a.url, a.title FROM story_articles AS s"
        " JOIN articles AS a ON a.id = s.article_id"
        " ORDER BY s.story_id, a.date IS NULL, a.date, a.id",
    )
    grouped: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        grouped.setdefault(str(row["story_id"]), []).append(row)
    stories = []
    for story_id, members in grouped.items():
        if len(members) < min_size:
            continue
        first = members[0]
        sources = sorted({p for m in members if (p := publisher(m["source"], m["url"])) is not None})
        stories.append(
            Story(
                id=story_id,
                articles=tuple(str(m["id"]) for m in members),
                sources=tuple(sources),
                first_date=first["date"],
                first_article=str(first["id"]),
                title=first["title"],
            )
        )
    stories.sort(key=lambda s: (-s.size, s.first_date or "9999", s.id))
    return stories[:limit] if limit is not None else stories
