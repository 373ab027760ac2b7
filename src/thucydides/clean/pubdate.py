"""Publication dates when the input does not give one: from the URL, then from a dated dateline.

HTML metadata is read at ingest (trafilatura/htmldate fill ``Article.date``); these are the
fallbacks: ``/2023/03/17/`` or ``20230317`` in a URL, and "March 17, 2023" or "17 March 2023"
in the first lines of the text (``MOSCOW, March 17, 2023 (Reuters) -``).
"""

from __future__ import annotations

import re
from datetime import date

from thucydides.records import Article

_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:/|[^\d]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_.-]|$)"),
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_TEXT_DATES = (
    re.compile(r"\b(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)\s+(?P<d>[0-3]?\d),\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<d>[0-3]?\d)\s+(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?)\s+(?P<y>(?:19|20)\d\d)\b"),
)
_HEAD = 300
"""How far into the text a dateline date may sit."""


def publication_date(article: Article) -> str | None:
    """The article's date, else the date in its URL, else a date in its first lines; ``YYYY-MM-DD``."""
    return article.date or date_from_url(article.url) or date_from_text(article.text)


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
            month = _MONTHS.get(match.group("mon").lower()[:3])
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
