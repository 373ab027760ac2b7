"""The SQLite store: one file, WAL mode, one writer (the process that holds a :class:`Store`)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from thucydides.dates import DateRange, first_date
from thucydides.records import Analysis, Rejection, location_precision, to_json
from thucydides.store import mapping, queries
from thucydides.store.conditions import has_words
from thucydides.store.errors import StoreError
from thucydides.store.fetches import FetchLog
from thucydides.store.rows import (
    EventRow, Filters, MergedEvent, Mention, QuoteRow, StanceRow, Stats, StoredArticle, StoredEvent, Story,
    WriteSummary,
)
from thucydides.store.schema import current_version, migrate

Clock = Callable[[], datetime]
T = TypeVar("T")

_UNWRITABLE = (StoreError, ValueError, TypeError, OverflowError, RecursionError)
"""What writing one bad document can raise (UnicodeEncodeError is a ValueError): the batch is then
written again document by document."""


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return bool(text) and len(text) <= 1000


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _days(when: DateRange | None) -> dict[str, str | None]:
    """The columns of an event's date: its precision and the first and last day it covers."""
    if when is None:
        return {"date_precision": None, "day_first": None, "day_last": None}
    return {"date_precision": when.precision, "day_first": when.first.isoformat(), "day_last": when.last.isoformat()}


def _check_path(label: str) -> None:
    """A database must be a regular file: SQLite would write ``/dev/null-journal`` next to a device."""
    if label == ":memory:" or label.startswith("file:") or not os.path.exists(label):
        return
    if not os.path.isfile(label):
        kind = "a folder" if os.path.isdir(label) else "not a regular file"
        raise StoreError(f"{label}: {kind}; the database must be a regular file (--db)")


def _open_read_only(label: str) -> sqlite3.Connection:
    """A read-only connection to an existing store whose schema is current."""
    if not os.path.isfile(label):
        raise StoreError(f"{label}: no such database")
    connection = _connect_read_only(label)
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        latest = current_version()
        if version > latest:
            raise StoreError(
                f"{label}: database schema version {version} is newer than this thucydides "
                f"knows ({latest}); upgrade thucydides to open it"
            )
        if version == 0 and os.path.getsize(label) == 0:
            raise StoreError(f"{label}: an empty file, not a database yet (thucydides ingest ... --db {label} makes one)")
        if version < latest:  # an older store: upgrade it once, as a writing command would
            connection.close()
            try:
                Store.open(label).close()
            except StoreError as error:
                reason = str(error).removeprefix(f"{label}: ")
                raise StoreError(
                    f"{label}: made by an older thucydides (schema {version}, now {latest}); it is upgraded once "
                    f"by the first command that can write to it, and this one could not ({reason})"
                ) from error
            connection = _connect_read_only(label)
        connection.create_function("casefold", 1, queries.casefold, deterministic=True)
        connection.create_function("has_words", 2, has_words, deterministic=True)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise _opening_error(label, error) from error
    except BaseException:
        connection.close()
        raise
    return connection


def _opening_error(label: str, error: sqlite3.DatabaseError) -> StoreError:
    """What SQLite said when a database would not open, as one line for the user."""
    if "not a database" in str(error) or "malformed" in str(error):
        return StoreError(f"{label}: not a SQLite database")
    return StoreError(f"{label}: {error}")


def _connect_read_only(label: str) -> sqlite3.Connection:
    """``mode=ro``; in a folder nobody can write, where WAL's shared-memory file cannot be made,
    ``immutable=1`` (no writer can exist there)."""
    absolute = os.path.abspath(label)
    base = "file:" + urllib.parse.quote(absolute)
    try:
        connection = sqlite3.connect(base + "?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"{label}: cannot open for reading: {error}") from error
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        connection.execute("PRAGMA user_version").fetchone()
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        if os.access(os.path.dirname(absolute), os.W_OK):
            raise StoreError(f"{label}: cannot open for reading: {error}") from error
    except sqlite3.DatabaseError as error:  # a text file, random bytes, a truncated database
        connection.close()
        raise _opening_error(label, error) from error
    try:
        return sqlite3.connect(base + "?mode=ro&immutable=1", uri=True, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"{label}: cannot open for reading: {error}") from error


_CHILDREN = ("actor_mentions", "quotes", "stances", "places", "times")
"""The tables that hold an analysis's records other than its events, in the order they are written."""


@dataclass(frozen=True)
class ArticleRows:
    """What the store writes for one analysis, built without the database (:func:`article_rows`),
    so that a worker process can build it: plain values in positional rows, cheap to send."""

    article_id: str
    origin: str | None
    analysis_json: str
    """The analysis as stored; an article stored with the same one is left unchanged."""
    article_sql: str
    article_values: tuple[Any, ...]
    """The ``articles`` row, but for ``ingested_at``: the writer's clock, its last parameter."""
    inserts: tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...]
    """The rows of its events, actor mentions, quotes, stances, places and times: one
    ``INSERT`` statement and its rows per table that has any."""
    rejection: Rejection | None
    events: int
    quotes: int


@dataclass(frozen=True)
class Unbuildable:
    """An analysis whose rows could not be built: written, it becomes a rejection at stage ``store``."""

    article_id: str
    origin: str | None
    error: Exception


def article_rows(analysis: Analysis, origin: str | None) -> ArticleRows | Unbuildable:
    """The rows :meth:`Store.write` stores for ``analysis`` (pure: no database, any process)."""
    try:
        return _article_rows(analysis, origin)
    except _UNWRITABLE as error:
        return Unbuildable(analysis.id, origin, error)


def _article_rows(analysis: Analysis, origin: str | None) -> ArticleRows:
    analysis_json = to_json(analysis)
    dateline = to_json(analysis.dateline) if analysis.dateline is not None else None
    article = mapping.row(
        "articles", id=analysis.id, title=analysis.title, date=analysis.date, url=analysis.url,
        source=analysis.source, origin=origin, dateline_json=dateline, byline=analysis.byline,
        language=analysis.language, text=analysis.text, analysis_json=analysis_json,
    )
    article_sql, (article_values,) = mapping.positional("articles", [article], last="ingested_at")
    tables: list[tuple[str, list[dict[str, Any]]]] = [(
        "events",
        [
            mapping.row(
                "events", e, article_id=analysis.id, **_days(first_date(e.date, analysis.date)), location_precision=location_precision(e.location),
            )
            for e in analysis.events
        ],
    )]
    for table, records in zip(_CHILDREN, (analysis.actors, analysis.quotes, analysis.stances, analysis.places, analysis.times)):
        tables.append((table, [mapping.row(table, r, article_id=analysis.id, idx=i) for i, r in enumerate(records)]))
    return ArticleRows(
        article_id=analysis.id, origin=origin, analysis_json=analysis_json, article_sql=article_sql,
        article_values=article_values,
        inserts=tuple(mapping.positional(table, found) for table, found in tables if found),
        rejection=analysis.rejection, events=len(analysis.events), quotes=len(analysis.quotes),
    )


class Store:
    """Where analyses are kept and queried. Open with :meth:`Store.open`; use as a context manager."""

    def __init__(self, connection: sqlite3.Connection, label: str, clock: Clock) -> None:
        self._connection = connection
        self._label = label
        self._clock = clock

    @classmethod
    def open(cls, path: str | Path, *, clock: Clock | None = None, read_only: bool = False) -> Store:
        """Open (creating if need be) the store at ``path`` and bring its schema up to date.

        ``read_only``: open an existing store for queries only (SQLite's ``mode=ro``): no
        migration and no write lock, so it works while a writer holds the lock and in a folder
        that cannot be written. A store whose schema is older is upgraded first when it can be.
        """
        label = str(path)
        _check_path(label)
        if read_only:
            return cls(_open_read_only(label), label, clock or _utc_now)
        try:
            connection = sqlite3.connect(label, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(f"{label}: cannot open: {error}") from error
        try:
            connection.create_function("casefold", 1, queries.casefold, deterministic=True)
            connection.create_function("has_words", 2, has_words, deterministic=True)
            connection.execute("PRAGMA busy_timeout = 5000")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA foreign_keys = ON")
            migrate(connection, label)
        except sqlite3.DatabaseError as error:
            connection.close()
            raise _opening_error(label, error) from error
        except BaseException:
            connection.close()
            raise
        return cls(connection, label, clock or _utc_now)

    def close(self) -> None:
        """Close the database; closing twice is harmless."""
        self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _sqlite_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(f"{self._label}: {error}") from error

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._sqlite_errors():
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def _now(self) -> str:
        return self._clock().isoformat()

    def fetch_log(self) -> FetchLog:
        """What ``watch`` fetched (feeds and pages), over this store's connection."""
        return FetchLog(self._connection, self._label)

    def execute_write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` on this store's connection in one write transaction and return its result
        (datasette's ``execute_write_fn``): committed when it returns, rolled back when it raises.
        The cross-document stage (``thucydides.crossdoc``) does its work this way."""
        with self._transaction() as db:
            return work(db)

    # -- writing ---------------------------------------------------------------------------------

    def write(self, analyses: Iterable[Analysis], origins: Mapping[str, str] | None = None) -> WriteSummary:
        """Store analyses in one transaction, keyed by article id; the caller chooses the batch.

        An article already stored with the same analysis is left alone (``unchanged``), one with
        different content is replaced (``updated``), a new one is inserted (``added``); an
        analysis with a rejection is kept in ``articles`` and ``rejections`` (``rejected``).
        ``origins`` maps article ids to where they came from. The same id twice in a batch is
        written as if in two batches, one after the other.

        Only records are written here: stories, merged events and tone are derived by the
        cross-document stage (:func:`thucydides.crossdoc.update`), which the runner calls after
        each batch. Every article written is queued for it (``crossdoc_pending``) in this same
        transaction, so work left by a run that stopped in between is done by the next one.

        A batch that fails to write is written again one analysis at a time, so one that cannot
        be stored (text that is not valid Unicode, a number SQLite cannot hold) costs no other: it
        becomes a rejection at stage ``store``. A failure that is not the document's (a full disk,
        a database locked too long) still raises StoreError.
        """
        found = origins or {}
        return self.write_rows([article_rows(analysis, found.get(analysis.id)) for analysis in analyses])

    def write_rows(self, batch: Sequence[ArticleRows | Unbuildable]) -> WriteSummary:
        """:meth:`write` of analyses whose rows were built already (:func:`article_rows`, which
        needs no database: ``ingest``'s workers build them, so that the one process that writes
        only writes). The same rows give the same database as :meth:`write` of their analyses."""
        try:
            return self._write_batch(batch)
        except _UNWRITABLE:
            if len(batch) == 1:
                raise
        summary = WriteSummary()
        for rows in batch:
            try:
                one = self._write_batch([rows])
            except _UNWRITABLE as error:
                detail = self._reject_unwritable(rows.article_id, rows.origin, error)
                one = WriteSummary(rejected=1, unwritable=((rows.article_id, detail),))
            summary = summary + one
        return summary

    def _write_batch(self, batch: Sequence[ArticleRows | Unbuildable]) -> WriteSummary:
        added = updated = unchanged = rejected = 0
        with self._transaction() as db:
            for rows in batch:
                if isinstance(rows, Unbuildable):
                    raise rows.error
                row = db.execute("SELECT analysis_json FROM articles WHERE id = ?", (rows.article_id,)).fetchone()
                if row is not None and row[0] == rows.analysis_json:
                    unchanged += 1
                    continue
                if row is not None:
                    db.execute("DELETE FROM articles WHERE id = ?", (rows.article_id,))
                    db.execute("DELETE FROM rejections WHERE article_id = ?", (rows.article_id,))
                self._insert(db, rows)
                if rows.rejection is not None:
                    rejected += 1
                elif row is not None:
                    updated += 1
                else:
                    added += 1
        return WriteSummary(added=added, updated=updated, unchanged=unchanged, rejected=rejected)

    def _reject_unwritable(self, analysis_id: str, origin: str | None, error: Exception) -> str:
        """Store why an analysis could not be written, under its id when that id can be stored;
        return the reason."""
        article_id = analysis_id if _storable(analysis_id) else (
            "unwritable-" + hashlib.sha256(analysis_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        )
        shown_origin = origin.encode("utf-8", "replace").decode() if origin is not None else None
        cause = error.__cause__ if isinstance(error, StoreError) and error.__cause__ is not None else error
        detail = f"{type(cause).__name__}: {cause}".encode("utf-8", "replace").decode()[:500]
        with self._transaction() as db:
            self._upsert_rejection(db, article_id, shown_origin, Rejection("store", "unwritable", detail), self._now())
        return detail

    def _insert(self, db: sqlite3.Connection, rows: ArticleRows) -> None:
        now = self._now()
        db.execute(rows.article_sql, (*rows.article_values, now))
        for sql, values in rows.inserts:
            db.executemany(sql, values)
        if rows.rejection is not None:
            self._upsert_rejection(db, rows.article_id, rows.origin, rows.rejection, now)

    @staticmethod
    def _upsert_rejection(
        db: sqlite3.Connection, article_id: str, origin: str | None, rejection: Rejection, now: str
    ) -> None:
        # The same rejection written again changes nothing, not even rejected_at.
        db.execute(
            "INSERT INTO rejections (article_id, origin, stage, reason, detail, rejected_at)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (article_id, stage) DO UPDATE SET origin = excluded.origin,"
            " reason = excluded.reason, detail = excluded.detail, rejected_at = excluded.rejected_at"
            " WHERE origin IS NOT excluded.origin OR reason IS NOT excluded.reason"
            " OR detail IS NOT excluded.detail",
            (article_id, origin, rejection.stage, rejection.reason, rejection.detail, now),
        )

    def write_rejection(self, article_id: str, origin: str, rejection: Rejection) -> None:
        """Record an input that never became an article (a malformed JSONL line, an unreadable file).

        ``article_id`` may be synthetic, such as ``"file:path:line"``; one rejection is kept per
        id and stage, and writing the same one again changes nothing.
        """
        with self._transaction() as db:
            self._upsert_rejection(db, article_id, origin, rejection, self._now())

    # -- reading ---------------------------------------------------------------------------------

    def events(
        self, filters: Filters = Filters(), *, order: str = "date", after: tuple[str, str] | None = None
    ) -> list[EventRow]:
        """Stored events (every report) matching ``filters``, by first day, then position
        (``order``: see :data:`queries.ORDERS`); ``after`` an event ``(article_id, event_id)``:
        the page that follows it."""
        with self._sqlite_errors():
            return queries.find_events(self._connection, filters, order=order, after=after)

    def stored_events(
        self, filters: Filters = Filters(), *, order: str = "date", after: tuple[str, str] | None = None
    ) -> list[StoredEvent]:
        """The events :meth:`events` selects, in the nested shape ``analyze`` prints (actors,
        PLOVER and location as objects), with their article, date precision and merged event."""
        with self._sqlite_errors():
            return queries.find_stored_events(self._connection, filters, order=order, after=after)

    def article(self, article_id: str) -> StoredArticle | None:
        """One stored article with its analysis and text, or None when there is none with this id."""
        with self._sqlite_errors():
            return queries.find_article(self._connection, article_id)

    def count_events(self, filters: Filters = Filters()) -> int:
        """How many stored events match ``filters``."""
        with self._sqlite_errors():
            return queries.count_events(self._connection, filters)

    def quotes(self, filters: Filters = Filters()) -> list[QuoteRow]:
        """Quotes matching ``filters``, by article date, then position in the article."""
        with self._sqlite_errors():
            return queries.find_quotes(self._connection, filters)

    def stances(self, filters: Filters = Filters()) -> list[StanceRow]:
        """Stances matching ``filters`` (``issue``, ``polarity``, the holder as ``actor``), by article date."""
        with self._sqlite_errors():
            return queries.find_stances(self._connection, filters)

    def stats(self) -> Stats:
        """Counts over the whole store."""
        with self._sqlite_errors():
            return queries.find_stats(self._connection)

    def stories(self, *, min_size: int = 1, limit: int | None = None) -> list[Story]:
        """Stories (near-duplicate clusters) with at least ``min_size`` articles, largest first."""
        with self._sqlite_errors():
            return queries.find_stories(self._connection, min_size=min_size, limit=limit)

    def merged_events(self, filters: Filters = Filters()) -> list[MergedEvent]:
        """Merged events (one per real-world event, with its mention counts) matching ``filters``,
        by first day (undated ones last)."""
        with self._sqlite_errors():
            return queries.find_merged_events(self._connection, filters)

    def merged_event(self, event_id: str) -> MergedEvent | None:
        """The merged event with this id, or the one a stored event (``ARTICLE-e000``) reports."""
        with self._sqlite_errors():
            return queries.find_merged_event(self._connection, event_id)

    def mentions(self, merged_id: str) -> list[Mention]:
        """Every report of a merged event: article, URL or path, publisher, sentence."""
        with self._sqlite_errors():
            return queries.find_mentions(self._connection, merged_id)

    def count_merged_events(self, filters: Filters = Filters()) -> int:
        """How many merged events match ``filters``."""
        with self._sqlite_errors():
            return queries.count_merged_events(self._connection, filters)
