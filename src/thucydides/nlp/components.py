"""Our spaCy components. Registered factories carry a version (`_v1`) so old configs reproduce old data; spaCy forbids dots in names."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component(
    "thucydides_paragraphs_v1",
    assigns=["token.is_sent_start"],
)
def paragraphs(doc: Doc) -> Doc:
    """A paragraph break, or a masked region, ends a sentence: headlines and datelines stay apart.

    Runs before the parser, which keeps boundaries already set.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and ("\n" in previous.text or len(previous.text) > 3)):
            token.is_sent_start = True
        elif token.is_space and ("\n" in token.text or len(token.text) > 3):
            token.is_sent_start = True
    return doc
