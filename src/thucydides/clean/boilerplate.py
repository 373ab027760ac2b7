"""Web boilerplate that survives in plain text: counters, comment forms, share prompts, credits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from thucydides.records import Span


@dataclass(frozen=True)
class Region:
    """A span of the text that is not article body, and what it is."""

    span: Span
    kind: str
    text: str


BYLINE_AGENCIES = "AP|Reuters|AFP|Associated Press|Agence France-Presse"
"""The agencies a byline names after its writers ("By Jane Doe, Associated Press"), as a pattern."""

_LINE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("counter", r"^\(?\s*visited \d[\d,]* times?(, \d[\d,]* visits? today)?\s*\)?$"),
        ("comment_form", r"^leave a (reply|comment)\b.*$"),
        ("comment_form", r"^.*your email address will not be published.*$"),
        ("comment_form", r"^.*required fields are marked.*$"),
        ("comment_form", r"^(cancel reply|post comment|submit comment|comments?|\d+ comments?)$"),
        ("share", r"^(share( this)?( article| story| post)?|share on \w+|tweet|email|print|pin it|whatsapp)[:.!]?$"),
        ("share", r"^(follow|like) (us|\S+’s|\S+'s)\b.{0,80}$"),
        ("newsletter", r"^(subscribe|sign up)\b.{0,80}$"),
        ("share", r"^click here\b.{0,80}$"),
        ("share", r"^(read more|related( stories| articles)?|advertisement|see also)\s*([:|»›>–—-].{0,80}|[.!…]?)$"),
        ("copyright", r"^(©|\(c\)|copyright\b).{0,120}$"),
        ("credit", r"^.{2,120}\bcontributed( reporting)?( to)? (this|the) (story|report|article)\.?$"),
        ("credit", r"^.{2,120}\bcontributed reporting\b.{0,60}$"),
        ("byline", rf"^by [A-Z][\w.’'\- ]{{1,60}}(,? ({BYLINE_AGENCIES})( \w+){{0,2}})?$"),
        # a live blog's entry stamp: "Updated 2 hours ago", "Posted 15 mins ago" (a bulletin's
        # "7:50 p.m." is clean.runin's)
        ("pubdate", r"^((updated|posted|published|last updated):?\s+)?\d{1,3}\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?"
                    r"|hours?|d|days?)\s+ago$"),

        ("pubdate", r"^((published|updated|posted)( on)?:?\s+)?(\w+day,?\s+)?"
                    r"((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
                    r"|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}"
                    r"|\d{4}-\d{2}-\d{2})"
                    r"(,?\s+\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?(\s+[A-Z]{2,4})?)?$"),
    )
)
_STOP_AFTER = {"comment_form"}
"""Once a comment form starts, the rest of the page is not article text."""


def find_boilerplate(text: str) -> list[Region]:
    """Regions of whole lines that are boilerplate, in text order."""
    regions: list[Region] = []
    for start, end, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        kind = next((k for k, pattern in _LINE_KINDS if pattern.match(stripped)), None)
        if kind is None:
            continue
        offset = start + (len(line) - len(line.lstrip()))
        if kind in _STOP_AFTER:
            regions.append(Region((offset, len(text)), kind, text[offset:].strip()))
            break
        regions.append(Region((offset, offset + len(stripped)), kind, stripped))
    return regions


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    start = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield start, start + len(body), body
        start += len(line)


_CREDIT = re.compile(r"^(?P<who>.+?)\s+contributed( reporting)?( to)?( this| the)?( story| report| article)?\.?$", re.I)
_BYLINE = re.compile(r"^by\s+(?P<who>.+)$", re.I)


def byline_of(regions: list[Region]) -> str | None:
    """Authors and contributors named by byline and credit lines, joined by '; '."""
    names: list[str] = []
    for region in regions:
        pattern = {"credit": _CREDIT, "byline": _BYLINE}.get(region.kind)
        match = pattern.match(region.text) if pattern else None
        if match:
            names.append(match.group("who").strip())
    return "; ".join(names) or None
