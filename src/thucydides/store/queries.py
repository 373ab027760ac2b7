"""Reading the store: events and quotes by filter, and whole-store counts."""

from __future__ import annotations

import sqlite3
from typing import Any

from thucydides.store.errors import StoreError
from thucydides.store.rows import EventRow, Filters, QuoteRow, StanceRow, Stats

_EVENT_SELECT = """
SELECT e.article_id, e.id, COALESCE(e.date, a.date) AS day,
       e.source_name, e.source_code, e.source_country,
       e.target_name, e.target_code, e.target_country,
       e.cameo, e.plover_type, e.plover_mode, e.modality, e.goldstein, e.quad_class,
       e.sentence, e.rule,
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


def _dates(filters: Filters, column: str, where: list[str], params: list[Any]) -> None:
    if filters.since is not None:
        where.append(f"{column} >= ?")
        params.append(filters.since)
    if filters.until is not None:
        # Compare at the precision given: until 2024-03-05 includes 2024-03-05T23:00.
        where.append(f"substr({column}, 1, length(?)) <= ?")
        params.extend([filters.until, filters.until])


def _finish(sql: str, where: list[str], order: str, filters: Filters, params: list[Any]) -> str:
    if where:
        sql += "WHERE " + "\n  AND ".join(where) + "\n"
    sql += f"ORDER BY {order}"
    if filters.limit is not None:
        if filters.limit < 0:
            raise StoreError(f"limit must be zero or more, not {filters.limit}")
        sql += "\nLIMIT ?"
        params.append(filters.limit)
    return sql


def find_events(connection: sqlite3.Connection, filters: Filters) -> list[EventRow]:
    where: list[str] = []
    params: list[Any] = []
    if filters.actor is not None:
        columns = [f"e.{side}_{part}" for side in ("source", "target") for part in ("name", "text", "code")]
        where.append("(" + " OR ".join(f"instr(casefold({c}), ?) > 0" for c in columns) + ")")
        params.extend([filters.actor.casefold()] * len(columns))
    if filters.country is not None:
        where.append("(e.source_country = ? OR e.target_country = ?)")
        params.extend([filters.country.upper()] * 2)
    if filters.code is not None:
        if filters.code.isdigit():
            where.append("substr(e.cameo, 1, length(?)) = ?")
            params.extend([filters.code, filters.code])
        else:
            where.append("e.plover_type = ?")
            params.append(filters.code.upper())
    _dates(filters, "COALESCE(e.date, a.date)", where, params)
    sql = _finish(_EVENT_SELECT, where, "day, e.article_id, e.sentence_index, e.span_start, e.id", filters, params)
    return [
        EventRow(
            article_id=r[0], event_id=r[1], date=r[2],
            source=r[3], source_code=r[4], source_country=r[5],
            target=r[6], target_code=r[7], target_country=r[8],
            cameo=r[9], plover_type=r[10], plover_mode=r[11], modality=r[12],
            goldstein=r[13], quad_class=r[14], sentence=r[15], rule=r[16],
            merged_id=r[17], num_mentions=r[18], num_articles=r[19], num_sources=r[20], confidence=r[21],
        )
        for r in connection.execute(sql, params)
    ]


def find_quotes(connection: sqlite3.Connection, filters: Filters) -> list[QuoteRow]:
    if filters.code is not None:
        raise StoreError("the code filter applies to events, not quotes")
    where: list[str] = []
    params: list[Any] = []
    if filters.actor is not None:
        where.append("(instr(casefold(q.speaker_name), ?) > 0 OR instr(casefold(q.speaker_code), ?) > 0)")
        params.extend([filters.actor.casefold()] * 2)
    if filters.country is not None:
        where.append("q.speaker_country = ?")
        params.append(filters.country.upper())
    _dates(filters, "a.date", where, params)
    sql = _finish(_QUOTE_SELECT, where, "day, q.article_id, q.idx", filters, params)
    return [
        QuoteRow(
            article_id=r[0], index=r[1], date=r[2], speaker=r[3], speaker_code=r[4],
            speaker_country=r[5], cue=r[6], content=r[7], direct=bool(r[8]),
        )
        for r in connection.execute(sql, params)
    ]


_STANCE_SELECT = """
SELECT s.article_id, s.idx, a.date AS day, s.holder_name, s.holder_text, s.holder_code, s.holder_country,
       s.issue, s.polarity, substr(a.text, s.span_start + 1, s.span_end - s.span_start)
FROM stances AS s JOIN articles AS a ON a.id = s.article_id
"""


def find_stances(connection: sqlite3.Connection, filters: Filters) -> list[StanceRow]:
    if filters.code is not None:
        raise StoreError("the code filter applies to events, not stances")
    where: list[str] = []
    params: list[Any] = []
    if filters.actor is not None:
        columns = ("s.holder_name", "s.holder_text", "s.holder_code")
        where.append("(" + " OR ".join(f"instr(casefold({c}), ?) > 0" for c in columns) + ")")
        params.extend([filters.actor.casefold()] * len(columns))
    if filters.country is not None:
        where.append("s.holder_country = ?")
        params.append(filters.country.upper())
    if filters.issue is not None:
        where.append("instr(casefold(s.issue), ?) > 0")
        params.append(filters.issue.casefold())
    if filters.polarity is not None:
        where.append("s.polarity = ?")
        params.append(filters.polarity.lower())
    _dates(filters, "a.date", where, params)
    sql = _finish(_STANCE_SELECT, where, "day, s.article_id, s.idx", filters, params)
    return [
        StanceRow(
            article_id=r[0], index=r[1], date=r[2], holder=r[3], holder_text=r[4], holder_code=r[5],
            holder_country=r[6], issue=r[7], polarity=r[8], evidence=r[9],
        )
        for r in connection.execute(sql, params)
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
    dyads = connection.execute(
        "SELECT source_country, target_country, count(*) AS n FROM events"
        " WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
        " GROUP BY source_country, target_country ORDER BY n DESC, source_country, target_country LIMIT 10"
    ).fetchall()
    reasons = connection.execute(
        "SELECT reason, count(*) AS n FROM rejections GROUP BY reason ORDER BY n DESC, reason"
    ).fetchall()
    return Stats(
        articles=_count(connection, "articles"),
        events=_count(connection, "events"),
        quotes=_count(connection, "quotes"),
        actor_mentions=_count(connection, "actor_mentions"),
        rejections=_count(connection, "rejections"),
        events_by_plover=tuple((str(t), int(n)) for t, n in by_plover),
        top_dyads=tuple((str(s), str(t), int(n)) for s, t, n in dyads),
        rejections_by_reason=tuple((str(r), int(n)) for r, n in reasons),
        asserted_by_plover=tuple((str(t), int(n)) for t, n in asserted),
    )
