"""The cleaned view of an article: the masked text, its dateline, byline and excluded regions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from thucydides.clean.boilerplate import Region, byline_of, find_boilerplate
from thucydides.clean.dateline import find_dateline
from thucydides.clean.promo import find_promo
from thucydides.records import Article, Dateline


@dataclass(frozen=True)
class Cleaned:
    text: str
    """The input text with excluded regions replaced by spaces: same length, same offsets."""
    regions: tuple[Region, ...]
    dateline: Dateline | None
    byline: str | None
    title_span: tuple[int, int] | None
    date: str | None = None
    """The resolved publication date (the input's, else the URL's, else the text's), set by
    ``pipeline.prepare``; every pipeline component reads it from ``doc._.pubdate``."""
    date_source: str | None = None

    def excluded(self, start: int, end: int) -> bool:
        """Whether a span overlaps an excluded region."""
        return any(r.span[0] < end and start < r.span[1] for r in self.regions)


_PARAGRAPH = re.compile(r"\S")


def clean(article: Article) -> Cleaned:
    text = article.text
    regions = find_boilerplate(text)
    regions = sorted(regions + find_promo(text, regions), key=lambda r: r.span)
    title_span = _title_span(article)
    body_start = _first_body_offset(text, title_span, regions)
    dateline = find_dateline(text, body_start) if body_start is not None else None
    masked_spans = [r.span for r in regions]
    if dateline is not None:
        regions.append(Region(dateline.span, "dateline", dateline.text))
        masked_spans.append(dateline.span)
    return Cleaned(
        text=_mask(text, masked_spans),
        regions=tuple(sorted(regions, key=lambda r: r.span)),
        dateline=dateline,
        byline=byline_of(regions) or article.author,
        title_span=title_span,
    )


def _title_span(article: Article) -> tuple[int, int] | None:
    if article.title and article.text.lstrip().startswith(article.title):
        start = article.text.index(article.title)
        return start, start + len(article.title)
    return None


def _first_body_offset(text: str, title_span: tuple[int, int] | None, regions: list[Region]) -> int | None:
    """Where the body starts: after the headline and any byline or date lines under it."""
    start = title_span[1] if title_span else 0
    while (match := _PARAGRAPH.search(text, start)) is not None:
        region = next((r for r in regions if r.span[0] == match.start()), None)
        if region is None:
            return match.start()
        start = region.span[1]
    return None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\n":
                chars[i] = " "
    return "".join(chars)
