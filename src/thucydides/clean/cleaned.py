"""The cleaned view of an article: the masked text, its dateline, byline and excluded regions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from thucydides.clean.boilerplate import Region, byline_of, find_boilerplate
from thucydides.clean.dateline import find_dateline
from thucydides.clean.promo import find_promo
from thucydides.clean.runin import find_later_datelines, find_run_in
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
    breaks: tuple[int, ...] = ()
    """Characters where a sentence starts though no line break or punctuation says so (the body
    glued to a headline that has no final punctuation); the sentence splitter starts one there."""

    def excluded(self, start: int, end: int) -> bool:
        """Whether a span overlaps an excluded region."""
        return any(r.span[0] < end and start < r.span[1] for r in self.regions)


_PARAGRAPH = re.compile(r"\S")


def clean(article: Article) -> Cleaned:
    text = article.text
    regions = find_boilerplate(text)
    regions = sorted(regions + find_promo(text, regions), key=lambda r: r.span)
    regions = sorted(regions + find_run_in(text, regions), key=lambda r: r.span)
    title_span = _title_span(article)
    body_start = _first_body_offset(text, title_span, regions)
    dateline = find_dateline(text, body_start) if body_start is not None else None
    if dateline is not None:
        regions.append(Region(dateline.span, "dateline", dateline.text))
    later = find_later_datelines(text, regions)
    if dateline is None and later and _near_the_top(text, later[0].span[0]):
        # A text with no title field: its dateline opens the paragraph under the headline line.
        dateline = find_dateline(text, later[0].span[0])
        if dateline is not None:
            later[0] = Region(dateline.span, "dateline", dateline.text)
    regions += later
    return Cleaned(
        text=_mask(text, [r.span for r in regions]),
        regions=tuple(sorted(regions, key=lambda r: r.span)),
        dateline=dateline,
        byline=byline_of(regions) or article.author,
        title_span=title_span,
        breaks=_glued_title(text, title_span),
    )


def _title_span(article: Article) -> tuple[int, int] | None:
    if article.title and article.text.lstrip().startswith(article.title):
        start = article.text.index(article.title)
        return start, start + len(article.title)
    return None


def _near_the_top(text: str, start: int) -> bool:
    """Whether ``start`` is in the first three lines with text (a headline, a byline, the lead)."""
    return len([line for line in text[:start].split("\n") if line.strip()]) <= 2


def _glued_title(text: str, title_span: tuple[int, int] | None) -> tuple[int, ...]:
    """The body's first character when it runs on from the title on the title's own line."""
    if title_span is None or title_span[1] >= len(text):
        return ()
    title = text[title_span[0] : title_span[1]].rstrip()
    match = _PARAGRAPH.search(text, title_span[1])
    if not title or title[-1] in ".!?:;" or match is None or "\n" in text[title_span[1] : match.start()]:
        return ()
    if not (text[match.start()].isupper() or text[match.start()] in "\"“‘'"):
        return ()  # the title is the first words of the lead's sentence: "Arnor expels envoys from Gondor …"
    return (match.start(),)


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
