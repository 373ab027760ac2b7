"""Our spaCy components. Registered factories carry a version (`_v1`) so old configs reproduce old data; spaCy forbids dots in names."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from thucydides.nlp import headlines  # noqa: F401  (registers thucydides_headlines_v1)


BREAKS = "thucydides.breaks"
"""``doc.user_data`` key: characters where cleaning says a sentence starts (a body glued to its title)."""


@Language.component(
    "thucydides_paragraphs_v1",
    assigns=["token.is_sent_start"],
)
def paragraphs(doc: Doc) -> Doc:
    """A paragraph break, or a masked region, ends a sentence: headlines and datelines stay apart.

    Runs before the parser, which keeps boundaries already set.
    """
    tokens = iter(doc)
    previous = next(tokens, None)
    if previous is None:
        return doc
    for char in doc.user_data.get(BREAKS, ()):
        token = doc.char_span(char, char + 1, alignment_mode="expand")
        if token is not None and token.start > 0:
            doc[token.start].is_sent_start = True
    for token in tokens:  # each with the one before it (doc[i - 1] builds a new Token each time)
        if "\n" in previous.whitespace_ or (previous.is_space and ("\n" in previous.text or len(previous.text) > 3)):
            token.is_sent_start = not _wrapped(doc, token)
        elif token.is_space and ("\n" in token.text or len(token.text) > 3):
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            token.is_sent_start = following is None or not _wrapped(doc, following)
        previous = token
    return doc


_CONTINUING = frozenset(
    """a an the of to in on at for with by from into and or but nor as that which who whom whose
    his her its their our my your this these those than""".split()
)


def _wrapped(doc: Doc, token: Token) -> bool:
    """A hard-wrapped line: one line break (and its indentation) inside a sentence, as in text cut
    to a fixed width ("… hung a\n    banner on …"). The sentence runs on when the line before stops
    on a word that cannot end one, or the next line starts in lower case. A blank line, or a long
    masked run, is still a break."""
    previous = doc[token.i - 1]
    if previous.is_space:
        gap, last = previous.text, doc[token.i - 2] if token.i >= 2 else None
    else:
        gap, last = previous.whitespace_, previous
    if last is None or gap.count("\n") != 1 or len(gap) > 24 or not token.is_alpha:
        return False
    return token.text[0].islower() or last.lower_ in _CONTINUING
