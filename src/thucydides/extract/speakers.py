"""Who a quote's speaker is: a named actor, or a pronoun or nominal resolved to one.

The subject of a cue is resolved, in order (a role coordinated with a name and no determiner,
"presidential contender and former surgeon Ann Vale", being the name):

1. to the actor it names (``DocActors.actor_for``: a person, a country, an organisation);
2. a personal pronoun ("he", "she") to the speaker of the quote just before it, when that
   speaker is a person and no other person has been named since; else to the last person named
   before the quote; a possessive ("her comments on …", "their support for …") to the subject of
   the clause that tells it when it agrees (a person for "his"/"her", a plural for "their"), else
   "his"/"her" as "he"/"she";
3. a definite role nominal ("the minister", "the Russian leader", "the spokesman") to the last
   person named before it whose country and sector do not contradict the nominal's; else it
   stays the role actor ("Kremlin spokesman" -> RUS GOV);
4. anything else ("the poll", "critics", "they") stays what the text says: an actor with no
   code, its name the phrase itself, so the quote still has a speaker to show and to search.

This is a heuristic in place of a coreference model: coreferee, the spaCy coreference library,
supports spaCy only up to 3.5 and cannot be installed with spaCy 3.8, and no other maintained
library runs on our pipeline offline. Every speaker keeps the span of the words in the text
(the pronoun's span for "he"), with the resolved name beside it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from thucydides.nlp.sentences import sentence_of, text_of
from thucydides.records import Actor, Span
from thucydides.nlp.annotations import DocActors

PERSONAL = frozenset({"he", "she"})
RELATIVE = frozenset({"who", "that", "which"})
POSSESSIVE = frozenset({"his", "her", "their"})
_RECENT = 400
"""Characters after a quote within which "he said" still points to that quote's speaker."""
_NP_DEPS = frozenset({"compound", "amod", "poss", "det", "nmod", "nummod", "case", "quantmod", "flat", "prep", "pobj", "punct"})


class SpeakerResolver:
    """Resolves cue subjects to speakers within one document, remembering the last speaker."""

    def __init__(
        self, doc: Doc, actors: DocActors, person_nouns: frozenset[str] = frozenset(), body_nouns: frozenset[str] = frozenset()
    ) -> None:
        self.doc = doc
        self.actors = actors
        self.person_nouns = person_nouns
        self.body_nouns = body_nouns
        mentions = actors.all_actors()
        self._persons = [a for a in mentions if actors.is_person(a)]
        self._bodies = [a for a in mentions if a.code != "---" and not actors.is_person(a)]
        self._last: tuple[Actor, Span] | None = None
        self._last_body: tuple[Actor, Span] | None = None

    def remember(self, speaker: Actor | None, span: Span) -> None:
        """The speaker of the quote just found, for a later "he said" (a person) or "it added", "the
        ministry said" (a country or an organisation)."""
        if speaker is None:
            return
        if self.actors.is_person(speaker):
            self._last = (speaker, span)
        elif speaker.code != "---" and (speaker.country is not None or speaker.kb_id is not None):
            self._last_body = (speaker, span)

    def resolve(self, subject: Token, quote: Span) -> Actor:
        """The speaker a cue's subject denotes (see the module docstring)."""
        subject = _titled_name(subject, self.person_nouns)
        span = phrase_span(subject)
        lower = subject.lower_
        if lower in RELATIVE and subject.head.dep_ == "relcl" and subject.head.head.i != subject.head.i:
            # "Kirby, who said …": the relative pronoun in the text, the antecedent's actor
            antecedent = self.resolve(subject.head.head, quote)
            return replace(antecedent, text=subject.text, span=span)
        if subject.dep_ == "poss" and lower in POSSESSIVE:
            owner = self._owner(subject, quote)
            if owner is not None:
                return replace(owner, text=subject.text, span=span)
        if lower in PERSONAL or lower in ("his", "her") and subject.dep_ == "poss":
            person = self.pronoun(min(quote[0], subject.idx), lower)
            if person is not None:
                return replace(person, text=subject.text, span=span)
        elif lower == "it":
            body = self._recent_body(min(quote[0], subject.idx)) or self.body_before(subject.idx)
            if body is not None:
                return replace(body, text=subject.text, span=span)
        elif subject.pos_ != "PRON":
            actor = self.actors.actor_for(subject)
            if actor is not None and (actor.kb_id is not None or self.actors.is_person(actor)):
                return actor
            if actor is not None and actor.country is None:
                actor = self._speaking_for(subject, actor)
            if subject.pos_ == "NOUN" and subject.lemma_.lower() in self.person_nouns and _definite_singular(subject):
                person = self.nominal(subject, actor)
                if person is not None:
                    return replace(person, text=text_of(self.doc)[span[0] : span[1]], span=span)
            if actor is None or actor.country is None:
                body = self.body_nominal(subject, min(quote[0], subject.idx))
                if body is not None:
                    return replace(body, text=text_of(self.doc)[span[0] : span[1]], span=span)
            if actor is not None:
                return actor
        words = text_of(self.doc)[span[0] : span[1]]
        return Actor(text=words, name=words, code="---", country=None, sector=None, span=span)

    def _owner(self, possessive: Token, quote: Span) -> Actor | None:
        """Whose "his", "her" or "their" a stance is, in the clause that tells it: "Ann Vale made
        her first comments on …", "the Rohan envoys have signaled their support for …"."""
        current = possessive.head
        for _ in range(4):
            if current.pos_ in ("VERB", "AUX"):
                owner = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if owner is None or owner.pos_ == "PRON" and owner.lower_ not in PERSONAL:
                    return None
                actor = self.resolve(owner, quote)
                plural = owner.tag_ in ("NNS", "NNPS") or owner.lower_ == "they" or any(c.dep_ == "conj" for c in owner.children)
                if (possessive.lower_ == "their") == plural and (possessive.lower_ == "their" or self.actors.is_person(actor)):
                    return actor
                return None
            if current.head.i == current.i:
                return None
            current = current.head
        return None

    def _recent_body(self, offset: int) -> Actor | None:
        """The country or organisation that spoke the quote just before, if it is close by and no
        other one has been named since: "“…,” Arnor's ministry said. “…,” it added."."""
        if self._last_body is None:
            return None
        speaker, span = self._last_body
        if not 0 <= offset - span[1] < _RECENT:
            return None
        named_since = [a for a in self._bodies if span[1] <= a.span[0] and a.span[1] <= offset and a.country != speaker.country]
        return None if named_since else speaker

    def body_nominal(self, subject: Token, offset: int) -> Actor | None:
        """What a definite organisation nominal ("the ministry", "the agency") refers to: the country
        or organisation that spoke just before ("The UN warned … “…,” the agency said"), unless its
        name is another such noun ("Chile's government" is not "the agency"); else the last one
        named before whose name has the noun ("Peru's foreign ministry … the ministry")."""
        lemma = subject.lemma_.lower()
        if subject.pos_ != "NOUN" or lemma not in self.body_nouns or not _definite_singular(subject):
            return None
        recent = self._recent_body(offset)
        if recent is not None:
            words = set(recent.name.lower().split())
            # "Chile's government" is not "the agency"; "the United Nations" may be
            if lemma in words or not words & self.body_nouns:
                return recent
        named = [a for a in self._bodies if a.span[1] <= offset and lemma in a.name.lower().split()]
        return named[-1] if named else None

    def body_before(self, offset: int) -> Actor | None:
        """What "it" is: the last country or organisation named in the sentence before, or in the
        previous one."""
        sentence = sentence_of(self.doc[self.doc.char_span(offset, offset + 1, alignment_mode="expand").start])  # type: ignore[union-attr]
        earliest = sentence.start_char
        if sentence.start > 0:
            earliest = sentence_of(self.doc[sentence.start - 1]).start_char
        before = [a for a in self._bodies if earliest <= a.span[0] and a.span[1] <= offset]
        return before[-1] if before else None

    def _speaking_for(self, subject: Token, role: Actor) -> Actor:
        """ "A spokesman for the Norwegian prime minister": the role takes the country of whom it serves."""
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                served = next((c for c in child.children if c.dep_ == "pobj"), None)
                owner = self.actors.actor_for(served) if served is not None else None
                if owner is not None and owner.country is not None:
                    sector = role.sector or owner.sector
                    span = phrase_span(subject)
                    return replace(
                        role, text=text_of(self.doc)[span[0] : span[1]], name=text_of(self.doc)[span[0] : span[1]], country=owner.country,
                        sector=sector, code=owner.country + (sector or ""), span=span,
                    )
        return role

    def pronoun(self, offset: int, word: str | None = None) -> Actor | None:
        """Who "he" or "she" (``word``) before ``offset`` is: the last speaker, if recent and no
        one else that fits the pronoun was named since (the speaker a pronoun continues is
        taken whatever the name lists say of the speaker's gender: a namesake the knowledge base
        chose can carry the wrong one), else the last person named who fits."""
        named = self.actors.person_before(offset, word)
        if self._last is not None:
            speaker, span = self._last
            named_since = named is not None and named.span[0] > span[1] and named.name != speaker.name
            if offset - span[1] < _RECENT and not named_since:
                return speaker
        return named

    def nominal(self, subject: Token, role: Actor | None) -> Actor | None:
        """The last person named before a definite role nominal who fits its country and sector."""
        country = role.country if role is not None else None
        if country is None:
            for child in subject.children:
                nationality = self.actors.nationality_of(child)
                if nationality is not None:
                    country = nationality.country
        sector = role.sector if role is not None else None
        if role is None and country is None:
            return None
        for person in reversed(self._persons):
            if person.span[1] > subject.idx:
                continue
            if country is not None and person.country not in (None, country):
                continue
            if sector is not None and person.sector not in (None, sector):
                continue
            if country is not None and person.country is None and sector is not None and person.sector is None:
                continue
            return person
        return None


def _titled_name(subject: Token, titles: frozenset[str]) -> Token:
    """One person under two titles: "Rohan presidential contender and former surgeon Ann Vale"
    (no determiner, the second a named person) is Vale, not two speakers."""
    if subject.ent_type_ or subject.tag_ in ("NNS", "NNPS") or subject.lemma_.lower() not in titles and subject.pos_ != "NOUN":
        return subject
    if any(c.dep_ == "det" for c in subject.children):
        return subject
    name = next((c for c in subject.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"), None)
    return subject if name is None else name


def _definite_singular(token: Token) -> bool:
    return token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def phrase_span(head: Token) -> Span:
    """The characters of the noun phrase a head token heads, without relative clauses or appositions."""
    first = head.left_edge
    last = head
    for child in head.children:
        if child.i > head.i and child.dep_ in _NP_DEPS and child.dep_ != "punct":
            last = max(last, child.right_edge, key=lambda t: t.i)
    while first.i < head.i and (first.is_punct or first.is_space):
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)
