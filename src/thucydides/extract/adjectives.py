"""Events told by a predicative adjective: "Arnor is critical of Gondor", "remained supportive of".

English derives adjectives from some event verbs ("critical" from "criticise", "supportive" from
"support", the participle "opposed" from "oppose"). Used as the complement of a copula, such an
adjective says of the copula's subject what the verb says of its subject, and its preposition's
object is what the verb's object was: "Arnor was critical of Gondor" is Arnor's disapproval of
Gondor, as "Arnor criticised Gondor" is. The lexicon lists the adjectives (data/adjectives.tsv)
and lends each to its verb's entry, so they are coded as the verb is.

An adjective tells a position held, not a deed on a date, so it is coded only between two known
actors: "supportive of the reforms" with no one to support is a stance, not an event.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from thucydides.codes.lexicon import AdjectivePattern, Lexicon, LexiconEntry
from thucydides.extract.arguments import actors_of, subjects_of
from thucydides.extract.candidate import Candidate
from thucydides.extract.modality import modality_of
from thucydides.extract.pairs import coded_pairs
from thucydides.nlp.annotations import DocActors

COPULAS = frozenset("be remain become grow stay seem appear sound prove".split())
"""Verbs that link their subject to a predicative adjective ("is", "remained", "grew critical")."""


def predicative_anchor(adjective: Token) -> Token | None:
    """The verb whose subject the adjective is said of, or None where it is not predicative: a
    copula it complements ("is critical of"), or the adjectival passive it is ("was opposed to",
    which the parser reads as a passive of "oppose"). Through coordinated adjectives ("is critical
    of Arnor and supportive of Gondor")."""
    base = adjective
    while base.dep_ == "conj":
        head = base.head
        if head.lemma_.lower() in COPULAS and head.pos_ == "AUX":
            return head  # "was critical of Arnor but supportive of Gondor": the parser's second complement
        if head.pos_ in ("ADJ", "VERB"):
            base = head
        elif head.dep_ == "pobj" and head.head.head.pos_ in ("ADJ", "VERB"):
            base = head.head.head  # the parser hangs "and supportive of …" on the object before it
        else:
            break
    if base.dep_ == "acomp" and base.head.lemma_.lower() in COPULAS:
        return base.head
    if base.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in base.children) and not any(c.dep_ == "agent" for c in base.children):
        return base
    if base.dep_ in ("amod", "acl") and base.i > base.head.i and base.head.pos_ in ("NOUN", "PROPN"):
        return base  # "Arnor, long critical of Gondor, …": an adjective phrase after its noun is a reduced relative
    return None


def _holders(adjective: Token, anchor: Token) -> list[Token]:
    """Whom a predicative adjective is said of: the copula's subject, the participle's, or the
    noun a postnominal adjective phrase follows (through an apposition: "Arnor, a country critical
    of Gondor")."""
    if anchor.i != adjective.i:
        return subjects_of(anchor)
    if anchor.dep_ in ("amod", "acl") and anchor.head.i < anchor.i:
        noun = anchor.head
        return [noun.head] if noun.dep_ == "appos" else [noun]
    return _participle_subjects(anchor)


def adjective_candidates(adjective: Token, lexicon: Lexicon, actors: DocActors) -> Iterator[Candidate]:
    """The events a predicative adjective of the lexicon tells, coded or dropped with the reason."""
    for pattern, entry in lexicon.by_adjective.get(adjective.lower_, ()):
        prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ == pattern.prep), None)
        if prep is None:
            continue  # "critical to the plan": important, another sense
        anchor = predicative_anchor(adjective)
        if anchor is None:
            continue  # "as opposed to", "the critical issue": not said of anyone
        yield from _coded(adjective, prep, pattern, entry, anchor, actors)
        return


def _coded(
    adjective: Token, prep: Token, pattern: AdjectivePattern, entry: LexiconEntry, anchor: Token, actors: DocActors
) -> Iterator[Candidate]:
    source_heads = _holders(adjective, anchor)
    target_heads = [c for c in prep.children if c.dep_ == "pobj"]
    modality, speaker = modality_of(anchor, actors)
    sources = [a for h in source_heads for a in actors_of(h, actors, anchor)]
    targets = [a for h in target_heads for a in actors_of(h, actors, anchor, look_inside=True)]
    others = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for h in target_heads for c in h.children
              if c.dep_ == "conj" and c.pos_ in ("ADJ", "VERB")]
    targets = [a for a in targets if not any(low <= a.span[0] < high for low, high in others)]  # "… and supportive of Y": not of this one
    if not sources or not targets:
        missing = "whom it is said of" if not sources else f"whom it is {pattern.word} {pattern.prep}"
        yield Candidate(entry, adjective, prep, sources[0] if sources else None, targets[0] if targets else None, modality, speaker,
                        f"a position told by an adjective is coded between two known actors: {missing} is not an actor")
        return
    yield from coded_pairs(entry, adjective, prep, sources, targets, modality, speaker, source_heads)


def _participle_subjects(participle: Token) -> list[Token]:
    """The subject of an adjectival participle read as a passive ("Arnor was opposed to"): its
    own subject, or a relative pronoun's antecedent ("Arnor, which is opposed to")."""
    heads = [c for c in participle.children if c.dep_ in ("nsubj", "nsubjpass")] or [
        g for c in participle.children if c.dep_ == "auxpass" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
    ]  # the parser may hang the subject on "was"
    if heads and heads[0].lower_ in ("which", "who", "that") and participle.dep_ == "relcl":
        return [participle.head]
    return heads
