"""Attributions in the parse: a cue (``extract/data/cues.yaml``) and what it governs, and who holds it.

A speech or thought verb with its clausal complement ("X said (that) …", "…, X warned"), with a
"to" complement ("vowed to fight on"), a direct or prepositional object ("denied the report",
"called for a ceasefire"), "according to X" with the clause it modifies, "in X's view", a view no
one named holds ("is expected to win"), and a stance noun with its holder ("his refusal to …").
Used by :mod:`thucydides.extract.quotes`, which also reads the text in quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from thucydides.errors import ResourceError
from thucydides.nlp.sentences import sentence_of, text_of
from thucydides.records import Span

_COMPLEMENT_DEPS = ("ccomp",)
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True)
class Cues:
    """The cue lexicon: which words introduce what someone said or holds."""

    clause_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    object_verbs: frozenset[str]
    preposition_verbs: dict[str, frozenset[str]]
    message_nouns: frozenset[str]
    person_nouns: frozenset[str]
    passive_verbs: frozenset[str]
    stance_nouns: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        return self.clause_verbs | self.infinitive_verbs | self.object_verbs | frozenset(self.preposition_verbs)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The bundled cue lexicon (``extract/data/cues.yaml``)."""
    source = resources.files("thucydides.extract").joinpath("data/cues.yaml")
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ResourceError(f"cannot read the quote cue lexicon: {error}") from error

    def words(key: str) -> frozenset[str]:
        return frozenset(str(data.get(key) or "").split())

    preps = {str(verb): frozenset(str(p) for p in ps) for verb, ps in (data.get("preposition_verbs") or {}).items()}
    return Cues(
        words("clause_verbs"), words("infinitive_verbs"), words("object_verbs"), preps,
        words("message_nouns"), words("person_nouns"), words("passive_verbs"), words("stance_nouns"),
    )


@dataclass(frozen=True)
class Attribution:
    cue: Token
    cue_end: Token
    subject: Token | None
    span: Span


# -- quotation marks ---------------------------------------------------------------------------

_MARKS = re.compile(r"''|[“”\"\n]")
"""Quotation marks: curly, straight, and the doubled apostrophe some papers print ('' … '')."""


def quoted_runs(text: str) -> list[Span]:
    """Spans of text inside quotation marks (without the marks), in order.

    A run left open at the end of a paragraph ends there (news style reopens the quote in the
    next paragraph); a doubled opening mark is ignored; '' counts as a straight mark.
    """
    runs: list[Span] = []
    opened: int | None = None
    for mark in _MARKS.finditer(text):
        char = '"' if mark.group() == "''" else mark.group()
        if char == "\n":
            if opened is not None and text[opened : mark.start()].strip():
                runs.append((opened, mark.start()))
            opened = None
        elif char == "“" or (char == '"' and opened is None):
            # a straight mark followed by a space opens nothing: it closes a quote we missed
            if opened is None and not (char == '"' and text[mark.end() : mark.end() + 1].isspace()):
                opened = mark.end()
        elif opened is not None:
            runs.append((opened, mark.start()))
            opened = None
    if opened is not None and text[opened:].strip():
        runs.append((opened, len(text.rstrip())))
    return runs



# -- attributions in the parse -----------------------------------------------------------------


def attributions_in(doc: Doc, cues: Cues) -> list[Attribution]:
    found: list[Attribution] = []
    taken: set[int] = set()
    quoted = quoted_runs(text_of(doc))
    for token in doc:
        if any(start <= token.idx < end for start, end in quoted):
            continue  # "I think" inside someone's quote is part of what they said
        attribution = (
            _according_to(token) or _verb_attribution(token, cues) or _raising(token, cues) or _noun_attribution(token, cues)
        )
        if attribution is None:
            continue
        # one attribution per content: "said … and added" both pointing at one clause count once
        key = attribution.span[0]
        if key in taken:
            continue
        taken.add(key)
        found.append(attribution)
    return _drop_nested(found)


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Where one content holds another's cue ("X said Y told him …"), keep the outer one only once
    it is split: the inner one is what was said."""
    kept = []
    for attribution in found:
        outer = [o for o in found if o is not attribution and o.span[0] <= attribution.cue.idx < o.span[1]]
        if outer and any(within(attribution.span, o.span, slack=0) for o in outer):
            continue
        kept.append(attribution)
    return kept


def _verb_attribution(token: Token, cues: Cues) -> Attribution | None:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in cues.verbs:
        content = _content(token, lemma, cues)
    elif GENERIC and lemma not in _NOT_CUES and token.pos_ == "VERB":
        content = _stance_content(token)
    else:
        return None
    if content is None:
        return None
    if lemma in cues.verbs and _passive_without_agent(token):
        # "Trump was asked whether …", "Asked about the deal, Daley said …": the one asking is not named
        return Attribution(token, cue_end(token), None, content)
    subject = subject_of(token, cues, avoid=content)
    if subject is None:
        return None
    if lemma not in cues.verbs and not agentive(subject):
        return None
    return Attribution(token, cue_end(token), subject, content)


GENERIC = False


def _passive_without_agent(token: Token) -> bool:
    """A passive cue that names no agent: "was asked", or a fronted participle "Asked about it, …"."""
    if any(c.dep_ == "agent" for c in token.children):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ == "advcl" and not any(c.dep_ in _SUBJECT_DEPS for c in token.children)


_NOT_CUES = frozenset("be have do get go come take make give put let become remain seem keep begin start use leave win lose run hold meet visit kill die".split())
AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def agentive(subject: Token) -> bool:
    """A subject that can hold a view: a person, a group, an organisation, a country."""
    return subject.ent_type_ in AGENT_ENTS or subject.lower_ in ("he", "she", "they", "we", "i", "who")


def _stance_content(token: Token) -> Span | None:
    """What any verb of a person or organisation is about: "Trump touted his ability to …"."""
    for child in token.children:
        if child.dep_ == "ccomp":
            return _subtree_span(child, exclude=token)
    for child in token.children:
        if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return _subtree_span(child, exclude=token)
    for child in token.children:
        if child.dep_ == "dobj" and child.pos_ != "PRON":
            return _subtree_span(child, exclude=token)
    return None


def _content(token: Token, lemma: str, cues: Cues) -> Span | None:
    children = list(token.children)
    if lemma in cues.clause_verbs:
        for child in children:
            if child.dep_ in _COMPLEMENT_DEPS and child.i != token.i:
                return _subtree_span(child, exclude=token)
        if (
            token.dep_ in ("parataxis", "ccomp") and _is_clause(token.head) and token.head.i != token.i
            # not the complement of another cue: "Clinton’s team says she’ll continue" is the team's, not hers
            and not (token.dep_ == "ccomp" and token.head.lemma_.lower() in cues.verbs)
        ):
            # "…, Kirby said." and "These employees, Stumpf explained, were …": the cue sits
            # inside the clause it reports
            return _subtree_span(token.head, exclude=token)
    if lemma in cues.infinitive_verbs:
        for child in children:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return _subtree_span(child, exclude=token)
    if lemma in cues.object_verbs:
        for child in children:
            if child.dep_ in ("dobj", "oprd") and child.pos_ not in ("PRON",):
                start, end = _subtree_span(child, exclude=token)
                for other in children:  # "called it a ratification": the object predicate too
                    if other.dep_ == "oprd" and other.i != child.i:
                        end = max(end, _subtree_span(other, exclude=token)[1])
                    # "accused Obama of bungling it", "sees Christie as an ally", "blamed X for Y"
                    elif other.dep_ in ("prep", "xcomp") and other.i > child.i:
                        end = max(end, _subtree_span(other, exclude=token)[1])
                return start, end
    for preposition in cues.preposition_verbs.get(lemma, ()):
        for child in children:
            if child.dep_ == "prep" and child.lower_ == preposition:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    return _subtree_span(objects[0], exclude=token)
    return None


_VIEW_NOUNS = frozenset({"poll", "survey", "study", "eye", "view", "opinion", "estimation", "estimate", "analysis", "judgment", "judgement"})


def _according_to(token: Token) -> Attribution | None:
    """ "according to X, …" and "in X's view / in this poll, …": X is the speaker, the clause it
    modifies the content."""
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
        if source is not None and source.lemma_.lower() in ("eye", "view", "opinion", "estimation", "judgment", "judgement"):
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
    span = _largest_run(tokens)
    if span is None:
        return None
    return Attribution(token, to, source, span)




def _raising(token: Token, cues: Cues) -> Attribution | None:
    """A view held by no one named: "Sanders is expected to win", "the deal seems to be failing",
    "Washington appears weak". The content runs from the subject to the end of the complement."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return None
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if not (passive and lemma in cues.passive_verbs):
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in ("it", "there", "which", "that", "who"):
        return None
    complement = next(
        (c for c in token.children if c.i > token.i and c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
        None,
    )
    if complement is None:
        return None
    start = subject.left_edge.idx
    end = _subtree_span(complement, exclude=token)[1]
    return Attribution(token, cue_end(token), None, (start, end))


_NOUN_PREPS = frozenset({"for", "of", "about", "against", "on", "that"})


def _noun_attribution(token: Token, cues: Cues) -> Attribution | None:
    """A stance told by a noun: "his refusal to use the words", "Sanders' call for a debate", "the
    claim that …". Its holder is the possessor or the "by"/"from" phrase, else no one named."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in cues.stance_nouns:
        return None
    content: Span | None = None
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ in ("acl", "ccomp") and (child.pos_ in ("VERB", "AUX")):
            content = _subtree_span(child, exclude=token)
        elif child.dep_ == "prep" and child.lower_ in _NOUN_PREPS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                content = _subtree_span(objects[0], exclude=token)
        if content is not None:
            break
    if content is None:
        return None
    source = next((c for c in token.children if c.dep_ == "poss"), None)
    if source is None:
        for child in token.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
    if source is None:
        return None  # a stance noun with no holder named is too often no one's view
    return Attribution(token, token, source, content)


def subject_of(verb: Token, cues: Cues, avoid: Span | None = None) -> Token | None:
    """The subject of a cue verb, through coordination, participles and relative clauses; not one
    inside what was said (``avoid``): in "“Anybody who attacks him …,” said Louise Sunshine" the
    parser gives "said" two subjects, and the speaker is the one outside the quote."""
    current = verb
    for _ in range(4):
        candidates = [
            c for c in current.children
            if c.dep_ in _SUBJECT_DEPS and not (avoid is not None and avoid[0] <= c.idx < avoid[1])
        ]
        subject = min(candidates, key=lambda c: abs(c.i - current.i)) if candidates else None
        if subject is None:
            agent = next((c for c in current.children if c.dep_ == "agent"), None)
            if agent is not None:
                subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subject is not None:
            return _author(subject, cues)
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ in ("conj", "advcl", "xcomp", "acl") and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def _author(subject: Token, cues: Cues) -> Token:
    """The author behind a message noun: "a statement from the ministry" -> ministry."""
    if subject.lemma_.lower() not in cues.message_nouns:
        return subject
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of", "for"):
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None and subject.lemma_.lower() not in ("spokesman", "spokeswoman", "spokesperson", "representative"):
                return author
        if child.dep_ == "poss" and subject.lemma_.lower() not in ("spokesman", "spokeswoman", "spokesperson"):
            return child
    return subject


def cue_end(token: Token) -> Token:
    """The last word of the cue: a particle ("pointed out") or "in a statement" stays with it."""
    last = token
    for child in token.children:
        if child.dep_ == "prt" and child.i == last.i + 1:
            last = child
    return last


def _is_clause(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in _SUBJECT_DEPS for c in token.children)


def _subtree_span(token: Token, exclude: Token) -> Span:
    """The characters of a subtree, without the cue's own subtree where it sits at an edge."""
    skip = {t.i for t in exclude.subtree} if exclude.i in {t.i for t in token.subtree} else set()
    tokens = [t for t in token.subtree if t.i not in skip]
    span = _largest_run(tokens)
    assert span is not None
    return span


def _largest_run(tokens: list[Token]) -> Span | None:
    """The longest run of consecutive tokens, as a character span."""
    if not tokens:
        return None
    tokens = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = [[tokens[0]]]
    for token in tokens[1:]:
        if token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    best = max(runs, key=lambda r: r[-1].idx + len(r[-1].text) - r[0].idx)
    return best[0].idx, best[-1].idx + len(best[-1].text)


def trim(text: str, span: Span) -> Span:
    """Without surrounding spaces, quotation marks and trailing commas."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in "“”\"‘’'"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "“”\"‘’',;:—–-"):
        end -= 1
    return start, end


def overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def within(inner: Span, outer: Span, slack: int) -> bool:
    return outer[0] - slack <= inner[0] and inner[1] <= outer[1] + slack
