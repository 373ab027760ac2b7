"""Typewriter dashes: a hyphen with a space on each side between two words ("the two neighbours
- Egypt and Jordan - criticised") is a dash, the punctuation that sets off an apposition or an
aside, not a hyphen inside a word. Parsers trained on edited text, where such a dash is printed
"—", read the spaced hyphen as a word joiner and lose the sentence's verb. The parser is given a
view of the text with these hyphens printed as the dash they stand for: one character for one,
so every offset stays the same, and every text a user sees still comes from the original."""

from __future__ import annotations

import re

_TYPEWRITER_DASH = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)’'\"”])) - (?=[^\W\d_])")
"""A hyphen between single spaces, after a word (or a closing bracket or quote) and before a
word; not between figures ("10 - 12 March", "2019 - 2023"), which is a range."""


def dash_view(text: str) -> str:
    """``text`` with its spaced hyphens between words as em dashes, offsets unchanged."""
    if " - " not in text:
        return text
    return _TYPEWRITER_DASH.sub(" \u2014 ", text)
