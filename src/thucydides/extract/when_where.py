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
("a 2021 ceasefire agreement") date no other clause; a year naming an occasion ("at the 2022
Winter Games") dates the clause it hangs on, and the date of a statement ("in a statement
published Oct. 25") the clause told in it. A past act reported by a speaker ("said on Friday that
Arnor attacked Rohan") does not take the day of the saying.

Dates from the discourse, for a clause with no time in its sentence: a clause told as following
("later", "then", "the same day") takes the day of the last dated clause a few sentences before;
a simple-past sentence whose parties were all named in the dated sentence just before continues
its date. Events told again take the date of their first telling (:meth:`WhenWhere.with_repeated_dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from thucydides.dates import read_date
from thucydides.extract.arguments import SPEECH_VERBS
from thucydides.extract.clauses import RELATIVE, verb_of
from thucydides.nlp.annotations import ACTORS, NATIONALITIES, PLACE_COUNTRIES, places_of, times_of
from thucydides.nlp.sentences import sentence_of
from thucydides.records import Event, Modality, Place, Time

_DATE_VALUE = re.compile(r"^(\d{4}(?:-W\d\d|-\d\d(?:-\d\d)?)?)(?:T.*)?$")
_FOLLOW = frozenset({"xcomp", "conj", "aux", "auxpass"})
_HAPPENED = frozenset({"asserted", "reported", "negated"})
_CONTINUING = frozenset({"later", "then", "afterwards", "afterward", "subsequently", "thereafter"})
_SAME_DAY = ("the same day", "that day", "that evening", "that afternoon", "that night", "later that")
_AHEAD = frozenset({"future", "hypothetical"})
_PLANNED = frozenset({"future", "intent"})
_NOT_NARRATED = frozenset({"has", "have", "'s", "'ve", "would", "will", "could", "might", "may", "can", "must", "should"})
_BOUNDS = frozenset({"since", "until", "till", "by", "before", "after", "from", "through", "between", "to"})
"""Prepositions whose time bounds a period rather than dating a clause: lent to no other clause."""
_ORDERED = frozenset({"after", "before", "since", "until", "till", "once"})
"""Conjunctions that put a clause at another time than the one it hangs on."""
OCCASIONS = frozenset(
    {"games", "olympics", "olympiad", "summit", "election", "elections", "cup", "championship", "championships",
     "conference", "congress", "forum", "festival", "ceremony", "inauguration", "parade", "referendum",
     "talks", "visit", "meeting", "session", "assembly", "convention", "tournament", "expo"}
)
"""Nouns that name an occasion: a year that modifies one ("at the 2022 Winter Games", "during the
2019 election") dates the clause it hangs on, what was done there, unlike a year that names a
thing ("a 2021 agreement"); it is lent to no other clause ("accused Arnor of meddling in the 2019
election" is not an accusation of 2019)."""
STATEMENT_NOUNS = frozenset(
    {"statement", "declaration", "communique", "communiqué", "letter", "interview", "speech", "address",
     "report", "post", "tweet", "message", "resolution", "announcement", "briefing", "remarks", "note"}
)
"""What is said in a text that carries its own date: "in a joint statement published Oct. 25"
dates what the statement does."""
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
        self,
        trigger: Token,
        publication: str | None,
        modality: Modality | None = None,
        countries: tuple[str | None, ...] = (),
    ) -> tuple[str | None, str | None]:
        """The event's date and the text it came from: the time expression governing its
        clause, else one it inherits (see the module's docstring), else the time of the event
        it continues, else the publication date (with no text): a present perfect with no time
        ("has long accused") holds on the day of the article, as hand coders date it.

        ``countries`` are the countries of the event's source and target: a past clause with no
        time whose parties were all named in the sentence before, which is dated, continues it."""
        time = self._governing_time(trigger)
        if time is not None:
            match = _DATE_VALUE.match(time.value)
            if match:
                return _occasion_date(match.group(1), time, self._time_tokens, trigger.doc), time.text
        inherited = self._inherited_time(trigger, publication, modality)
        if inherited is not None:
            return inherited
        earlier = self._continued_time(trigger)
        if earlier is not None:
            return earlier
        following = self._following_time(trigger, publication, modality, countries)
        if following is not None:
            return following
        return publication, None

    def _following_time(
        self, trigger: Token, publication: str | None, modality: Modality | None, countries: tuple[str | None, ...]
    ) -> tuple[str, str] | None:
        """ "Gondor last month called for talks with Arnor. Arnor welcomed the offer.": a clause
        told in the simple past, with no time in its sentence, whose parties were all named in
        the sentence just before, continues that sentence's one date."""
        known = {c for c in countries if c}
        verb = verb_of(trigger)
        while verb is not None and verb.dep_ == "xcomp" and verb.head.i != verb.i:
            verb = verb.head  # "agreed to restore ties": the agreeing's tense
        if not known or verb is None or verb.tag_ != "VBD" or self._dating_times(trigger):
            return None
        told = verb
        while told.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in told.children):
            told = told.head  # "has denounced … and accused": the tense of the first verb
        for clause in {verb, told}:
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _NOT_NARRATED for c in clause.children):
                return None  # a perfect or a modal tells no next step of the story
        sentence = sentence_of(verb)
        if sentence.start == 0:
            return None
        before = sentence_of(sentence.doc[sentence.start - 1])
        if not known <= _countries_in(before):
            return None
        dating = self._dating_times(before[0])
        values = {value for _, value, _, _ in dating}
        if len(values) != 1:
            return None
        time = dating[0][0]
        value = values.pop()
        if len(value) == 4:
            return None  # "last year … Arnor accused": a year says nothing about the next step
        return (value, f"{time.text} (continued)") if _agrees(value, publication, modality) else None

    def _continued_time(self, trigger: Token) -> tuple[str, str] | None:
        """ "On Thursday, Gondor met Arnor. Gondor later said …": a clause told as following
        ("later", "then", "afterwards", "the same day") with no time of its own happened on the
        day of the last dated clause before it, within the four sentences before."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else next(
            (a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None
        )
        if verb is None:
            return None
        sentence = sentence_of(verb)
        said = {c.lower_ for v in (verb, *verb.ancestors) for c in v.children if c.dep_ in ("advmod", "npadvmod")}
        phrase = sentence.text.lower()
        if not (said & _CONTINUING or any(words in phrase for words in _SAME_DAY)):
            return None
        opening = sentence.start
        counted = 0
        while counted < 4 and opening > 0:  # a quote between the two often runs over several sentences
            opening = sentence_of(sentence.doc[opening - 1]).start
            if sentence_of(sentence.doc[opening]).text.strip():
                counted += 1  # a paragraph break the parser made a "sentence" of is no step of the story
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
                continue  # "a 2021 ceasefire agreement", "the 2019 election": lent to no other clause
            if token.dep_ == "pobj" and token.head.lower_ in _BOUNDS:
                continue
            if any(a.dep_ in RELATIVE for a in (token, *token.ancestors)) and _statement_verb(token) is None:
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
            if _names_a_thing(token):
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

    def with_repeated_dates(
        self, events: tuple[Event, ...], triggers: list[Token], title: tuple[int, int] | None
    ) -> tuple[Event, ...]:
        """Events told again take the date of their first telling: a headline event with no time
        of its own ("Xi meets with Putin") the date of the first event of the body with its type
        and parties (the lead tells what the headline sums up), and a planned event with no time
        of its own ("… said Friday that Berg and Lund would meet …") the date of the last
        planned event before it with its type and parties that has one ("… would meet on
        Monday"): a coming meeting of the same two parties is the same meeting."""
        own = [self._governing_time(trigger) is not None for trigger in triggers]
        out = list(events)
        for i, event in enumerate(events):
            if own[i] or event.date_text and "(continued)" in event.date_text:
                continue
            parties = _parties(event)
            if not parties:
                continue
            headline = title is not None and title[0] <= event.span[0] and event.span[1] <= title[1]
            twins = [
                j for j, other in enumerate(events)
                if j != i and own[j] and other.date and other.plover.type == event.plover.type and _parties(other) == parties
            ]
            if headline:
                twin = next((j for j in twins if events[j].span[0] >= title[1]), None)  # type: ignore[index]
            elif event.modality in _PLANNED:
                twin = next((j for j in reversed(twins) if j < i and events[j].modality in _PLANNED), None)
            else:
                twin = None
            if twin is not None:
                out[i] = replace(event, date=events[twin].date, date_text=f"{events[twin].date_text} (same event)")
        return tuple(out)

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
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in SPEECH_VERBS and _told_as_past(verb):
        return False  # "said on Friday that Arnor attacked Rohan": the saying's day, not the attack's
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
    """The verb (or event noun's verb) a time expression hangs from; for the date of a
    statement ("in a joint statement published Oct. 25"), the verb the statement hangs from."""
    through = _statement_verb(token)
    if through is not None:
        return through
    for ancestor in token.ancestors:
        if ancestor.i in inside:
            continue
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _parties(event: Event) -> frozenset[str]:
    """The countries (else codes) of an event's source and target, in either order."""
    return frozenset(a.country or a.code for a in (event.source, event.target) if a is not None and (a.country or a.code))


def _statement_verb(token: Token) -> Token | None:
    """For a time in the participle clause of a statement that the clause's verb is told in
    ("in a joint statement published Oct. 25, Arnor condemned …"), that verb."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            noun = ancestor.head
            if ancestor.dep_ != "acl" or noun.lemma_.lower() not in STATEMENT_NOUNS or noun.dep_ != "pobj":
                return None
            preposition = noun.head
            if preposition.lower_ not in ("in", "through", "via") or preposition.head.pos_ not in ("VERB", "AUX"):
                return None
            return preposition.head
    return None


def _names_a_thing(token: Token) -> bool:
    """Whether a time modifies a noun that it names a thing by ("a 2021 ceasefire agreement"),
    rather than an occasion that dates what was done at it ("the 2022 Winter Games")."""
    if token.dep_ not in ("nummod", "compound", "amod", "poss") or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return token.head.lemma_.lower() not in OCCASIONS and token.head.lower_ not in OCCASIONS


def _occasion_date(value: str, time: Time, time_tokens: tuple[tuple[Time, frozenset[int]], ...], doc: Doc) -> str:
    """A year that names the Winter Olympics is February of that year (every Winter Games has been
    held in February: "at the 2022 Winter Games" → ``2022-02``); any other value as it is."""
    if len(value) != 4:
        return value
    ids = next((ids for told, ids in time_tokens if told is time), frozenset())
    for i in ids:
        noun = doc[i].head
        if noun.lower_ in ("games", "olympics") and any(c.lower_ == "winter" for c in noun.children):
            return f"{value}-02"
    return value


def _told_as_past(verb: Token) -> bool:
    """Whether a clause is told in the past: a past-tense verb, or a perfect ("had shelled",
    "has attacked"), with no modal or future marker."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "would", "'ll", "shall", "could", "might", "may", "can", "must", "should"}:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxiliaries & {"has", "have", "had", "was", "were"}))


def _countries_in(sentence: Span) -> set[str]:
    """The countries of the actors, nationalities and places named in ``sentence``."""
    doc = sentence.doc
    found: set[str] = set()
    for group in (ACTORS, NATIONALITIES, PLACE_COUNTRIES):
        if group not in doc.spans:
            continue
        for span in doc.spans[group]:
            if not sentence.start <= span.start < sentence.end:
                continue
            if group == PLACE_COUNTRIES:
                found.add(span.label_)
                continue
            record = span._.actor if group == ACTORS else span._.nationality
            country = getattr(record, "country", None)
            if country:
                found.add(country)
    return found


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
