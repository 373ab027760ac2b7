"""Following feeds: each round fetches every feed, then the pages of entries that are new, changed
or failed before, and analyses and stores each page as it arrives.

A page's article id is a hash of its normalised URL, so a page that changed replaces its earlier
version; a page whose content is already stored under another URL (a re-published copy) is logged
as a ``duplicate`` of it and not stored twice. Every fetch is logged in the database (``feeds``,
``pages``) as soon as it is handled, so a crash loses nothing already fetched and a restart asks
only for what is new (conditional GETs for the feeds).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import httpx

from thucydides import crossdoc
from thucydides.config import Settings
from thucydides.ingest.html import decode_page, is_html, read_html
from thucydides.pipeline import analyze_one
from thucydides.records import Analysis, Article, Rejection, rejected
from thucydides.store import Store
from thucydides.store.fetches import FeedRow, FetchLog, PageRow
from thucydides.watch.feeds import Entry, parse_feed, url_key
from thucydides.watch.fetch import Fetched, Fetcher, FetchOptions

MAX_ATTEMPTS = 3
"""How often a page that failed for a passing reason (timeout, 5xx…) is tried, across rounds."""
_PASSING = ("timeout", "network_error", "http_429", "http_500", "http_502", "http_503", "http_504", "robots_unavailable")


@dataclass(frozen=True)
class RoundSummary:
    """What one round did."""

    feeds: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    pages_fetched: int = 0
    """Page requests made (a 304 counts)."""
    added: int = 0
    updated: int = 0
    not_modified: int = 0
    """Pages asked for again that had not changed (304, or the same content)."""
    duplicates: int = 0
    rejected: int = 0
    """Pages that are no article: too large, not HTML, an HTTP error, no main text…"""
    skipped: int = 0
    """Pages not fetched: robots.txt forbids them."""

    def plus(self, **counts: int) -> RoundSummary:
        return replace(self, **{name: getattr(self, name) + value for name, value in counts.items()})


Report = Callable[[str], None]


def watch_round(
    feeds: Sequence[str],
    store: Store,
    settings: Settings,
    options: FetchOptions = FetchOptions(),
    report: Report = lambda line: None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> RoundSummary:
    """One round over ``feeds``: fetch them, fetch and store the pages of new and changed
    entries; ``report`` is told of every page that fails or is rejected. The cross-document stage
    (stories, merged events, tone) runs once the round's pages are stored."""
    summary = asyncio.run(_round(feeds, store, settings, options, report, transport))
    crossdoc.update(store)
    return summary


async def _round(
    feeds: Sequence[str], store: Store, settings: Settings, options: FetchOptions, report: Report,
    transport: httpx.AsyncBaseTransport | None,
) -> RoundSummary:
    log = store.fetch_log()
    summary = RoundSummary(feeds=len(feeds))
    async with Fetcher(options, transport) as fetcher:
        answers = await asyncio.gather(*(_fetch_feed(fetcher, log, url) for url in feeds))
        wanted: dict[str, tuple[str, Entry, PageRow | None]] = {}
        for feed_url, (entries, outcome) in zip(feeds, answers):
            if outcome == "not_modified":
                summary = summary.plus(feeds_not_modified=1)
            elif outcome is not None:
                summary = summary.plus(feeds_failed=1)
                report(f"feed {feed_url}: {outcome}")
            for entry in entries:
                if entry.url not in wanted:
                    known = log.page(entry.url)
                    if _needs_fetch(entry, known):
                        wanted[entry.url] = (feed_url, entry, known)
        tasks = [
            asyncio.create_task(_fetch_page(fetcher, feed_url, entry, known))
            for feed_url, entry, known in wanted.values()
        ]
        for task in asyncio.as_completed(tasks):
            feed_url, entry, known, fetched = await task
            summary = await _handle(fetched, feed_url, entry, known, store, log, settings, summary, report)
    return summary


async def _fetch_feed(fetcher: Fetcher, log: FetchLog, url: str) -> tuple[list[Entry], str | None]:
    """The feed's entries and None, or no entries and ``not_modified`` or why it failed."""
    before = log.feed(url)
    fetched = await fetcher.fetch(url, before.etag if before else None, before.last_modified if before else None)
    keep = fetched.reason == "not_modified" and before is not None
    log.save_feed(
        FeedRow(
            url=url,
            status=fetched.status,
            fetched_at=fetched.fetched_at,
            etag=fetched.etag or (before.etag if keep and before else None),
            last_modified=fetched.last_modified or (before.last_modified if keep and before else None),
            reason=fetched.reason if fetched.reason != "not_modified" else None,
        )
    )
    if not fetched.ok:
        return [], fetched.reason if fetched.reason == "not_modified" else f"{fetched.reason} {fetched.detail}".strip()
    entries, problem = parse_feed(fetched.body, fetched.final_url)
    return entries, problem


def _needs_fetch(entry: Entry, known: PageRow | None) -> bool:
    if known is None:
        return True
    if known.reason in _PASSING and known.attempts < MAX_ATTEMPTS:
        return True
    return entry.updated is not None and entry.updated != known.entry_updated


async def _fetch_page(
    fetcher: Fetcher, feed_url: str, entry: Entry, known: PageRow | None
) -> tuple[str, Entry, PageRow | None, Fetched]:
    usable = known is not None and known.reason is None
    fetched = await fetcher.fetch(
        entry.url, known.etag if usable and known else None, known.last_modified if usable and known else None
    )
    return feed_url, entry, known, fetched


async def _handle(
    fetched: Fetched, feed_url: str, entry: Entry, known: PageRow | None, store: Store, log: FetchLog,
    settings: Settings, summary: RoundSummary, report: Report,
) -> RoundSummary:
    """Log one fetched page, and analyse and store it when it is a new or changed article."""
    row = PageRow(
        url=entry.url, feed_url=feed_url, entry_updated=entry.updated, final_url=fetched.final_url,
        status=fetched.status, fetched_at=fetched.fetched_at, etag=fetched.etag, last_modified=fetched.last_modified,
        attempts=(known.attempts + 1) if known is not None and known.reason in _PASSING else 1,
    )
    if fetched.reason in ("robots_disallowed", "robots_unavailable"):
        log.save_page(replace(row, reason=fetched.reason, detail=fetched.detail))
        report(f"skipped {entry.url}: {fetched.reason} ({fetched.detail})")
        return summary.plus(skipped=1)
    summary = summary.plus(pages_fetched=1)
    if fetched.reason == "not_modified" and known is not None:
        log.save_page(replace(known, entry_updated=entry.updated, status=fetched.status, fetched_at=fetched.fetched_at))
        return summary.plus(not_modified=1)
    if fetched.reason is None and not is_html(fetched.content_type):
        fetched = replace(fetched, reason="not_html", detail=f"Content-Type {fetched.content_type or 'missing'}")
    text: str | None = None
    if fetched.reason is None:
        text, problem = decode_page(fetched.body, fetched.content_type)
        if problem is not None:
            fetched = replace(fetched, reason=problem.reason, detail=problem.detail)
    if fetched.reason is not None or text is None:
        if known is not None and known.reason is None and known.article_id:
            # The page stored before stays; only this failed refetch is logged.
            log.save_page(replace(known, status=fetched.status, fetched_at=fetched.fetched_at))
            report(f"refetch failed {entry.url}: {fetched.reason} ({fetched.detail}); the stored version stays")
            return summary
        return _reject(store, log, row, entry, fetched, summary, report)
    content_hash = hashlib.sha256(fetched.body).hexdigest()
    row = replace(row, content_hash=content_hash)
    if known is not None and known.content_hash == content_hash and known.article_id:
        log.save_page(replace(row, article_id=known.article_id))
        return summary.plus(not_modified=1)
    copy = log.page_with_content(content_hash, entry.url)
    if copy is not None:
        log.save_page(replace(row, article_id=copy.article_id, reason="duplicate", detail=f"same content as {copy.url}"))
        return summary.plus(duplicates=1)
    article = replace(read_html(text, entry.url, url=fetched.final_url, fetched_at=fetched.fetched_at), id=url_key(entry.url))
    analysis = await asyncio.to_thread(analyze_one, article, settings)
    written = store.write([analysis], origins={article.id: entry.url})
    log.save_page(replace(row, article_id=article.id, reason=analysis.rejection.reason if analysis.rejection else None,
                          detail=analysis.rejection.detail if analysis.rejection else None))
    if analysis.rejection is not None:
        report(f"rejected {entry.url}: {analysis.rejection.reason} ({analysis.rejection.detail})")
    return summary.plus(added=written.added, updated=written.updated, rejected=written.rejected,
                        not_modified=written.unchanged)


def _reject(
    store: Store, log: FetchLog, row: PageRow, entry: Entry, fetched: Fetched, summary: RoundSummary, report: Report
) -> RoundSummary:
    """A page that is no article: logged, and stored as a rejection with its reason."""
    reason, detail = fetched.reason or "unreadable", fetched.detail
    article = Article(id=url_key(entry.url), text="", url=fetched.final_url, fetched_at=fetched.fetched_at,
                      origin=entry.url, input_format="html")
    analysis: Analysis = rejected(article, Rejection("fetch", reason, detail))
    store.write([analysis], origins={article.id: entry.url})
    log.save_page(replace(row, article_id=article.id, reason=reason, detail=detail))
    report(f"rejected {entry.url}: {reason} ({detail})")
    return summary.plus(rejected=1)
