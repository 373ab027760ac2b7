"""Figures of speech and recodings: when a lexicon match is not the event its code says.

News, political news above all, speaks of fighting, attacking and seizing where nobody is hurt:
"attacked the emissions plan", "will fight for the miners", "locked up endorsements". Each rule
here either recodes such a match (force between unarmed people is criticism, CAMEO 111) or gives
the reason it is not an event, which ``explain`` prints.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from thucydides.codes.cameo import cameo_table
from thucydides.codes.lexicon import LexiconEntry
from thucydides.extract.arguments import purpose_clause
from thucydides.extract.modality import mandated
from thucydides.records import Actor
from thucydides.nlp.annotations import DocActors

FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
_VIOLENT_ROOTS = frozenset({"18", "19"})
_FORCES = frozenset(
    "troop force army military reservist reserve soldier unit division brigade battalion militia fighter police guard navy".split()
)
_MILITARY_WEAPONS = {
    "missile": "195", "rocket": "195", "airstrike": "195", "drone": "195", "warplane": "195", "jet": "195",
    "shell": "194", "artillery": "194", "tank": "194", "mortar": "194",
}
"""Weapons that make a blast military force (CAMEO 19x), not a non-military bombing (18x)."""

IDEAS = frozenset(
    """plan bill policy proposal decision remark comment idea law report claim record stance position
    approach agenda budget measure legislation rule reform strategy statement speech argument view
    program programme initiative deal order ruling handling response rhetoric performance ideology
    establishment system""".split()
)
"""What one attacks with words, not weapons: "attacked the emissions plan" is criticism."""

_PRIZES = frozenset(
    """endorsement nomination vote delegate support win victory seat majority issue development
    opportunity moment chance momentum lead narrative headline initiative spotlight""".split()
)
"""What one seizes or locks up in a campaign: not property, not people."""

_WORDS = frozenset(
    """criticism counterargument argument rhetoric comment remark view thought explanation detail
    assessment opinion insight perspective advice reassurance word rebuttal defense defence excuse
    analysis testimony praise prediction""".split()
)
"""What one offers in speech, not in cooperation."""

_PUBLICATIONS = frozenset(
    """memo video statement report document record return data list figure plan album book footage
    image photo recording transcript email letter poll survey ad advertisement detail information
    name result budget version trailer clip proposal platform schedule text propaganda tape audio
    file finding evidence""".split()
)
"""What is released by publishing it."""


PUBLISHED = "a memo, video or tax return released is published, not freed"


def released_publication(entry: LexiconEntry, heads: list[Token]) -> bool:
    """Whether a release (0841) is of a publication ("released his tax returns", "the release of
    internal documents"), not of people."""
    if entry.code.code != "0841":
        return False
    counted = [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    return any(h.lemma_.lower() in _PUBLICATIONS for h in [*heads, *counted])  # "30 years of tax returns"


_ARMED = frozenset({"MIL", "REB", "COP", "SPY", "INS", "UAF", "PRM", "CRM"})
_POLITICAL = frozenset({"PTY", "LEG"})
_FIGURATIVE_PRONE = frozenset("fight battle attack hit strike clash roll shoot occupy storm target".split())
_STRUGGLES = frozenset({"fight", "battle", "combat"})


def recoded(
    verb: Token, entry: LexiconEntry, target_heads: list[Token], sources: list[Actor], targets: list[Actor], actors: DocActors
) -> LexiconEntry:
    """The entry a match codes once its weapon and its parties are known."""
    entry = _expelled_organisation(entry, targets)
    return political_fight(verbal_attack(_military(verb, entry), target_heads, sources, targets), sources, targets, actors)


def _expelled_organisation(entry: LexiconEntry, targets: list[Actor]) -> LexiconEntry:
    """CAMEO 174 expels or deports individuals; an organisation forced out (a UN agency, an aid
    group) is expelled under 166 (1663 for aid agencies)."""
    if entry.code.code != "174" or not targets or not all(
        (t.code or "").startswith("IGO") or t.sector == "NGO" for t in targets
    ):
        return entry
    code = "1663" if all(t.sector == "NGO" for t in targets) else "166"
    return replace(entry, id=f"{entry.id}.organisation", code=cameo_table()[code], mode=None)


def figure_of_speech(
    verb: Token, entry: LexiconEntry, target_heads: list[Token], sources: list[Actor], targets: list[Actor], actors: DocActors
) -> str | None:
    """Why a verb match is a figure of speech or a habit, not an event; None when it is an event."""
    habit = _habitual(verb)
    if habit is not None:
        return habit
    if verb.lemma_.lower() not in _FIGURATIVE_PRONE:
        return _figurative(verb, entry, target_heads, targets)
    return _figurative(verb, entry, target_heads, targets) or lone_fighter(entry, sources, targets, actors)


_HABIT_ADVERBS = frozenset(
    "often usually routinely regularly frequently typically generally always sometimes rarely seldom habitually repeatedly".split()
)


def _habitual(verb: Token) -> str | None:
    """ "Police routinely detain protesters", "armies tend to shell towns", "used to raid": a habit
    or a generalisation has no dated occurrence to code. ("repeatedly" in a past clause did
    happen, so it counts only with a present verb.)"""
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    head = verb.head
    if head.i != verb.i and verb.dep_ == "xcomp" and head.lemma_.lower() in ("tend", "use") and (
        head.lemma_.lower() == "tend" or head.tag_ == "VBD"
    ):
        return f"\"{head.text} to …\": a habit, not a dated occurrence"
    if adverbs & (_HABIT_ADVERBS - {"repeatedly"}) or ("repeatedly" in adverbs and verb.tag_ in ("VBZ", "VBP")):
        word = next(iter(sorted(adverbs & _HABIT_ADVERBS)))
        return f"\"{word}\": a habit or a generalisation, not a dated occurrence"
    return None


def _military(verb: Token, entry: LexiconEntry) -> LexiconEntry:
    """ "blown up by a surface-to-air missile", "destroyed with artillery": military force."""
    if entry.code.root != "18":
        return entry
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "with"):
            for weapon in child.children:
                code = _MILITARY_WEAPONS.get(weapon.lemma_.lower()) if weapon.dep_ == "pobj" else None
                if code is not None:
                    return replace(entry, id=f"{entry.id}.military", code=cameo_table()[code])
    return entry


_MILITARY_SENSES = frozenset({"position", "establishment", "system"})
"""Ideas that are also military things: armed men who attack "positions" attack trenches."""


def verbal_attack(
    entry: LexiconEntry, target_heads: list[Token], sources: list[Actor] = (), targets: list[Actor] = ()  # type: ignore[assignment]
) -> LexiconEntry:
    """ "attacked the emissions plan", "attacks on his record": criticism (111); but "forces
    attacked rebel positions" is force, when either side bears arms."""
    if entry.code.root not in _VIOLENT_ROOTS | {"20"}:
        return entry
    armed = any(a.sector in _ARMED for a in [*sources, *targets])
    ideas = IDEAS - _MILITARY_SENSES if armed else IDEAS
    if not any(h.lemma_.lower() in ideas for h in target_heads):
        return entry
    return _criticism(entry)


def political_fight(entry: LexiconEntry, sources: list[Actor], targets: list[Actor], actors: DocActors) -> LexiconEntry:
    """ "Trump attacked a federal judge", "Democrats attacked Republicans": force between unarmed
    people or parties is criticism (111)."""
    if entry.code.root not in _VIOLENT_ROOTS or not sources or not targets:
        return entry
    if not all(_civilian_person(s, actors) or s.sector in _POLITICAL for s in sources):
        return entry
    if not all(_civilian_person(t, actors) or (t.sector is not None and t.sector not in _ARMED) for t in targets):
        return entry
    return _criticism(entry)


def _criticism(entry: LexiconEntry) -> LexiconEntry:
    return replace(entry, id=f"{entry.id}.verbal", code=cameo_table()["111"], mode=None)


def _civilian_person(actor: Actor, actors: DocActors) -> bool:
    """A named person who bears no arms (a politician, a judge, a reporter)."""
    return actors.is_person(actor) and actor.sector not in _ARMED


def lone_fighter(entry: LexiconEntry, sources: list[Actor], targets: list[Actor], actors: DocActors) -> str | None:
    """ "will fight for the people", "her battle with Sanders" (no adversary resolved)."""
    if entry.code.root not in _VIOLENT_ROOTS or targets or not sources:
        return None
    if all(_civilian_person(s, actors) or s.sector in _POLITICAL for s in sources):
        return "an unarmed person or party fighting with no adversary named (\"will fight for the people\"): a figure of speech"
    return None


def _figurative(verb: Token, entry: LexiconEntry, target_heads: list[Token], targets: list[Actor]) -> str | None:
    """Force used on "it" ("fighting it out"), a struggle for a cause or against a thing, a prize
    seized, a view insisted on, supporters mobilized, a commitment demonstrated."""
    objects = [h for h in target_heads if h.dep_ in ("dobj", "nsubjpass")]
    root = entry.code.root
    lemma = verb.lemma_.lower()
    if root in FORCE_ROOTS and objects and not targets and all(h.lower_ in ("it", "them") for h in objects):
        return "force used on a pronoun that names no actor (\"fight it out\"): a figure of speech"
    if root in FORCE_ROOTS and not targets and any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children):
        return "\"seized on the remarks\": a force verb with \"on\" and no object is an idiom"
    if root in _VIOLENT_ROOTS and lemma in _STRUGGLES and not targets and (
        any(c.dep_ == "dobj" and c.ent_type_ not in ("GPE", "NORP") for c in verb.children)
        or any((c.dep_ == "prep" and c.lower_ == "for") or c.dep_ == "xcomp" or purpose_clause(c) for c in verb.children)
    ):
        return "a struggle for a cause or against a thing (\"fought to defend the tax\", \"fight the virus\"), not combat"
    if root == "17" and any(h.dep_ == "dobj" and h.lemma_.lower() in _PRIZES | IDEAS for h in objects):
        return "a prize or an issue seized (\"locked up endorsements\"), not coercion"
    if root == "10" and lemma == "insist" and not any(
        (c.dep_ == "ccomp" and (mandated(c) or any(a.lower_ in ("should", "must") for a in c.children)))
        or (c.dep_ == "prep" and c.lower_ == "on")
        for c in verb.children
    ):
        return "\"insisted that the talks had failed\" asserts a view; it demands nothing"
    if root == "03" and any(c.dep_ == "dobj" and c.lemma_.lower() in _WORDS for c in verb.children):
        return "words offered or promised (\"offered counterarguments\") are a statement, not an intent to cooperate"
    if root == "02" and lemma == "ask" and not targets and not any(
        c.dep_ in ("xcomp", "ccomp", "dative") or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children
    ):
        return "a question asked (\"Clinton asked.\"), not an appeal"
    if root == "02" and lemma in ("ask", "inquire", "enquire") and _asks_a_question(verb):
        return "a question asked (\"asked why …\", \"'Will you?' he asked\"), not an appeal"
    if root == "02" and lemma == "encourage" and not targets and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return "a thing encouraged (\"encouraged investment\") is backing, not an appeal"
    if released_publication(entry, objects):
        return PUBLISHED
    if root == "13" and lemma == "warn" and not targets:
        return "a warning to no one named (\"warned that prices will rise\") is a statement, not a threat"
    if root == "15" and lemma in ("mobilize", "mobilise") and any(
        c.dep_ == "dobj" and c.lemma_.lower() not in _FORCES for c in verb.children
    ):
        return "mobilizing supporters or resources is not a military mobilization"
    if root == "14" and lemma == "demonstrate" and any(c.dep_ == "dobj" for c in verb.children):
        return "\"demonstrate\" with a direct object means showing, not protesting"
    return None


_WH_WORDS = frozenset("why what when where who whom whose which how whether if".split())


def _asks_a_question(verb: Token) -> bool:
    """ "asked why Gondor left", "asked whether …" (an interrogative clause), or a quoted question
    that the verb reports ("'Will you withdraw?' Arnor asked"); "asked Gondor to withdraw" and
    "asked for help" are requests."""
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if any(t.lower_ in _WH_WORDS and t.i < clause.i for t in clause.subtree):
            return True
        if clause.i < verb.i and any(t.text == "?" for t in clause.subtree):
            return True
    text = verb.doc.text
    before = text[max(0, verb.sent.start_char - 4) : verb.idx]
    quote_end = max(before.rfind(mark) for mark in ("?\"", "?”", "?'", "?’"))
    return quote_end >= 0 and len(before[quote_end:].split()) <= 6  # "'…?' the Gondorian envoy asked"
