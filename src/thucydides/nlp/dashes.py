"""Typewriter dashes: a pair of hyphens with a space on each side that sets off a list of names
inside a sentence ("the two neighbours - Egypt and Jordan - criticised") are dashes, the
punctuation of an interpolated apposition, not hyphens inside words. Parsers trained on edited
text, where such dashes are printed "—", read the spaced hyphens as word joiners and lose the
sentence's verb. The parser is given a view of the text with such a pair printed as the dashes
they stand for: one character for one, so every offset stays the same, and every text a user
sees still comes from the original. Other spaced hyphens (a dateline's, one before an
afterthought, one around a clause) are left as they are: the parser reads those well enough."""

from __future__ import annotations

import re

_PAIRED_DASHES = re.compile(r"(?:(?<=[^\W\d_])|(?<=[)’'\"”])) - ([^\W\d_][^!?;:\n-]{0,100}?) - (?=[^\W\d_])")
"""Two hyphens between single spaces, each between words (after a word, a closing bracket or
quote; before a word), with no sentence end, colon or other hyphen between them; not between
figures ("10 - 12 March", which is a range)."""

_JOINING = frozenset({"and", "or", "of", "the", "al", "de", "bin"})
"""Lower-case words a list of names holds ("Egypt and Jordan", "the Republic of Korea")."""


def _names(words: str) -> bool:
    """Whether the words between the dashes are names and the words that join them."""
    tokens = words.replace(",", " ").split()
    return bool(tokens) and len(tokens) <= 12 and all(t[0].isupper() or t in _JOINING for t in tokens) and any(
        t[0].isupper() for t in tokens
    )


def dash_view(text: str) -> str:
    """``text`` with its spaced hyphens around a list of names as em dashes, offsets unchanged."""
    if " - " not in text:
        return text
    return _PAIRED_DASHES.sub(lambda m: f" \u2014 {m.group(1)} \u2014 " if _names(m.group(1)) else m.group(0), text)
