"""Attributions told by no verb of saying: "according to X" and "in X's view", a view no one named
holds ("is expected to win") or one it seems so to someone ("seemed doomed to Rohan"), an attitude
adjective ("eager to sign"), a stance noun with its holder ("his refusal to use the words"), and a
reaction whose subject is what it is to ("the plan drew criticism from Rohan"; a feeling caused, "the
raid alarmed Gondor", is none). Verb cues are in :mod:`thucydides.extract.attributions`;
:mod:`thucydides.extract.quotes` gathers both.
"""

from __future__ import annotations

from spacy.tokens import Token

from thucydides.extract.attributions import Attribution, Cues, agentive, cue_end, largest_run, subject_of, subtree_span
from thucydides.nlp.sentences import sentence_of
from thucydides.records import Span

_VIEW_NOUNS = frozenset({"poll", "survey", "study", "eye", "view", "opinion", "estimation", "estimate", "analysis", "judgment", "judgement", "word"})


def according_to(token: Token) -> Attribution | None:
    """ "according to X, …" and "in X's view / in X's words / in this poll, …": X is the speaker, the
    clause it modifies the content."""
    if token.lower_ == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None:
            return None
        source = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
        if source is not None and source.dep_ == "pcomp":  # "according to show insiders", misparsed
            source = next((c for c in source.children if c.dep_ == "dobj"), source)
    elif token.lower_ == "in" and token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX") and token.i < token.head.i:
        to = token
        source = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in _VIEW_NOUNS), None)
        if source is not None and source.lemma_.lower() in ("eye", "view", "opinion", "estimation", "judgment", "judgement", "word"):
            source = next((c for c in source.children if c.dep_ == "poss"), None)
    else:
        return None
    if source is None:
        return None
    head = token.head
    while head.dep_ not in ("ROOT",) and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "A won 37 percent and B 36 percent, according to …": all of it
    phrase = {t.i for t in token.subtree}
    tokens = [t for t in head.subtree if t.i not in phrase and sentence_of(t) == sentence_of(token)]
    span = largest_run(tokens)
    if span is None:
        return None
    return Attribution(token, to, source, span)


def raising(token: Token, cues: Cues) -> Attribution | None:
    """A view held by no one named: "Sanders is expected to win"; or by the one it seems so to: "the
    deal seemed to him to be failing". With no one to whom it seems ("Washington appears weak",
    "he appeared to blame the guards") the hedge is the writer's: nobody is told to say or judge
    anything, so it is no quote. The content runs from the subject to the end of the complement."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    lemma = token.lemma_.lower()
    if lemma not in cues.passive_verbs and lemma not in cues.seeming_verbs:
        return None  # the test below, before reading the children
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if not (passive and lemma in cues.passive_verbs or not passive and lemma in cues.seeming_verbs):
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in ("it", "there", "that"):
        return None
    complement = next((c for c in token.children if c.i > token.i and _is_complement(c)), None)
    if complement is None:
        return None
    experiencer = _experiencer(token)
    if not passive and experiencer is None:
        return None  # "the truce seems to be failing": the writer's hedge, no one else's view
    start = subject.left_edge.idx
    end = subtree_span(complement, exclude=token)[1]
    return Attribution(token, cue_end(token), experiencer, (start, end))


def _is_complement(child: Token) -> bool:
    if child.dep_ == "xcomp":
        return child.pos_ != "VERB" or any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
    return child.dep_ in ("acomp", "attr", "oprd") or child.dep_ == "prep" and child.lower_ == "like"


def _experiencer(token: Token) -> Token | None:
    """ "seemed credible to me": whom it seems so to."""
    to = next((c for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    return None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)


def adjective_attribution(token: Token, cues: Cues) -> Attribution | None:
    """An attitude told by an adjective: "Arnor is eager to sign", "they were furious with Rohan",
    "she is confident that …". Its holder is the subject of the verb it completes, and must be
    someone who can hold an attitude (a name, a person, a role): "the figures are critical to the
    plan" tells no one's view."""
    if token.pos_ != "ADJ" or token.dep_ not in ("acomp", "oprd") or token.lemma_.lower() not in cues.attitude_adjectives:
        return None
    content: Span | None = None
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ in ("xcomp", "ccomp"):
            content = subtree_span(child, exclude=token)
        elif child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            content = subtree_span(objects[0], exclude=token) if objects else None
        if content is not None:
            break
    if content is None:
        return None
    subject = subject_of(token.head, cues, avoid=content)
    if subject is None or not (agentive(subject) or subject.pos_ == "PROPN" or subject.lemma_.lower() in cues.person_nouns):
        return None  # "data critical to the campaign": only someone can be eager, wary or critical
    return Attribution(token, token, subject, content)


_NOUN_PREPS = frozenset({"for", "of", "about", "against", "on", "that"})


def noun_attribution(token: Token, cues: Cues) -> Attribution | None:
    """A stance told by a noun: "his refusal to use the words", "Sanders' call for a debate", "the
    claim that …". Its holder is the possessor or the "by"/"from" phrase, else no one named (only
    where the noun tells a whole clause)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in cues.stance_nouns:
        return None
    content: Span | None = None
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ in ("acl", "ccomp") and (child.pos_ in ("VERB", "AUX")):
            content = subtree_span(child, exclude=token)
        elif child.dep_ == "prep" and child.lower_ in _NOUN_PREPS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                content = subtree_span(objects[0], exclude=token)
        if content is not None:
            break
    if content is None:
        return None
    source = next((c for c in token.children if c.dep_ == "poss"), None)
    if source is None:
        for child in token.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
    if source is None and not any(_is_clause_of(c, token) for c in token.children):
        return None  # a stance noun with no holder named is too often no one's view, unless it
        # tells a whole clause: "allegations that Gondor broke the truce"
    return Attribution(token, token, source, content)


def _is_clause_of(child: Token, noun: Token) -> bool:
    """A clause with its own subject after a noun: "the claim that Gondor lied"."""
    return (
        child.i > noun.i and child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    )


_DRAW_VERBS = frozenset({"draw", "attract", "earn", "win", "receive", "garner", "spark", "provoke", "prompt"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "it", "this", "that"})


def reaction_attribution(token: Token, cues: Cues) -> Attribution | None:
    """A view whose object is the subject: "the plan drew criticism from Rohan" (the content is the
    plan, Rohan holds the view; no one named without "from"). A feeling caused ("the raid alarmed
    Gondor", "the expulsion angered London") is not one: nobody said or judged anything."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in _DRAW_VERBS or any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return None  # (only a verb of _DRAW_VERBS is read below: the others end at the test on it)
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if subject is None or obj is None or subject.pos_ == "PRON" and subject.lower_ not in _PERSONAL:
        return None
    holder: Token | None
    if lemma in _DRAW_VERBS and obj.lemma_.lower() in cues.reaction_nouns and not any(c.dep_ in ("nummod", "compound") for c in obj.children):
        holder = None
        for parent in (obj, token):
            for child in parent.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "by", "among") and child.i > token.i:
                    holder = next((c for c in child.children if c.dep_ == "pobj"), holder)
    else:
        return None
    start, end = subject.left_edge.idx, subject.idx + len(subject.text)
    for child in subject.children:
        if child.i > subject.i and child.dep_ not in ("punct", "appos", "relcl"):
            end = max(end, subtree_span(child, exclude=token)[1])
    return Attribution(token, obj if holder is None else token, holder, (start, end))
