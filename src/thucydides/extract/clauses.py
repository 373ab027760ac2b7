"""Clauses: which verb an event belongs to, and one event per clause and dyad.

A clause is a verb with what hangs from it, plus its subjectless participle adjuncts: in "Egypt
sent aid to Sudan, delivering medical supplies to Port Sudan" the participle "delivering" tells
the same act as "sent", so both codings are one clause. Coordinated verbs ("stormed the site and
shot a guard"), relative clauses and clauses of their own subject are clauses of their own.

Within one clause, two codings of one CAMEO root and modality between the same actors, from two
words of the clause (a verb and its participle, a verb and an event noun), are one event: the
first told is kept. Actors are the same when their codes are, or when they are of one country
and one of them is the bare country ("Sudan" and "Port Sudan"'s SDNGOV). The objects of one verb
are actors the text names apart: "arrested an activist and two journalists" (BLRNGO, BLRMED) and
"condemned Arnor and the Arnorian army" stay two events each.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from thucydides.extract.candidate import Candidate
from thucydides.nlp.sentences import sentence_number
from thucydides.records import Actor

SAME_EVENT = "the same event as an earlier coding of its clause (same CAMEO root, modality and actors)"
"""Why ``explain`` shows a coding that ``one_per_clause`` leaves out."""
_VERBS = ("VERB", "AUX")
_PARTICIPLES = frozenset({"VBG", "VBN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
RELATIVE = frozenset({"relcl", "acl"})
"""Links of a clause that describes a thing rather than telling what happened next to it."""


def verb_of(token: Token) -> Token | None:
    """The verb whose clause holds ``token``: the token itself when it is a verb, else the
    nearest verb above it ("aid" in "sent aid" belongs to "sent")."""
    if token.pos_ in _VERBS:
        return token
    return next((a for a in token.ancestors if a.pos_ in _VERBS), None)


def is_participle_adjunct(verb: Token) -> bool:
    """ "…, killing one soldier": a participle hung on a verb as an adverbial clause, with no
    subject and no conjunction of its own ("after shelling" has one), so it tells more of the
    act of the verb it hangs on."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in _PARTICIPLES
        and verb.head.pos_ in _VERBS
        and not any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in verb.children)
    )


def clause_of(token: Token) -> Token | None:
    """The verb that heads the clause of ``token``, with participle adjuncts folded into the
    verb they hang on."""
    verb = verb_of(token)
    while verb is not None and is_participle_adjunct(verb):
        verb = verb.head
    return verb


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    """One actor under two names: equal codes, or one country where one name is the bare country."""
    if a is None or b is None:
        return a is b
    if a.code == b.code:
        return True
    return a.country is not None and a.country == b.country and (a.code == a.country or b.code == b.country)


def one_per_clause(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates less those that repeat, in the same clause but from another trigger, an
    earlier one's CAMEO root, modality and actors (see the module's docstring); order is kept.
    Two objects of one verb ("condemned Arnor and the Arnorian army") are two actors the text
    names apart, and stay two events."""
    kept: list[tuple[tuple[int, int] | None, Candidate]] = []
    for candidate in candidates:
        anchor = candidate.governor if candidate.governor is not None else candidate.trigger
        verb = clause_of(anchor)
        key = (sentence_number(verb), verb.i) if verb is not None else None
        if key is not None and any(
            other_key == key
            and other.trigger.i != candidate.trigger.i
            and other.entry.code.root == candidate.entry.code.root
            and other.modality == candidate.modality
            and same_actor(other.source, candidate.source)
            and same_actor(other.target, candidate.target)
            for other_key, other in kept
        ):
            continue
        kept.append((key, candidate))
    return [candidate for _, candidate in kept]
