"""The event coder: lexicon patterns applied over the dependency parse.

For every verb or event noun the lexicon knows, find the source (subject, passive agent, the
possessor or the subject of the verb governing the noun) and the target (direct object, the
pattern's prepositional object, the passive subject), resolve both to actors, and decide the
modality from negation, auxiliaries and governing verbs. Every candidate that is not emitted
gets a reason, so ``explain`` can say why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from thucydides.codes.cameo import cameo_table
from thucydides.codes.lexicon import Lexicon, LexiconEntry, NounPattern, VerbPattern
from thucydides.records import Actor, Modality
from thucydides.extract.arguments import (
    CLAUSE_TARGET_ROOTS,
    LOCATED_CODES,
    LOCATED_ROOTS,
    RECIPIENT_ROOTS,
    SPEECH_VERBS,
    actors_of,
    clause_subjects,
    complement_targets,
    conjuncts,
    grievance_targets,
    is_passive,
    located_targets,
    passive_subjects,
    placed_by_clause,
    prepositional_targets,
    recipient_targets,
    speech_verb,
    subjects_of,
)
from thucydides.extract.figures import figure_of_speech, lone_fighter, political_fight, published, recoded, verbal_attack
from thucydides.extract.modality import modality_of
from thucydides.resolve.actors import DocActors

_LIGHT_VERBS = frozenset(
    """hold launch conduct stage carry make impose issue announce begin start continue resume
    mount pay sign give provide send deliver offer extend order approve intensify step deploy
    declare level file lodge have seek reach conclude open lead dispatch undertake perform organise
    organize""".split()
)
_TARGET_REQUIRED_ROOTS = frozenset({"04", "05", "06", "07", "16"})
"""Consulting, diplomatic and material cooperation, aid and reducing relations are between two
actors; without a target actor the clause is not coded. Other events may stand alone ("the
army shelled the town", "protesters marched")."""
_SYMMETRIC_ROOTS = frozenset({"04", "06"})
_UNATTRIBUTED_ROOTS = frozenset({"18", "19", "20"})
"""Violence whose victim is named but whose author is not ("the killing of …") is still coded."""
_VIOLENT_NOUNS = frozenset(
    """bombing blast explosion attack strike airstrike shelling bomb shell missile rocket mine ambush
    raid gunfire clash violence fighting grenade drone""".split()
)
"""Subjects that are violence itself: what they did to a named victim is an event with no source."""
_SYMMETRIC_CODES = frozenset({"030", "031", "032", "033", "034", "035", "036", "039", "050", "057", "190", "0351"})


@dataclass(frozen=True)
class Candidate:
    """A lexicon match in a sentence, before or after the decision to code it."""

    entry: LexiconEntry
    trigger: Token
    trigger_end: Token
    source: Actor | None
    target: Actor | None
    modality: Modality
    speaker: Actor | None
    dropped: str | None
    """Why this candidate is not an event; None when it is one."""
    governor: Token | None = None
    """For an event noun, the verb it is the object of ("imposed" in "imposed sanctions on")."""

    @property
    def rule(self) -> str:
        return self.entry.id


def find_candidates(doc: Doc, lexicon: Lexicon, actors: DocActors) -> Iterator[Candidate]:
    """Every lexicon match in the document, coded or dropped, in text order."""
    for token in doc:
        if token.is_space:
            continue
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
            for pattern, entry in lexicon.by_verb.get(token.lemma_.lower(), ()):
                match = _match_verb(token, pattern)
                if match is not None:
                    yield from _verb_candidates(token, match, entry, actors)
                    break
        if token.lemma_.lower() in SPEECH_VERBS:
            yield from _obligations(token, actors)
        if token.pos_ in ("NOUN", "PROPN"):
            options = lexicon.by_noun.get(token.lower_, ()) or lexicon.by_noun.get(token.lemma_.lower(), ())
            for noun, entry in options:
                match = _match_noun(token, noun, entry)
                if match is not None:
                    yield from _noun_candidates(token, match, entry, actors)
                    break


# -- verbs -------------------------------------------------------------------------------------


def _match_verb(verb: Token, pattern: VerbPattern) -> tuple[Token, list[Token]] | None:
    """The last token of the trigger and the target heads, when the verb fits the pattern."""
    particles = [c for c in verb.children if c.dep_ == "prt"]
    if [p.lower_ for p in particles] != list(pattern.particles):
        return None  # "break down walls with" is not "break with"
    end = max([verb, *particles[: len(pattern.particles)]], key=lambda t: t.i)
    if pattern.prep is None:
        if is_passive(verb):
            subjects = passive_subjects(verb)
            if not subjects and verb.dep_ == "conj":  # "… imprisoned … were released by Putin"
                subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return end, subjects
        return end, [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for child in verb.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == pattern.prep:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and all(t.ent_type_ in ("DATE", "TIME") for o in objects for t in o.subtree):
                continue  # "called a session on Wednesday" is not "called on"
            return max(end, child, key=lambda t: t.i), objects
    for child in particles:  # "reach out to": spaCy may hang "to" under the particle
        for grand in child.children:
            if grand.dep_ == "prep" and grand.lower_ == pattern.prep:
                return grand, [c for c in grand.children if c.dep_ == "pobj"]
    return None


def _verb_candidates(verb: Token, match: tuple[Token, list[Token]], entry: LexiconEntry, actors: DocActors) -> Iterator[Candidate]:
    end, target_heads = match
    source_heads = subjects_of(verb)
    modality, speaker = modality_of(verb, actors)
    violent = entry.code.root in ("18", "19", "20")  # "US Predator attacks killed …": whose attacks
    sources = [a for h in source_heads for a in actors_of(h, actors, verb, look_inside=violent)]
    targets = [a for h in target_heads for a in actors_of(h, actors, verb, look_inside=True)]
    if not targets:
        targets = complement_targets(verb, actors)
    if not targets and entry.code.root in CLAUSE_TARGET_ROOTS:
        targets = clause_subjects(verb, actors)
    if not targets and end.dep_ not in ("prep", "agent", "dative"):
        targets = prepositional_targets(verb, actors)  # the pattern's object slot was empty
    if not targets and entry.code.root in RECIPIENT_ROOTS and end.dep_ not in ("prep", "agent", "dative"):
        targets = recipient_targets(verb, actors)
    if not targets and entry.code.root == "14":
        targets = grievance_targets(verb, actors)
    if not targets and (entry.code.root in LOCATED_ROOTS or entry.code.code in LOCATED_CODES):
        targets = located_targets(verb, sources, actors)
    entry = recoded(verb, entry, target_heads, sources, targets, actors)
    metaphor = figure_of_speech(verb, entry, target_heads, sources, targets, actors)
    if metaphor is not None:
        yield Candidate(entry, verb, end, sources[0] if sources else None, None, modality, speaker, metaphor)
        return
    sources = placed_by_clause(sources, verb, source_heads, actors)
    yield from _pairs(entry, verb, end, sources, targets, modality, speaker, source_heads)


_OBLIGATION_AUX = frozenset({"must", "should"})


def _obligations(speech: Token, actors: DocActors) -> Iterator[Candidate]:
    """ "X said Y must …": a demand from X to Y (CAMEO 100), the convention of the CAMEO manual."""
    speakers = [c for c in speech.children if c.dep_ == "nsubj"]
    for clause in speech.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in clause.children):
            continue
        if any(c.dep_ == "neg" for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        sources = [a for h in speakers for a in actors_of(h, actors, speech)]
        targets = [a for h in subjects for a in actors_of(h, actors, clause)]
        entry = _obligation_entry()
        for source in sources:
            for target in targets:
                if target.code != source.code:
                    yield Candidate(entry, clause, clause, source, target, "asserted", None, None)


@lru_cache(maxsize=1)
def _accusation_entry() -> LexiconEntry:
    return LexiconEntry("accuse.reported_violence", cameo_table()["112"], (), (), frozenset(), None)


@lru_cache(maxsize=1)
def _obligation_entry() -> LexiconEntry:
    return LexiconEntry("request.obligation", cameo_table()["100"], (), (), frozenset(), None)


# -- nouns -------------------------------------------------------------------------------------


def _match_noun(noun: Token, pattern: NounPattern, entry: LexiconEntry) -> tuple[Token, Token, list[Token], Token | None] | None:
    """(first trigger token, last trigger token, target heads, governing verb) for a fitting noun."""
    start = noun
    if pattern.modifiers:
        left = [c for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "amod")]
        if [t.lower_ for t in left[-len(pattern.modifiers):]] != list(pattern.modifiers):
            return None
        start = left[-len(pattern.modifiers)]
    slot = _nominal_slot(noun)
    governor = slot.head if slot.dep_ in ("dobj", "nsubjpass", "attr", "conj") and slot.head.pos_ in ("VERB", "AUX") else None
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        governor = None
        if noun.head.lower_ == "in" and entry.governors and noun.head.head.lemma_.lower() in entry.governors:
            governor = noun.head.head  # "engaged Filipino peacekeepers in a firefight"
    allowed = entry.governors or _LIGHT_VERBS
    has_possessor = any(c.dep_ == "poss" for c in noun.children)
    has_by = any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)
    if entry.governors and (governor is None or governor.lemma_.lower() not in entry.governors):
        return None
    if governor is not None and governor.lemma_.lower() not in allowed and not has_possessor and not has_by:
        return None
    standalone = governor is None and noun.dep_ == "pobj" and entry.code.root in _UNATTRIBUTED_ROOTS
    if governor is None and not has_possessor and not has_by and not standalone:
        return None
    if pattern.prep is None:
        return start, noun, [noun], governor
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == pattern.prep:
            return start, child, [c for c in child.children if c.dep_ == "pobj"], governor
    if governor is not None:  # "sent aid to Ukraine": the parser often hangs "to" on the verb
        for child in governor.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == pattern.prep and child.i > noun.i:
                return start, noun, [c for c in child.children if c.dep_ == "pobj"], governor
        if pattern.prep in ("to", "for"):  # "gave Ivory Coast 5 million dollars of aid"
            datives = [c for c in governor.children if c.dep_ == "dative" and c.i < noun.i and c.pos_ in ("NOUN", "PROPN")]
            if datives:
                return start, noun, datives, governor
    return None


_MEASURES = frozenset("dollars euros pounds yuan yen tons tonnes worth million billion package packages shipment shipments consignment".split())


def _nominal_slot(noun: Token) -> Token:
    """The token standing in the verb's slot for an event noun: the first of its conjuncts
    ("providing photographs and intelligence to"), or the measure it is counted in ("gave
    Ivory Coast 5 million dollars of aid")."""
    current = noun
    while current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN"):
        current = current.head
    measure = current.head.head
    if current.dep_ == "pobj" and current.head.lower_ == "of" and (measure.lower_ in _MEASURES or measure.lemma_.lower() in _MEASURES):
        current = current.head.head
    return current


def _noun_candidates(
    noun: Token, match: tuple[Token, Token, list[Token], Token | None], entry: LexiconEntry, actors: DocActors
) -> Iterator[Candidate]:
    start, end, target_heads, governor = match
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    agents = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    anchor = governor if governor is not None else noun
    if entry.governors and governor is not None:
        # "Congo rejected Rwanda's proposal": the governing verb's subject acts; the possessor is
        # whose proposal it was.
        source_heads = subjects_of(governor)
        if target_heads == [noun]:
            target_heads = possessors + target_heads
    else:
        source_heads = possessors + agents
        if not source_heads and governor is not None:
            source_heads = subjects_of(governor)
    modality, speaker = modality_of(anchor, actors)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        modality = "negated"
    sources = [a for h in source_heads for a in actors_of(h, actors, anchor)]
    targets = [a for h in target_heads for a in actors_of(h, actors, anchor, look_inside=True)]
    if target_heads and target_heads[-1].i == noun.i:
        targets = targets[:1]  # the possessor, else what the noun itself names
        own = sources[0].country if sources else None
        if targets and own and targets[0].country == own and targets[0].span[0] <= noun.idx < targets[0].span[1]:
            targets = []  # "Mexico sent troops": the troops are Mexico's own, not its target
    if not targets and governor is not None:
        # "gave Tanzania a grant": the indirect object of the governing verb; "engaged
        # peacekeepers in a firefight": its direct object
        others = [c for c in governor.children if (c.dep_ == "dative" and c.i < noun.i) or (c.dep_ == "dobj" and c.i != noun.i)]
        targets = [a for h in others for a in actors_of(h, actors, governor)]
    if not targets and governor is not None and entry.code.root in CLAUSE_TARGET_ROOTS:
        targets = clause_subjects(noun, actors) or clause_subjects(governor, actors)  # "its demand that Israel ease …"
    if not targets and governor is not None and (entry.code.root in LOCATED_ROOTS or entry.code.code in LOCATED_CODES):
        targets = located_targets(governor, sources, actors)
    if not targets and governor is not None and entry.code.root == "14":
        targets = grievance_targets(governor, actors)  # "blocked roads in defiance of …"
    if target_heads and target_heads[0].head.lower_ == "between" and len(targets) >= 2 and not sources:
        sources, targets = targets[:1], targets[1:2]
    if not sources and targets and governor is None and entry.code.root in _UNATTRIBUTED_ROOTS:
        # "after the downing of a Gondorian drone over the river": violence done to a known
        # actor by someone the text does not name is still an event, with no source
        for target in targets:
            yield Candidate(entry, start, end, None, target, modality, speaker, None)
        return
    sources = placed_by_clause(sources, anchor, source_heads, actors)
    entry = political_fight(verbal_attack(entry, target_heads), sources, targets, actors)  # "his attacks on her record"
    figure = lone_fighter(entry, sources, targets, actors) if noun.lemma_.lower() in ("battle", "fight", "war") else None
    if entry.code.code == "0841" and published(target_heads):
        figure = "a memo, video or tax return released is published, not freed"
    if figure is not None:
        yield Candidate(entry, start, end, sources[0] if sources else None, None, modality, speaker, figure, governor)
        return
    for found in _pairs(entry, start, end, sources, targets, modality, speaker, source_heads):
        yield replace(found, governor=governor)


# -- shared ------------------------------------------------------------------------------------


def _pairs(
    entry: LexiconEntry,
    start: Token,
    end: Token,
    sources: list[Actor],
    targets: list[Actor],
    modality: Modality,
    speaker: Actor | None,
    source_heads: list[Token],
) -> Iterator[Candidate]:
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

    for found in _coded_pairs(entry, sources, targets, source_heads, candidate):
        yield found
        refusal = _refusal(entry) if found.dropped is None and found.modality == "negated" and _own_negation(start, found.source) else None
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
) -> Iterator[Candidate]:
    root = entry.code.root
    if entry.code.plover_type is None:
        yield candidate(sources[0] if sources else None, targets[0] if targets else None,
                        "public statement (CAMEO 01x): not an event in PLOVER")
        return
    if not sources and targets and root in _UNATTRIBUTED_ROOTS and source_heads and all(
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
            elif source.code == target.code and source.country is not None and source.sector == target.sector:
                yield candidate(source, target, "source and target are the same actor")
            elif source.country is not None and source.country == target.country and {source.sector, target.sector} <= {None, "GOV"}:
                yield candidate(source, target, "source and target are the same country")
            else:
                yield candidate(source, target, None)


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
