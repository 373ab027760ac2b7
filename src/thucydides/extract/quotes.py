"""Direct quotes and their speakers.

A quote is a run of text between quotation marks with at least four words. Its speaker is the
subject of the speech verb in the same sentence ("…,” Qin said; Kirby told reporters, “…”);
a pronoun speaker is the last named person before the quote; a quote with no cue that follows
another in the same paragraph continues that speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from thucydides.extract.events import SPEECH_VERBS
from thucydides.records import Actor
from thucydides.resolve.actors import DocActors

_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"\n]+)\"")
_CUES = SPEECH_VERBS | {"ask", "reply", "respond", "conclude", "continue", "recall", "predict", "suggest"}
_MIN_WORDS = 4
_RECENT = 400
"""Characters after a quote within which "he said" still points to that quote's speaker."""


@dataclass(frozen=True)
class QuoteMatch:
    content: str
    span: tuple[int, int]
    cue: Token | None
    speaker: Actor | None


def find_quotes(doc: Doc, actors: DocActors) -> Iterator[QuoteMatch]:
    """Direct quotes in text order, each with the cue and speaker found for it."""
    text = doc.text
    previous: QuoteMatch | None = None
    for match in _QUOTED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        content = text[start:end]
        if len(content.split()) < _MIN_WORDS or not content.strip():
            continue
        cue = _cue(doc, match.start(), match.end())
        speaker = _speaker(cue, actors, match.start(), previous) if cue is not None else None
        if cue is None and previous is not None and "\n\n" not in text[previous.span[1] : start]:
            found = QuoteMatch(content, (start, end), previous.cue, previous.speaker)
        else:
            found = QuoteMatch(content, (start, end), cue, speaker)
        previous = found
        yield found


def _cue(doc: Doc, start: int, end: int) -> Token | None:
    """The nearest speech verb outside the quote, in the sentences the quote touches."""
    inside = doc.char_span(start, end, alignment_mode="expand")
    if inside is None:
        return None
    sentences = {doc[inside.start].sent.start: doc[inside.start].sent}
    last = doc[inside.end - 1].sent
    sentences[last.start] = last
    if inside.end < len(doc):
        after = doc[inside.end].sent
        if "\n" not in doc.text[end : after.start_char]:
            sentences[after.start] = after
    best: Token | None = None
    for sentence in sentences.values():
        for token in sentence:
            if start <= token.idx < end or token.pos_ not in ("VERB", "AUX"):
                continue
            if token.lemma_.lower() not in _CUES:
                continue
            if best is None or _distance(token, start, end) < _distance(best, start, end):
                best = token
    return best


def _distance(token: Token, start: int, end: int) -> int:
    return start - token.idx if token.idx < start else token.idx - end


def _speaker(cue: Token, actors: DocActors, quote_start: int, previous: QuoteMatch | None) -> Actor | None:
    """The cue's subject; "he"/"she" is the speaker of a quote just before, else the last person named."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.pos_ == "PRON":
        named = actors.person_before(min(quote_start, subject.idx))
        if previous is None or previous.speaker is None or not actors.is_person(previous.speaker):
            return named
        named_since = named is not None and named.span[0] > previous.span[1]
        if quote_start - previous.span[1] < _RECENT and not named_since:
            return previous.speaker
        return named
    actor = actors.actor_for(subject)
    if actor is None:
        return None
    return actor
