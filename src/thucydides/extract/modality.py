"""Modality: whether an event is told as happening, negated, hypothetical, intended, in the
future, or reported by someone else, from negation, auxiliaries and governing verbs."""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.extract.arguments import (
    NOUN_INFINITIVE_MODALITY,
    first_to_act,
    noun_infinitive,
    pronoun_actor,
    purpose_clause,
    speech_verb,
    subjects_of,
)
from thucydides.records import Actor, Modality
from thucydides.nlp.annotations import DocActors



_FUTURE_GOVERNORS = frozenset({"plan", "schedule", "set", "due", "expect", "prepare", "go"})

_INTENT_GOVERNORS = frozenset(
    {"intend", "want", "hope", "seek", "aim", "vow", "pledge", "promise", "offer", "wish", "agree", "decide",
     "threaten", "willing", "ready", "prepared", "eager", "determined"}
)

_REQUESTING_GOVERNORS = frozenset(
    {"invite", "urge", "ask", "encourage", "press", "call", "appeal", "request", "allow", "permit", "demand", "insist", "require",
     "pressure", "push", "lobby", "order", "instruct", "direct", "tell", "advise", "authorize", "authorise"}
)
"""Verbs whose object is asked to act: "invited Xi to visit Russia" is not yet a visit."""

_TELLING = frozenset({"tell", "advise", "inform", "assure", "notify", "remind", "warn"})

_CLIMBING_CCOMP = (_REQUESTING_GOVERNORS | _INTENT_GOVERNORS | _FUTURE_GOVERNORS) - _TELLING
"""Governors whose clausal complement, like an infinitive, is asked for or planned, not done.
A verb of telling reports with a clause ("told him that Gondor would expel …": said) and asks
only with an infinitive ("told him to leave")."""

_NEGATING_GOVERNORS = frozenset({"refuse", "decline", "fail", "avoid", "stop", "reject", "deny", "cease", "halt", "abandon", "oppose", "resist"})

_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can"})

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})

_REQUEST_NOUNS = frozenset({"demand", "call", "request", "appeal", "plea", "proposal", "insistence", "ultimatum", "condition", "recommendation"})


def mandated(verb: Token) -> bool:
    """A clause that is asked for, not told: the base-form verb of a mandative subjunctive
    ("that Russia withdraw"), or the clause of a request noun ("its demand … that Israel ease")."""
    if verb.dep_ == "acl":
        return verb.head.lemma_.lower() in _REQUEST_NOUNS and any(c.dep_ == "nsubj" for c in verb.children)
    if verb.dep_ != "ccomp":
        return False
    if verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children
    ):
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _REQUEST_NOUNS for c in verb.head.children)


_CLAIM_NOUNS = frozenset(
    """admission claim claims statement report reports allegation allegations assertion charge
    suggestion accusation accusations belief fear fears rumour rumor rumours rumors""".split()
)
"""Nouns whose "that" clause is someone's word, not the writer's."""


def _noun_clause(verb: Token) -> bool:
    """The "that" clause of a noun governed by a verb: "an admission that … murdered"."""
    noun = verb.head
    return (
        verb.dep_ == "acl" and noun.pos_ == "NOUN" and noun.head.pos_ in ("VERB", "AUX")
        and noun.dep_ in ("dobj", "nsubjpass", "attr", "nsubj")
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    )


_OPEN_MARKS = frozenset({"if", "unless", "whether"})
"""Subordinators of a condition or an open question: the clause they open is not told as fact."""


def _headline_infinitive(verb: Token, aux: set[str]) -> bool:
    """ "Gondor To Expel Arnor's Envoys": headline English drops the "is" of "is to", which tells
    what is arranged or planned; an infinitive with a subject of its own and no verb above it is
    that construction."""
    return verb.dep_ == "ROOT" and aux == {"to"} and any(c.dep_ == "nsubj" for c in verb.children)


def _reporting_participle(speech: Token) -> bool:
    """ "Norway condemned the attack, saying Sweden had violated the truce": a present participle
    with no subordinator reports what its main clause's subject said (unlike "if Norway says …",
    a condition)."""
    return speech.tag_ == "VBG" and not any(c.dep_ == "mark" for c in speech.children)


_NEGATIVE_DETERMINERS = frozenset({"neither", "no"})


def _negative_subject(verb: Token) -> bool:
    """ "Neither Norway nor Finland condemned Sweden", "neither side fired", "no Norwegian
    official attended": a subject under a negative determiner negates its clause (English: "neither
    X nor Y did it" is "X did not do it, and Y did not")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ in ("det", "preconj") and d.lower_ in _NEGATIVE_DETERMINERS for d in c.children)
        for c in verb.children
    )


def modality_of(anchor: Token, actors: DocActors) -> tuple[Modality, Actor | None]:
    """Negated, hypothetical, intent, future, reported or asserted; and who reports it."""
    chain = [anchor]
    current = anchor
    claimed = False
    noun_flags: set[str] = set()
    while current.head.i != current.i:
        if current.dep_ in ("xcomp", "conj", "acomp") or purpose_clause(current) or (
            current.dep_ == "ccomp" and current.head.lemma_.lower() in _CLIMBING_CCOMP
        ):
            current = current.head  # "demanded that Russia withdraw": the withdrawal is not a fact
        elif first_to_act(current):
            current = current.head.head  # "Norway would be the first to recognise Kosovo": as the copula is told
        elif noun_infinitive(current):
            told = NOUN_INFINITIVE_MODALITY[current.head.lemma_.lower()]
            if told:
                noun_flags.add(told)  # "Sweden's refusal to expel": not done
            current = current.head.head if current.head.dep_ == "dobj" else current.head
        elif _noun_clause(current):
            claimed = claimed or current.head.lemma_.lower() in _CLAIM_NOUNS
            current = current.head.head  # "demanded an admission that … murdered": as demanded
        else:
            break
        chain.append(current)
    speech = speech_verb(anchor)
    reported = speech is not None or claimed
    flags: set[str] = set(noun_flags)
    if any(mandated(verb) for verb in chain):
        flags.add("hypothetical")  # "reiterated its demand that Israel ease restrictions"
    own_subject = False  # the subject the event's verb has, or inherits up its chain ("plans to")
    for i, verb in enumerate(chain):
        children = list(verb.children)
        if any(c.dep_ == "neg" for c in children) or (not own_subject and _negative_subject(verb)):
            flags.add("negated")
        own_subject = own_subject or any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
        aux = {c.lower_ for c in children if c.dep_ == "aux"}
        if aux & _FUTURE_AUX or _headline_infinitive(verb, aux):
            flags.add("future")
        if aux & _HYPOTHETICAL_AUX:
            flags.add("future" if reported and "would" in aux else "hypothetical")
        if any(c.dep_ == "mark" and c.lower_ in _OPEN_MARKS for c in children) or (
            verb.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in verb.children)
        ):
            flags.add("hypothetical")  # a condition, or an open question: "unclear whether Iran will agree"
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
        if not subjects and speech.dep_ == "advcl" and _reporting_participle(speech):
            subjects = subjects_of(speech)  # "Norway condemned …, saying": Norway says it
        if subjects:
            speaker = actors.actor_for(subjects[0]) if subjects[0].pos_ != "PRON" else pronoun_actor(subjects[0], actors, speech)
        if (speech.dep_ == "advcl" and not _reporting_participle(speech)) or any(c.dep_ == "neg" for c in speech.children):
            flags.add("hypothetical")
    for modality in ("hypothetical", "negated", "intent", "future"):  # "urged him not to back down" is asked
        if modality in flags:
            return modality, speaker  # type: ignore[return-value]
    return ("reported" if reported else "asserted"), speaker
