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
from thucydides.nlp.sentences import sentence_of
from thucydides.records import Actor, Modality
from thucydides.resolve.actors import PERSONAL_PRONOUNS, QUANTIFIERS, DocActors

SPEECH_VERBS = frozenset(
    """say tell add announce state declare report claim insist warn write tweet note explain
    stress confirm reiterate argue assert allege deny acknowledge admit""".split()
)
BELIEF_VERBS = frozenset("believe think suspect fear hint suggest expect assume".split())
"""Verbs whose clausal complement is someone's view, not a fact: the events inside are reported."""
_FUTURE_GOVERNORS = frozenset({"plan", "schedule", "set", "due", "expect", "prepare", "go"})
_INTENT_GOVERNORS = frozenset(
    {"intend", "want", "hope", "seek", "aim", "vow", "pledge", "promise", "offer", "wish", "agree", "decide",
     "threaten", "willing", "ready", "prepared", "eager", "determined"}
)
_REQUESTING_GOVERNORS = frozenset(
    {"invite", "urge", "ask", "encourage", "press", "call", "appeal", "request", "allow", "permit", "demand", "insist", "require"}
)
"""Verbs whose object is asked to act: "invited Xi to visit Russia" is not yet a visit."""
_CLIMBING_CCOMP = _REQUESTING_GOVERNORS | _INTENT_GOVERNORS | _FUTURE_GOVERNORS
"""Governors whose clausal complement, like an infinitive, is asked for or planned, not done."""
_NEGATING_GOVERNORS = frozenset({"refuse", "decline", "fail", "avoid", "stop", "reject", "deny", "cease", "halt", "abandon", "oppose", "resist"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_LIGHT_VERBS = frozenset(
    """hold launch conduct stage carry make impose issue announce begin start continue resume
    mount pay sign give provide send deliver offer extend order approve intensify step deploy
    declare level file lodge have seek reach conclude open lead dispatch""".split()
)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_TARGET_REQUIRED_ROOTS = frozenset({"04", "05", "06", "07", "16"})
"""Consulting, diplomatic and material cooperation, aid and reducing relations are between two
actors; without a target actor the clause is not coded. Other events may stand alone ("the
army shelled the town", "protesters marched")."""
_QUANTIFIERS = QUANTIFIERS
_SYMMETRIC_ROOTS = frozenset({"04", "06"})
_SYMMETRIC_CODES = frozenset({"030", "031", "032", "033", "034", "035", "036", "039", "050", "057", "190", "0351"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "dative", "agent", "npadvmod", "ROOT"})


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
    if [p.lower_ for p in particles][: len(pattern.particles)] != list(pattern.particles):
        return None
    end = max([verb, *particles[: len(pattern.particles)]], key=lambda t: t.i)
    if pattern.prep is None:
        if _is_passive(verb):
            subjects = [c for c in verb.children if c.dep_ in ("nsubjpass",)]
            if not subjects and verb.dep_ == "conj":  # "… imprisoned … were released by Putin"
                subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return end, subjects
        return end, [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for child in verb.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == pattern.prep:
            return max(end, child, key=lambda t: t.i), [c for c in child.children if c.dep_ == "pobj"]
    for child in particles:  # "reach out to": spaCy may hang "to" under the particle
        for grand in child.children:
            if grand.dep_ == "prep" and grand.lower_ == pattern.prep:
                return grand, [c for c in grand.children if c.dep_ == "pobj"]
    return None


def _verb_candidates(verb: Token, match: tuple[Token, list[Token]], entry: LexiconEntry, actors: DocActors) -> Iterator[Candidate]:
    end, target_heads = match
    source_heads = _subjects(verb)
    modality, speaker = _modality(verb, actors)
    violent = entry.code.root in ("18", "19", "20")  # "US Predator attacks killed …": whose attacks
    sources = [a for h in source_heads for a in _actors_of(h, actors, verb, look_inside=violent)]
    targets = [a for h in target_heads for a in _actors_of(h, actors, verb, look_inside=True)]
    if not targets:
        targets = _complement_targets(verb, actors)
    if not targets and entry.code.root in _CLAUSE_TARGET_ROOTS:
        targets = _clause_subjects(verb, actors)
    if not targets and end.dep_ not in ("prep", "agent", "dative"):
        targets = _prepositional_targets(verb, actors)  # the pattern's object slot was empty
    yield from _pairs(entry, verb, end, sources, targets, modality, speaker, source_heads)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subjects(verb: Token) -> list[Token]:
    """Heads of the source: subject, passive agent, or the subject inherited up xcomp/conj chains."""
    if _is_passive(verb):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not agents:
            # "killed in Israeli tank shelling": the nationality of the attack that did it
            agents = [
                m for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by")
                for g in c.children if g.dep_ == "pobj"
                for m in g.children if m.dep_ in ("amod", "compound") and m.i < g.i
            ]
        return agents
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        if subjects[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
            return [verb.head]
        return subjects
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return _subjects(verb.head.head)  # "Syria is willing to withdraw"
    if verb.dep_ == "xcomp" and _is_passive(verb.head):
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "Obama is scheduled to attend"
    if verb.dep_ == "xcomp":
        objects = [c for c in verb.head.children if c.dep_ in ("dobj",)]
        return objects or _subjects(verb.head)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return _subjects(verb.head)  # "…, Kuleba wrote, speaking with Blinken"
    if verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBN":
        return []
    return []


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
        sources = [a for h in speakers for a in _actors_of(h, actors, speech)]
        targets = [a for h in subjects for a in _actors_of(h, actors, clause)]
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
    governor = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr", "conj") and noun.head.pos_ in ("VERB", "AUX") else None
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
    if governor is None and not has_possessor and not has_by:
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
    return None


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
        source_heads = _subjects(governor)
        if target_heads == [noun]:
            target_heads = possessors + target_heads
    else:
        source_heads = possessors + agents
        if not source_heads and governor is not None:
            source_heads = _subjects(governor)
    modality, speaker = _modality(anchor, actors)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        modality = "negated"
    sources = [a for h in source_heads for a in _actors_of(h, actors, anchor)]
    targets = [a for h in target_heads for a in _actors_of(h, actors, anchor, look_inside=True)]
    if target_heads and target_heads[-1] is noun:
        targets = targets[:1]  # the possessor, else what the noun itself names
    if not targets and governor is not None:
        # "gave Tanzania a grant": the indirect object of the governing verb; "engaged
        # peacekeepers in a firefight": its direct object
        others = [c for c in governor.children if (c.dep_ == "dative" and c.i < noun.i) or (c.dep_ == "dobj" and c is not noun)]
        targets = [a for h in others for a in _actors_of(h, actors, governor)]
    if target_heads and target_heads[0].head.lower_ == "between" and len(targets) >= 2 and not sources:
        sources, targets = targets[:1], targets[1:2]
    for found in _pairs(entry, start, end, sources, targets, modality, speaker, source_heads):
        yield replace(found, governor=governor)


# -- shared ------------------------------------------------------------------------------------


def _actors_of(head: Token, actors: DocActors, anchor: Token, look_inside: bool = False) -> list[Actor]:
    """The actors a head token stands for, following conjunctions ("NATO and the United States")."""
    head = _through_quantifier(head)
    heads = [head, *[_through_quantifier(c) for c in _conjuncts(head)]]
    found: list[Actor] = []
    for token in heads:
        if token.lower_ == "they" and _speech_verb(anchor) is None:
            found.extend(_plural_pronoun_actors(token, actors))
            continue
        actor = _pronoun_actor(token, actors, anchor) if token.pos_ == "PRON" else actors.actor_for(token)
        if actor is None and token.dep_ in ("amod", "compound"):
            actor = actors.nationality_of(token)  # "killed in Israeli tank shelling"
        if actor is None and look_inside:
            actor = _inner_actor(token, actors)
        if actor is not None and actor.code != "---":
            found.append(actor)
    return found


def _complement_targets(verb: Token, actors: DocActors) -> list[Actor]:
    """The target of a verb's infinitive complement: "promised to continue military aid to
    Mozambique", "threatened to impose restrictions against German goods"."""
    for child in verb.children:
        if child.dep_ != "xcomp":
            continue
        for grand in child.children:
            if grand.dep_ == "dobj":
                found = _actors_of(grand, actors, child, look_inside=True)
                if found:
                    return found
                for prep in grand.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "against", "on", "with", "for"):
                        found = [a for p in prep.children if p.dep_ == "pobj" for a in _actors_of(p, actors, child, look_inside=True)]
                        if found:
                            return found
            if grand.dep_ in ("prep", "dative") and grand.lower_ in ("to", "against", "on", "with"):
                found = [a for p in grand.children if p.dep_ == "pobj" for a in _actors_of(p, actors, child, look_inside=True)]
                if found:
                    return found
    return []


_CLAUSE_TARGET_ROOTS = frozenset({"02", "10", "11"})
"""Appeals, demands and accusations aimed at whoever their clause is about ("warned that Russia
could…" is not a threat against Russia)."""


_TARGET_PREPS = frozenset({"against", "on", "upon", "at", "into", "toward", "towards", "over"})
"""Prepositions that aim an action at someone ("fired on", "hack into", "cracked down on"); not
"in", "from" or "with", which name places, origins and company."""


def _prepositional_targets(verb: Token, actors: DocActors) -> list[Actor]:
    """A target aimed at by a preposition when the verb has no object actor."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            found = [a for p in child.children if p.dep_ == "pobj" for a in _actors_of(p, actors, verb, look_inside=True)]
            if found:
                return found
    return []


def _clause_subjects(verb: Token, actors: DocActors) -> list[Actor]:
    """ "Zelenskyy has demanded that Russia also withdraw": the target is the clause's subject."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
            found = [a for h in subjects for a in _actors_of(h, actors, child)]
            if found:
                return found
    return []


def _through_quantifier(token: Token) -> Token:
    if token.pos_ == "VERB" and token.dep_ in ("nsubj", "nsubjpass"):
        # "The Red Cross operating in Iraq said": the parser made the participle the subject
        nouns = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
        if nouns:
            return nouns[0]
    if token.lower_ in _QUANTIFIERS or token.lemma_.lower() in _QUANTIFIERS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return token


def _conjuncts(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def _inner_actor(token: Token, actors: DocActors) -> Actor | None:
    """An actor inside a non-actor object: "efforts by China", "Moscow's aggression", "Indian
    army posts" (a role word or a nationality premodifying the object)."""
    for child in token.children:
        if child.dep_ == "poss":
            return actors.actor_for(child)
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "with", "of"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found = actors.actor_for(grand) or _nationality_inside(grand, actors)
                    if found is not None:
                        return found
    for child in reversed([c for c in token.children if c.i < token.i and c.dep_ in ("compound", "amod")]):
        actor = actors.actor_for(child) or actors.nationality_of(child)
        if actor is not None:
            return actor
    return None


def _nationality_inside(token: Token, actors: DocActors) -> Actor | None:
    for child in token.children:
        if child.i < token.i and child.dep_ in ("amod", "compound"):
            found = actors.actor_for(child) or actors.nationality_of(child)
            if found is not None:
                return found
    return None


def _pronoun_actor(token: Token, actors: DocActors, anchor: Token) -> Actor | None:
    """ "it"/"they" in reported speech is the speaker; "he"/"she" the last named person."""
    speech = _speech_verb(anchor)
    if speech is not None and token.lower_ in ("it", "they", "we", "he", "she", "i"):
        subjects = [c for c in speech.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].pos_ != "PRON":
            return actors.actor_for(subjects[0])
    if token.lower_ in PERSONAL_PRONOUNS:
        return actors.person_before(token.idx)
    return None


def _plural_pronoun_actors(token: Token, actors: DocActors) -> list[Actor]:
    """ "when they met": "they" as the last two people named, if both are named in this sentence
    or the one before (the September meeting of Xi and Putin)."""
    pair = actors.persons_before(token.idx, 2)
    if len(pair) < 2:
        return []
    sentence = sentence_of(token)
    earliest = sentence_of(token.doc[sentence.start - 1]).start_char if sentence.start > 0 else sentence.start_char
    return pair if all(p.span[0] >= earliest for p in pair) else []


def _speech_verb(token: Token) -> Token | None:
    """The speech verb whose clausal complement holds this token, if any."""
    current = token
    while current.dep_ not in ("ROOT",) and current.head is not current:
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_.lower() in SPEECH_VERBS | BELIEF_VERBS:
            return current.head
        current = current.head
    return None


def _modality(anchor: Token, actors: DocActors) -> tuple[Modality, Actor | None]:
    """Negated, hypothetical, intent, future, reported or asserted; and who reports it."""
    chain = [anchor]
    current = anchor
    while current.head is not current and (
        current.dep_ in ("xcomp", "conj", "acomp")
        or (current.dep_ == "ccomp" and current.head.lemma_.lower() in _CLIMBING_CCOMP)
    ):
        current = current.head  # "demanded that Russia withdraw": the withdrawal is not a fact
        chain.append(current)
    speech = _speech_verb(anchor)
    reported = speech is not None
    flags: set[str] = set()
    for i, verb in enumerate(chain):
        children = list(verb.children)
        if any(c.dep_ == "neg" for c in children):
            flags.add("negated")
        aux = {c.lower_ for c in children if c.dep_ == "aux"}
        if aux & _FUTURE_AUX:
            flags.add("future")
        if aux & _HYPOTHETICAL_AUX:
            flags.add("future" if reported and "would" in aux else "hypothetical")
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children) or (
            verb.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in verb.children)
        ):
            flags.add("hypothetical")
        if i > 0:
            lemma = verb.lemma_.lower()
            if lemma in _NEGATING_GOVERNORS:
                flags.add("negated")
            elif lemma in _FUTURE_GOVERNORS:
                flags.add("future")
            elif lemma in _INTENT_GOVERNORS:
                flags.add("intent")
            elif lemma in _REQUESTING_GOVERNORS:
                flags.add("hypothetical")
    speaker = None
    if speech is not None:
        subjects = [c for c in speech.children if c.dep_ == "nsubj"]
        if subjects:
            speaker = actors.actor_for(subjects[0]) if subjects[0].pos_ != "PRON" else _pronoun_actor(subjects[0], actors, speech)
        if speech.dep_ == "advcl" or any(c.dep_ == "neg" for c in speech.children):
            flags.add("hypothetical")
    for modality in ("negated", "hypothetical", "intent", "future"):
        if modality in flags:
            return modality, speaker  # type: ignore[return-value]
    return ("reported" if reported else "asserted"), speaker


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
        if modality == "reported" and speaker is not None and source is not None and _same_actor(speaker, source):
            mod: Modality = "asserted"
        else:
            mod = modality
        return Candidate(entry, start, end, source, target, mod, speaker, dropped)

    for found in _coded_pairs(entry, sources, targets, source_heads, candidate):
        yield found
        refusal = _refusal(entry) if found.dropped is None and found.modality == "negated" else None
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


def _same_actor(a: Actor, b: Actor) -> bool:
    """Whether a speaker speaks for the source: the same name, or the same country and sector."""
    return a.name == b.name or (a.code == b.code and a.code != "---")
