"""`thucydides watch` against real HTTP servers on 127.0.0.1 serving feeds and pages written here:
the first round stores every article, the second fetches nothing new, a changed page is updated,
a re-published copy is stored once, a failing or a slow host does not stop the others, an oversize page is
rejected with its reason; and the fetcher's retries, timeouts, redirects and robots.txt."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli
from thucydides.cli.watch import parse_interval
from thucydides.watch.feeds import normalise_url, parse_feed
from thucydides.watch.fetch import Fetcher, FetchOptions


@dataclass
class Page:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    sleep: float = 0.0
    fail_first: int = 0
    """Answer 503 to this many requests before answering properly."""


class Site:
    """A web site in a thread: paths to pages, and a log of the paths asked for."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.requests.append(self.path)
                page = site.pages.get(self.path)
                if page is None:
                    self._answer(404, b"not found", "text/plain", {})
                    return
                if page.sleep:
                    time.sleep(page.sleep)
                if page.fail_first > 0:
                    page.fail_first -= 1
                    self._answer(503, b"busy", "text/plain", {})
                    return
                headers = dict(page.headers)
                if page.etag:
                    headers["ETag"] = page.etag
                    if self.headers.get("If-None-Match") == page.etag:
                        self._answer(304, b"", None, headers)
                        return
                self._answer(page.status, page.body, page.content_type, headers)

            def _answer(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str]) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test); nothing to answer

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as running:
        yield running


def article_page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>The Courier</footer></body></html>").encode()


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><pubDate>{date}</pubDate></item>"
        for path, title, date in items
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>{base}/</link>'
            f"<description>News</description>{entries}</channel></rss>").encode()


PACT = ["Japan imposed sanctions on North Korea on Tuesday after a series of missile launches over the sea.",
        "The measures freeze the assets of four trading companies and ban ships from the port of Nampo."]
VISIT = ["The French president visited Kenya on Monday to discuss trade and security in East Africa.",
         "He met the Kenyan president in Nairobi and the two leaders signed three agreements on energy."]
DATES = ("Mon, 04 Mar 2024 10:00:00 GMT", "Tue, 05 Mar 2024 09:00:00 GMT")


def _serve_news(site: Site) -> None:
    site.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.pages["/world/sanctions"] = Page(article_page("Japan sanctions North Korea", PACT), etag='"s1"')
    site.pages["/world/visit"] = Page(article_page("French president visits Kenya", VISIT), etag='"v1"')
    site.pages["/world/huge"] = Page(article_page("A very long page", ["Filler text for the size limit. " * 40] * 40))
    site.pages["/private/memo"] = Page(article_page("Private", ["Nobody should fetch this page at all, robots say."]))
    site.pages["/report.pdf"] = Page(b"%PDF-1.4 not a page", content_type="application/pdf")
    site.pages["/feed.xml"] = Page(rss(site.base, [
        ("/world/sanctions?utm_source=rss", "Sanctions", DATES[0]),
        ("/world/visit", "Visit", DATES[0]),
        ("/world/huge", "Huge", DATES[0]),
        ("/private/memo", "Memo", DATES[0]),
        ("/report.pdf", "Report", DATES[0]),
    ]), content_type="application/rss+xml", etag='"f1"')


def _watch(db: Path, *feeds: str) -> str:
    result = CliRunner().invoke(cli, ["watch", *feeds, "--db", str(db), "--once", "--delay", "0", "--retries", "0",
                                      "--timeout", "3", "--max-page-bytes", "20000"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


@pytest.mark.slow
def test_watch_stores_new_articles_once_and_updates_changed_ones(tmp_path: Path, site: Site) -> None:
    db = tmp_path / "news.db"
    _serve_news(site)
    with Site() as failing, Site() as slow:  # a host whose every answer is an error, and one too slow
        for path in ("/robots.txt", "/feed.xml"):
            failing.pages[path] = Page(b"down", status=500, content_type="text/plain")
        slow.pages["/feed.xml"] = Page(rss(slow.base, [("/late", "Late", DATES[0])]), sleep=4.0)
        output = _watch(db, f"{failing.base}/feed.xml", f"{slow.base}/feed.xml", f"{site.base}/feed.xml")
    assert "robots.txt could not be read" in output
    assert f"feed {slow.base}/feed.xml: timeout" in output
    sanctions, visit = f"{site.base}/world/sanctions", f"{site.base}/world/visit"
    stored = dict(_rows(db, "SELECT url, title FROM articles WHERE id NOT IN (SELECT article_id FROM rejections)"))
    assert stored == {sanctions: "Japan sanctions North Korea", visit: "French president visits Kenya"}
    pages = {row[0]: row[1:] for row in _rows(db, "SELECT url, status, reason, fetched_at, article_id FROM pages")}
    assert pages[sanctions][:2] == (200, None) and pages[sanctions][2].endswith("Z")
    assert pages[f"{site.base}/world/huge"][:2] == (200, "too_large")
    assert pages[f"{site.base}/report.pdf"][:2] == (200, "not_html")
    assert pages[f"{site.base}/private/memo"][:2] == (None, "robots_disallowed")
    assert "/private/memo" not in site.requests
    rejections = dict(_rows(db, "SELECT reason, detail FROM rejections"))
    assert "the limit is 20,000" in rejections["too_large"]
    assert _rows(db, "SELECT DISTINCT a.url FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cameo LIKE '16%'") == [
        (sanctions,)
    ]

    # A second round, as after a restart: the feed answers 304 and no page is asked for again.
    site.requests.clear()
    _watch(db, f"{site.base}/feed.xml")
    assert site.requests == ["/robots.txt", "/feed.xml"]

    # The visit page changes and the feed says so; a copy of the sanctions story appears elsewhere.
    site.pages["/world/visit"] = Page(article_page("French president visits Kenya and Ethiopia",
                                                   VISIT + ["On Wednesday he flew on to Ethiopia."]), etag='"v2"')
    site.pages["/copy/sanctions"] = Page(site.pages["/world/sanctions"].body)
    site.pages["/feed.xml"] = Page(rss(site.base, [
        ("/world/sanctions?utm_source=rss", "Sanctions", DATES[0]),
        ("/world/visit", "Visit", DATES[1]),
        ("/copy/sanctions", "Sanctions again", DATES[1]),
    ]), content_type="application/rss+xml", etag='"f2"')
    site.requests.clear()
    output = _watch(db, f"{site.base}/feed.xml")
    assert sorted(site.requests) == sorted(["/robots.txt", "/feed.xml", "/world/visit", "/copy/sanctions"])
    titles = [row[0] for row in _rows(db, "SELECT title FROM articles WHERE url = '" + visit + "'")]
    assert titles == ["French president visits Kenya and Ethiopia"]
    copy = _rows(db, f"SELECT reason, article_id FROM pages WHERE url = '{site.base}/copy/sanctions'")
    assert copy == [("duplicate", pages[sanctions][3])]
    assert _rows(db, "SELECT count(*) FROM articles WHERE title LIKE 'Japan%'") == [(1,)]


def test_urls_are_normalised_and_feeds_parsed() -> None:
    assert normalise_url("HTTPS://News.Example:443/a/b?utm_source=x&b=2&a=1#top") == "https://news.example/a/b?a=1&b=2"
    assert normalise_url("/x?fbclid=1", "http://news.example:8080/feed") == "http://news.example:8080/x"
    assert normalise_url("mailto:someone@example.org") is None
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
            b'<entry><title>One</title><link href="/one?utm_medium=rss"/><updated>2024-03-04T10:00:00Z</updated></entry>'
            b'<entry><title>Same</title><link href="/one"/></entry></feed>')
    entries, problem = parse_feed(atom, "https://news.example/feed.atom")
    assert problem is None
    assert [(e.url, e.updated) for e in entries] == [("https://news.example/one", "2024-03-04T10:00:00Z")]
    assert parse_feed(b"<html><body>no feed</body></html>", "https://news.example/")[1] is not None


def test_watch_says_in_one_line_what_is_wrong_with_its_arguments(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["watch", "feeds.txt", "--db", str(tmp_path / "x.db"), "--once"])
    assert bad.exit_code == 2 and "is not an http(s) URL" in bad.output and "Traceback" not in bad.output
    both = runner.invoke(cli, ["watch", "https://news.example/rss", "--once", "--every", "5m"])
    assert both.exit_code == 2 and "exclude each other" in both.output


def test_intervals() -> None:
    assert [parse_interval(None, None, v) for v in ("90", "30s", "15m", "2h")] == [90, 30, 900, 7200]
    with pytest.raises(Exception, match="not an interval"):
        parse_interval(None, None, "soon")


def _fetch(site: Site, path: str, **options: object) -> object:
    async def run() -> object:
        async with Fetcher(FetchOptions(delay=0, backoff=0.01, **options)) as fetcher:  # type: ignore[arg-type]
            return await fetcher.fetch(site.base + path)

    return asyncio.run(run())


def test_fetcher_retries_times_out_bounds_redirects_and_limits_size(site: Site) -> None:
    site.pages["/flaky"] = Page(b"<html><body><p>ok</p></body></html>", fail_first=2)
    site.pages["/slow"] = Page(b"late", sleep=1.5)
    site.pages["/loop"] = Page(b"", status=302, headers={"Location": "/loop"})
    site.pages["/big"] = Page(b"x" * 5000)
    flaky = _fetch(site, "/flaky", retries=2)
    assert (flaky.status, flaky.reason, site.requests.count("/flaky")) == (200, None, 3)  # type: ignore[attr-defined]
    assert _fetch(site, "/flaky", retries=0).status == 200  # type: ignore[attr-defined]
    site.pages["/flaky"].fail_first = 1
    assert _fetch(site, "/flaky", retries=0).reason == "http_503"  # type: ignore[attr-defined]
    assert _fetch(site, "/slow", timeout=0.3, retries=0).reason == "timeout"  # type: ignore[attr-defined]
    assert _fetch(site, "/loop", max_redirects=3).reason == "too_many_redirects"  # type: ignore[attr-defined]
    big = _fetch(site, "/big", max_bytes=1000)
    assert big.reason == "too_large" and "5,000 bytes" in big.detail  # type: ignore[attr-defined]


def test_the_fetcher_keeps_its_delay_between_requests_to_one_host(site: Site) -> None:
    site.pages["/a"] = Page(b"a", content_type="text/plain")

    async def run() -> float:
        async with Fetcher(FetchOptions(delay=0.3, per_host=4)) as fetcher:
            start = time.monotonic()
            await asyncio.gather(*(fetcher.fetch(f"{site.base}/a") for _ in range(3)))
            return time.monotonic() - start

    # robots.txt, then three pages: three waits of 0.3 s at least
    assert asyncio.run(run()) >= 0.9


def test_the_fetcher_keeps_to_its_limit_of_requests_in_flight_per_host(site: Site) -> None:
    site.pages["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n", content_type="text/plain")
    site.pages["/slow"] = Page(b"slow", content_type="text/plain", sleep=0.3)

    async def run(per_host: int) -> float:
        async with Fetcher(FetchOptions(delay=0, per_host=per_host)) as fetcher:
            await fetcher.fetch(f"{site.base}/robots.txt")
            start = time.monotonic()
            await asyncio.gather(*(fetcher.fetch(f"{site.base}/slow") for _ in range(4)))
            return time.monotonic() - start

    assert asyncio.run(run(1)) >= 1.2  # one at a time
    assert asyncio.run(run(4)) < 1.1  # all at once
