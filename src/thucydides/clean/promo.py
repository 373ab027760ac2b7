"""What web pages put around an article and extraction lets through: related-link and promo
blocks, newsletter and subscription pitches, cookie notices, author promos, media counters,
photo captions.

Each is found as whole lines and returned as a :class:`Region` with its kind, so the text keeps
its offsets and every excluded block says why it was excluded. Line patterns are anchored and
short: a line of an article that merely mentions a newsletter or cookies is not excluded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from thucydides.clean.boilerplate import Region

_LABEL = (
    r"(see|read|watch|listen)( more| also| next| now)?|more( stories| news| coverage)?|related( stories| articles| coverage"
    r"| content| links?| videos?| reading)?|also( read| see| on \S+)|don[’']?t miss|must read|recommended( for you)?"
    r"|trending( now)?|top stories|most (read|popular|viewed|shared)|editor[’']?s picks?|further reading"
    r"|you (may|might) (also )?(like|be interested in|enjoy)|more from [\w’'. ]{1,40}|more on (this|that)( story| topic)?"
    r"|in (other|related) news|popular (now|stories)|up next|what to read next"
)
_PROMO_LINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        # "SEE MORE: headline", "Related: headline", "DON'T MISS" and other link labels, alone or with their link
        ("related", rf"^({_LABEL})\s*(:|\||[-–—]\s).{{0,200}}$"),
        ("related", rf"^({_LABEL})\s*[:.!»›>]?$"),
        ("related", r"^\[\s*(related|see also|read more|more|also read)\b[^\]]{0,200}\]$"),
        ("related", r"^follow (\S+\s){0,6}?(full |complete |live |latest )?coverage\b.{0,160}$"),
        ("related", r"^continue reading( (below|the main story|the article))?[.:!]?$"),
        ("related", r"^\(?\d{1,4} (videos?|photos?|images?|pictures?|slides?)\)?$"),
        ("newsletter", r"^(?=.{0,240}$)(?=.*\b(sign(ing)? up|subscribe|subscription|get|delivered|register|join)\b)"
                       r"(?=.*\b(our|your|this|free|the)\b[\w’' -]{0,30}\b(newsletters?|inbox|(daily|weekly|morning|evening) "
                       r"(briefing|digest|e-?mail))\b)(?!.*\b(said|says|reported|told)\b).*$"),
        ("newsletter", r"^(?=.{0,240}$).*\b(\d+ issues for|subscribe (now|today)|subscription offer|free trial)\b.*$"),
        ("cookies", r"^(?=.{0,400}$).*\b(we use cookies|uses cookies|use of cookies|cookie (policy|settings|preferences)"
                    r"|accept (all )?cookies)\b.*$"),
        ("author_promo", r"^(e-?mail|follow|contact|reach) [\w.’'\- ]{2,60}\b(at \S+@\S+|on (twitter|x|facebook|instagram|linkedin)"
                         r"|@\w+)\b.{0,160}$"),
        ("share", r"^(share|tweet|pin|email) (this|on)\b.{0,60}$"),
        # a photo caption: labelled ("Photo: …", "FILE PHOTO: …") or ending in its credit ("(AP Photo/…)")
        ("caption", r"^(file |handout )?(photo|picture|image|caption)s?\s*:\s.{0,400}$"),
        ("caption", r"^.{0,400}\((AP |AFP |EPA |Reuters )?(photo|image|picture)\b( by)?\s*[:/][^)]{1,80}\)\.?$"),
    )
)

_HEADING = re.compile(rf"^({_LABEL})\s*[:.!»›>]?$", re.IGNORECASE)
"""A label alone on its line: the short lines under it are the links it introduces."""
_SENTENCE_END = re.compile(r"[.!?:;,”\"')\]]$")


def find_promo(text: str, taken: list[Region]) -> list[Region]:
    """Promo regions of whole lines not already in ``taken``, in text order: single promo lines,
    and a label with the link lines under it."""
    lines = [line for line in _lines(text) if line[2].strip()]
    masked = {start for start, _, _ in lines if any(r.span[0] <= start < r.span[1] for r in taken)}
    found: dict[int, Region] = {}
    under_heading = False
    for start, end, line in lines:
        if start in masked:
            continue
        stripped = line.strip()
        offset = start + len(line) - len(line.lstrip())
        region_here = Region((offset, offset + len(stripped)), "", stripped)
        if under_heading and _headline_link(stripped):
            found[start] = Region(region_here.span, "related", stripped)
            continue
        under_heading = False
        kind = next((k for k, pattern in _PROMO_LINES if pattern.match(stripped)), None)
        if kind is not None:
            found[start] = Region(region_here.span, kind, stripped)
            under_heading = kind == "related" and bool(_HEADING.match(stripped))
    return [found[start] for start in sorted(found)]


def _headline_link(line: str) -> bool:
    """A line that reads like a linked headline: a few capitalised words, no closing punctuation."""
    words = line.split()
    if not 3 <= len(words) <= 20 or _SENTENCE_END.search(line):
        return False
    return line[0].isupper() or line[0].isdigit()


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    start = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield start, start + len(body), body
        start += len(line)
