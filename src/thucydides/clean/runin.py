"""Page furniture run into a paragraph: what a page puts between the story's sentences and what
text extraction (or a feed that flattens a page to one paragraph) glues to them.

``clean.promo`` and ``clean.boilerplate`` find such text when it stands on a line of its own. Run
into a paragraph, the same text is parsed as one sentence with its neighbour, and the coder reads
a related story's headline as the subject of the story's next sentence. Here each kind is found
where a sentence may start (the start of a line, or after a sentence's final punctuation), as a
:class:`Region` with its kind, so it is masked like the others and the masked run ends the
sentence before it:

- a link label and the headline it introduces ("Read more: Gondor expels Arnor's envoys"): the
  headline ends at its own final punctuation, or where the next sentence starts glued to it (a
  capitalised determiner or pronoun after a lower-case word: "… envoys The ministry said");
- labels alone ("Advertisement", "Story continues below"), "Click here …", "Sign up for our …",
  "Follow us on …", "Follow Jane Doe on Twitter at …";
- credits: "(Reporting by …; Editing by …)", copyright notices ("Copyright 2024 The Nordic Wire.
  All rights reserved. …", a wire service's notice of what may not be done with it);
- datelines of a digest's later items ("… on Friday. MINAS TIRITH, Gondor (AP) — Officials …");
- photo credits ("(AP Photo/Jane Doe)", "(Photo: Getty Images)") and the caption sentence they
  close; credit lines ("Jane Doe/Getty Images", "Image copyright Reuters"); "FILE - In this …"
  captions;
- bulletin time stamps opening an item ("7:50 p.m.", "10:15 a.m. EDT") and a bulletin's header
  ("The Latest on … (all times local):"): each item's text is then its own sentence.
"""

from __future__ import annotations

import re

from thucydides.clean.boilerplate import BYLINE_AGENCIES, Region

_STARTS = re.compile(r"\n[ \t]*|[.!?][\"”’')\]]? {1,2}")
"""Where a sentence may start: a line's start, or one or two spaces after final punctuation. The
patterns below are tried there only (``match``), never at every character."""

_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]?(?=\s|$)|\n")
_GLUED_START = re.compile(
    r"(?<=[a-z0-9%’'\")\]])[ \t]+(?=(?:The|A|An|In|On|At|He|She|It|They|We|I|His|Her|Its|Their|This|These|Those"
    r"|But|And|After|Before|According|Meanwhile|However|Earlier|Later|Last|Officials|Mr|Ms|Mrs|Dr)\b)"
)
"""A sentence glued to a headline: a capitalised determiner, pronoun or connective after a
lower-case word with no punctuation between ("… over the poisoning The ministry said")."""

_LABEL = (
    r"(?:Read|READ|See|SEE|Watch|WATCH|Listen|LISTEN)(?: (?:more|MORE|also|ALSO|next|NEXT|now|NOW|here|HERE))?"
    r"|Also (?:read|see)|ALSO (?:READ|SEE)|Related|RELATED|Related (?:stories|articles|coverage|content)"
    r"|More (?:on this|from|stories|news)[\w ]{0,30}|Don[’']t miss|DON[’']T MISS|Must read|MUST READ|Recommended"
    r"|Video|VIDEO|Photos|PHOTOS|Gallery|GALLERY|The Latest on|Explainer|EXPLAINER|Opinion|OPINION"
)
_LABELLED = re.compile(rf"(?:{_LABEL})\s*(?::|\||»|›|>|[-–—](?= ))\s*")
_MAX_HEADLINE = 220
_HEADLINE_WORDS = 14
_SHORT_HEADLINE = 7

_STANDING = re.compile(
    r"(?:Advertisement|ADVERTISEMENT|Story continues below(?: (?:the )?advertisement)?|STORY CONTINUES BELOW"
    r"|Continue reading(?: (?:below|the main story))?|Scroll (?:down )?to continue|Skip (?:to content|Ad|ad))"
    r"[.:]?(?=[ \t]+[A-Z\"“‘]|[ \t]*(?:\n|$))"
)
_TO_SENTENCE_END = re.compile(
    r"(?:Click here\b|Tap here\b|(?:Sign up|Subscribe) (?:for|to|now|today|here)\b(?=[^.!?\n]{0,160}\b(?:our|free|"
    r"newsletters?|alerts?|updates|briefing|inbox|daily|weekly)\b)|Follow (?:us|[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){0,3})"
    r" on (?:Twitter|X|Facebook|Instagram|LinkedIn|Telegram|Bluesky|Threads|TikTok|YouTube|Google News)\b"
    r"|Like us on Facebook\b|Download (?:the|our) \w+ app\b)"
)
_CREDIT = re.compile(
    r"\(?(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch) by\b[^()\n]{1,240}?"
    r"(?:\)|(?=\n)|$)"
)
_COPYRIGHT = re.compile(
    r"(?:(?:Copyright|COPYRIGHT)\s*(?:©|\([Cc]\))?\s*\d{4}|©\s*(?:\d{4}|[A-Z])|\([Cc]\)\s*\d{4})[^\n]{0,160}?(?:[.!?](?=\s|$)|(?=\n)|$)"
    r"(?:\s*All [Rr]ights [Rr]eserved\.?)?"
    r"(?:\s*This (?:material|article|content|story) may not be (?:published|reproduced|copied|redistributed)"
    r"[^\n]{0,160}?(?:[.!?](?=\s|$)|(?=\n)|$))?"
)
_RIGHTS = re.compile(
    r"All [Rr]ights [Rr]eserved\.?(?:\s*This (?:material|article|content|story) may not be "
    r"(?:published|reproduced|copied|redistributed)[^\n]{0,160}?(?:[.!?](?=\s|$)|(?=\n)|$))?"
)
_AGENCIES = r"AP|Reuters|AFP|UPI|dpa|DPA|Xinhua|TASS|Anadolu|EFE|ANSA|IANS|PTI|Bloomberg|CNN|PAP|Kyodo|Yonhap"
_CITY = r"[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]+){0,3}"
_REGION = r"(?:, [A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3})"
_DASH = r"[ \t]*(?:—|–|--| - )[ \t]*(?=[A-Z\"“‘])"
_DATELINE = re.compile(rf"[ \t]*{_CITY}(?:{_REGION}?[ \t]+\((?:{_AGENCIES})\)|{_REGION}){_DASH}")
_DATELINE_ON_A_LINE = re.compile(rf"[ \t]*{_CITY}{_REGION}?{_DASH}(?=[^\n]*[.!?])")
"""A later dateline: a city in capitals, a region after it, an agency, a dash ("… on Friday.
MINAS TIRITH, Gondor (AP) — Officials said"). A city alone with a dash only where it opens a
line and runs on into a sentence: "NATO — The alliance …" after a sentence is no dateline, nor is
a heading "ACME – Gondor's trading company"."""
_DATELINE_AFTER_BYLINE = re.compile(rf"[ \t]+{_CITY}{_REGION}?(?:[ \t]+\((?:{_AGENCIES})\))?{_DASH}")
_BYLINE = re.compile(
    r"[ \t]*By (?:[A-Z][A-Z.'’\-]+ ?){2,4}(?:(?:and|AND) (?:[A-Z][A-Z.'’\-]+ ?){2,4})?"
    rf"(?:,? ?(?:{BYLINE_AGENCIES})(?: [A-Z][a-z]+){{0,3}})?(?=[ \t]+[A-Z]|[ \t]*(?:\n|$))"
)
"""A byline in capitals run into the text under it ("By JANE DOE Associated Press MOSCOW (AP) —")."""
_PHOTO_CREDIT = re.compile(
    r"\((?:(?:AP|AFP|EPA|Reuters|Getty|UPI|Xinhua)(?: Images)? )?(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Vv]ideo)s?"
    r"(?: by)?\s*[:/][^()\n]{1,80}\)|\((?:Getty Images|AFP via Getty Images|Shutterstock|AP|Reuters|EPA)\)"
    r"(?=\s*(?:\n|$|[A-Z]))"
)
"""A photo's credit in parentheses. The caption it closes is the sentence before it."""
_NAME = r"[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3}"
_CREDIT_LINE = re.compile(
    r"[ \t]*(?:(?:Image|Photo|Picture) (?:copyright|source|caption|credit):?[ \t]+[A-Z©][^\n]{0,300}"
    rf"|(?:{_NAME} ?/ ?)?(?:AP Photo|AFP(?: via Getty Images)?|Getty Images|Reuters|EPA(?:-EFE)?|Shutterstock|Bloomberg)"
    rf"(?: ?/ ?{_NAME})?)[ \t]*(?=\n|$)"
)
"""A photo credit on its own line: "AP Photo/Jane Doe", "Jane Doe/Getty Images", "Image copyright
Reuters", "Image caption …"."""
_FILE_CAPTION = re.compile(r"[ \t]*(?:FILE|File) ?(?:PHOTO|photo)?[ \t]*(?:-|–|—|:)[ \t]+[^\n]*")
_TIMESTAMP = re.compile(
    r"(?:\d{1,2}:\d{2} ?(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?: (?:[ECMP][SD]T|ET|GMT|UTC|BST|CET|CEST))?"
    r"|\d{1,2}:\d{2} (?:[ECMP][SD]T|ET|GMT|UTC|BST|CET|CEST))[ \t]*(?=[A-Z\"“‘]|\n|$)"
)
"""A bulletin item's time stamp at its start ("7:50 p.m. Arnor says …", "14:05 GMT"), alone on its
line or before the item's first word."""
_LATEST = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=— )|(?<=- ))[ \t]*The Latest on [^\n]{1,200}?(?:\(all times [^)\n]{1,40}\))?:?[ \t]*(?=\n|$)"
)
"""A bulletin's header line ("The Latest on the talks (all times local):"). Its title's label
("The Latest: Arnor recalls envoy") is left: masked, the spaces before the headline change how
the tagger reads it."""


def find_run_in(text: str, taken: list[Region]) -> list[Region]:
    """Furniture inside the lines of ``text``, outside ``taken``, in text order."""
    found: list[Region] = []

    def add(start: int, end: int, kind: str) -> None:
        while end > start and text[end - 1] in " \t":
            end -= 1
        while start < end and text[start] in " \t":
            start += 1
        if end <= start or any(r.span[0] < end and start < r.span[1] for r in [*taken, *found]):
            return
        found.append(Region((start, end), kind, text[start:end]))

    lines, starts = _starts(text)
    for start in lines:
        for pattern in (_FILE_CAPTION, _CREDIT_LINE):
            if match := pattern.match(text, start):
                add(match.start(), match.end(), "caption")
        if match := _BYLINE.match(text, start):
            add(match.start(), match.end(), "byline")
    first = len(text) - len(text.lstrip())
    for start in starts:
        # opening the text, a label heads this article's own title ("Opinion | …"): kept
        if start > first and (match := _LABELLED.match(text, start)):
            add(match.start(), _headline_end(text, match.end()), "related")
        elif match := _STANDING.match(text, start):
            add(match.start(), match.end(), "related")
        elif match := _TO_SENTENCE_END.match(text, start):
            add(match.start(), _sentence_end(text, match.end()), "share")
        elif match := _CREDIT.match(text, start):
            add(match.start(), match.end(), "credit")
        elif match := (_COPYRIGHT.match(text, start) or _RIGHTS.match(text, start)):
            add(match.start(), match.end(), "copyright")
        elif match := _TIMESTAMP.match(text, start):
            add(match.start(), match.end(), "timestamp")
    for match in _PHOTO_CREDIT.finditer(text):
        add(_caption_start(text, match.start(), match.end()), match.end(), "caption")
    if "The Latest on " in text:
        for match in _LATEST.finditer(text):
            add(match.start(), match.end(), "bulletin")
    return sorted(found, key=lambda r: r.span)


def find_later_datelines(text: str, taken: list[Region]) -> list[Region]:
    """Datelines after the first (``clean.dateline`` finds that one): a digest's later items, and
    a dateline right after a run-in byline."""
    found: list[Region] = []
    lines, starts = _starts(text)
    line_starts = set(lines)
    for at in starts:
        match = _DATELINE.match(text, at) or (_DATELINE_ON_A_LINE.match(text, at) if at in line_starts else None)
        if match is None:
            continue
        start, end = match.start() + len(match.group()) - len(match.group().lstrip()), match.end()
        if not any(r.span[0] < end and start < r.span[1] for r in taken):
            found.append(Region((start, end), "dateline_later", text[start:end].strip()))
    for region in taken:
        if region.kind == "byline" and (match := _DATELINE_AFTER_BYLINE.match(text, region.span[1])):
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            if not any(r.span[0] < match.end() and start < r.span[1] for r in [*taken, *found]):
                found.append(Region((start, match.end()), "dateline_later", text[start : match.end()].strip()))
    return sorted(found, key=lambda r: r.span)


def _starts(text: str) -> tuple[list[int], list[int]]:
    """The starts of the text's lines, and every place a sentence may start (lines included)."""
    lines = [0] + [m.end() for m in re.finditer(r"\n[ \t]*", text)]
    after_punctuation = [m.end() for m in _STARTS.finditer(text) if m.group()[0] != "\n"]
    return lines, sorted({*lines, *after_punctuation})


def _headline_end(text: str, start: int) -> int:
    """Where the headline a label introduces ends: at its final punctuation, the end of its line,
    or where a sentence glued to it starts; the label alone when none comes soon enough."""
    limit = min(len(text), start + _MAX_HEADLINE)
    glued = _GLUED_START.search(text, start, limit)
    ended = _SENTENCE_END.search(text, start, limit)
    if glued is not None and (ended is None or glued.end() < ended.end()):
        return glued.start()
    if ended is None:
        return len(text) if limit == len(text) and len(text[start:].split()) <= _HEADLINE_WORDS else start
    if ended.group() == "\n":  # the headline ends its line
        return ended.start() if len(text[start : ended.start()].split()) <= _HEADLINE_WORDS else start
    # Headlines seldom end in a full stop: a run to one may hold a sentence glued to the headline
    # whose start we cannot tell ("… over fishing quotas Finland said …"); only a short run is
    # the headline alone.
    return ended.end() if len(text[start : ended.end()].split()) <= _SHORT_HEADLINE else start


def _sentence_end(text: str, start: int) -> int:
    match = _SENTENCE_END.search(text, start)
    if match is None:
        return len(text)
    return match.start() if match.group() == "\n" else match.end()


_MAX_CAPTION = 600


def _caption_start(text: str, end: int, credit_end: int) -> int:
    """Where the caption a credit closes starts: its paragraph, when the credit ends a short one
    (a caption under a photo); else the sentence before the credit."""
    line_start = text.rfind("\n", 0, end) + 1
    at_line_end = not text[credit_end:].split("\n", 1)[0].strip()
    if at_line_end and end - line_start <= _MAX_CAPTION:
        return line_start
    start = line_start
    for match in re.finditer(r"[.!?][\"”’')\]]?\s+(?=[A-Z\"“‘])", text[line_start:end]):
        start = line_start + match.end()
    return start
