"""Polite HTTP fetching for ``watch``: conditional GET, robots.txt, a delay and a concurrency
limit per host, retries with backoff, timeouts, a size limit and a bounded number of redirects.

Every outcome is a :class:`Fetched` record, never an exception: a page that cannot be had says
why (``reason``), so one failing host never stops the others.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

import httpx

from thucydides import __version__

USER_AGENT = f"thucydides/{__version__} (+event data from the news; respects robots.txt)"
_RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how far ``watch`` fetches; tests shrink the delays."""

    delay: float = 1.0
    """Seconds between two requests to the same host (robots.txt's Crawl-delay if longer, up to 60)."""
    per_host: int = 2
    """Requests in flight at once to one host."""
    concurrency: int = 8
    """Requests in flight at once in all."""
    timeout: float = 20.0
    """Seconds a request may take in all, connecting and reading the body included."""
    retries: int = 2
    """Further tries after a network error, a timeout, 429 or a 5xx."""
    backoff: float = 1.0
    """Seconds before the first retry, doubled for each next one."""
    max_bytes: int = 5_000_000
    """Pages larger than this are rejected (``too_large``)."""
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    """The outcome of one fetch."""

    url: str
    """The URL asked for."""
    final_url: str
    """Where it ended after redirects."""
    status: int | None
    """The HTTP status, None when no response came (network error, timeout, robots.txt)."""
    fetched_at: str
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    reason: str | None = None
    """Why there is no usable body: ``not_modified``, ``http_404``, ``too_large``, ``timeout``,
    ``network_error``, ``too_many_redirects``, ``robots_disallowed``…; None for a page."""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.reason is None


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class _Host:
    slots: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_at: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_reason: str | None = None
    robots_checked: bool = False
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Fetcher:
    """Fetches URLs over one HTTP client; use ``async with``. ``transport`` is a seam for tests."""

    def __init__(
        self,
        options: FetchOptions = FetchOptions(),
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], str] = _now,
    ) -> None:
        self.options = options
        self._clock = clock
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=True,
            max_redirects=options.max_redirects,
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": options.user_agent},
            trust_env=False,
        )
        self._hosts: dict[str, _Host] = {}
        self._all = asyncio.Semaphore(options.concurrency)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self._client.aclose()

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        if key not in self._hosts:
            self._hosts[key] = _Host(asyncio.Semaphore(self.options.per_host))
        return self._hosts[key]

    async def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` (conditionally when ``etag`` or ``last_modified`` is known), with robots.txt
        checked first, retried on transient failures; never raises for a network or HTTP error."""
        host = self._host(url)
        refusal = await self._robots_refusal(url, host)
        if refusal is not None:
            return Fetched(url, url, None, self._clock(), reason=refusal[0], detail=refusal[1])
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            result, retry_after = await self._once(url, host, headers)
            transient = result.reason in ("timeout", "network_error") or result.status in _RETRY_STATUSES
            if not transient or attempt >= self.options.retries:
                return result
            wait = self.options.backoff * (2**attempt)
            if retry_after is not None:
                wait = max(wait, min(retry_after, 60.0))
            attempt += 1
            await asyncio.sleep(wait)

    async def _polite(self, host: _Host) -> None:
        """Wait for this host's turn: requests to one host start at least ``delay`` apart."""
        delay = self.options.delay
        if host.robots is not None:
            crawl_delay = host.robots.crawl_delay(self.options.user_agent)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), 60.0))
        async with host.lock:
            wait = host.next_at - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            host.next_at = time.monotonic() + delay

    async def _once(self, url: str, host: _Host, headers: dict[str, str]) -> tuple[Fetched, float | None]:
        async with host.slots, self._all:
            await self._polite(host)
            fetched_at = self._clock()
            try:
                return await asyncio.wait_for(self._get(url, headers, fetched_at), self.options.timeout)
            except (asyncio.TimeoutError, httpx.TimeoutException):
                return Fetched(url, url, None, fetched_at, reason="timeout",
                               detail=f"no complete answer within {self.options.timeout:g} s"), None
            except httpx.TooManyRedirects:
                return Fetched(url, url, None, fetched_at, reason="too_many_redirects",
                               detail=f"more than {self.options.max_redirects} redirects"), None
            except (httpx.HTTPError, OSError, ValueError) as error:
                return Fetched(url, url, None, fetched_at, reason="network_error",
                               detail=f"{type(error).__name__}: {error}"[:200]), None

    async def _get(self, url: str, headers: dict[str, str], fetched_at: str) -> tuple[Fetched, float | None]:
        limit = self.options.max_bytes
        async with self._client.stream("GET", url, headers=headers) as response:
            final = str(response.url)
            meta = {
                "content_type": response.headers.get("Content-Type"),
                "etag": response.headers.get("ETag"),
                "last_modified": response.headers.get("Last-Modified"),
            }
            status = response.status_code
            if status == 304:
                return Fetched(url, final, status, fetched_at, reason="not_modified", **meta), None
            if status != 200:
                return (
                    Fetched(url, final, status, fetched_at, reason=f"http_{status}", detail=response.reason_phrase, **meta),
                    _retry_after(response.headers.get("Retry-After")),
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                return Fetched(url, final, status, fetched_at, reason="too_large",
                               detail=f"{int(declared):,} bytes declared; the limit is {limit:,}", **meta), None
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    return Fetched(url, final, status, fetched_at, reason="too_large",
                                   detail=f"more than {limit:,} bytes; the limit is {limit:,}", **meta), None
                chunks.append(chunk)
            return Fetched(url, final, status, fetched_at, body=b"".join(chunks), **meta), None

    async def _robots_refusal(self, url: str, host: _Host) -> tuple[str, str] | None:
        """Why robots.txt forbids ``url``, or None. A missing robots.txt (4xx) allows everything;
        one that cannot be had (5xx, network) forbids the host for this run (RFC 9309)."""
        async with host.robots_lock:
            if not host.robots_checked:
                parts = urlsplit(url)
                robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
                answer, _ = await self._once(robots_url, host, {})
                if answer.ok:
                    parser = urllib.robotparser.RobotFileParser(robots_url)
                    parser.parse(answer.body.decode("utf-8", "replace").splitlines())
                    host.robots = parser
                elif answer.status is None or answer.status >= 500:
                    host.robots_reason = f"robots.txt could not be read ({answer.reason}: {answer.detail})"
                host.robots_checked = True
        if host.robots_reason is not None:
            return "robots_unavailable", host.robots_reason
        if host.robots is not None and not host.robots.can_fetch(self.options.user_agent, url):
            return "robots_disallowed", "robots.txt disallows this URL"
        return None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
