"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import trafilatura

from thucydides.ingest.ids import article_id, origin_id
from thucydides.records import Article, Rejection


def read_html(html: str, origin: str, url: str | None = None, date: str | None = None) -> Article:
    """The article in an HTML page: paragraphs joined by blank lines, spans point into that text."""
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True)
    if document is None or not (document.text or "").strip():
        return Article(
            id=origin_id(origin),
            text="",
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
        date=date or document.date or None,
        url=url or document.url or None,
        source=document.sitename or document.hostname or None,
        author=document.author or None,
        origin=origin,
        input_format="html",
    )
