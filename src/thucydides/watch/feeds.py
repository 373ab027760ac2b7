"""RSS and Atom feeds (feedparser) and the one form of a URL that ``watch`` keys pages by."""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser

_TRACKING = ("utm_", "mc_", "_hs")
_TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ocid", "cmpid", "ito", "smid", "rss", "ref_src"}
_DEFAULT_PORTS = {"http": "80", "https": "443"}


@dataclass(frozen=True)
class Entry:
    """A feed entry: the page it links to, and when the feed says it last changed."""

    url: str
    """The normalised link (:func:`normalise_url`)."""
    title: str | None
    updated: str | None
    """The entry's updated (else published) date as the feed gives it; a change means the page changed."""


def normalise_url(url: str, base: str | None = None) -> str | None:
    """One form for one page: scheme and host in lower case, default port, fragment and tracking
    parameters (``utm_*``, ``fbclid``…) dropped, the other parameters sorted. None for anything
    but an http(s) URL."""
    absolute = urljoin(base, url.strip()) if base else url.strip()
    try:
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if port is not None and str(port) != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith(_TRACKING) and name.lower() not in _TRACKING_NAMES
    )
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def url_key(url: str) -> str:
    """A short stable key for a normalised URL (the article id of a watched page)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def parse_feed(body: bytes, feed_url: str) -> tuple[list[Entry], str | None]:
    """The entries of an RSS or Atom document, in feed order, one per page; and the reason when
    the document is not a feed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser warns about its own deprecated aliases
        parsed = feedparser.parse(body, response_headers={"content-location": feed_url})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        return [], f"not an RSS or Atom feed ({type(problem).__name__ if problem else 'no entries'})"
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in parsed.entries:
        link = item.get("link") or next((l.get("href") for l in item.get("links", []) if l.get("href")), None)
        url = normalise_url(link, feed_url) if link else None
        if url is None or url in seen:
            continue
        seen.add(url)
        # plain dict look-ups: feedparser's own map `updated` to `published` with a warning
        updated = dict.get(item, "updated") or dict.get(item, "published")
        entries.append(Entry(url=url, title=item.get("title"), updated=str(updated) if updated else None))
    return entries, None
