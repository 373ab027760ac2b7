"""Publication dates when the input does not give one: from the URL, then from a dated dateline.

A date given with the input (``--date``, a JSONL ``date``) is the ``input``'s; an HTML page's own
metadata is read at ingest (``metadata``: meta tags, JSON-LD, ``<time>``, never the page's text).
These are the fallbacks: ``/2023/03/17/`` or ``20230317`` in a URL (``url``), and "March 17,
2023" or "17 March 2023" in the first lines of the text (``text``: ``MOSCOW, March 17, 2023
(Reuters) -``), with the regions cleaning excluded as promo (a related article's headline and
date) left out. ``dated`` says which of them gave the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from thucydides.dates import MONTHS
from thucydides.records import Article, Span

_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:/|[^\d]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_.-]|$)"),
)
_TEXT_DATES = (
    re.compile(r"\b(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)\s+(?P<d>[0-3]?\d),\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<d>[0-3]?\d)\s+(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)\s+(?P<y>(?:19|20)\d\d)\b"),
)
_HEAD = 300
"""How far into the text a dateline date may sit."""


def publication_date(article: Article, excluded: Sequence[Span] = ()) -> str | None:
    """The article's date, else the date in its URL, else a date in its first lines; ``YYYY-MM-DD``."""
    return dated(article, excluded)[0]


def dated(article: Article, excluded: Sequence[Span] = ()) -> tuple[str | None, str | None]:
    """The publication date and where it came from: ``input``, ``metadata``, ``url`` or ``text``
    (the text outside the ``excluded`` spans); ``(None, None)`` when nothing gives one."""
    if article.date:
        return article.date, article.date_source or "input"
    found = date_from_url(article.url)
    if found:
        return found, "url"
    text = article.text[:_HEAD]
    for start, end in excluded:
        if start < len(text):
            text = text[:start] + " " * (min(end, len(text)) - start) + text[end:]
    found = date_from_text(text[:_HEAD])
    return (found, "text") if found else (None, None)


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    for pattern in _URL_DATES:
        for match in pattern.finditer(url):
            found = _valid(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            if found:
                return found
    return None


def date_from_text(text: str) -> str | None:
    head = text[:_HEAD]
    for pattern in _TEXT_DATES:
        match = pattern.search(head)
        if match:
            month = MONTHS.get(match.group("mon").lower()[:3])
            if month:
                found = _valid(int(match.group("y")), month, int(match.group("d")))
                if found:
                    return found
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
