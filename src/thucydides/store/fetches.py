"""The fetch log of ``thucydides watch`` (tables ``feeds`` and ``pages``): what was fetched, when,
with which status and validators, and what it became. Each save is one statement, committed at
once, so a crash loses nothing already recorded and a restart resumes from here."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, fields

from thucydides.store.errors import StoreError
from thucydides.store.mapping import Select, fetch, insert_sql


@dataclass(frozen=True)
class FeedRow:
    url: str
    status: int | None
    fetched_at: str
    etag: str | None = None
    last_modified: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class PageRow:
    url: str
    """The normalised URL."""
    feed_url: str | None
    entry_updated: str | None
    final_url: str | None
    status: int | None
    fetched_at: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    article_id: str | None = None
    """The stored article this page is (or is a copy of); None when it was not stored."""
    reason: str | None = None
    """Why the page is not an article (``too_large``, ``http_404``, ``duplicate``…), None when it is."""
    detail: str | None = None
    attempts: int = 1


class FetchLog:
    """Reads and writes the fetch log over a store's connection (see ``Store.fetch_log``)."""

    def __init__(self, connection: sqlite3.Connection, label: str) -> None:
        self._db = connection
        self._label = label

    def _run(self, sql: str, parameters: tuple[object, ...] | dict[str, object]) -> list[sqlite3.Row]:
        try:
            return list(fetch(self._db, sql, parameters))
        except sqlite3.Error as error:
            raise StoreError(f"{self._label}: {error}") from error

    def feed(self, url: str) -> FeedRow | None:
        rows = self._run(_FEEDS.sql() + "WHERE url = ?", (url,))
        return _FEEDS.read(rows[0]) if rows else None

    def save_feed(self, feed: FeedRow) -> None:
        self._run(insert_sql("feeds", _columns(FeedRow), replace=True), asdict(feed))

    def page(self, url: str) -> PageRow | None:
        rows = self._run(_PAGES.sql() + "WHERE url = ?", (url,))
        return _PAGES.read(rows[0]) if rows else None

    def save_page(self, page: PageRow) -> None:
        self._run(insert_sql("pages", _columns(PageRow), replace=True), asdict(page))

    def page_with_content(self, content_hash: str, other_than: str) -> PageRow | None:
        """Another page already stored with the same content (a re-published copy)."""
        rows = self._run(
            _PAGES.sql() + "WHERE content_hash = ? AND url != ? AND article_id IS NOT NULL AND reason IS NULL LIMIT 1",
            (content_hash, other_than),
        )
        return _PAGES.read(rows[0]) if rows else None

    def pages(self) -> list[PageRow]:
        """Every page in the log, by URL."""
        return [_PAGES.read(r) for r in self._run(_PAGES.sql() + "ORDER BY url", ())]


def _columns(record: type) -> list[str]:
    return [f.name for f in fields(record)]


_FEEDS = Select(FeedRow, "FROM feeds", "feeds")
_PAGES = Select(PageRow, "FROM pages", "pages")
