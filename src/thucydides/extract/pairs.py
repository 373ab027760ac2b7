"""From a match's sources and targets to coded candidates: one per source and target, the
reasons a pair is not coded (same actor, no target where one is needed, nobody placed), and the
events a pair implies (a negated cooperation is also a rejection; to report another's violence is
to accuse them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from thucydides.codes.cameo import cameo_table, roots_where
from thucydides.codes.lexicon import LexiconEntry
from thucydides.extract.arguments import conjuncts, speech_verb
from thucydides.extract.candidate import Candidate
from thucydides.records import Actor, Modality

_TARGET_REQUIRED_ROOTS = roots_where("needs_target")
"""Consulting, diplomatic and material cooperation, aid and reducing relations are between two
actors; without a target actor the clause is not coded. Other events may stand alone ("the
army shelled the town", "protesters marched"). Root-level facts live in data/cameo_roots.tsv."""
_SYMMETRIC_ROOTS = roots_where("symmetric")
VIOLENT_ROOTS = roots_where("violent")
UNATTRIBUTED_ROOTS = roots_where("unattributed")
"""What is done to a victim whose author is not named ("the killing of …", "a helicopter was
shot down", "the expelled diplomats") is still coded, with no source."""
_VIOLENT_NOUNS = frozenset(
    """bombing blast explosion attack strike airstrike shelling bomb shell missile rocket mine ambush
    raid gunfire clash violence fighting grenade drone""".split()
)
"""Subjects that are violence itself: what they did to a named victim is an event with no source."""
DENIALS = frozenset({"016"})
"""CAMEO 016 "Deny responsibility", coded REJECT as the PLOVER manual suggests (section on
converting CAMEO: "016: Deny responsibility might be considered REJECT"): a rejection of an
accusation, so of the one who made it. A denial that answers no one named is a statement."""
UNANSWERED_DENIAL = "a denial that answers no accuser named: a statement, not a rejection"

_SYMMETRIC_CODES = frozenset({"030", "031", "032", "033", "034", "035", "036", "039", "050", "057", "190", "0351"})


def symmetric_entry(entry: LexiconEntry) -> bool:
    """Whether the entry's event is done together, each party the other's counterpart (CAMEO
    consultations and material cooperation, intents to meet or cooperate, clashes)."""
    return entry.code.root in _SYMMETRIC_ROOTS or entry.code.code in _SYMMETRIC_CODES


@lru_cache(maxsize=1)
def _accusation_entry() -> LexiconEntry:
    return LexiconEntry("accuse.reported_violence", cameo_table()["112"], (), (), frozenset(), None)



def coded_pairs(
    entry: LexiconEntry,
    start: Token,
    end: Token,
    sources: list[Actor],
    targets: list[Actor],
    modality: Modality,
    speaker: Actor | None,
    source_heads: list[Token],
    unattributed: bool = False,
) -> Iterator[Candidate]:
    """``unattributed``: the text tells the targets as undergoing the event with no author
    (an agentless passive); events of roots that allow it are coded with no source."""

    def candidate(source: Actor | None, target: Actor | None, dropped: str | None) -> Candidate:
        if dropped is None and not _placed(source) and not _placed(target):
            dropped = "neither actor has a country or an organisation: the event cannot be placed"
        if modality == "reported" and speaker is not None and source is not None and (
            _same_actor(speaker, source) or _co_speaker(source, start)
        ):
            mod: Modality = "asserted"
        else:
            mod = modality
        return Candidate(entry, start, end, source, target, mod, speaker, dropped)

    if unattributed and not sources and targets and entry.code.root in UNATTRIBUTED_ROOTS and entry.code.plover_type:
        for target in targets:
            yield candidate(None, target, None)
        return
    for found in _coded_pairs(entry, sources, targets, source_heads, candidate, start.doc):
        yield found
        refusal = (
            _refusal(entry)
            if found.dropped is None and found.modality == "negated" and _own_negation(start, found.source)
            and not _not_yet(start) and not _denied(start)
            else None
        )
        if refusal is not None:
            # "will not accept", "refused to meet": a negated offer of cooperation is a rejection
            yield replace(found, entry=refusal, modality=modality_without_negation(found), speaker=found.speaker)
        if (
            found.dropped is None and found.modality == "reported" and found.speaker is not None
            and found.speaker.kb_id is not None  # a known government, group or leader, not "residents"
            and found.source is not None and int(entry.code.root) >= 14
            and found.speaker.country != found.source.country
        ):
            # "The US said Iraq had attacked": to report another's violence is to accuse them
            yield replace(found, entry=_accusation_entry(), source=found.speaker, target=found.source,
                          modality="asserted", speaker=None)


def _coded_pairs(
    entry: LexiconEntry,
    sources: list[Actor],
    targets: list[Actor],
    source_heads: list[Token],
    candidate: Callable[[Actor | None, Actor | None, str | None], Candidate],
    doc: Doc,
) -> Iterator[Candidate]:
    root = entry.code.root
    if entry.code.plover_type is None:
        yield candidate(sources[0] if sources else None, targets[0] if targets else None,
                        "public statement (CAMEO 01x): not an event in PLOVER")
        return
    if entry.code.code in DENIALS and sources and not targets:
        yield candidate(sources[0], None, UNANSWERED_DENIAL)
        return
    if not sources and targets and root in VIOLENT_ROOTS and source_heads and all(
        h.lemma_.lower() in _VIOLENT_NOUNS for h in source_heads
    ):
        for target in targets:  # "a roadside bombing killed one U.S. soldier": author unnamed
            yield candidate(None, target, None)
        return
    if not sources:
        why = "no subject" if not source_heads else f"source {' '.join(t.text for t in source_heads)!r} is not an actor"
        yield candidate(None, targets[0] if targets else None, why)
        return
    if not targets:
        if len(sources) > 1 and (root in _SYMMETRIC_ROOTS or entry.code.code in _SYMMETRIC_CODES):
            for a in sources:
                for b in sources:
                    if a is not b and a.code != b.code:
                        yield candidate(a, b, None)
            return
        for source in sources:
            dropped = "no target actor" if root in _TARGET_REQUIRED_ROOTS else None
            yield candidate(source, None, dropped)
        return
    for source in sources:
        for target in targets:
            if source.span == target.span:
                yield candidate(source, target, "source and target are the same mention")
            elif _two_people(source, target, doc):
                yield candidate(source, target, None)  # "Trump praised Kelly": two people of one government
            elif source.code == target.code and source.country is not None and source.sector == target.sector:
                yield candidate(source, target, "source and target are the same actor")
            elif source.country is not None and source.country == target.country and {source.sector, target.sector} <= {None, "GOV"}:
                yield candidate(source, target, "source and target are the same country")
            else:
                yield candidate(source, target, None)


def _two_people(source: Actor, target: Actor, doc: Doc) -> bool:
    """Whether source and target are two different named people: what one official does to
    another of the same government is a domestic event, not an actor acting on itself."""
    return _person(source, doc) and _person(target, doc) and not _same_person(source, target)


def _person(actor: Actor, doc: Doc) -> bool:
    if actor.kb_id is not None:
        return actor.kb_id.startswith("person:")
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    # "her foreign minister", "his chief of staff": one person in a role someone else holds them to
    return span.root.ent_type_ == "PERSON" or (
        span[0].lower_ in ("his", "her") and span.root.tag_ == "NN" and span.root.lemma_.lower() not in _NOT_ONE_PERSON
    )


_NOT_ONE_PERSON = frozenset("government regime administration country state party army cabinet office ministry".split())


def _same_person(a: Actor, b: Actor) -> bool:
    if a.kb_id is not None and a.kb_id == b.kb_id:
        return True
    first, second = a.name.lower(), b.name.lower()
    return first in second or second in first


_REFUSALS = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "121", "08": "124"}
"""CAMEO's rejection code for a negated cooperative event, by root (057 signing -> 127 below)."""


def _refusal(entry: LexiconEntry) -> LexiconEntry | None:
    code = "127" if entry.code.code.startswith("057") else _REFUSALS.get(entry.code.root)
    if code is None:
        return None
    table = cameo_table()
    return LexiconEntry(
        id=f"refusal.{entry.id}",
        code=table[code],
        verbs=(),
        nouns=(),
        governors=frozenset(),
        mode=None,
    )


def modality_without_negation(candidate: Candidate) -> Modality:
    """A refusal is asserted when the refused event was; "will not" still refuses now."""
    return "reported" if candidate.speaker is not None and candidate.source is not None and not _same_actor(
        candidate.speaker, candidate.source
    ) else "asserted"


def _co_speaker(source: Actor, trigger: Token) -> bool:
    """ "Norway and Sweden said they had signed": each speaker tells its own deed."""
    speech = speech_verb(trigger)
    if speech is None:
        return False
    subjects = [c for c in speech.children if c.dep_ == "nsubj"]
    mentions = [t for s in subjects for t in (s, *conjuncts(s))]
    return any(t.idx <= source.span[0] < t.idx + len(t.text) or source.span[0] <= t.idx < source.span[1] for t in mentions)


def _not_yet(trigger: Token) -> bool:
    """Whether the negation says the act has not happened yet rather than that it was refused: a
    negated perfect ("has not committed to any specifics", "had not signed") or "not yet". CAMEO's
    rejections are acts of refusing; an act still outstanding is none."""
    current = trigger
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head  # an event noun ("had not signed the treaty"): its verb
    while True:
        children = list(current.children)
        if any(c.dep_ == "neg" for c in children):
            perfect = current.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
            return perfect or any(c.lower_ == "yet" for c in children)
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head


_NOT_REFUSING = frozenset({"deny"})
"""Governors that negate an act without refusing it: to deny having sent arms is to deny a deed
(the accuser, not the would-be recipient, is whom the denial answers)."""


def _denied(trigger: Token) -> bool:
    """Whether the event is negated by a denial ("Tehran denied sending missiles to Russia"): no
    refusal of the event's target follows."""
    current = trigger
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    while current.dep_ in ("xcomp", "ccomp", "pcomp", "dobj", "conj") and current.head.i != current.i:
        current = current.head
        if current.lemma_.lower() in _NOT_REFUSING:
            return True
    return False


def _own_negation(trigger: Token, source: Actor | None) -> bool:
    """Whether the "not" is the source's own: "Russia will not withdraw" refuses; "Kyiv doesn't
    want Russia to withdraw" is Kyiv's wish, not Russia's refusal."""
    current = trigger
    while True:
        if any(c.dep_ == "neg" for c in current.children):
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            if current.i == trigger.i or not subjects or source is None:
                return True
            return subjects[0].idx <= source.span[0] < subjects[0].idx + len(subjects[0].text) or subjects[0].pos_ == "PRON"
        if current.dep_ not in ("xcomp", "ccomp", "conj", "acomp", "advcl") or current.head.i == current.i:
            return True
        current = current.head


def _placed(actor: Actor | None) -> bool:
    """Whether an actor says whose it is: a country, or an organisation's own code ("IGOUNO")."""
    return actor is not None and (actor.country is not None or not actor.code.startswith("---"))


def _same_actor(a: Actor, b: Actor) -> bool:
    """Whether a speaker speaks for the source: the same name, or the same country and sector."""
    return a.name == b.name or (a.code == b.code and a.code != "---")
