"""The event coder: lexicon patterns applied over the dependency parse.

For every verb or event noun the lexicon knows, find the source (subject, passive agent, the
possessor or the subject of the verb governing the noun) and the target (direct object, the
pattern's prepositional object, the passive subject), resolve both to actors, and decide the
modality from negation, auxiliaries and governing verbs. Every candidate that is not emitted
gets a reason, so ``explain`` can say why.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from thucydides.codes.cameo import LASTING_CODES, cameo_table
from thucydides.codes.kinds import Kind, kind_table
from thucydides.codes.lexicon import Lexicon, LexiconEntry, NounPattern, VerbPattern
from thucydides.extract.adjectives import adjective_candidates
from thucydides.extract.arguments import (
    ADDRESSED_ROOTS,
    CLAUSE_TARGET_ROOTS,
    DOCUMENTS,
    ISSUING,
    LOCATED_CODES,
    LOCATED_ROOTS,
    RECIPIENT_ROOTS,
    SPEECH_VERBS,
    actors_of,
    addressees,
    between_parties,
    clause_subjects,
    complement_targets,
    compound_participle,
    conjuncts,
    from_objects,
    grievance_targets,
    hostile_targets,
    is_passive,
    located_targets,
    members_of_the_two,
    names_a_pair,
    passive_subjects,
    placed_by_clause,
    prepositional_targets,
    recipient_targets,
    shared_objects,
    subjects_of,
    the_two,
    through_quantifier,
)
from thucydides.extract.figures import (
    PUBLISHED,
    figure_of_speech,
    lone_fighter,
    political_fight,
    recoded,
    released_publication,
    verbal_attack,
)
from thucydides.extract.candidate import Candidate
from thucydides.extract.modality import mandated, modality_of
from thucydides.extract.pairs import DENIALS, UNANSWERED_DENIAL, UNATTRIBUTED_ROOTS, coded_pairs, symmetric_entry
from thucydides.nlp.annotations import DocActors, doc_actors
from thucydides.nlp.headlines import HEADLINES
from thucydides.nlp.sentences import sentence_back
from thucydides.records import Actor

_LIGHT_VERBS = frozenset(
    """hold launch conduct stage carry make impose issue announce begin start continue resume
    mount pay sign give provide send deliver offer extend order approve intensify step deploy
    declare level file lodge have seek reach conclude open lead dispatch undertake perform organise
    organize""".split()
)
_DOING = frozenset("carry conduct launch stage mount commit perform undertake".split())
"""Verbs whose object is a deed that thereby happens ("launched an offensive", "imposed
sanctions"): an entry they govern codes its noun as done."""
_PARTICLES = frozenset({"out", "back", "off", "down", "up", "away", "aside", "over", "in"})


def find_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    """Every lexicon match in the document, coded or dropped, in text order, its actors those
    the pipeline's actors component wrote on the Doc."""
    return _answered(_matches(doc, lexicon))


def _answered(found: Iterator[Candidate]) -> Iterator[Candidate]:
    """ "… an attack Norway has blamed on Sweden, although Stockholm denies any involvement": a
    denial answers the latest accusation against the denier told in its sentence or the one
    before, so its target is the accuser."""
    accusations: list[Candidate] = []
    for candidate in found:
        if candidate.dropped is None and candidate.entry.code.code in DENIALS and not _denies_an_accusation(candidate.trigger):
            # "denied sending weapons to Sweden": whom the denied act concerns is not the accuser
            candidate = replace(candidate, target=None, dropped=UNANSWERED_DENIAL)
        if candidate.dropped is None and candidate.entry.code.root == "11" and candidate.source and candidate.target \
                and candidate.modality in ("asserted", "reported"):
            accusations.append(candidate)
        elif candidate.dropped == UNANSWERED_DENIAL and candidate.source is not None:
            first = sentence_back(candidate.trigger, 1).start
            accuser = next((
                a.source for a in reversed(accusations)
                if first <= a.trigger.i < candidate.trigger.i and _same_party(a.target, candidate.source)
            ), None)
            if accuser is not None:
                candidate = replace(candidate, target=accuser, dropped=None)
        yield candidate


ACCUSATIONS = frozenset("accusation allegation charge claim claims report suggestion blame criticism".split())
"""What a denial may name as its object and whose author it answers: "denied Sweden's accusations"."""


def _denies_an_accusation(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ACCUSATIONS for c in verb.children)


def _same_party(one: Actor | None, other: Actor | None) -> bool:
    if one is None or other is None:
        return False
    return (one.kb_id is not None and one.kb_id == other.kb_id) or (one.country is not None and one.country == other.country)


def _matches(doc: Doc, lexicon: Lexicon) -> Iterator[Candidate]:
    actors = doc_actors(doc)
    for token in doc:
        if token.is_space:
            continue
        if token.lower_ in lexicon.by_adjective:
            told = list(adjective_candidates(token, lexicon, actors))
            if told:  # "was opposed to": the adjective, not a passive of "oppose"
                yield from told
                continue
        pos, lemma = token.pos_, token.lemma_.lower()  # read once: each read looks the string up anew
        participle = pos == "ADJ" and token.dep_ == "amod" and token.i < token.head.i and lexicon.by_participle.get(token.lower_)
        if participle:
            lemma = participle  # "the abducted officials": the tagger's adjective is the verb's participle
        if pos in ("VERB", "AUX") or (pos == "NOUN" and token.tag_.startswith("VB")) or (
            pos in ("NOUN", "ADJ") and _mistagged_verb(token)  # asked only of what it may be true of
        ) or participle:
            patterns = lexicon.by_verb.get(lemma, ())
            if not patterns and token.tag_ in ("VBD", "VBN", "VBP", "VB") and pos == "VERB" and lemma == token.lower_:
                # "forgave", a past form the lemmatiser left as it is: the lexicon's own past forms
                # of its verbs say which verb. (Not one it changed into another word, "extolled" ->
                # "extoll": measured on the PETRARCH unit tests, that cost dyad precision.)
                known = lexicon.by_participle.get(token.lower_) or lexicon.by_past.get(token.lower_)
                if known is not None:
                    lemma = known
                    patterns = lexicon.by_verb.get(lemma, ())
            for pattern, entry in patterns:
                match = _match_verb(token, pattern, patterns)
                if match is not None:
                    yield from _verb_candidates(token, match, entry, actors, lexicon=lexicon)
                    break
            else:
                together = _together(token, patterns, actors)
                if together is not None:
                    yield from _verb_candidates(token, (token, []), together, actors, together=True)
        if lemma in SPEECH_VERBS:
            yield from _obligations(token, actors)
        if pos in ("NOUN", "PROPN"):
            options = lexicon.by_noun.get(token.lower_, ())
            if lemma != token.lower_:
                # "expulsions": the plural's own patterns, then the nominal forms of the verb entries
                # (data/nominalizations.tsv lists the singular); a plural with none: the lemma's
                derived = lexicon.by_noun.get(lemma, ())
                options = (*options, *(o for o in derived if o[1].id.endswith(".nominal") and o not in options)) if options else derived
            unsettled: list[Candidate] = []
            for noun, entry in options:
                match = _match_noun(token, noun, entry, actors)
                if match is None:
                    continue
                found = list(_noun_candidates(token, match, entry, actors, lexicon))
                if entry.governors and match[3] is None and all(c.dropped for c in found):
                    unsettled = unsettled or found  # told as done but not coded: a plainer entry may still code it
                    continue
                yield from found
                break
            else:
                yield from unsettled
                given = next(
                    (e for n, e in options if (not e.governors or e.governors & _GIVING) and e.code.root not in _NOT_GIVEN
                     and _modifiers_fit(token, n)), None
                )
                if given is not None:
                    yield from _received(token, given, actors)


# -- received events -----------------------------------------------------------------------------

_RECEIVING = frozenset("draw receive face earn attract win get garner incur".split())
"""Verbs whose subject undergoes what their object names, done by whom "from" names: "drew
criticism from Norway", "received aid from Norway" (the converse of "Norway criticised it")."""


_UNDERGOING = frozenset({"come", "be", "remain"})
"""Verbs that put their subject "under" what an event noun names ("came under attack from",
"is under pressure from", "remained under fire from")."""

_GIVING = frozenset("give provide send deliver extend issue make express voice level impose launch exert apply hold stage".split())
_NOT_GIVEN = frozenset({"02", "03", "08", "10", "12", "15"})
"""Governors of an event noun that give it, and the roots whose nouns are asked for, promised,
eased or refused rather than given: "received aid" is the aid that was given (CAMEO 07), not
the aid asked for (02) or promised (03)."""


def _modifiers_fit(noun: Token, pattern: NounPattern) -> bool:
    """Whether the words a noun pattern needs before its noun are there ("car bomb attack" is not
    any "attack")."""
    if not pattern.modifiers:
        return True
    left = [c.lower_ for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "amod")]
    return left[-len(pattern.modifiers):] == list(pattern.modifiers)


def _received(noun: Token, entry: LexiconEntry, actors: DocActors) -> Iterator[Candidate]:
    """ "Sweden's decision drew sharp criticism from Norway", "Sweden came under attack from
    Norway": an event noun that is the object of a verb of receiving, or of "come under", is done by the object of its "from" phrase to the receiving verb's subject
    (or, where that is a thing, to whose thing it is)."""
    verb = noun.head
    holders = [noun, verb]
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_.lower() in _UNDERGOING:
        verb = noun.head.head  # "came under criticism from Norway": undergone, as "drew criticism from"
        holders = [noun, noun.head, verb]
    elif noun.dep_ != "dobj" or verb.lemma_.lower() not in _RECEIVING:
        return
    givers = [g for holder in holders for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"
              for g in c.children if g.dep_ == "pobj"]
    if not givers:
        return
    sources = [a for g in givers for a in actors_of(g, actors, verb)]
    receivers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or subjects_of(verb)
    targets = [a for h in receivers for a in actors_of(h, actors, verb, look_inside=True)] or [
        a for h in receivers for p in h.children if p.dep_ == "poss" for a in actors_of(p, actors, verb)
    ]  # "Kelly's version drew a rebuke from Hicks": aimed at Kelly
    if not sources or not targets:
        return  # precision first: a received event is coded only when both sides are known
    # "came under attack from Republicans", "the plan drew attacks from": force between unarmed
    # people, or aimed at a plan, is criticism, as when told actively
    entry = political_fight(verbal_attack(entry, receivers, sources, targets), sources, targets, actors)
    modality, speaker = modality_of(verb, actors)
    yield from coded_pairs(entry, noun, noun, sources, targets, modality, speaker, givers)


# -- verbs -------------------------------------------------------------------------------------

_VERB_AUXILIARIES = frozenset("do does did will would shall should can could may might must to".split())


def absolute_with(prep: Token) -> bool:
    """ "Mexico left the talks on Monday, with the Laotian minister condemning Cyprus": a "with"
    or "without" phrase set off by a comma after the verb and its complements is an adjunct (most
    often an absolute clause telling an event of its own), not the verb's partner ("left the
    talks with Laos")."""
    return prep.lower_ in ("with", "without") and prep.i > prep.head.i + 1 and prep.doc[prep.i - 1].text == ","


def _mistagged_verb(token: Token) -> bool:
    """ "did not flex", "will conscript", "plans to flex": a word the tagger took for a noun or an
    adjective, but which an auxiliary or infinitival "to" governs with no copula between them, is
    a verb (in English only a verb takes "do"-support, a modal or "to" directly)."""
    if token.pos_ not in ("NOUN", "ADJ"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _VERB_AUXILIARIES for c in token.lefts):
        return False  # the test below that most words fail, over the left children only (the cheap one)
    children = list(token.children)
    return not any(c.dep_ in ("cop", "auxpass", "det", "poss") for c in children) and any(
        c.dep_ == "aux" and c.i < token.i and c.lower_ in _VERB_AUXILIARIES for c in children
    )



def _match_verb(
    verb: Token, pattern: VerbPattern, patterns: tuple[tuple[VerbPattern, LexiconEntry], ...] = ()
) -> tuple[Token, list[Token]] | None:
    """The last token of the trigger and the target heads, when the verb fits the pattern.
    ``patterns`` (all of the verb's): a verb the lexicon also knows with a prepositional target
    ("protest against", "meet with") may stand without an object, so it shares none raised to
    the end of a coordination ("Norway protested and Sweden attacked Finland")."""
    particles = [c for c in verb.children if c.dep_ == "prt"]
    if [p.lower_ for p in particles] != list(pattern.particles):
        # "pulled out of Cyprus": the parser may call a particle a preposition or an adverb
        particles = sorted(
            [*particles, *(c for c in verb.children if c.dep_ in ("prep", "advmod") and c.lower_ in _PARTICLES
                           and not any(g.dep_ == "pobj" for g in c.children))],
            key=lambda t: t.i,
        )
        if not pattern.particles or [p.lower_ for p in particles] != list(pattern.particles):
            return None  # "break down walls with" is not "break with"
    end = max([verb, *particles[: len(pattern.particles)]], key=lambda t: t.i)
    if pattern.prep is None:
        if is_passive(verb):
            subjects = passive_subjects(verb)
            if not subjects and verb.dep_ == "conj":  # "… imprisoned … were released by Putin"
                subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return end, subjects
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if not objects and not any(p.prep or p.particles for p, _ in patterns):
            objects = shared_objects(verb)
        return end, objects or ([verb.head] if compound_participle(verb) else [])
    if pattern.prep == "with" and _transitive_reading(verb, pattern, patterns):
        return None
    for child in verb.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == pattern.prep and not absolute_with(child):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and all(t.ent_type_ in ("DATE", "TIME") for o in objects for t in o.subtree):
                continue  # "called a session on Wednesday" is not "called on"
            return max(end, child, key=lambda t: t.i), objects
    if pattern.thing_first:
        # "blamed the bombing of its embassy on Norway": the parser may hang the phrase inside the
        # object, but the last one after the thing blamed names whom the verb aims it at
        for thing in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and not c.ent_type_):
            phrases = [t for t in thing.subtree if t.dep_ == "prep" and t.lower_ == pattern.prep and t.i > thing.i]
            if phrases:
                return max(end, phrases[-1], key=lambda t: t.i), [c for c in phrases[-1].children if c.dep_ == "pobj"]
    for child in particles:  # "reach out to": spaCy may hang "to" under the particle
        for grand in child.children:
            if grand.dep_ == "prep" and grand.lower_ == pattern.prep:
                return grand, [c for c in grand.children if c.dep_ == "pobj"]
    if pattern.prep == "for":
        # "called for Lavrov to resign": a for-to clause, whose subject is the one asked
        for clause in verb.children:
            if clause.dep_ in ("advcl", "ccomp", "xcomp") and any(
                c.dep_ == "mark" and c.lower_ == "for" and c.i < clause.i for c in clause.children
            ):
                subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return end, subjects
    return None


def _transitive_reading(
    verb: Token, pattern: VerbPattern, patterns: tuple[tuple[VerbPattern, LexiconEntry], ...]
) -> bool:
    """A verb with a direct object is its transitive verb. Where the lexicon knows the verb bare in
    another entry than its "with" reading ("fight" ASSAULT beside "fight with" a clash, "agree" a
    pledge beside "agree with" someone's view), "with" after an object adds an instrument or a
    party to the thing ("fought the fire with foam", "agreed a truce with the rebels"), not the
    partner of the intransitive reading ("fought with the rebels", "agreed with the critics")."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    own = next((e for p, e in patterns if p is pattern), None)
    return any(p.prep is None and not p.particles and e is not own for p, e in patterns)


_NOT_TOGETHER = frozenset({"with", "to", "at", "before", "for", "against"})
"""Prepositions of an audience, an occasion or a cause ("spoke to reporters", "spoke at the summit",
"spoke for the coalition"): each subject did it apart, not with the other."""


def _together(verb: Token, patterns: tuple[tuple[VerbPattern, LexiconEntry], ...], actors: DocActors) -> LexiconEntry | None:
    """The simple reciprocal alternation of English: "X spoke with Y" is also said "X and Y
    spoke", with the partner among the subjects. For an entry whose verb takes its partner with
    "with" and whose event is done together (CAMEO consult, cooperate), coordinated subjects or
    a pair ("both sides") and no object, audience or topic of their own ("spoke to reporters",
    "traded accusations": not with each other)."""
    entry = next((e for p, e in patterns if p.prep == "with" and not p.particles and symmetric_entry(e)), None)
    if entry is None or is_passive(verb):
        return None
    if any(c.dep_ in ("dobj", "prt", "dative") or (c.dep_ == "prep" and c.lower_ in _NOT_TOGETHER) for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or not (
        conjuncts(subjects[0]) or subjects[0].lower_ == "they" or the_two(subjects[0], actors) or members_of_the_two(subjects[0], actors)
    ):
        return None
    return entry


def _reciprocal(head: Token) -> bool:
    """ "each other", "one another": the subjects act on one another."""
    words = {c.lower_ for c in head.children}
    if head.lower_ == "other":
        return "each" in words
    if head.lower_ == "another":
        return "one" in words
    return head.lower_ == "one" and "another" in words  # the parser may hang "another" under "one"


_NAMES = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW"})
"""Entities whose words are a name, never the clause's own verb."""


def part_of_a_name(word: Token) -> bool:
    """ "the Committee to Protect Journalists", "the Volatiles Investigating Polar Exploration
    Rover": a capitalised word inside the name of an organisation, a product, a work, an event, a
    building or a law is a word of that name, not a verb of the sentence. Not at the start of a
    sentence, and not in a headline, where every word is capitalised."""
    if word.ent_type_ not in _NAMES or not word.text[:1].isupper() or word.i == word.sent.start:
        return False
    offset = word.idx
    return not any(start <= offset < end for start, end in word.doc.user_data.get(HEADLINES, ()))


def _verb_candidates(
    verb: Token, match: tuple[Token, list[Token]], entry: LexiconEntry, actors: DocActors, together: bool = False,
    lexicon: Lexicon | None = None,
) -> Iterator[Candidate]:
    end, target_heads = match
    if part_of_a_name(verb):
        yield Candidate(entry, verb, end, None, None, "asserted", None, "a word of a name, not a verb of the sentence")
        return
    if lexicon is not None:
        asker = requested_by(verb, lexicon)
        if asker is not None:
            modality, speaker = modality_of(verb, actors)
            yield Candidate(entry, verb, end, None, None, modality, speaker,
                            f"what \"{asker.text}\" asks for: the request is the event, not the act requested")
            return
    if entry.verbs_governed and not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in entry.governors):
        modality, speaker = modality_of(verb, actors)
        yield Candidate(entry, verb, end, None, None, modality, speaker,
                        "an exchange told as it flows, not as begun, resumed or expanded: not an event of its own")
        return
    source_heads = subjects_of(verb) or document_authors(verb, actors)
    if not source_heads and entry.from_role == "source" and is_passive(verb):
        source_heads = from_objects(verb)  # "diplomats expelled from the United States": its state expels
    modality, speaker = modality_of(verb, actors)
    violent = entry.code.facts.violent  # "US Predator attacks killed …": whose attacks
    sources = [a for h in source_heads for a in actors_of(h, actors, verb, look_inside=violent)]
    targets = [a for h in target_heads for a in actors_of(h, actors, verb, look_inside=True)]
    if not source_heads and pattern_object_is_subject(verb, match) and entry.code.facts.unattributed and not (
        verb.dep_ == "amod" and entry.code.code in LASTING_CODES
    ) and not _stative_passive(verb):
        # "a Norwegian helicopter was shot down near the border", "the expelled Russian diplomats":
        # what was done to the passive's subject, by nobody named; never to the place, and the
        # victim is never the author
        modality, speaker = modality_of(verb, actors)
        yield from coded_pairs(entry, verb, end, [], targets, modality, speaker, [], unattributed=True)
        return
    if entry.code.root == "15":
        # "Laos mobilised forces against Cyprus": the forces mobilised are the actor's own (of its
        # country, or of none stated); whom they are aimed at is named by "against"
        own = {s.country for s in sources}
        targets = [t for t in targets if t.country is not None and t.country not in own]
        if not targets:
            targets = [a for h in target_heads for a in hostile_targets(verb, h, actors)] or hostile_targets(verb, verb, actors)
    if not targets and len(sources) > 1 and any(_reciprocal(h) for h in target_heads):
        targets = sources  # "Armenia and Azerbaijan accused each other": each of the other
    if together:
        yield from coded_pairs(by_phone(verb, entry), verb, end, sources, [], modality, speaker, source_heads)
        return  # "Norway and Sweden spoke": each the other's partner, and no one else's
    if not targets:
        targets = complement_targets(verb, actors)
    if not targets and entry.code.root in CLAUSE_TARGET_ROOTS:
        targets = clause_subjects(verb, actors)
    if not targets and entry.code.root in ADDRESSED_ROOTS:
        targets = addressees(verb, actors)  # "sent a letter to Sweden demanding …"
    if not targets and entry.code.root in ("02", "10"):
        targets = between_parties(target_heads, actors)  # "urged talks between Norway and Sweden"
    if not targets and end.dep_ not in ("prep", "agent", "dative"):
        targets = prepositional_targets(verb, actors)  # the pattern's object slot was empty
    if not targets and entry.code.root in RECIPIENT_ROOTS and end.dep_ not in ("prep", "agent", "dative"):
        targets = recipient_targets(verb, actors)
    if not targets and entry.code.root == "14":
        targets = grievance_targets(verb, actors)
    if not targets and (entry.code.root in LOCATED_ROOTS or entry.code.code in LOCATED_CODES):
        targets = located_targets(verb, sources, actors)
    entry = by_phone(verb, recoded(verb, entry, target_heads, sources, targets, actors))
    metaphor = figure_of_speech(verb, entry, target_heads, sources, targets, actors)
    if metaphor is None and lexicon is not None and not (len(sources) > 1 and symmetric_entry(entry)):
        # (coordinated subjects of a joint event are each other's partners, and its object a
        # topic: "Norway and Sweden discussed the crisis")
        objects = [h for h in target_heads if h.dep_ != "dative"] or _clause_objects(verb, end)
        metaphor = other_sense(entry, objects, verb, actors, lexicon)
    if metaphor is None:
        metaphor = subject_out_of_kind(entry, sources, source_heads, actors)
    if metaphor is not None:
        yield Candidate(entry, verb, end, sources[0] if sources else None, None, modality, speaker, metaphor)
        return
    sources = placed_by_clause(sources, verb, source_heads, actors)
    targets, at_home = foreign_targets(entry, sources, targets)
    if at_home is not None:
        yield Candidate(entry, verb, end, sources[0] if sources else None, None, modality, speaker, at_home)
        return
    yield from coded_pairs(entry, verb, end, sources, targets, modality, speaker, source_heads)


# -- senses: what the object of a sense must be ----------------------------------------------------


def other_sense(entry: LexiconEntry, heads: list[Token], anchor: Token, actors: DocActors, lexicon: Lexicon) -> str | None:
    """Why a match is its word in an everyday sense, or None: the entry's object must be of a kind
    (data/kinds.yaml) and the match has an object, none of whose heads is of that kind
    ("released a report": CAMEO 0841 releases persons; "disbanded the commission": 0873
    demobilises armed forces). A match with no object is not judged here."""
    heads = [h for h in heads if h.ent_type_ not in ("DATE", "TIME")]  # "met with Assad Tuesday": a time, no object
    if entry.object_kind is None or not heads:
        return None
    kind = kind_table()[entry.object_kind]
    if any(h.dep_ in ("ccomp", "xcomp") for h in heads):
        return None if kind.clauses else f"the object is a clause, a fact and not of the kind this sense needs ({kind.name})"
    if any(fits_kind(h, kind, actors, anchor, lexicon) for h in heads):
        return None
    if symmetric_entry(entry) and any(
        actors.actor_for(g) or fits_kind(g, kind, actors, anchor, lexicon)
        for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"
    ):
        return None  # "discussed the crisis with Sweden": the parser hung the partner on the topic
    words = " ".join(h.text for h in heads)
    return f"the object {words!r} is not of the kind this sense needs ({kind.name}): the verb in another sense"


def _clause_objects(verb: Token, end: Token) -> list[Token]:
    """A clause that is the object of a verb with no object of its own, for a pattern with no
    preposition of its own: a "that" clause ("accepted that the talks had failed") or a gerund
    ("quit dredging up the past")."""
    if end.dep_ in ("prep", "agent", "dative"):
        return []
    return [
        c for c in verb.children
        if c.i > verb.i and (
            (c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
            or (c.dep_ == "xcomp" and c.tag_ == "VBG")
        )
    ]


_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "INS", "UAF", "PRM", "CRM"})
"""The armed sectors (as figures.py counts them): an actor of one is a force."""


_RELATIVES = frozenset({"that", "which", "who", "whom"})


def fits_kind(head: Token, kind: Kind, actors: DocActors, anchor: Token, lexicon: Lexicon) -> bool:
    """Whether a head token (or one of its conjuncts) is of a kind of argument."""
    for token in (head, *conjuncts(head)):
        token = through_quantifier(token)
        if token.lower_ in _RELATIVES and anchor.dep_ == "relcl":
            token = anchor.head  # "an attack that Britain blamed on Russia": the antecedent
        for word in (token, *(g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")):
            # "20 of the prisoners", "dozens of troops": what is counted
            if _fits_word(word, kind, lexicon):
                return True
        if "GPE" in kind.entities and token.pos_ == "PROPN" and actors.place_country(token) is not None:
            return True  # "visited Arequipa": a place the gazetteer knows
        if token.pos_ == "PROPN" and not token.ent_type_ and kind.entities & {"PERSON", "GPE"}:
            return True  # a name the tagger gave no type: a person or a place
        if kind.actors is not None and _reciprocal(token):
            return True  # "accused each other": the subjects, actors
        if kind.actors is not None:
            # the actor the phrase itself denotes (or a pronoun's), not one named inside it ("a
            # letter from the Swedish ambassador" is a letter)
            found = actors_of(token, actors, anchor) if token.pos_ == "PRON" else [a for a in [actors.actor_for(token)] if a]
            if found and token.pos_ == "NOUN" and token.is_lower and not _fits_word(token, kind_table()["agents"], lexicon):
                found = []  # "the Swedish elections": a thing of Sweden's, not Sweden
            if any(kind.actors == "any" or a.sector is None or a.sector in _ARMED_SECTORS for a in found):
                return True
    return False


def _fits_word(token: Token, kind: Kind, lexicon: Lexicon) -> bool:
    lemma = token.lemma_.lower()
    if token.ent_type_ and token.ent_type_ in kind.entities:
        return True
    if token.pos_ == "PRON":
        return token.lower_ in kind.pronouns
    if lemma in kind.nouns or token.lower_ in kind.nouns or token.pos_ == "NUM" and "CARDINAL" in kind.entities:
        return True
    return kind.event_nouns and (token.lower_ in lexicon.by_noun or lemma in lexicon.by_noun)


def subject_out_of_kind(entry: LexiconEntry, sources: list[Actor], heads: list[Token], actors: DocActors) -> str | None:
    """Why the sources are not who does this entry's event, or None: a subject kind
    (data/kinds.yaml) leaves out sectors ("Justice Mihara dissented": a judge's dissent is no
    protest, CAMEO 140 is collective action of people out of office) and, where it says so,
    named persons with no known role (a private traveller makes no visit, CAMEO 042)."""
    if entry.subject_kind is None or not sources:
        return None
    kind = kind_table()[entry.subject_kind]

    def fits(actor: Actor) -> bool:
        if actor.sector in kind.sectors_not:
            return False
        return not (kind.persons_need_sector and actor.sector is None and actors.is_person(actor))

    nationals = kind.nationals_not and heads and all(
        through_quantifier(h).ent_type_ == "NORP" and through_quantifier(h).tag_ in ("NNS", "NNPS") for h in heads
    )  # "thousands of Venezuelans arrived": people, not their state
    if not nationals and any(fits(s) for s in sources):
        return None
    names = ", ".join(f"{s.text} [{s.code}]" for s in sources)
    return f"the subject {names} is not of the kind this sense needs ({kind.name})"


def foreign_targets(entry: LexiconEntry, sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], str | None]:
    """The targets of an entry whose target must be foreign (CAMEO 042 "make a visit" travels to
    another actor's place): those of another country than the source, where both are known; and
    why nothing is coded when none is left."""
    if not entry.foreign_target or not targets:
        return targets, None
    homes = {s.country for s in sources}
    if len(homes) != 1 or None in homes:
        return targets, None
    kept = [t for t in targets if t.country is None or t.country not in homes]
    if kept:
        return kept, None
    return targets, "an arrival at home (the place or host is of the traveller's own country): travel, not a visit"


_REQUEST_ROOTS = frozenset({"02", "10"})


def requested_by(verb: Token, lexicon: Lexicon) -> Token | None:
    """The verb of asking whose request this verb's clause is, or None: "urged Gondor to
    withdraw", "called for the minister to resign", "demanded that Arnor release them". What is
    asked for has not happened; CAMEO codes the request (02x appeals, 10x demands, with the act
    asked for in its code: 0241 "appeal for change in leadership"), not the act."""
    clause = verb
    for _ in range(3):
        if clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head  # "urged Gondor to withdraw and (to) release"
            continue
        asked = (
            clause.dep_ == "xcomp"
            or (clause.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "for" and c.i < clause.i for c in clause.children))
            or (clause.dep_ == "ccomp" and mandated(clause))
        )
        if clause.dep_ == "advcl" and clause.left_edge.i > 0:
            # "issued a call for Sweden to release …", "renewed its calls for Sweden to …": the
            # parser hangs the for-to clause on the main verb; the request noun stands before it
            asker = _asking_noun_before(clause)
            if asker is not None and _asks(asker, lexicon):
                return asker
        if not asked:
            return None
        head = clause.head
        if any(e.code.root in _REQUEST_ROOTS for _, e in lexicon.by_verb.get(head.lemma_.lower(), ())):
            return head
        if head.dep_ != "xcomp":
            return None
        clause = head  # "urged Gondor to stop attacking": through "stop"
    return None


def document_authors(verb: Token, actors: DocActors) -> list[Token]:
    """Who does what a participle describing a document says it does: "Norway issued a statement
    condemning Sweden", "the council adopted a resolution urging …", "Norway's letter accusing
    Sweden": the document acts for whoever issued it (its possessor, or the subject or agent of
    the verb of issuing it), as "the report accused" stands for its authors."""
    document = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or document.lemma_.lower() not in DOCUMENTS:
        return []
    owners = [c for c in document.children if c.dep_ == "poss"]
    clause = document.head.head
    if owners and document.dep_ == "pobj" and clause.pos_ in ("VERB", "AUX"):
        # "In her statement condemning the test, Clinton defended …": a pronoun in a phrase set
        # before or after the clause is bound by the clause's subject, ahead of it or not
        bound = agreeing_subject(owners[0], clause, actors) if owners[0].pos_ == "PRON" else None
        return [bound] if bound is not None else owners
    if owners:
        return owners
    issuing = document.head
    if document.dep_ in ("dobj", "nsubjpass") and issuing.pos_ == "VERB" and issuing.lemma_.lower() in ISSUING:
        return subjects_of(issuing)
    return []


def _asking_noun_before(clause: Token) -> Token | None:
    """The noun a for-to clause the parser hung on the main verb belongs to: the noun just before
    its "for" ("calls | for Sweden to withdraw"), or whose "for" governs the name just before its
    "to" ("a call for Sweden | to release")."""
    before = clause.doc[clause.left_edge.i - 1]
    if before.dep_ == "pobj" and before.head.lower_ == "for":
        return before.head.head
    if clause.left_edge.lower_ == "for" and before.pos_ == "NOUN":
        return before
    return None


def _asks(word: Token, lexicon: Lexicon) -> bool:
    """Whether a verb or noun is one of asking (CAMEO 02 appeals, 10 demands): "call", "urge"."""
    lemma = word.lemma_.lower()
    return any(e.code.root in _REQUEST_ROOTS for _, e in (*lexicon.by_verb.get(lemma, ()), *lexicon.by_noun.get(lemma, ())))


def _stative_passive(verb: Token) -> bool:
    """ "his mind is shot", "the region is occupied": a passive in the simple present with no other
    auxiliary tells a state (an adjectival passive), not news of an act ("was shot", "has been
    killed", a headline's bare "shot down")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" and auxiliaries[0].lower_ in ("is", "are", "am", "'s", "'re")


def pattern_object_is_subject(verb: Token, match: tuple[Token, list[Token]]) -> bool:
    """Whether a verb match is a passive whose target is its subject ("X was expelled", "the
    expelled X", "X, expelled on Monday"), not a prepositional object."""
    return is_passive(verb) and match[0].dep_ not in ("prep", "agent", "dative")


_MEDIA = frozenset({"phone", "telephone", "videoconference", "video", "videolink", "link", "teleconference", "call"})


def by_phone(verb: Token, entry: LexiconEntry) -> LexiconEntry:
    """A consultation "by phone", "on the phone", "over the telephone", "via video link" is CAMEO
    041 (discuss by telephone), PLOVER CONSULT in its phone mode (any remote medium)."""
    if entry.code.code != "040":
        return entry
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "on", "over", "via"):
            if any(g.dep_ == "pobj" and g.lemma_.lower() in _MEDIA for g in prep.children):
                return replace(entry, id=f"{entry.id}.phone", code=cameo_table()["041"], mode=None)
    return entry


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
def _obligation_entry() -> LexiconEntry:
    return LexiconEntry("request.obligation", cameo_table()["100"], (), (), frozenset(), None)


# -- nouns -------------------------------------------------------------------------------------


def _match_noun(
    noun: Token, pattern: NounPattern, entry: LexiconEntry, actors: DocActors
) -> tuple[Token, Token, list[Token], Token | None] | None:
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
    has_possessor = any(c.dep_ == "poss" for c in noun.children) or bool(thematic_agents(noun, actors))
    has_agent = bool(noun_agents(noun)) or (entry.from_role == "source" and bool(from_objects(noun)))
    has_by = has_agent or _between_told(noun, governor)
    if entry.governors and (governor is None or governor.lemma_.lower() not in entry.governors) and not (
        governor is None and (has_possessor or has_agent) and entry.code.quad_class == 4 and entry.governors & _DOING
    ):
        # "Turkey's offensive on Afrin continued", "after the Turkish offensive on Afrin": a noun
        # of material conflict (CAMEO 14-20) with its own agent and no verb over it is told as
        # done, as by the verbs that carry it out ("launched an offensive"); not as threatened or
        # eased. A cooperative noun names a relation or an amount as often ("Iran's trade with …
        # decreased"): it needs its verb.
        return None
    if governor is not None and governor.lemma_.lower() not in allowed and not has_possessor and not has_by:
        return None
    standalone = governor is None and noun.dep_ == "pobj" and entry.code.root in UNATTRIBUTED_ROOTS
    if governor is None and not has_possessor and not has_by and not standalone:
        return None
    if pattern.prep is None:
        return start, noun, [noun], governor
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == pattern.prep:
            return start, child, [c for c in child.children if c.dep_ == "pobj"], governor
    if pattern.prep == "for":
        # "its calls for Sweden to withdraw": a for-to clause, whose subject is the one asked (as
        # after the verb "called for"); the parser may hang it on the verb over the noun
        after = [c for c in (governor.children if governor is not None else ()) if c.left_edge.i == noun.right_edge.i + 1]
        for clause in [*noun.children, *after]:
            mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for" and c.i < clause.i), None)
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if clause.dep_ in ("advcl", "acl", "ccomp") and mark is not None and subjects:
                return start, mark, subjects, governor
    if governor is not None and slot.dep_ != "nsubjpass":  # "sent aid to Ukraine": the parser often hangs "to" on the verb
        # (not a passive's subject: "diplomats were expelled from the US" is expelled from, not diplomats from)
        for child in governor.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == pattern.prep and child.i > noun.i and not absolute_with(child):
                return start, noun, [c for c in child.children if c.dep_ == "pobj"], governor
        if pattern.prep in ("to", "for"):  # "gave Ivory Coast 5 million dollars of aid"
            datives = [c for c in governor.children if c.dep_ == "dative" and c.i < noun.i and c.pos_ in ("NOUN", "PROPN")]
            if datives:
                return start, noun, datives, governor
    return None


_TOPIC_PREPOSITIONS = frozenset({"about", "regarding", "concerning", "on", "over"})
"""What an event noun with no author names when it is what a clause is about."""

_OCCASION_PREPS = frozenset({"after", "before", "during", "at", "since", "following", "in", "from", "on"})


def _between_told(noun: Token, governor: Token | None) -> bool:
    """Whether an event noun names both its parties with "between X and Y" where the text tells
    the event as one that happens: "a phone call between X and Y" is the call of both, as "X's
    call" is X's; so is "there was a meeting between", "talks between X and Y ended", "after
    talks between". As the object of another verb ("called for talks between", "urged a meeting
    between") it is only asked for or planned: the lexicon's governors decide those."""
    if not any(
        c.dep_ == "prep" and c.lower_ == "between" and any(g.dep_ == "pobj" and any(x.dep_ == "conj" for x in g.children) for g in c.children)
        for c in noun.children
    ):
        return False
    if governor is not None:
        return governor.lemma_.lower() == "be"  # "there was a phone call between"
    if noun.dep_ in ("nsubj", "ROOT"):
        return True  # "talks between X and Y ended"; a headline
    # "after talks between": an occasion; "success in brokering talks between": under a noun
    return noun.dep_ == "pobj" and (noun.head.lower_ in _OCCASION_PREPS or noun.head.head.pos_ in ("NOUN", "PROPN"))


_THEMATIC_NAMES = frozenset({"NORP", "ORG"})


def thematic_agents(noun: Token, actors: DocActors) -> list[Token]:
    """A nationality adjective or a named organisation before an event noun is its agent, as a
    possessor is: "the Turkish offensive on Afrin" is Turkey's offensive, "the NATO bombing of
    Serbia" NATO's (English thematic adjectives and noun premodifiers of deverbal nouns). A
    place name there is where ("a London rally", "the Geneva talks"), never who. Only for a
    noun that names what it is done to or against (its preposition's object): "the Syrian war"
    names no deed of Syria's. A nationality adjective is one by the knowledge base, whatever the
    entity recogniser calls it ("Belizean" is often tagged a location, "Lao" nothing)."""
    if not any(c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) for c in noun.children):
        return []
    return [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound") and c.i < noun.i and (c.ent_type_ in _THEMATIC_NAMES or actors.nationality_of(c) is not None)
    ]


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
_PERFORMING = _DOING | frozenset(
    """make issue launch renew resume continue repeat reiterate reaffirm escalate intensify step
    redouble deliver voice express level lodge file extend give offer pay stage hold begin start
    announce declare sharpen pursue keep maintain broaden expand""".split()
)
"""Verbs whose subject does, starts, continues or renews the deed their object names ("renewed
his denunciation of", "made her appeal to"); not those that order, seek, approve or welcome
someone else's ("ordered his arrest", "welcomed her criticism of")."""
_PERSON_PRONOUNS = frozenset({"he", "she"})
_GROUP_NAMES = frozenset({"GPE", "ORG", "NORP"})


def bound_possessor(possessor: Token, verb: Token, actors: DocActors) -> Token:
    """The subject of ``verb`` for a possessive pronoun on the event noun it governs, where the two
    agree; else the pronoun. In "Macron renewed his denunciation of China", "Norway stepped up
    its criticism of Sweden", "the rebels resumed their shelling of the city", the possessive
    determiner of the object is bound by the clause's subject, the usual reading in English when
    the subject can be its antecedent (a verb of doing, continuing or renewing over an event noun
    says the subject does the noun's deed); "his" and "her" agree with a person, "its" with a
    state or a group, "their" with a plural or a group. The caller asks only for a noun that names
    what it is done to ("of China"): in a bare "his arrest" he is the one arrested."""
    if verb.lemma_.lower() not in _PERFORMING:
        return possessor
    return agreeing_subject(possessor, verb, actors) or possessor


def agreeing_subject(possessor: Token, verb: Token, actors: DocActors) -> Token | None:
    """The subject of ``verb`` when a possessive pronoun agrees with it (see bound_possessor)."""
    word = possessor.lower_
    subjects = subjects_of(verb)
    if word not in _POSSESSIVE_PRONOUNS or len(subjects) != 1:
        return None
    subject = subjects[0]
    plural = subject.tag_ in ("NNS", "NNPS") or bool(conjuncts(subject)) or subject.lower_ in ("they", "we")
    actor = actors.actor_for(subject) if subject.pos_ != "PRON" else None
    person = subject.lower_ in _PERSON_PRONOUNS or (actor is not None and actors.is_person(actor)) or (
        subject.pos_ == "NOUN" and not plural and subject.ent_type_ not in _GROUP_NAMES and actor is not None and actor.sector is not None
    )  # "the president": a role held by a person
    group = not person and subject.lower_ not in _PERSON_PRONOUNS and (actor is not None or subject.lower_ in ("it", "they"))
    agrees = {
        "his": person and not plural, "her": person and not plural,
        "its": group and not plural and subject.lower_ != "they", "their": plural or group,
    }[word]
    return subject if agrees else None


def noun_agents(noun: Token) -> list[Token]:
    """Who did what an event noun names: its "by" phrase ("the arrest of a reporter by the
    police"), which the parser often hangs on the noun's "of" object instead."""
    heads = [noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")]
    return [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]


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
    noun: Token, match: tuple[Token, Token, list[Token], Token | None], entry: LexiconEntry, actors: DocActors,
    lexicon: Lexicon | None = None,
) -> Iterator[Candidate]:
    start, end, target_heads, governor = match
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    bound_to_subject = False
    agents = noun_agents(noun)
    anchor = governor if governor is not None else noun
    if entry.governors and governor is not None:
        # "Congo rejected Rwanda's proposal": the governing verb's subject acts; the possessor is
        # whose proposal it was.
        source_heads = subjects_of(governor)
        if target_heads == [noun]:
            target_heads = possessors + target_heads
    else:
        if governor is not None and target_heads != [noun]:
            bound = [bound_possessor(p, governor, actors) for p in possessors]
            bound_to_subject = [b.i for b in bound] != [p.i for p in possessors]
            possessors = bound
        source_heads = possessors + agents + [t for t in thematic_agents(noun, actors) if t.i != start.i]
        if not source_heads and entry.from_role == "source":
            source_heads = from_objects(noun)  # "retaliatory expulsions of diplomats from Russia"
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
        elif targets and own and entry.code.root == "15" and targets[0].country is None and (
            targets[0].span[0] <= noun.idx < targets[0].span[1]
        ):
            targets = []  # "Mexico massed troops": forces of no stated country are the mobiliser's own
    if not targets and governor is not None:
        # "gave Tanzania a grant": the indirect object of the governing verb; "engaged
        # peacekeepers in a firefight": its direct object
        others = [c for c in governor.children if (c.dep_ == "dative" and c.i < noun.i) or (c.dep_ == "dobj" and c.i != noun.i)]
        targets = [a for h in others for a in actors_of(h, actors, governor)]
    if not targets and governor is not None and entry.code.root in CLAUSE_TARGET_ROOTS:
        targets = clause_subjects(noun, actors) or clause_subjects(governor, actors)  # "its demand that Israel ease …"
    if not targets and governor is not None and entry.code.root in ADDRESSED_ROOTS:
        targets = addressees(governor, actors)  # "sent a letter to Sweden demanding the release of …"
    if not targets and governor is not None and entry.code.root in ("02", "10"):
        targets = between_parties([noun], actors)  # "urged talks between Serbia and Kosovo"
    if not targets and governor is not None and (entry.code.root in LOCATED_ROOTS or entry.code.code in LOCATED_CODES):
        targets = located_targets(governor, sources, actors)
    if not targets and governor is not None and entry.code.root == "14":
        targets = grievance_targets(governor, actors)  # "blocked roads in defiance of …"
    if not targets and governor is not None and entry.code.root == "15":
        targets = hostile_targets(governor, noun, actors)  # "massed troops against Ukraine"
    if target_heads and len(targets) >= 2 and not sources and (
        target_heads[0].head.lower_ == "between"
        or (symmetric_entry(entry) and names_a_pair(target_heads[0], actors))
    ):
        # "talks between X and Y"; "talks with officials from both countries" (no other party
        # named): the two are the parties, each the other's counterpart
        sources, targets = targets[:1], targets[1:2]
    if bound_to_subject and not targets:
        # "renewed his denunciation of the nation's immigration policies": a deed of the subject's
        # read through its pronoun is coded only against a known actor, as the guide's core events are
        yield Candidate(entry, start, end, sources[0] if sources else None, None, modality, speaker,
                        "a deed read through a possessive pronoun needs a known target", governor)
        return
    if not targets and entry.code.root in _REQUEST_ROOTS and end.lower_ == "for":
        # "her call for a constitutional amendment", "a reporter's request for comment": a noun
        # that names only what is asked for is coded when someone asked is known ("a call for
        # talks with Sweden", "for Sweden to withdraw"), not as a plea to nobody
        yield Candidate(entry, start, end, sources[0] if sources else None, None, modality, speaker,
                        "an appeal for something, with no one known to be asked", governor)
        return
    if entry.governors and governor is None and (not sources or not targets):
        # a deed noun told as done with no verb over it ("Turkey's offensive on Afrin continued"):
        # only when both its agent and what it is aimed at are known ("his attacks on her record",
        # "in her home state of New York" are not news of violence)
        yield Candidate(entry, start, end, sources[0] if sources else None, targets[0] if targets else None, modality, speaker,
                        "a deed noun with no verb over it needs a known agent and target")
        return
    if not sources and targets and governor is None and entry.code.root in UNATTRIBUTED_ROOTS:
        # "after the downing of a Gondorian drone over the river": violence done to a known
        # actor by someone the text does not name is still an event, with no source; but not
        # the topic of a clause about something else ("spoke about the killing of civilians")
        topic = noun.head.lower_ if noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_PREPOSITIONS else None
        for target in targets:
            yield Candidate(entry, start, end, None, target, modality, speaker,
                            None if topic is None else f"the topic of talk (\"{topic} the …\"), with nobody doing it: not an event told")
        return
    sources = placed_by_clause(sources, anchor, source_heads, actors)
    entry = political_fight(verbal_attack(entry, target_heads, sources, targets), sources, targets, actors)  # "his attacks on her record"
    figure = lone_fighter(entry, sources, targets, actors) if noun.lemma_.lower() in ("battle", "fight", "war") else None
    if released_publication(entry, target_heads):
        figure = PUBLISHED
    if figure is None and lexicon is not None:
        figure = other_sense(entry, [h for h in target_heads if h.i != noun.i], anchor, actors, lexicon)
    if figure is None:
        figure = subject_out_of_kind(entry, sources, source_heads, actors)
    if figure is None:
        targets, figure = foreign_targets(entry, sources, targets)
    if figure is not None:
        yield Candidate(entry, start, end, sources[0] if sources else None, None, modality, speaker, figure, governor)
        return
    for found in coded_pairs(entry, start, end, sources, targets, modality, speaker, source_heads):
        yield replace(found, governor=governor)
