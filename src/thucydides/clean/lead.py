"""The lead of an article: its title and the first paragraph of its body, where the news is told.

An event told there is a *root* event (GDELT's IsRootEvent), the filter analysts use first
against background ("…, his first meeting since September" further down).
"""

from __future__ import annotations

import re

from thucydides.clean.cleaned import Cleaned
from thucydides.records import Span

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TEXT = re.compile(r"\S")


def lead_spans(text: str, cleaned: Cleaned) -> tuple[Span, ...]:
    """The title (when the text starts with it) and the first paragraph after it, as spans.

    A paragraph ends at a blank line; in a text without blank lines after the title (extracted
    HTML), at the end of its line.
    """
    spans: list[Span] = []
    start = 0
    if cleaned.title_span is not None:
        spans.append(cleaned.title_span)
        start = cleaned.title_span[1]
    first = _TEXT.search(text, start)
    if first is None:
        return tuple(spans)
    # Skip a byline or a date line under the title: a paragraph that is wholly excluded.
    begin = first.start()
    while True:
        end = _paragraph_end(text, begin)
        if not _wholly_excluded(cleaned, begin, end):
            break
        following = _TEXT.search(text, end)
        if following is None:
            return tuple(spans)
        begin = following.start()
    spans.append((begin, end))
    return tuple(spans)


def _paragraph_end(text: str, begin: int) -> int:
    blank = _BLANK_LINE.search(text, begin)
    if blank is not None:
        return blank.start()
    line = text.find("\n", begin)
    return len(text) if line < 0 else line


def _wholly_excluded(cleaned: Cleaned, start: int, end: int) -> bool:
    return any(r.span[0] <= start and end <= r.span[1] for r in cleaned.regions if r.kind != "dateline")


def in_lead(span: Span, lead: tuple[Span, ...]) -> bool:
    """Whether an event's span lies in the lead."""
    return any(start <= span[0] and span[1] <= end for start, end in lead)
