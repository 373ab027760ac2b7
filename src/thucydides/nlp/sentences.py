"""Fast sentence lookup. spaCy's ``Token.sent`` walks the document's sentences on every call,
which makes per-token use quadratic in long articles; this index is built once per Doc."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "thucydides.sentences"


def _index(doc: Doc) -> tuple[list[Span], list[int]]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        sentences = list(doc.sents)
        owner = [0] * len(doc)
        for number, sentence in enumerate(sentences):
            for i in range(sentence.start, sentence.end):
                owner[i] = number
        cached = (sentences, owner)
        doc.user_data[_KEY] = cached
    return cached  # type: ignore[no-any-return]


def sentence_of(token: Token) -> Span:
    """The sentence holding a token (same as ``token.sent``, in constant time)."""
    sentences, owner = _index(token.doc)
    return sentences[owner[token.i]]


def sentence_back(token: Token, count: int) -> Span:
    """The sentence ``count`` sentences before the token's, or the first one; a paragraph break
    counts as no sentence ("Norway and Sweden met.\n\nThese two countries agreed …")."""
    sentence = sentence_of(token)
    while count > 0 and sentence.start > 0:
        sentence = sentence_of(token.doc[sentence.start - 1])
        if sentence.text.strip():
            count -= 1
    return sentence


def sentence_number(token: Token) -> int:
    """The index of the token's sentence in the document."""
    return _index(token.doc)[1][token.i]


_TEXT = "thucydides.text"


def text_of(doc: Doc) -> str:
    """The document's text, kept: spaCy's ``Doc.text`` joins every token anew on each call."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT] = text
    return text  # type: ignore[no-any-return]


def keep_text(doc: Doc, text: str) -> Doc:
    """``doc``, made from ``text`` by the tokenizer (which keeps every character, so the two are
    the same), with ``text`` kept for :func:`text_of`: no join of every token to get it back."""
    doc.user_data[_TEXT] = text
    return doc
