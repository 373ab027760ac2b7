"""Finding an event's arguments in the parse: subjects, objects, what a pronoun or a quantifier
stands for, and targets reached through complements and prepositions."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from thucydides.nlp.sentences import sentence_back, sentence_of
from thucydides.records import Actor
from thucydides.nlp.annotations import DocActors
from thucydides.extract.attributions import load_cues
from thucydides.nlp.words import PERSONAL_PRONOUNS, QUANTIFIERS

SPEECH_VERBS = frozenset(
    """say tell add announce state declare report claim insist warn write tweet note explain
    stress confirm reiterate argue assert allege deny acknowledge admit""".split()
)
BELIEF_VERBS = frozenset("believe think suspect fear hint suggest expect assume".split())
"""Verbs whose clausal complement is someone's view, not a fact: the events inside are reported."""
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_QUANTIFIERS = QUANTIFIERS


def is_passive(verb: Token) -> bool:
    children = verb.children
    return (
        any(c.dep_ == "auxpass" or (c.dep_ == "nsubjpass" and verb.tag_ != "VBD") for c in children)
        or reduced_relative(verb)
        or participial_modifier(verb)
    )
    # (a past tense with no passive auxiliary is active, whatever the parser calls its subject:
    # "Laos, the ministry said, called on Cyprus"; a headline's passive drops "was" but keeps the
    # participle, "Two soldiers killed in attack")


def participial_modifier(verb: Token) -> bool:
    """ "the diplomats expelled by Germany", "the expelled diplomats": a past participle that
    modifies a noun, after it or before it, is a passive whose subject is that noun ("the
    diplomats who were expelled by Germany")."""
    if verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.dep_ == "amod":  # the tagger may call it an adjective: the coder only asks of lexicon verbs
        return verb.i < verb.head.i and (verb.tag_ == "VBN" or verb.pos_ == "ADJ")
    if verb.dep_ != "acl" or misread_main_verb(verb) or subordinated_subject(verb):
        return False  # (the verb of a clause the parser misread)
    # the tagger often calls a participle a past tense ("the officials thanked by Laos": VBD); a
    # "by" agent is only ever a passive's, so with one the verb is a participle whatever its tag
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and any(c.dep_ == "agent" for c in verb.children))


def misread_main_verb(verb: Token) -> bool:
    """ "Laos, a neighbour of Mexico, acceded to Cyprus": the parser hung the main verb on the
    subject as a modifier, and the subject became the root, so the sentence has no verb of its
    own. A verb right after the subject's set-off apposition or relative clause ("the envoy,
    who later met the king, accused Cyprus") is the sentence's verb, also where the parser hung
    it on the last noun of that clause ("the ministry, which has long opposed the project,
    condemned Cyprus")."""
    return _misread_subject(verb) is not None


_CLOSERS = frozenset({",", "-", "–", "—", ")"})
"""What closes a set-off apposition or relative clause: "the two neighbours - Egypt and Jordan - criticised"."""


def _misread_subject(verb: Token) -> Token | None:
    """The subject of a main verb misread as a modifier (see misread_main_verb), or None."""
    if verb.dep_ not in ("acl", "relcl") or verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP") or verb.i == 0 \
            or verb.doc[verb.i - 1].text not in _CLOSERS:
        return None
    if verb.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") or c.lower_ in _RELATIVE for c in verb.children):
        return None  # a relative clause has a relative word or a subject of its own; with neither, the verb is the main one
    head = verb.head
    if head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i and (any(
        c.dep_ == "appos"
        or (c.dep_ == "relcl" and c.right_edge.i + 1 >= verb.i - 1 and c.left_edge.i > 0 and verb.doc[c.left_edge.i - 1].text == ",")
        for c in head.children
    ) or any(
        # "Laos, the ministry said, shared …": a reporting clause set off between the subject and its verb
        c.dep_ == "parataxis" and head.i < c.left_edge.i and c.i < verb.i
        and "," in (c.left_edge.text, verb.doc[c.left_edge.i - 1].text)
        for c in verb.children
    )):
        return head
    root = verb.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i >= verb.i:
        return None
    for clause in root.children:
        # the verb hung inside the set-off clause, on its last noun, right after its closing comma
        if clause.dep_ in ("relcl", "appos") and clause.i > root.i and clause.left_edge.i > 0 \
                and verb.doc[clause.left_edge.i - 1].text == "," and clause.left_edge.i < head.i < verb.i <= clause.right_edge.i \
                and head.pos_ in ("NOUN", "PROPN") and head.right_edge.i >= verb.i:
            return root
    return None

def reduced_relative(verb: Token) -> bool:
    """ "The civilians imprisoned for … were released": the parser made the participle the root
    and its noun the subject, but the noun is what was done to (a passive with no agent)."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBN", "VBD"):
        return False
    children = list(verb.children)
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in children) or any(
        c.dep_ in ("aux", "auxpass", "dobj", "cc") for c in children  # "attacked and were repelled"
    ):
        return False
    if any(c.dep_ == "conj" and any(g.dep_ == "auxpass" for g in c.children) for c in children):
        return True
    # "The officials bludgeoned by Laos left the capital": a "by" phrase naming someone right after
    # the verb, then a second verb with no "and" between them; English joins two finite verbs of
    # one subject only with a coordinator, so the first is a participle on the subject
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # (the parser may hang that second verb on the first as any clause: conj, advcl, ccomp, xcomp)
    return (
        after is not None and after.lower_ == "by" and after.head.i == verb.i
        and any(_names_someone(g) for g in after.children if g.dep_ == "pobj")
        and any(
            c.dep_ in _SECOND_VERB and c.pos_ in ("VERB", "AUX") and c.i > after.i and c.tag_ in ("VBD", "VBZ", "VBP")
            and not any(g.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for g in c.children)
            for c in children
        )
    )


_SECOND_VERB = frozenset({"conj", "advcl", "ccomp", "xcomp", "dep"})

def from_objects(head: Token) -> list[Token]:
    """The objects of a word's "from" phrase, also where the parser hung it on the word's "of"
    object ("the expulsion of diplomats from Russia")."""
    holders = [head, *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")]
    return [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]


def passive_subjects(verb: Token) -> list[Token]:
    """What a passive verb was done to: its passive subject, or a reduced relative's noun."""
    if participial_modifier(verb):
        return [verb.head]
    dep = "nsubj" if reduced_relative(verb) else "nsubjpass"
    return [c for c in verb.children if c.dep_ == dep]

INSTRUMENTS = frozenset(
    """missile missiles rocket rockets bomb bombs shell shells drone drones mine mines grenade
    grenades bullet bullets explosive explosives device devices strike strikes airstrike airstrikes""".split()
)
"""Weapons named as a passive agent: who did it is the agent of the weapon's own participle
("downed by a missile fired by rebels")."""

def _weapon_users(weapon: Token) -> list[Token]:
    if weapon.lemma_.lower() not in INSTRUMENTS and weapon.lower_ not in INSTRUMENTS:
        return []
    found: list[Token] = []
    for token in weapon.subtree:
        if token.dep_ == "agent" and token.i != weapon.i:
            found.extend(g for g in token.children if g.dep_ == "pobj")
    return found

_AGENT_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_INSIDE_PHRASE = frozenset({"prep", "pobj", "pcomp", "dobj", "npadvmod"})
"""Dependencies that stay inside the verb's own phrase: prepositional phrases, a gerund's
object; not a clause of its own (relcl, acl, advcl, ccomp, xcomp, conj)."""


def displaced_agents(verb: Token) -> list[Token]:
    """The agent of a passive that follows the verb's other complements: "Uganda was accused of
    meddling in the election by Kenya's president", where the parser hangs "by" on the last noun
    before it. English puts the passive's "by" phrase after the verb's complements; it is the
    verb's own when its object names someone (a person, an organisation, a state or nationality)
    and the noun it hangs on names no deed of its own ("the attacks by rebels": the attacks'
    author) and no clause lies between the verb and it."""
    if verb.dep_ == "amod":
        return []  # "the expelled diplomats": a prenominal participle takes no "by" phrase
    nouns = _deed_nouns()
    found: list[Token] = []
    stack = [c for c in verb.children if c.dep_ in _INSIDE_PHRASE and c.i > verb.i]
    while stack:
        token = stack.pop()
        if token.pos_ in ("NOUN", "PROPN") and (token.lower_ in nouns or token.lemma_.lower() in nouns):
            continue  # "accused of backing attacks (on the town) by rebels": the rebels' attacks
        if token.dep_ == "prep" and token.lower_ == "by":
            found.extend(g for g in token.children if g.dep_ == "pobj" and _names_someone(g))
            continue
        stack.extend(c for c in token.children if c.dep_ in _INSIDE_PHRASE)
    return sorted(found, key=lambda t: t.i)[:1]


_DEED_PREPS = frozenset({"of", "on", "against", "between", "with", "upon"})


@lru_cache(maxsize=1)
def _deed_nouns() -> frozenset[str]:
    """Nouns that name a deed of their own, whose "by" phrase is their author: the nominal forms
    of the lexicon's verbs, and its event nouns that take what they are done to ("attack on",
    "talks with"); not "soldiers", "border", which name things an event moves or closes."""
    from thucydides.codes.lexicon import load_lexicon, read_nominalizations

    lexicon = load_lexicon()
    found = {noun.head for forms in read_nominalizations().values() for noun in forms}
    found.update(head for head, options in lexicon.by_noun.items() if any(p.prep in _DEED_PREPS for p, _ in options))
    return frozenset(found)


def _names_someone(token: Token) -> bool:
    """Whether a noun phrase's head names a person, organisation, state or nationality."""
    return token.ent_type_ in _AGENT_NAMES or any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in _AGENT_NAMES for c in token.children
    )


def subjects_of(verb: Token) -> list[Token]:
    """Heads of the source: subject, passive agent, or the subject inherited up xcomp/conj chains."""
    if is_passive(verb):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        agents = [user for g in agents for user in (_weapon_users(g) or [g])]
        if not agents:
            agents = displaced_agents(verb)
        if not agents:
            # "killed in Israeli tank shelling": the nationality of the attack that did it
            # ("shot down in Logar province": a place under a locative preposition is where, never who)
            agents = [
                m for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by")
                for g in c.children if g.dep_ == "pobj" and not is_place_noun(g)
                for m in g.children if m.dep_ in ("amod", "compound") and m.i < g.i
            ]
        return agents
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]  # (not passive: see is_passive)
    subjects = [n for c in subjects for n in (clause_as_subject(c) or [c])]
    if not subjects:
        misread = _misread_subject(verb)
        if misread is not None:
            return [misread, *comitative_partners(verb, misread)]
    if not subjects and (verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.dep_ == "ROOT" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    ))):
        # "Sweden faced condemnation", parsed with "Sweden" as a modifier of the verb: a finite
        # verb has no compound or noun-phrase-adverb name before it, so that name is its subject
        subjects = [c for c in verb.children if c.dep_ in ("compound", "npadvmod") and c.i < verb.i and c.pos_ == "PROPN"
                    and c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")][:1]
    if not subjects or (len(subjects) == 1 and _object_of_fronted_preposition(subjects[0], verb)):
        subjects = fronted_subject(verb) or subjects
    if not subjects:
        subjects = subordinated_subject(verb)  # "…, as Norway and aid workers accused the army"
    if subjects:
        if subjects[0].lower_ in _RELATIVE and verb.dep_ == "relcl":
            return [antecedent(verb) if subjects[0].lower_ in ("who", "whom") else verb.head]
        return subjects + comitative_partners(verb, subjects[0])
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return subjects_of(verb.head.head)  # "Syria is willing to withdraw"
    if verb.dep_ == "xcomp" and is_passive(verb.head):
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "Obama is scheduled to attend"
    if verb.dep_ == "xcomp":
        objects = [c for c in verb.head.children if c.dep_ in ("dobj",)]
        return objects or subjects_of(verb.head)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        stranded = [c for c in verb.head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.right_edge.i == verb.i - 1]
        if stranded:
            # "Norway condemned and Finland praised Sweden", parsed with "Finland" as a conjunct of
            # "condemned": a noun is no conjunct of a verb; right before the next verb, it is its subject
            return stranded
        if reduced_relative(verb.head) and not any(g.dep_ == "auxpass" for g in verb.children):
            return passive_subjects(verb.head)  # "the officials expelled by Laos left": the officials left
        return subjects_of(verb.head)
    if verb.dep_ == "advcl" and ing_form(verb) and all(
        c.lower_ in _TIME_MARKS for c in verb.children if c.dep_ in ("mark", "prep") and c.i < verb.i
    ):
        # "…, Kuleba wrote, speaking with Blinken"; "Since meeting Blinken in May, Kuleba …": a
        # participle clause's understood subject is its main clause's (only a word before the
        # participle introduces it: "with Blinken" after it is its own argument)
        return subjects_of(verb.head)
    if verb.dep_ == "pcomp" and ing_form(verb) and verb.head.lower_ in _TIME_MARKS and verb.head.head.pos_ in ("VERB", "AUX"):
        return subjects_of(verb.head.head)  # "After visiting Sweden, Norway …": parsed as a preposition's object
    if purpose_clause(verb):
        return _purpose_subjects(verb.head)
    if verb.dep_ in ("relcl", "acl") and first_to_act(verb):
        # "Norway was the first country to recognise Kosovo"; "the first delegation to visit Oslo"
        ranked = verb.head
        if ranked.dep_ == "attr":
            return subjects_of(ranked.head)
        return [ranked.head] if ranked.dep_ == "appos" else [ranked]  # "Norway, the first to …"
    if verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBN":
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in DOCUMENTS:
        speakers = document_speakers(verb.head)  # "Norway said in a statement condemning the raid"
        if speakers:
            return speakers
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") and _told_participle(verb):
        return [verb.head]
    absolute = absolute_subject(verb)
    if absolute is not None:
        return [absolute]
    if noun_infinitive(verb):
        return _planners(verb.head)
    return []


_COORDINATORS = frozenset({"and", "but", "or", "nor"})


def shared_objects(verb: Token) -> list[Token]:
    """ "Norway condemned and Finland welcomed the plan", "the rebels attacked and seized the
    town", "Norway criticised, and Finland praised, Sweden": a transitive verb with nothing after
    it but the coordinator shares the object that closes its conjunct (English right-node
    raising: the object is said once, at the end, for both verbs)."""
    doc = verb.doc
    after = verb.i + 1
    while after < len(doc) and doc[after].text == ",":
        after += 1
    if after >= len(doc) or doc[after].dep_ != "cc" or doc[after].lower_ not in _COORDINATORS:
        return []
    if any(c.i > verb.i and c.dep_ not in ("cc", "conj", "punct") for c in verb.children):
        return []  # something of its own after the verb: not a shared object
    seconds = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > after]
    if verb.dep_ == "nsubj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i > after:
        seconds.append(verb.head)  # parsed as "[Norway condemned and Finland] praised Sweden" (see clause_as_subject)
    for second in seconds:
        objects = [c for c in second.children if c.dep_ == "dobj" and c.i > second.i]
        if objects:
            return objects
    return []


def clause_as_subject(subject: Token) -> list[Token]:
    """ "Norway condemned and Finland praised Sweden", parsed as "[Norway condemned and Finland]
    praised Sweden": a finite verb with a subject of its own cannot be the subject of another
    verb; the noun coordinated after it is that verb's subject (the first clause is a conjunct
    whose object is raised to the end, see shared_objects)."""
    if subject.pos_ not in ("VERB", "AUX") or subject.tag_ not in _FINITE or not any(c.dep_ == "nsubj" for c in subject.children):
        return []
    return [c for c in subject.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i > subject.i]


_COMITATIVE = frozenset({"along", "together"})


def comitative_partners(verb: Token, subject: Token) -> list[Token]:
    """ "Norway, along with Finland, condemned Sweden", "Norway together with Finland",
    "Norway, alongside Finland, …": a comitative phrase between the subject and its verb names a
    partner who does what the subject does (English comitative coordination: "X along with Y
    did it" tells that both did it). Only between the two: after the verb ("attacked Sweden
    along with Finland") the phrase may name the one acted with or against."""
    found: list[Token] = []
    for token in verb.doc[subject.i + 1 : verb.i]:
        if token.dep_ != "prep" or token.head.i not in (subject.i, verb.i, token.i - 1):
            continue
        before = verb.doc[token.i - 1]
        if token.lower_ == "alongside" or (token.lower_ == "with" and before.lower_ in _COMITATIVE):
            found.extend(g for g in token.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN"))
    return found


def _object_of_fronted_preposition(subject: Token, verb: Token) -> bool:
    """ "After talks in Cairo, Egypt and Jordan signed", parsed with "talks" as the subject and
    "After" as a preposition with no object: a preposition has an object, and it is the noun the
    parser took for the subject."""
    before = subject.left_edge.i - 1
    if before < 0:
        return False
    word = subject.doc[before]
    return _fronted_preposition(word, verb) and not any(c.dep_ == "pobj" for c in word.children)


def _fronted_preposition(word: Token, verb: Token) -> bool:
    """A preposition of ``verb``'s clause, or the subordinator the parser made of it on a main
    verb (a main clause has no subordinator: "After talks in Geneva, Norway … condemned")."""
    return word.head.i == verb.i and (word.dep_ == "prep" or (word.dep_ == "mark" and verb.dep_ == "ROOT"))


def fronted_subject(verb: Token) -> list[Token]:
    """ "After a meeting in Rome, Chile and Peru signed a deal": the parser coordinated the
    subject with the last noun of the fronted phrase ("Rome, Chile and Peru") and left the verb
    with none. A phrase that opens a sentence before its subject is closed by a comma; the names
    after that comma, right before the verb, are the subject (with their own conjuncts)."""
    if verb.tag_ not in _FINITE and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return []
    sentence = sentence_of(verb)
    if not _fronted_preposition(verb.doc[sentence.start], verb):
        return []
    comma = next((i for i in range(verb.i - 1, sentence.start, -1) if verb.doc[i].text == ","), None)
    if comma is None or comma + 1 >= verb.i:
        return []
    first = verb.doc[comma + 1]
    if first.dep_ != "conj" or first.head.i >= comma or first.pos_ not in ("PROPN", "NOUN") or first.right_edge.i != verb.i - 1:
        return []
    if any(t.pos_ in ("VERB", "AUX") for t in verb.doc[comma + 1 : verb.i]):
        return []
    return [first]


def ing_form(verb: Token) -> bool:
    """An -ing clause: a present participle or gerund ("meeting"), or a perfect one ("having met")."""
    return verb.tag_ == "VBG" or (
        verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)
    )


_RANKS = frozenset("first second third last only next latest sole".split())
_AIMED = frozenset({"with", "to", "on", "against", "into", "from", "for", "at"})
"""Prepositions that give a verb its counterpart ("to meet with", "to impose sanctions on")."""


def first_to_act(verb: Token) -> bool:
    """ "Norway was the first (country) to recognise Kosovo", "the first delegation to visit
    Oslo": an infinitive with its object on a noun ranked "first", "last" or "only" tells what
    the one ranked did (a subject relative: the first country that recognised it); a predicate
    noun stands for the copular clause's subject. With no object of its own the infinitive may
    tell what is done to the noun ("the first place to visit"): not this."""
    noun = verb.head
    return (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in _AIMED) for c in verb.children if c.i > verb.i)
        and (noun.dep_ != "attr" or noun.head.pos_ in ("VERB", "AUX"))
        and (noun.lower_ in _RANKS or any(c.dep_ == "amod" and c.lower_ in _RANKS for c in noun.children))
    )


SUBORDINATORS = frozenset("as while after because since when whenever whereas although though once until before".split())
"""Conjunctions that open a finite clause of their own and are also read as prepositions ("as
a result", "after the talks"): the small parser takes the clause's subject for their object."""
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def subordinated_subject(verb: Token) -> list[Token]:
    """ "The truce collapsed, as Norway and aid workers on the ground accused the army of
    shelling": the parser read "as" as a preposition whose object is "Norway and aid workers", and
    left "accused" with no subject. A finite verb has a subject; when it has none and the words
    right before it are a subordinating word and its noun phrase (with the phrase's own
    modifiers, no verb, no punctuation but a list's commas), that phrase is the subject. The
    parser may also hang such a verb on the phrase's last noun as a participle ("as Norway and
    monitors on the ground fired at Sweden"): with an object or a preposition of its own, no "by"
    agent and no other verb after it in its clause to be the clause's own, it is the clause's
    verb all the same."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("mark", "nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return []
    finite = verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE | {"MD"} for c in verb.children)
    if not finite and not misread_participle(verb):
        return []
    doc = verb.doc
    for i in range(verb.i - 1, sentence_of(verb).start - 1, -1):
        word = doc[i]
        if word.lower_ in SUBORDINATORS and word.dep_ == "prep":
            phrase = next((c for c in word.children if c.dep_ == "pobj" and c.left_edge.i == i + 1), None)
            if phrase is None or any(doc[j].is_punct and not phrase.left_edge.i <= j <= phrase.right_edge.i for j in range(i + 1, verb.i)):
                return []  # "Norway, Sweden and Finland": only the phrase's own list commas
            if verb.dep_ == "acl" and not phrase.left_edge.i <= verb.head.i <= phrase.right_edge.i:
                return []
            return [phrase]
        if word.pos_ in ("VERB", "AUX") or word.dep_ in ("mark", "relcl", "acl") or (word.is_punct and word.text != ","):
            return []
    return []


def misread_participle(verb: Token) -> bool:
    """Whether a past form hung on a noun as a participle may be a clause's verb: no "by" agent,
    no passive auxiliary, and no finite verb after it in its clause ("as the missiles fired at
    Sweden hit the town": "hit" is the clause's verb, and "fired" a participle)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("agent", "auxpass") for c in verb.children):
        return False
    if not any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.i == verb.i + 1 and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children))
        for c in verb.children
    ):
        return False  # "after the diplomats expelled on Monday": nothing of its own that a clause's verb would take
    for word in verb.doc[verb.i + 1 : sentence_of(verb).end]:
        if word.is_punct:
            return True
        if word.pos_ in ("VERB", "AUX") and word.tag_ in _FINITE | {"MD"}:
            return False
    return True


NOUN_INFINITIVE_MODALITY: dict[str, str | None] = {
    **dict.fromkeys("decision move order".split(), None),
    **dict.fromkeys("plan plans intention bid attempt effort efforts preparations".split(), "intent"),
    **dict.fromkeys("offer pledge promise vow willingness readiness commitment determination".split(), "intent"),
    **dict.fromkeys("refusal failure reluctance".split(), "negated"),
}
"""Nouns of deciding, planning, promising and refusing whose infinitive ("Sweden's decision to
expel …") tells an act of the one who decides, plans or refuses, and how it is told: decided
(as done), planned or promised (intent), refused (negated)."""


def noun_infinitive(verb: Token) -> bool:
    """ "Sweden's decision to expel", "plans to expel": an infinitive completing such a noun that
    is an argument of its clause (one inside a prepositional phrase, "in protest at Sweden's
    refusal to …", gives the motive of what the clause tells, not news of its own)."""
    return (
        verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in NOUN_INFINITIVE_MODALITY
        and verb.head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "ROOT", "conj", "appos")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _planners(noun: Token) -> list[Token]:
    """Who decides, plans or refuses: the noun's possessor ("Sweden's decision"), else the subject
    of the verb it is the object of ("Sweden announced plans", "took the decision")."""
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    if possessors:
        return possessors
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return subjects_of(noun.head)
    return []


def compound_participle(verb: Token) -> bool:
    """ "with the foreign minister deploring Sweden", parsed with "deploring" as a compound of
    "Sweden" and "Sweden" in apposition to "minister": a verb's -ing form is no premodifier of the
    name after it, so that name is its object, and the noun right before the verb its subject."""
    noun = verb.head
    return (
        verb.dep_ == "compound" and verb.tag_ == "VBG" and verb.pos_ == "VERB" and noun.i > verb.i
        and noun.dep_ == "appos" and noun.head.i == verb.i - 1 and noun.head.pos_ in ("NOUN", "PROPN")
    )


def absolute_subject(verb: Token) -> Token | None:
    """The subject of an absolute clause whose participle the parser misread (compound_participle):
    "with the foreign minister deploring Sweden" -> the minister."""
    if not compound_participle(verb):
        return None
    subject = verb.head.head
    return subject if subject.dep_ == "pobj" and subject.head.lower_ in ("with", "without") else None


def _told_participle(verb: Token) -> bool:
    """A present participle on a noun that tells what the noun did, done by that noun: in an
    absolute clause ("…, with the foreign minister accusing Sweden of …") or set off by a comma
    ("the spokesman, dismissing the accusations, said"). A restrictive one only says which ones
    are meant ("jihadists fighting in Syria"): no event is told."""
    noun = verb.head
    absolute = noun.dep_ == "pobj" and noun.head.lower_ in ("with", "without")
    return absolute or (verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",")

PLACE_NOUNS = frozenset(
    """province city town village district region area county state capital border camp neighbourhood
    neighborhood suburb valley island coast port base airport street square airspace territory waters""".split()
)
"""Heads of place phrases: "in Logar province", "in the Ghouta region"."""


def is_place_noun(token: Token) -> bool:
    """Whether a noun names a place (a named place, or a place word like "province")."""
    return token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.lower() in PLACE_NOUNS


_TIME_MARKS = frozenset({"after", "since", "while", "when", "upon", "on", "by", "in", "despite"})
"""Words that open a participle clause told as done by the main clause's subject ("after
visiting", "by attacking"); "before" and "without" open one that may not have happened."""

_NAMED_THINGS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})

def purpose_clause(verb: Token) -> bool:
    """An infinitive of purpose hanging from the verb it is the aim of: "sent material to help"."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)

def _purpose_subjects(head: Token) -> list[Token]:
    """Who acts in "… to help defend": the subject of the verb it is the aim of ("Norway sent
    material to help"), the one pressed if that verb is passive ("Obama was pressured to
    help"), and nobody when someone else is named as allowed or asked ("gave permission to
    Russia to help")."""
    if is_passive(head):
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    for child in head.children:
        if child.dep_ == "dative" or (child.dep_ == "dobj" and child.pos_ == "PROPN"):
            return []
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.pos_ == "PROPN" for g in child.children):
            return []
    return subjects_of(head)

def antecedent(relative_clause: Token) -> Token:
    """What "who" stands for: people, so when the parser hangs the clause on a named organisation
    or place ("a man tied to a militia who fired at …"), the nearest noun above it that is not,
    or the subject of the verb above it."""
    head = relative_clause.head
    if head.ent_type_ not in _NAMED_THINGS:
        return head
    current = head
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in ("NOUN", "PROPN"):
            return current if current.ent_type_ not in _NAMED_THINGS else head
        if current.pos_ in ("VERB", "AUX"):
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
            if subjects or current.dep_ not in ("xcomp", "acl", "conj"):
                return subjects[0] if subjects else head
    return head

def actors_of(head: Token, actors: DocActors, anchor: Token, look_inside: bool = False) -> list[Actor]:
    """The actors a head token stands for, following conjunctions ("NATO and the United States")."""
    head = through_quantifier(head)
    heads = [head, *[through_quantifier(c) for c in conjuncts(head)]]
    found: list[Actor] = []
    for token in heads:
        if token.lower_ == "they" and speech_verb(anchor) is None:
            found.extend(plural_pronoun_actors(token, actors))
            continue
        pair = the_two(token, actors) or members_of_the_two(token, actors)
        if pair:  # "the two leaders agreed", "both countries signed", "officials from both countries"
            found.extend(pair)
            continue
        if token.lower_ in ("they", "we") and speech_verb(anchor) is not None:
            # "Norway and Sweden said they will attack": every speaker
            speakers = [c for c in speakers_of(speech_verb(anchor)) if c.pos_ != "PRON"]
            speaker = actors.actor_for(speakers[0]) if speakers else None
            if speakers and token.lower_ == "they" and speaker is not None and not _agrees(token, speakers[0], speaker, actors):
                continue  # "Lula said they had attacked": others, not the one man who says it
            if speakers:
                found.extend(actors_of(speakers[0], actors, speakers[0]))
                continue
        actor = pronoun_actor(token, actors, anchor) if token.pos_ == "PRON" else actors.actor_for(token)
        if actor is None and token.dep_ in ("amod", "compound"):
            actor = actors.nationality_of(token)  # "killed in Israeli tank shelling"
        if (actor is None or actor.country is None) and token.pos_ in ("NOUN", "PROPN"):
            # "the two neighbours - Egypt and Jordan - criticised"; "The International Labor
            # Office (ILO)": the names in apposition are known (and say more than a role noun
            # of no country, "neighbours" as civilians)
            named = set_off_names(token, actors) or included_names(token, actors)
            if named:
                found.extend(named)
                continue
        if actor is None and token.pos_ == "NOUN" and token.lemma_.lower() in DOCUMENTS and token.head.i == anchor.i:
            # "the report accused": the document is the subject of the event verb itself (not of
            # "the statement comes a day before X heads …, seeking …")
            actor = inner_actor(token, actors) or issuer_before(token, actors)
        if actor is None and look_inside:
            actor = inner_actor(token, actors)
        if actor is not None and actor.code != "---":
            found.append(actor)
            found.extend(_coordinated_owners(token, actor, actors))
    return found

_SET_OFF = frozenset({"-", "–", "—", ",", "(", ")"})
_CLOSING = _SET_OFF | {".", ";", ":", "!", "?"}
"""An apposition at the end of a clause is closed by the clause's own punctuation ("talks
between Iran and its rival, Saudi Arabia.")."""


def set_off_names(noun: Token, actors: DocActors) -> list[Actor]:
    """The actors named in an apposition set off by dashes, commas or brackets that closes the
    noun's phrase: "the only two neighbours to have signed it - Egypt and Jordan - said" names
    Egypt and Jordan, wherever the parser hung the apposition inside the phrase."""
    doc = noun.doc
    end = noun.right_edge.i
    for appos in (t for t in noun.subtree if t.dep_ == "appos"):
        first, last = appos.left_edge.i, appos.right_edge.i
        # the parser may hang the closing comma or dash on the apposition itself
        left = first if first < appos.i and doc[first].text in _SET_OFF else first - 1
        right = last if last > appos.i and doc[last].text in _SET_OFF else last + 1
        if left < noun.i or right > end + 1 or right >= len(doc):
            continue
        if doc[left].text not in _SET_OFF or doc[right].text not in _CLOSING:
            continue
        named = [a for t in [appos, *conjuncts(appos)] for a in [actors.actor_for(t)] if a is not None and a.code != "---"]
        if named:
            return named
    return _dashed_names(noun, actors)


_PAIRED_MARKS = {"-": "-", "–": "–", "—": "—", "(": ")"}


def _dashed_names(noun: Token, actors: DocActors) -> list[Actor]:
    """The names between two dashes (or brackets) that close a subject's phrase right before its
    verb, wherever the parser hung them ("the only two neighbours to have signed the treaty -
    Egypt and Jordan - also criticised", where "Egypt" became the object of "signed"): an
    interpolated apposition holds names and the words that join them, nothing else."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i < noun.i:
        return []
    doc, verb = noun.doc, noun.head
    close = verb.i - 1
    while close > noun.i and doc[close].dep_ in ("advmod", "aux", "neg") and doc[close].text not in _SET_OFF:
        close -= 1  # "- also sharply criticised"
    if close <= noun.i or doc[close].text not in _PAIRED_MARKS.values():
        return []
    open_ = close - 1
    while open_ > noun.i and not (doc[open_].text in _PAIRED_MARKS and _PAIRED_MARKS[doc[open_].text] == doc[close].text):
        if doc[open_].pos_ not in ("PROPN", "CCONJ", "DET") and doc[open_].text != ",":
            return []
        open_ -= 1
    if open_ <= noun.i or open_ + 1 >= close:
        return []
    named: list[Actor] = []
    for token in doc[open_ + 1 : close]:
        actor = actors.actor_for(token) if token.pos_ == "PROPN" else None
        if actor is not None and actor.code != "---" and all(a.span != actor.span for a in named):
            named.append(actor)
    return named


_INCLUSIVE = frozenset({"including", "includes", "include"})


def included_names(noun: Token, actors: DocActors) -> list[Actor]:
    """The actors an inclusive apposition names as members of a group that is no actor itself:
    "its allies, including France and Spain, condemned", "countries such as Chile protested".
    Each named member did what the group did (and had done to it what the group had)."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.i < noun.i:
            continue
        inclusive = prep.lower_ in _INCLUSIVE or (
            prep.lower_ == "as" and any(c.lower_ == "such" for c in (*prep.children, prep.doc[prep.i - 1]))
        )
        if not inclusive:
            continue
        members = [g for g in prep.children if g.dep_ == "pobj"]
        named = [a for m in members for t in [m, *conjuncts(m)] for a in [actors.actor_for(t)] if a is not None and a.code != "---"]
        if named:
            return named
    return _among_them(noun, actors)


def _among_them(noun: Token, actors: DocActors) -> list[Actor]:
    """ "Its neighbours, among them Norway and Finland, condemned": the members a set-off "among
    them" names, wherever the parser hung the phrase."""
    doc = noun.doc
    at = noun.right_edge.i + 1
    if at + 3 >= len(doc) or doc[at].text not in _SET_OFF or doc[at + 1].lower_ != "among" or doc[at + 2].lower_ not in ("them", "whom"):
        return []
    named: list[Actor] = []
    for token in doc[at + 3 :]:
        listing = token.text == "," and token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("PROPN", "CCONJ", "DET")
        if (token.text in _SET_OFF and not listing) or token.pos_ in ("VERB", "AUX"):
            break
        actor = actors.actor_for(token)
        if actor is not None and actor.code != "---" and token.dep_ not in ("compound", "amod", "poss"):
            named.append(actor)
    return named


def _coordinated_owners(head: Token, actor: Actor, actors: DocActors) -> list[Actor]:
    """ "US and British forces": the same role for each country the premodifiers coordinate."""
    others: list[Actor] = []
    for modifier in head.children:
        if modifier.i > head.i or modifier.dep_ not in ("nmod", "amod", "compound"):
            continue
        for other in conjuncts(modifier):
            owner = actors.nationality_of(other) or actors.actor_for(other)
            if owner is not None and owner.country and owner.country != actor.country:
                code = owner.country + (actor.sector or "")
                others.append(replace(actor, country=owner.country, code=code, text=other.text,
                                      span=(other.idx, other.idx + len(other.text)), kb_id=None))
    return others

def complement_targets(verb: Token, actors: DocActors) -> list[Actor]:
    """The target of a verb's infinitive complement: "promised to continue military aid to
    Mozambique", "threatened to impose restrictions against German goods"."""
    for child in verb.children:
        if child.dep_ != "xcomp":
            continue
        for grand in child.children:
            if grand.dep_ == "dobj":
                found = actors_of(grand, actors, child, look_inside=True)
                if found:
                    return found
                for prep in grand.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "against", "on", "with", "for"):
                        found = [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(p, actors, child, look_inside=True)]
                        if found:
                            return found
            if grand.dep_ in ("prep", "dative") and grand.lower_ in ("to", "against", "on", "with"):
                found = [a for p in grand.children if p.dep_ == "pobj" for a in actors_of(p, actors, child, look_inside=True)]
                if found:
                    return found
    return []

def between_parties(heads: list[Token], actors: DocActors) -> list[Actor]:
    """The parties an asked-for event names with "between" ("Finland urged a truce and talks
    between Norway and Sweden"): those asked to meet or to stop (CAMEO 026, 106)."""
    for head in heads:
        for noun in (head, *conjuncts(head)):
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    found = [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(p, actors, noun)]
                    if len(found) >= 2:
                        return found
    return []


CLAUSE_TARGET_ROOTS = frozenset({"02", "07", "08", "10", "11"})
"""Appeals, demands, accusations, help and permission aimed at whoever their clause is about
("warned that Russia could…" is not a threat against Russia; "helped Kenya build a port")."""

_TARGET_PREPS = frozenset({"against", "on", "upon", "at", "into", "toward", "towards", "over"})
"""Prepositions that aim an action at someone ("fired on", "hack into", "cracked down on"); not
"in", "from" or "with", which name places, origins and company."""

def _actors_after(holder: Token, preps: frozenset[str], verb: Token, actors: DocActors) -> list[Actor]:
    """The actors of the first of ``holder``'s prepositions in ``preps`` that names any."""
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            found = [a for p in child.children if p.dep_ == "pobj" for a in actors_of(p, actors, verb, look_inside=True)]
            if found:
                return found
    return []


def prepositional_targets(verb: Token, actors: DocActors) -> list[Actor]:
    """A target aimed at by a preposition when the verb has no object actor."""
    return _actors_after(verb, _TARGET_PREPS, verb, actors)

_HOSTILE_PREPS = frozenset({"against", "toward", "towards"})


def hostile_targets(verb: Token, noun: Token, actors: DocActors) -> list[Actor]:
    """Whom forces are mobilised against: the PLOVER manual's MOBILIZE recipient is the entity
    "against whom the actor mobilizes its military capabilities" ("massed troops against
    Ukraine", "deployed warships toward Taiwan"); the forces themselves are the actor's own."""
    return _actors_after(verb, _HOSTILE_PREPS, verb, actors) or _actors_after(noun, _HOSTILE_PREPS, verb, actors)


_GRIEVANCES = frozenset(
    "defiance disapproval opposition protest anger outrage fury frustration rejection condemnation discontent".split()
)

def grievance_targets(verb: Token, actors: DocActors) -> list[Actor]:
    """Whom a protest is aimed at when the clause says why: "in defiance of the authorities",
    "to show their disapproval of the policies of X", "in protest at X's decision"."""
    for token in verb.subtree:
        if token.lemma_.lower() not in _GRIEVANCES or token.pos_ != "NOUN":
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "against", "at", "over", "with"):
                found = [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(p, actors, verb, look_inside=True)]
                if found:
                    return found
    return []

LOCATED_ROOTS = frozenset({"07", "09"})
LOCATED_CODES = frozenset({"042"})
"""Visits, aid and inspections whose only counterpart is a place: the place's country is the
target ("sent aid to Aleppo", "dispatched inspectors … in central Iran")."""

def located_targets(verb: Token, sources: list[Actor], actors: DocActors) -> list[Actor]:
    places = [c for c in verb.children if c.dep_ == "dobj"] + [
        p for prep in verb.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "in", "into")
        for p in prep.children if p.dep_ == "pobj"
    ]
    for place in places:
        country = actors.place_country(place)
        if country is not None and all(s.country != country for s in sources):
            span = (place.idx, place.idx + len(place.text))
            return [Actor(place.text, place.text, country, country, None, span)]
    return []

RECIPIENT_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
"""Cooperation is given to someone: "offered talks to Saudi Arabia", "travelled to Cuba"."""

def recipient_targets(verb: Token, actors: DocActors) -> list[Actor]:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in [*verb.children, *(g for o in objects for g in o.children)]:
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            found = [a for p in child.children if p.dep_ == "pobj" for a in actors_of(p, actors, verb, look_inside=True)]
            if found:
                return found
    return []

def clause_subjects(verb: Token, actors: DocActors) -> list[Actor]:
    """ "Norway has demanded that Sweden also withdraw": the target is the clause's subject."""
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "acl" and verb.pos_ == "NOUN"):
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
            found = [a for h in subjects for a in actors_of(h, actors, child)]
            if found:
                return found
    return []

def placed_by_clause(sources: list[Actor], verb: Token, source_heads: list[Token], actors: DocActors) -> list[Actor]:
    """ "Demonstrators in Baghdad blocked a road", "people blocked streets in Hong Kong": a source
    that names no country belongs to the place its clause names."""
    if not sources or any(s.country or not s.code.startswith("---") for s in sources):
        return sources
    holders = [through_quantifier(h) for h in source_heads] + [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for place in prep.children:
                    country = actors.place_country(place) if place.dep_ == "pobj" else None
                    if country is not None:
                        return [replace(s, country=country, code=country + (s.sector or "")) for s in sources]
    return sources

def through_quantifier(token: Token) -> Token:
    if token.pos_ == "VERB" and token.dep_ in ("nsubj", "nsubjpass"):
        # "The Red Cross working in Chad said": the parser made the participle the subject
        nouns = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
        if nouns:
            return nouns[0]
    if token.lower_ in _QUANTIFIERS or token.lemma_.lower() in _QUANTIFIERS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects and not _gerund(objects[0]):
                    return objects[0]
    return token


def _gerund(token: Token) -> bool:
    """ "accused the group of spying": an "of" object that is an -ing form names a deed (the
    charge of "accuse X of doing"), never the members a quantifier counts ("a group of refugees")."""
    return token.tag_ == "VBG" or (token.tag_ == "NN" and token.lower_.endswith("ing") and token.lemma_.lower() == token.lower_)

def conjuncts(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(conjuncts(child))
    return out

DEEDS = frozenset(
    """move decision plan step measure policy proposal law bill decree order ruling resolution
    announcement statement remarks comment comments attack strike offensive operation action actions
    campaign ban sanction sanctions restriction restrictions embargo deal agreement initiative
    withdrawal deployment expulsion annexation recognition""".split()
)
"""Nouns that name what someone did or decided: "the move announced by X" is X's deed, so what is
done to it (condemned, welcomed) is done to X; a person or thing "wanted by X" is not X."""


def inner_actor(token: Token, actors: DocActors) -> Actor | None:
    """An actor inside a non-actor object: "efforts by China", "Moscow's aggression", "Indian
    army posts" (a role word or a nationality premodifying the object)."""
    for child in token.children:
        if child.dep_ == "poss":
            return actors.actor_for(child)
        if child.dep_ == "acl" and child.tag_ == "VBN" and token.lemma_.lower() in DEEDS | DOCUMENTS:
            # "condemned the move announced on Monday by Tehran": a nominal with an agent phrase is
            # the agent's doing
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for grand in (g for g in agent.children if g.dep_ == "pobj"):
                    found = actors.actor_for(grand) or nationality_inside(grand, actors)
                    if found is not None:
                        return found
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "with", "of"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found = actors.actor_for(grand) or nationality_inside(grand, actors)
                    if found is not None:
                        return found
    for child in reversed([c for c in token.children if c.i < token.i and c.dep_ in ("compound", "amod")]):
        for modifier in reversed(list(child.subtree)):  # "US Predator attacks": the US in a compound
            actor = actors.actor_for(modifier) or actors.nationality_of(modifier)
            if actor is not None:
                return actor
    return None

DOCUMENTS = frozenset(
    """statement report resolution warrant declaration communique communiqué letter decree ruling
    verdict indictment memo memorandum complaint lawsuit petition""".split()
)
"""Documents and instruments that stand for whoever issued them (metonymy): "the report accused
Sweden", "a statement from the ministry called on Norway", "the warrant accused him of fraud".
The issuer is the document's owner ("Norway's statement"), its "by/from/of" phrase, a nationality
or name premodifying it ("the Norwegian report"), or, for a definite one, whoever issued it
just before ("Norway issued a statement. The statement called on …"). None named: no actor."""

ISSUING = frozenset(
    """issue release publish adopt pass sign send write draft post present submit approve file
    deliver produce prepare circulate sponsor table""".split()
)
"""Verbs whose subject is the author of the document that is their object."""


def issuer_before(token: Token, actors: DocActors) -> Actor | None:
    """The issuer of a definite document named before: the subject of the last verb of issuing
    whose object has the same head word, in this sentence or the two before."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
        return None
    sentence = sentence_of(token)
    for _ in range(2):
        if sentence.start == 0:
            break
        sentence = sentence_of(token.doc[sentence.start - 1])
    lemma = token.lemma_.lower()
    for earlier in reversed(token.doc[sentence.start : token.i]):
        if earlier.lemma_.lower() != lemma:
            continue
        verb = earlier.head
        if earlier.dep_ == "dobj" and verb.lemma_.lower() in ISSUING:
            for subject in subjects_of(verb):
                found = actors.actor_for(subject)
                if found is not None and found.code != "---":
                    return found
        found = inner_actor(earlier, actors)  # "Norway's report … the report found"
        if found is not None and found.code != "---":
            return found
        return None
    return None


def document_speakers(document: Token) -> list[Token]:
    """Who does what a document's present participle tells when the document is what someone
    spoke or answered in: "Norway said in a statement condemning the raid", "responded with a
    letter demanding …": the speaker, whose document it is. (A document issued, owned or sent
    by someone is ``events.document_authors``'s.)"""
    verb = document.head
    if document.dep_ != "pobj" or verb.lower_ not in _CARRYING or any(c.dep_ == "poss" for c in document.children):
        return []
    speaker = verb.head
    if speaker.pos_ in ("VERB", "AUX") and speaker.lemma_.lower() in SPEECH_VERBS | ISSUING | _RESPONDING:
        return subjects_of(speaker)
    return []


_CARRYING = frozenset({"in", "with", "through", "via"})
_RESPONDING = frozenset("respond reply react answer retaliate".split())
"""Verbs whose "with" or "in" phrase is the response made ("responded with a statement")."""


def _document_of(verb: Token) -> Token | None:
    """The document a present participle tells the content of: the noun it modifies ("a letter
    demanding …"), or the object of the verb of issuing it hangs on, where the parser attached it
    to the verb past the letter's recipient ("sent a letter to Sweden demanding …")."""
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in DOCUMENTS:
        return verb.head
    if verb.dep_ == "advcl" and verb.head.lemma_.lower() in ISSUING:
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS and c.i < verb.i), None)
    return None


ADDRESSED_ROOTS = frozenset({"02", "10", "13"})
"""Appeals, demands and threats: made to someone, the recipient of the letter that makes them."""


def addressees(verb: Token, actors: DocActors) -> list[Actor]:
    """Whom an appeal, demand or threat made in a document is made to: the document's recipient
    ("sent a letter to Sweden demanding …", "a letter to parliament calling for …", "in a letter
    to Sweden, Norway demanded …"): it is made to whoever the letter is sent to."""
    document, before = _document_of(verb), verb.i  # the recipient comes before the participle
    if document is None:
        document = next((
            g for c in verb.children if c.dep_ == "prep" and c.lower_ in _CARRYING
            for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in DOCUMENTS
        ), None)
        before = len(verb.doc)
    if document is None:
        return []
    holders = [document, document.head] if document.dep_ == "dobj" and document.head.lemma_.lower() in ISSUING else [document]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == "to" and child.i < before:
                found = [a for p in child.children if p.dep_ == "pobj" for a in actors_of(p, actors, verb)]
                if found:
                    return found
    return []


def nationality_inside(token: Token, actors: DocActors) -> Actor | None:
    for child in token.children:
        if child.i < token.i and child.dep_ in ("amod", "compound"):
            found = actors.actor_for(child) or actors.nationality_of(child)
            if found is not None:
                return found
    return None

def pronoun_actor(token: Token, actors: DocActors, anchor: Token) -> Actor | None:
    """ "it"/"they" in reported speech is the speaker; "he"/"she" the last named person."""
    speech = speech_verb(anchor)
    if speech is not None and token.lower_ in ("it", "they", "we", "he", "she", "i"):
        subjects = speakers_of(speech)
        if subjects and subjects[0].pos_ != "PRON":
            speaker = actors.actor_for(subjects[0])
            if speaker is None or _agrees(token, subjects[0], speaker, actors):
                return speaker
    if token.lower_ in PERSONAL_PRONOUNS:
        return actors.person_before(token.idx, token.lower_)
    if token.lower_ == "it" and token.dep_ in ("dobj", "pobj"):
        return _object_it(token, actors)
    if token.lower_ in ("which", "whom", "that") and token.dep_ in ("dobj", "pobj"):
        clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
        if clause is not None:  # "Sweden, which Norway accused of spying": the object is Sweden
            return actors.actor_for(clause.head)
    return None


def _agrees(pronoun: Token, subject: Token, speaker: Actor, actors: DocActors) -> bool:
    """Whether a pronoun in reported speech can be its speaker: "it" and "they" are no one person
    ("Lula said they would …" are others), "he" and "she" no state or body ("Norway said he …")
    and no person of the other gender ("Ms Vale said he …")."""
    person = actors.is_person(speaker) or subject.ent_type_ == "PERSON" or (
        subject.tag_ == "NN" and subject.lemma_.lower() in load_cues().person_nouns  # "the minister", "its spokesman"
    )
    if pronoun.lower_ in ("it", "they"):
        return not (person and not conjuncts(subject))
    if pronoun.lower_ in ("he", "she"):
        if not person:
            return False  # "the ministry said she …": someone else
        named = [a for c in subject.children if c.dep_ == "appos" for a in [actors.actor_for(c)] if a is not None]
        return all(actors.fits(a, pronoun.lower_) for a in [speaker, *named])  # "the minister, Ana Vale, said he …"
    return True


def _object_it(token: Token, actors: DocActors) -> Actor | None:
    """ "Norway criticised Sweden and imposed sanctions on it": an object "it" is never its own
    clause's subject (that would be "itself"), so it is the latest country named earlier in the
    sentence that is not the subject."""
    verb = token.head
    for _ in range(3):  # "imposed sanctions on it": up through the preposition and its noun
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    own = {a.country for h in subjects_of(verb) for a in [actors.actor_for(h)] if a is not None}
    for above in verb.ancestors:
        # "Norway criticised the Swedish plan, but Finland welcomed it", "…, with Finland also
        # condemning it": an object "it" takes up the object of the clause it continues (a thing,
        # as "it" is), whose actor is the one meant
        if above.pos_ not in ("VERB", "AUX"):
            continue
        objects = [c for c in above.children if c.dep_ == "dobj" and c.i < token.i and c.pos_ in ("NOUN", "PROPN")]
        if objects:
            found = actors.actor_for(objects[0]) or inner_actor(objects[0], actors)
            if found is not None and found.country not in own:
                return found
            break
    start = sentence_of(token).start_char
    for actor in actors.countries_before(token.idx, 4):
        if actor.span[0] < start:
            return None
        if actor.country not in own:
            return actor
    return None

def plural_pronoun_actors(token: Token, actors: DocActors) -> list[Actor]:
    """ "when they met": "they" as the last two people named, if both are named in this sentence
    or the one before (the September meeting of Xi and Putin)."""
    pair = actors.persons_before(token.idx, 2)
    if len(pair) < 2:
        return []
    sentence = sentence_of(token)
    earliest = sentence_of(token.doc[sentence.start - 1]).start_char if sentence.start > 0 else sentence.start_char
    return pair if all(p.span[0] >= earliest for p in pair) else []

_PAIRED_PEOPLE = frozenset("leader minister president premier counterpart official diplomat envoy chancellor man woman".split())
_PAIRED_STATES = frozenset("country nation neighbour neighbor government side state capital".split())
_PAIRED_FORCES = frozenset("army military force".split())
"""The armed forces of the last two states named ("the two armies agreed to stop shooting")."""


def the_two(token: Token, actors: DocActors) -> list[Actor]:
    """ "the two leaders", "both countries", "these two nations": the last two people or states
    named in this sentence or the two before (paragraph breaks not counted); two states must be
    named in one sentence, as a pair."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in _PAIRED_PEOPLE | _PAIRED_STATES | _PAIRED_FORCES:
        return []
    if not any(
        (c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet") and c.lower_ == "both")
        for c in token.children
    ):
        return []
    earliest = sentence_back(token, 2).start_char
    pair = actors.persons_before(token.idx, 2) if lemma in _PAIRED_PEOPLE else actors.countries_before(token.idx, 2)
    if lemma not in _PAIRED_PEOPLE and not _named_together(pair, token, actors):
        return []  # "the two sides" are a pair named as one ("Norway and Sweden met"), not two names apart
    if len(pair) != 2 or any(a.span[0] < earliest for a in pair):
        if lemma not in _PAIRED_PEOPLE - {"man", "woman"}:
            return []
        # "Norway's prime minister and Sweden's president … the two leaders": no two people named
        # there, so the leaders (officials, ministers) of the last two states named: their governments
        pair = actors.countries_before(token.idx, 2)
        if len(pair) != 2 or any(a.span[0] < earliest or not a.country for a in pair) or pair[0].country == pair[1].country:
            return []
        if not _named_together(pair, token, actors):
            return []
        return [replace(a, code=f"{a.country}GOV", sector="GOV", kb_id=None) for a in pair]
    if lemma in _PAIRED_FORCES:
        if not all(a.country for a in pair):
            return []
        return [replace(a, code=f"{a.country}MIL", sector="MIL", kb_id=None) for a in pair]
    return pair


def _named_together(pair: list[Actor], token: Token, actors: DocActors) -> bool:
    """Whether the two states are named together in one sentence up to the token: "the two
    countries", "both sides" refer to a pair the story introduced as one ("Norway and Sweden ended
    their dispute", "talks between Iran and Saudi Arabia"), not to the last two names apart."""
    if len(pair) != 2:
        return False
    doc = token.doc
    wanted = {pair[0].country, pair[1].country}
    named: dict[int, set[str | None]] = {}
    for actor in actors.all_actors():
        if actor.span[1] > token.idx or actor.country not in wanted:
            continue
        span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        if span is not None:
            named.setdefault(sentence_of(span[0]).start, set()).add(actor.country)
    return any(countries == wanted for countries in named.values())


_MEMBERS = frozenset(
    """official delegation delegate representative negotiator diplomat envoy minister leader chief
    commander team""".split()
)


def members_of_the_two(token: Token, actors: DocActors) -> list[Actor]:
    """ "officials from both countries", "delegations of the two sides": people of a pair of
    states stand for the pair, one each (as "the two countries" does)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _MEMBERS:
        return []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
            for owner in prep.children:
                if owner.dep_ == "pobj":
                    pair = the_two(owner, actors)
                    if pair:
                        return pair
    return []


def names_a_pair(head: Token, actors: DocActors) -> bool:
    """Whether a phrase names two parties as a pair ("both countries", "officials from the two
    sides"): the parties of a symmetric event it is the only argument of."""
    return bool(the_two(head, actors) or members_of_the_two(head, actors))


def speakers_of(speech: Token) -> list[Token]:
    """Who says what a speech verb reports: its subject, or, for a verb with none of its own, the
    subject it shares ("Norway said …, adding that it would …": a participle adjunct's and a
    second conjunct's is the main clause's subject; "Norway was quick to say …")."""
    return [c for c in speech.children if c.dep_ == "nsubj"] or subjects_of(speech)


def speech_verb(token: Token) -> Token | None:
    """The speech verb whose clausal complement holds this token, if any."""
    current = token
    while current.dep_ not in ("ROOT",) and current.head.i != current.i:
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_.lower() in SPEECH_VERBS | BELIEF_VERBS:
            return current.head
        current = current.head
    return None
