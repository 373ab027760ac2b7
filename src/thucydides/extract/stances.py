"""Stances: which actor supports or opposes what, on the issues news argues about.

A stance is read from a stance verb (``extract/data/issues.yaml``: "support", "back", "welcome",
"call for", "demand" / "oppose", "reject", "condemn", "warn against") with a holder (its subject,
resolved like a quote's speaker) and an object (direct object, the object of its preposition,
or its clausal complement: "demanded that Russia withdraw").

- **Issue**: every issue of the vocabulary whose keywords appear in the object ("urged a
  truce and peace talks" gives two stances); when none does, the object's own noun phrase is
  the issue, learned from the text ("welcomed Beijing's involvement" -> "involvement").
- **Harm**: a stance on what is done against an issue is the opposite stance on the issue:
  "condemned the violation of its territorial integrity" supports territorial integrity, "called
  for an end to sanctions" and "demanded that Russia lift sanctions" oppose sanctions
  (``harm_nouns``, ``harm_verbs`` and ``harming_keywords`` in the vocabulary).
- **Polarity**: the verb's; support is ``conditional`` when hedged ("would welcome",
  "cautiously welcomed", "… if …"); negation or a refusing verb turns support into
  opposition ("refused to back sanctions"), while a negated opposition says nothing and is
  dropped ("has refused to condemn" is not support).
- **Holder**: an actor (a country, an organisation, a named person); "it" or "they" as subject of
  a clause someone reported is that someone ("The US said it would oppose …").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from spacy.tokens import Doc, Token

from thucydides.nlp.sentences import sentence_of
from thucydides.codes.lexicon import SAFE_LOADER
from thucydides.errors import ResourceError
from thucydides.extract.attributions import load_cues
from thucydides.extract.speakers import SpeakerResolver
from thucydides.records import Actor, Stance
from thucydides.nlp.annotations import doc_actors

Polarity = Literal["support", "oppose", "conditional"]
_OPPOSITE: dict[Polarity, Polarity] = {"support": "oppose", "oppose": "support"}
"""A stance on a harm done to an issue, told as a stance on the issue; conditional support of a
harm stays conditional."""
_REFUSING = frozenset({"refuse", "decline", "fail", "reluctant", "unwilling", "hesitate"})
_OBJECT_DEPS = ("dobj", "ccomp", "xcomp")
_CHAIN_DEPS = ("conj", "xcomp", "advcl")
_DROP_FROM_PHRASE = frozenset({"det", "poss", "punct", "predet", "case", "nummod"})


@dataclass(frozen=True)
class Issues:
    """The issue vocabulary and the stance verbs."""

    keywords: dict[str, tuple[tuple[str, ...], ...]]
    support: frozenset[str]
    oppose: frozenset[str]
    preposition_objects: dict[str, frozenset[str]]
    preposition_oppose: dict[str, frozenset[str]]
    conditional_modifiers: frozenset[str]
    conditional_marks: frozenset[str]
    harm_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    harm_verbs: frozenset[str] = frozenset()
    harming_keywords: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)

    def issues_in(self, tokens: list[Token]) -> list[str]:
        """The issues whose keywords occur in these tokens, in vocabulary order."""
        return [issue for issue, _ in self.told_issues(tokens)]

    def told_issues(self, tokens: list[Token]) -> list[tuple[str, bool]]:
        """The issues whose keywords occur in these tokens, in vocabulary order, each with
        whether the tokens tell a harm done to it (the stance on it is then the opposite)."""
        lemmas = [t.lemma_.lower() for t in tokens]
        words = [t.lower_ for t in tokens]
        inside = {t.i for t in tokens}
        found = []
        for issue, phrases in self.keywords.items():
            at = next((i for phrase in phrases for sequence in (lemmas, words) for i in _positions(sequence, phrase)), None)
            if at is None:
                continue
            phrase = next(p for p in phrases if at in _positions(lemmas, p) or at in _positions(words, p))
            harmed = phrase in self.harming_keywords.get(issue, frozenset())
            found.append((issue, harmed != self._harmed(tokens[at], inside)))
        return found

    def _harmed(self, token: Token, inside: set[int]) -> bool:
        """Whether an odd number of harms stand over ``token`` within the stance's object."""
        harmed = False
        for current in (token, *token.ancestors):
            head = current.head
            if head.i not in inside or head.i == current.i:
                break
            if current.dep_ == "pobj" and head.head.i in inside:
                noun = head.head
                if noun.pos_ == "NOUN" and head.lower_ in self.harm_nouns.get(noun.lemma_.lower(), frozenset()):
                    harmed = not harmed
            if current.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in self.harm_verbs:
                harmed = not harmed
        return harmed


def _positions(sequence: list[str], phrase: tuple[str, ...]) -> list[int]:
    """Where ``phrase`` starts in ``sequence``."""
    if phrase[0] not in sequence:
        return []
    n = len(phrase)
    return [i for i in range(len(sequence) - n + 1) if sequence[i] == phrase[0] and tuple(sequence[i : i + n]) == phrase]


@lru_cache(maxsize=1)
def load_issues() -> Issues:
    """The bundled issue vocabulary (``extract/data/issues.yaml``)."""
    source = resources.files("thucydides.extract").joinpath("data/issues.yaml")
    try:
        data = yaml.load(source.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
        keywords = {
            str(issue): tuple(tuple(str(k).lower().split()) for k in words)
            for issue, words in data["issues"].items()
        }

        def table(key: str) -> dict[str, frozenset[str]]:
            return {str(v): frozenset(str(p) for p in ps) for v, ps in (data.get(key) or {}).items()}

        return Issues(
            keywords=keywords,
            support=frozenset(str(data["support"]).split()),
            oppose=frozenset(str(data["oppose"]).split()),
            preposition_objects=table("preposition_objects"),
            preposition_oppose=table("preposition_oppose"),
            conditional_modifiers=frozenset(str(w) for w in data.get("conditional_modifiers", [])),
            conditional_marks=frozenset(str(w) for w in data.get("conditional_marks", [])),
            harm_nouns=table("harm_nouns"),
            harm_verbs=frozenset(str(data.get("harm_verbs") or "").split()),
            harming_keywords={
                str(issue): frozenset(tuple(str(k).lower().split()) for k in words)
                for issue, words in (data.get("harming_keywords") or {}).items()
            },
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        raise ResourceError(f"cannot read the issue vocabulary: {error}") from error


@dataclass(frozen=True)
class StanceMatch:
    """A stance found in a Doc, with the verb that told it (for ``explain`` and tests)."""

    stance: Stance
    verb: Token


def find_stances(doc: Doc) -> Iterator[Stance]:
    """Every stance in the document, in text order, one per holder, issue and polarity."""
    seen: set[tuple[str, str, str]] = set()
    for match in match_stances(doc):
        stance = match.stance
        key = (stance.holder.name, stance.issue, stance.polarity)
        if key not in seen:
            seen.add(key)
            yield stance


def match_stances(doc: Doc) -> Iterator[StanceMatch]:
    """Every stance verb with a holder and an issue, in text order."""
    actors = doc_actors(doc)
    issues = load_issues()
    speakers = SpeakerResolver(doc, actors, load_cues().person_nouns)
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        polarity = _verb_polarity(verb, issues)
        if polarity is None:
            continue
        if _inside_stance(verb, issues):
            continue  # "would oppose efforts to propose a ceasefire": the outer verb tells the stance
        obj = _object(verb, issues)
        if not obj:
            continue
        polarity = _adjust(verb, polarity, issues)
        if polarity is None:
            continue
        subject = _holder_token(verb)
        if subject is None:
            continue
        holder = _holder(subject, verb, speakers)
        if holder is None:
            continue
        found = issues.told_issues(obj) or [(phrase, False) for phrase in _learned(obj)]
        start = min(verb.idx, subject.idx)
        last = max(obj, key=lambda t: t.i)
        evidence = (start, last.idx + len(last.text))
        for issue, harmed in found:
            told = _OPPOSITE.get(polarity, polarity) if harmed else polarity
            yield StanceMatch(Stance(holder=holder, issue=issue, polarity=told, evidence_span=evidence), verb)


def _verb_polarity(verb: Token, issues: Issues) -> Polarity | None:
    lemma = verb.lemma_.lower()
    if lemma not in issues.preposition_oppose and lemma not in issues.preposition_objects:
        # no preposition matters for this verb: its children need not be read
        return "oppose" if lemma in issues.oppose else "support" if lemma in issues.support else None
    preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt")}
    if preps & issues.preposition_oppose.get(lemma, frozenset()):
        return "oppose"
    if lemma in issues.oppose:
        return "oppose"
    if lemma in issues.support or preps & issues.preposition_objects.get(lemma, frozenset()):
        return "support"
    return None


def _inside_stance(verb: Token, issues: Issues) -> bool:
    current = verb
    while current.head.i != current.i:
        current = current.head
        if _verb_polarity(current, issues) is not None:
            return True
    return False


def _object(verb: Token, issues: Issues) -> list[Token]:
    """The tokens of what the stance is about."""
    lemma = verb.lemma_.lower()
    wanted = issues.preposition_objects.get(lemma, frozenset()) | issues.preposition_oppose.get(lemma, frozenset())
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in wanted:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return list(objects[0].subtree)
            if child.dep_ == "prt":  # "ruled out talks"
                direct = [c for c in verb.children if c.dep_ == "dobj"]
                if direct:
                    return list(direct[0].subtree)
    for dep in _OBJECT_DEPS:
        for child in verb.children:
            if child.dep_ == dep and child.pos_ != "PRON":
                # the object with what completes it: "oppose efforts … to propose a ceasefire"
                subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
                return [t for t in verb.subtree if t.i > verb.i and t.i not in subject and sentence_of(t) == sentence_of(verb)]
    return []


def _adjust(verb: Token, polarity: Polarity, issues: Issues) -> Polarity | None:
    """Negation, refusal and hedges: see the module docstring."""
    negated = any(c.dep_ == "neg" for c in verb.children) and not any(
        c.lower_ in ("just", "only") for c in verb.children
    )
    current = verb
    while current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
        current = current.head
        if current.lemma_.lower() in _REFUSING or any(c.dep_ == "neg" for c in current.children):
            negated = not negated
    if negated:
        return "oppose" if polarity == "support" else None
    if polarity == "support":
        hedges = {c.lower_ for c in verb.children if c.dep_ in ("aux", "advmod")}
        marks = {
            m.lower_ for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"
        }
        if hedges & issues.conditional_modifiers or marks & issues.conditional_marks:
            return "conditional"
    return polarity


def _holder_token(verb: Token) -> Token | None:
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.dep_ == "nsubjpass":
                agent = next((c for c in current.children if c.dep_ == "agent"), None)
                subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return subject
        if current.dep_ in _CHAIN_DEPS and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def _holder(subject: Token, verb: Token, speakers: SpeakerResolver) -> Actor | None:
    """The actor holding the stance; "it"/"they" under a speech verb is that verb's subject."""
    if subject.lower_ in ("it", "they", "we"):
        clause = verb
        while clause.dep_ in _CHAIN_DEPS and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "ccomp" and clause.head.i != clause.i:
            speaker_subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
            if speaker_subject is not None and speaker_subject.pos_ != "PRON":
                subject = speaker_subject
    actor = speakers.resolve(subject, (subject.idx, subject.idx + len(subject.text)))
    if actor.code == "---" and not speakers.actors.is_person(actor):
        return None
    return actor


def _learned(obj: list[Token]) -> list[str]:
    """The object's own noun phrase as the issue: "Beijing's involvement" -> "involvement"."""
    root = min(obj, key=lambda t: _depth(t))
    if root.pos_ != "NOUN":
        return []
    words = [
        t for t in root.subtree
        if t.i <= root.i and t.dep_ not in _DROP_FROM_PHRASE and t.ent_type_ == "" and t in obj
    ]
    phrase = " ".join(t.lemma_.lower() if t.i == root.i else t.lower_ for t in words)
    return [phrase] if phrase else []


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth
