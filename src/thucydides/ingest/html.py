"""HTML pages: main text and metadata through trafilatura.

trafilatura runs with ``favor_precision``: for an event coder a leaked line (a related headline,
a caption, a promo) costs more than a missed one. What it still lets through is excluded as
regions by ``clean`` (``clean.promo``), so each exclusion is listed with its reason.
"""

from __future__ import annotations

import codecs
import re

import trafilatura
from htmldate import find_date

from thucydides.ingest.ids import article_id, origin_id
from thucydides.records import Article, Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.IGNORECASE)


def read_html(
    html: str, origin: str, url: str | None = None, date: str | None = None, fetched_at: str | None = None
) -> Article:
    """The article in an HTML page: paragraphs joined by blank lines, spans point into that text."""
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    published = date or metadata_date(html)
    if document is None or not (document.text or "").strip():
        return Article(
            id=origin_id(origin),
            text="",
            url=url,
            fetched_at=fetched_at,
            origin=origin,
            input_format="html",
            rejection=Rejection("ingest", "no_main_text", "trafilatura found no article text in the page"),
        )
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    title = document.title or None
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    body = "\n\n".join(([title] if title else []) + paragraphs)
    return Article(
        id=article_id(body),
        text=body,
        title=title,
        date=published,
        date_source=None if date or not published else "metadata",
        url=url or document.url or None,
        source=document.sitename or document.hostname or None,
        author=document.author or None,
        fetched_at=fetched_at,
        origin=origin,
        input_format="html",
    )


def metadata_date(html: str) -> str | None:
    """The publication date a page's markup states (meta tags, JSON-LD, ``<time>``): htmldate
    without its search of the text and without the URL, which ``clean.pubdate`` reads on its own."""
    try:
        found = find_date(html, url="", extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except ValueError:
        return None
    return found or None


def is_html(content_type: str | None) -> bool:
    """Whether an HTTP Content-Type names an HTML page (a missing one does not)."""
    return bool(content_type) and content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES  # type: ignore[union-attr]


def decode_page(body: bytes, content_type: str | None) -> tuple[str | None, Rejection | None]:
    """The text of a fetched page: in the charset its Content-Type or its ``<meta charset>``
    names, else UTF-8; the reason when it cannot be decoded."""
    if not body.strip():
        return None, Rejection("ingest", "empty", "the page has no content")
    charset = _charset_of(content_type) or _meta_charset(body[:4096]) or "utf-8"
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        codec = "utf-8"
    if codec == "utf-8":
        codec = "utf-8-sig"
    try:
        return body.decode(codec), None
    except UnicodeDecodeError as error:
        return None, Rejection("ingest", "undecodable", f"not {charset}: byte 0x{body[error.start]:02x} at offset {error.start}")


def _charset_of(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _meta_charset(head: bytes) -> str | None:
    match = _CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None
