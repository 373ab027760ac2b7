"""The fetch log of ``thucydides watch`` (tables ``feeds`` and ``pages``): what was fetched, when,
with which status and validators, and what it became. Each save is one statement, committed at
once, so a crash loses nothing already recorded and a restart resumes from here."""

from __future__ import annotations

import sqlite3
from dataclasses import astuple, dataclass, fields

from thucydides.store.errors import StoreError


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

    def _run(self, sql: str, parameters: tuple[object, ...]) -> list[tuple[object, ...]]:
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"{self._label}: {error}") from error

    def feed(self, url: str) -> FeedRow | None:
        rows = self._run(f"SELECT {_columns(FeedRow)} FROM feeds WHERE url = ?", (url,))
        return FeedRow(*rows[0]) if rows else None  # type: ignore[arg-type]

    def save_feed(self, row: FeedRow) -> None:
        self._run(f"INSERT OR REPLACE INTO feeds ({_columns(FeedRow)}) VALUES ({_marks(FeedRow)})", astuple(row))

    def page(self, url: str) -> PageRow | None:
        rows = self._run(f"SELECT {_columns(PageRow)} FROM pages WHERE url = ?", (url,))
        return PageRow(*rows[0]) if rows else None  # type: ignore[arg-type]

    def save_page(self, row: PageRow) -> None:
        self._run(f"INSERT OR REPLACE INTO pages ({_columns(PageRow)}) VALUES ({_marks(PageRow)})", astuple(row))

    def page_with_content(self, content_hash: str, other_than: str) -> PageRow | None:
        """Another page already stored with the same content (a re-published copy)."""
        rows = self._run(
            f"SELECT {_columns(PageRow)} FROM pages WHERE content_hash = ? AND url != ? AND article_id IS NOT NULL"
            " AND reason IS NULL LIMIT 1",
            (content_hash, other_than),
        )
        return PageRow(*rows[0]) if rows else None  # type: ignore[arg-type]

    def pages(self) -> list[PageRow]:
        """Every page in the log, by URL."""
        return [PageRow(*row) for row in self._run(f"SELECT {_columns(PageRow)} FROM pages ORDER BY url", ())]  # type: ignore[arg-type]


def _columns(record: type) -> str:
    return ", ".join(f.name for f in fields(record))


def _marks(record: type) -> str:
    return ", ".join("?" for _ in fields(record))
