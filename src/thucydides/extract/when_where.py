"""When and where, per article and per event: the glue ``pipeline.build_analysis`` calls.

``WhenWhere.of(doc, ...)`` finds the article's time expressions and places once; ``date_of`` and
``location_of`` then date and locate each event from its trigger token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from thucydides.nlp.sentences import sentence_of, text_of
from thucydides.extract.places import (
    context_countries,
    dateline_place,
    find_mentions,
    geocode_dateline,
    governed_place,
    is_local,
    resolve_mentions,
)
from thucydides.extract.times import find_times
from thucydides.records import Actor, Dateline, Place, Time
from thucydides.resolve.gazetteer import Entry, load_gazetteer

_DATE_VALUE = re.compile(r"^(\d{4}(?:-W\d\d|-\d\d(?:-\d\d)?)?)(?:T.*)?$")
_FOLLOW = frozenset({"xcomp", "conj", "aux", "auxpass"})
_HAPPENED = frozenset({"asserted", "reported", "negated"})
_CONTINUING = frozenset({"later", "then", "afterwards", "afterward", "subsequently", "thereafter"})
_SAME_DAY = ("the same day", "that day", "that evening", "that afternoon", "that night", "later that")


@dataclass(frozen=True)
class WhenWhere:
    times: tuple[Time, ...]
    places: tuple[Place, ...]
    dateline: Place | None
    dateline_entry: Entry | None
    _time_tokens: tuple[tuple[Time, frozenset[int]], ...]
    _place_tokens: tuple[tuple[Place, Token], ...]

    @classmethod
    def of(
        cls,
        doc: Doc,
        anchor: str | None,
        dateline: Dateline | None,
        actors: list[Actor],
        text: str,
        country_bias: str | None = None,
    ) -> "WhenWhere":
        gazetteer = load_gazetteer()
        times = tuple(find_times(text_of(doc), anchor))
        time_tokens = tuple((t, _token_ids(doc, t.span)) for t in times)
        mentions = find_mentions(doc, gazetteer)
        places = resolve_mentions(
            mentions, gazetteer, dateline=dateline, actor_countries=context_countries(actors, mentions),
            bias=country_bias, text=text_of(doc),
        )
        place_tokens = []
        for place in places:
            span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
            if span is not None and len(span):
                place_tokens.append((place, span.root))
        at = dateline_place(dateline, gazetteer, text)
        all_places = tuple(sorted(([at] if at else []) + places, key=lambda p: p.span))
        return cls(times, all_places, at, geocode_dateline(dateline, gazetteer), time_tokens, tuple(place_tokens))

    def date_of(self, trigger: Token, publication: str | None) -> tuple[str | None, str | None]:
        """The event's date and the text it came from: the time expression governing its
        clause, else the publication date (with no text)."""
        time = self._governing_time(trigger)
        if time is not None:
            match = _DATE_VALUE.match(time.value)
            if match:
                return match.group(1), time.text
        earlier = self._continued_time(trigger)
        if earlier is not None:
            return earlier
        return publication, None

    def _continued_time(self, trigger: Token) -> tuple[str, str] | None:
        """ "On Thursday, Gondor met Arnor. Gondor later said …": a clause told as following
        ("later", "then", "afterwards", "the same day") with no time of its own happened on the
        day of the last dated clause before it, within the two sentences before."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else next(
            (a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None
        )
        if verb is None:
            return None
        sentence = sentence_of(verb)
        said = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "npadvmod")}
        phrase = sentence.text.lower()
        if not (said & _CONTINUING or any(words in phrase for words in _SAME_DAY)):
            return None
        opening = sentence_of(sentence.doc[max(0, sentence.start - 1)]).start
        if opening > 0:
            opening = sentence_of(sentence.doc[opening - 1]).start
        for time, ids in reversed(self._time_tokens):
            if not ids or time.type not in ("DATE", "TIME") or not opening <= min(ids) < sentence.start:
                continue
            match = _DATE_VALUE.match(time.value)
            if match and len(match.group(1)) == 10:  # a day: "later" than a month says nothing
                return match.group(1), f"{time.text} (continued)"
        return None

    def _governing_time(self, trigger: Token) -> Time | None:
        by_token = {i: t for t, ids in self._time_tokens for i in ids if t.type in ("DATE", "TIME")}
        if not by_token:
            return None
        # the trigger sits inside a time's relative clause: "since September, when they met"
        for ancestor in trigger.ancestors:
            if ancestor.i in by_token:
                return by_token[ancestor.i]
            if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ not in _FOLLOW:
                break
        heads = {trigger.i}
        current = trigger
        if trigger.pos_ not in ("VERB", "AUX"):
            verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is not None:
                heads.add(verb.i)
                current = verb
        while current.dep_ in _FOLLOW and current.head.i != current.i:
            current = current.head
            heads.add(current.i)
        best: tuple[tuple[int, int], Time] | None = None
        for time, ids in self._time_tokens:
            if time.type not in ("DATE", "TIME") or not ids:
                continue
            inside = [trigger.doc[i] for i in sorted(ids)]
            token = next((t for t in inside if t.head.i not in ids or t.head.i == t.i), inside[0])  # the phrase's head
            if sentence_of(token).start != sentence_of(trigger).start:
                continue
            if token.dep_ in ("nummod", "compound", "amod", "poss") and token.head.pos_ in ("NOUN", "PROPN"):
                continue  # "a 2021 ceasefire agreement" names a thing, it does not date the clause
            # inside the trigger's own phrase ("the destruction of a drone on Tuesday") first
            own = trigger.pos_ not in ("VERB", "AUX") and any(a.i == trigger.i for a in token.ancestors)
            clause = _clause_head(token, ids)
            if not own and (clause is None or clause.i not in heads):
                continue
            distance = (0 if own else 1, abs(token.i - trigger.i))
            if best is None or distance < best[0]:
                best = (distance, time)
        return best[1] if best else None

    def location_of(self, trigger: Token, modality: str, excluded: list[tuple[int, int]]) -> Place | None:
        """The place governed by the event's clause, else the dateline when the event is local
        to it, else none."""
        place = governed_place(trigger, list(self._place_tokens), excluded)
        if place is not None:
            return place
        if self.dateline is None or modality not in _HAPPENED:
            return None
        sentence = sentence_of(trigger)
        in_sentence = [p for p, t in self._place_tokens if sentence.start <= t.i < sentence.end]
        if is_local(in_sentence, self.dateline_entry):
            return self.dateline
        return None


def _token_ids(doc: Doc, span: tuple[int, int]) -> frozenset[int]:
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    return frozenset(t.i for t in tokens) if tokens is not None else frozenset()


def _clause_head(token: Token, inside: frozenset[int]) -> Token | None:
    """The verb (or event noun's verb) a time expression hangs from."""
    for ancestor in token.ancestors:
        if ancestor.i in inside:
            continue
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None
