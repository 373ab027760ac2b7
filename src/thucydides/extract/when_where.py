"""When and where, per article and per event: the glue ``pipeline.build_analysis`` calls.

``WhenWhere.of(doc, ...)`` finds the article's time expressions and places once; ``date_of`` and
``location_of`` then date and locate each event from its trigger token.

One date per clause: a time expression dates the clause whose verb governs it. A clause with no
time of its own takes the time of the clause it depends on ("fired on Tuesday, killing a
soldier"), else the sentence's one date expression when it has only one; it never takes a time
that contradicts its modality (a past day for a planned event, a coming one for a done act), and
clauses told as another time take none: relative clauses ("Arnor, which it invaded"), clauses
ordered against the dated one ("after", "before", "since", "until") and past perfects ("had
shelled"). Time expressions that bound a period ("since", "until", "by 2027") or name a thing
("a 2021 ceasefire agreement") date no other clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from thucydides.dates import read_date
from thucydides.extract.clauses import RELATIVE, verb_of
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
from thucydides.records import Actor, Dateline, Modality, Place, Time
from thucydides.resolve.gazetteer import Entry, load_gazetteer

_DATE_VALUE = re.compile(r"^(\d{4}(?:-W\d\d|-\d\d(?:-\d\d)?)?)(?:T.*)?$")
_FOLLOW = frozenset({"xcomp", "conj", "aux", "auxpass"})
_HAPPENED = frozenset({"asserted", "reported", "negated"})
_CONTINUING = frozenset({"later", "then", "afterwards", "afterward", "subsequently", "thereafter"})
_SAME_DAY = ("the same day", "that day", "that evening", "that afternoon", "that night", "later that")
_AHEAD = frozenset({"future", "hypothetical"})
_BOUNDS = frozenset({"since", "until", "till", "by", "before", "after", "from", "through", "between", "to"})
"""Prepositions whose time bounds a period rather than dating a clause: lent to no other clause."""
_ORDERED = frozenset({"after", "before", "since", "until", "till", "once"})
"""Conjunctions that put a clause at another time than the one it hangs on."""


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

    def date_of(
        self, trigger: Token, publication: str | None, modality: Modality | None = None
    ) -> tuple[str | None, str | None]:
        """The event's date and the text it came from: the time expression governing its
        clause, else one it inherits (see the module's docstring), else the publication date
        (with no text)."""
        time = self._governing_time(trigger)
        if time is not None:
            match = _DATE_VALUE.match(time.value)
            if match:
                return match.group(1), time.text
        inherited = self._inherited_time(trigger, publication, modality)
        if inherited is not None:
            return inherited
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

    def _inherited_time(
        self, trigger: Token, publication: str | None, modality: Modality | None
    ) -> tuple[str, str] | None:
        """For a clause with no time of its own: the time of the nearest clause it hangs on
        that has one, else the sentence's only dating time (see the module's docstring)."""
        verb = verb_of(trigger)
        if verb is None:
            return None
        dating = self._dating_times(trigger)
        if not dating:
            return None
        chain = [verb]  # the clause and those it may take a time from
        while chain[-1].head.i != chain[-1].i and (chain[-1].pos_ not in ("VERB", "AUX") or _may_inherit(chain[-1])):
            chain.append(chain[-1].head)
        for clause in chain:
            own = [(abs(token.i - verb.i), value, time) for time, value, token, head in dating if head == clause.i]
            if own:
                _, value, time = min(own, key=lambda found: found[0])
                return (value, time.text) if _agrees(value, publication, modality) else None
        if len({value for _, value, _, _ in dating}) != 1:
            return None
        time, value, token, _ = dating[0]
        reached = chain[-1].head.i == chain[-1].i or any(a.i == verb.i for a in token.ancestors)
        return (value, time.text) if reached and _agrees(value, publication, modality) else None

    def _dating_times(self, trigger: Token) -> list[tuple[Time, str, Token, int | None]]:
        """The times of the trigger's sentence that may date another clause, each with its
        value, its phrase's head and the index of the verb it hangs from."""
        sentence = sentence_of(trigger)
        found = []
        for time, ids in self._time_tokens:
            if time.type not in ("DATE", "TIME") or not ids or not sentence.start <= min(ids) < sentence.end:
                continue
            match = _DATE_VALUE.match(time.value)
            if not match:
                continue
            inside = [trigger.doc[i] for i in sorted(ids)]
            token = next((t for t in inside if t.head.i not in ids or t.head.i == t.i), inside[0])
            before = trigger.doc[inside[0].i - 1] if inside[0].i > 0 else None
            on_a_day = len(match.group(1)) == 10 and before is not None and before.lower_ in ("on", "in", "at")
            if token.dep_ in ("nummod", "compound", "amod", "poss") and token.head.pos_ in ("NOUN", "PROPN") and not on_a_day:
                continue  # "a 2021 ceasefire agreement"; but "On Wednesday Norway expelled …" misparsed
            if token.dep_ == "pobj" and token.head.lower_ in _BOUNDS:
                continue
            if any(a.dep_ in RELATIVE for a in (token, *token.ancestors)):
                continue  # "Arnor, which invaded Rohan in 2014": the time of a thing's description
            clause = _clause_head(token, ids)
            found.append((time, match.group(1), token, clause.i if clause is not None else None))
        return found

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


def _may_inherit(verb: Token) -> bool:
    """Whether a clause may take a time from the clause it hangs on: not a relative clause, not
    one ordered against it ("after … had shelled"), not a past perfect."""
    if verb.dep_ in RELATIVE:
        return False
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in _ORDERED:
            return False
        if child.dep_ == "aux" and child.lower_ in ("had", "'d") and verb.tag_ == "VBN":
            return False
    return True


def _agrees(value: str, publication: str | None, modality: Modality | None) -> bool:
    """Whether an inherited date fits the event's modality: a done act is not dated after the
    publication, a planned one not before it."""
    told, now = read_date(value), read_date(publication)
    if told is None or now is None or modality is None:
        return True
    if modality in _HAPPENED:
        return told.first <= now.last
    if modality in _AHEAD:
        return told.last >= now.first
    return True


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
