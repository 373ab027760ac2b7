"""When and where, per article and per event: the glue ``pipeline.build_analysis`` calls.

``WhenWhere.of(doc)`` reads the article's time expressions and places, as the pipeline's times
and places components wrote them on the Doc; ``date_of`` and ``location_of`` then date and
locate each event from its trigger token.

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
from thucydides.nlp.annotations import places_of, times_of
from thucydides.nlp.sentences import sentence_of
from thucydides.records import Modality, Place, Time

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
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "over", "near", "inside", "outside", "across", "off", "on", "into", "onto", "throughout",
     "around", "within", "along", "above", "through", "toward", "towards", "outside of"}
)
_MOTION_VERBS = frozenset(
    {"visit", "tour", "travel", "arrive", "reach", "enter", "invade", "attack", "bomb", "strike", "shell",
     "raid", "storm", "occupy", "capture", "seize", "hit", "target", "land"}
)


@dataclass(frozen=True)
class WhenWhere:
    times: tuple[Time, ...]
    places: tuple[Place, ...]
    dateline: Place | None
    _time_tokens: tuple[tuple[Time, frozenset[int]], ...]
    _place_tokens: tuple[tuple[Place, Token], ...]

    @classmethod
    def of(cls, doc: Doc) -> "WhenWhere":
        """The times and places the pipeline's components wrote on ``doc``."""
        time_tokens = tuple(times_of(doc))
        places = [(place, span) for place, span in places_of(doc)]
        place_tokens = tuple((place, span.root) for place, span in places if len(span))
        at = doc._.dateline_place
        all_places = tuple(sorted(([at] if at else []) + [p for p, _ in places], key=lambda p: p.span))
        return cls(tuple(t for t, _ in time_tokens), all_places, at, time_tokens, place_tokens)

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
        if is_local(in_sentence, self.dateline):
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


def _clause_head(token: Token, inside: frozenset[int]) -> Token | None:
    """The verb (or event noun's verb) a time expression hangs from."""
    for ancestor in token.ancestors:
        if ancestor.i in inside:
            continue
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


# -- where an event happened -------------------------------------------------------------------


def governed_place(trigger: Token, places: list[tuple[Place, Token]], excluded: list[tuple[int, int]]) -> Place | None:
    """The place governed by the clause of ``trigger``: "met … in Uzbekistan", "over the Black Sea".

    ``places`` pairs each place with the root token of its span; ``excluded`` are spans (the
    event's source and target actors) that cannot be its location.
    """
    best: tuple[int, Place] | None = None
    for place, token in places:
        if sentence_of(token).start != sentence_of(trigger).start:
            continue
        if any(s < place.span[1] and place.span[0] < e for s, e in excluded):
            continue
        if not _locative(token, trigger):
            continue
        head = _nearest_clause_head(token)
        if (head is None or head.i != trigger.i) and not _noun_trigger_governs(trigger, token):
            continue
        distance = abs(token.i - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, place)
    return best[1] if best else None


def _locative(token: Token, trigger: Token) -> bool:
    """Whether a place token sits where a location does: the object of a locative preposition,
    or the object of a motion verb ("visit Moscow")."""
    current = token
    while current.dep_ in ("compound", "appos", "conj", "amod", "nmod") and current.head.i != current.i:
        current = current.head
    if current.dep_ == "pobj":
        preposition = current.head.lower_
        return preposition in LOCATIVE_PREPOSITIONS
    if current.dep_ in ("dobj", "obj") and current.head.i == trigger.i:
        return trigger.lemma_.lower() in _MOTION_VERBS
    return False


def _nearest_clause_head(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _noun_trigger_governs(trigger: Token, token: Token) -> bool:
    if trigger.pos_ in ("VERB", "AUX"):
        return False
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def is_local(sentence_places: list[Place], dateline: Place | None) -> bool:
    """Whether a sentence stays where the dateline is: every place it names is in the dateline's country."""
    if dateline is None:
        return False
    return all(p.country == dateline.country for p in sentence_places)
