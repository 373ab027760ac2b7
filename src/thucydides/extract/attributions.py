"""Attributions told by a verb: a cue (``extract/data/cues.yaml``) and what it governs, and who holds it.

A speech or thought verb (or, with a person or organisation as subject, a verb of judging, learning
or siding: ``stance_verbs``) with its clausal complement ("X said (that) …", "…, X warned"), with a
"to" or gerund complement ("vowed to fight on", "supports reforming it"), a direct or
prepositional object ("denied the report", "called for a ceasefire", "commented on the vote"),
or, passive, its subject ("Gondor was criticized for the raid"). The content runs on over what
else the verb governs after it ("called for a ban in December after the raid"). Cues told by no
verb of saying are in :mod:`thucydides.extract.view_cues`; :mod:`thucydides.extract.quotes`
gathers both and reads the text in quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from thucydides.codes.lexicon import SAFE_LOADER
from thucydides.errors import ResourceError
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
    not_object_verbs: frozenset[str]
    seeming_verbs: frozenset[str]
    attitude_adjectives: frozenset[str]
    stance_verbs: frozenset[str]
    reaction_nouns: frozenset[str]
    body_nouns: frozenset[str] = frozenset()
    complement_nouns: frozenset[str] = frozenset()

    @cached_property
    def verbs(self) -> frozenset[str]:
        return self.clause_verbs | self.infinitive_verbs | self.object_verbs | frozenset(self.preposition_verbs)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The bundled cue lexicon (``extract/data/cues.yaml``)."""
    source = resources.files("thucydides.extract").joinpath("data/cues.yaml")
    try:
        data = yaml.load(source.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as error:
        raise ResourceError(f"cannot read the quote cue lexicon: {error}") from error

    def words(key: str) -> frozenset[str]:
        return frozenset(str(data.get(key) or "").split())

    preps = {str(verb): frozenset(str(p) for p in ps) for verb, ps in (data.get("preposition_verbs") or {}).items()}
    return Cues(
        words("clause_verbs"), words("infinitive_verbs"), words("object_verbs"), preps,
        words("message_nouns"), words("person_nouns"), words("passive_verbs"), words("stance_nouns"),
        words("not_object_verbs"), words("seeming_verbs"), words("attitude_adjectives"),
        words("stance_verbs") - words("clause_verbs") - words("infinitive_verbs") - words("object_verbs") - frozenset(preps),
        words("reaction_nouns"), words("body_nouns"), words("complement_nouns"),
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


# -- attributions told by a verb ---------------------------------------------------------------


def verb_attribution(token: Token, cues: Cues) -> Attribution | None:
    if token.pos_ not in ("VERB", "AUX"):
        return None
    lemma = token.lemma_.lower()
    if lemma in _NAMING_VERBS and (token.tag_ == "VBN" and token.dep_ == "acl" or any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in token.children)):
        return None  # "a movement called the Northern Front", "a group that calls itself …": a name given
    if lemma in cues.verbs:
        content = _content(token, lemma, cues)
    elif lemma in cues.stance_verbs and token.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in token.children):
        content = _stance_content(token)
    else:
        return None
    if content is None:
        return None
    content = _with_tail(token, content, cues)
    if lemma in cues.verbs and passive_without_agent(token):
        # "Trump was asked whether …", "Asked about the deal, Daley said …": the one asking is not named
        return Attribution(token, cue_end(token), None, content)
    subject = subject_of(token, cues, avoid=content)
    if subject is None:
        return None
    if lemma not in cues.verbs and not agentive(subject):
        return None
    return Attribution(token, cue_end(token), subject, content)


_NAMING_VERBS = frozenset({"call", "name", "dub", "title", "label", "term", "style", "nickname"})
"""Verbs that give a name: a participle after a noun ("a group called X") or a reflexive object
("calls itself X") names it, and says nothing."""

_NOT_TAIL = frozenset({"conj", "cc", "punct", "parataxis", "nsubj", "nsubjpass", "agent"})


def _with_tail(token: Token, content: Span, cues: Cues) -> Span:
    """A content after its cue runs to the end of what the cue governs: "called for a ban in
    December after the attack", "said A and that B"; not over a coordinated verb or another cue
    ("…, adding that …")."""
    if content[0] < token.idx:
        return content
    end = content[1]
    for child in token.children:
        if child.idx < content[0] or child.dep_ in _NOT_TAIL or child.is_space:
            continue
        if child.lemma_.lower() in cues.verbs and child.pos_ == "VERB" or child.lower_ == "according":
            continue  # another cue: "…, adding that …", "…, according to an aide"
        edge = child.right_edge
        while edge.i > child.i and (edge.is_punct or edge.is_space):
            edge = edge.doc[edge.i - 1]
        end = max(end, edge.idx + len(edge.text))
    return content[0], end


def passive_without_agent(token: Token) -> bool:
    """A passive cue that names no agent: "was asked", or a fronted participle "Asked about it, …"."""
    if any(c.dep_ == "agent" for c in token.children):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ == "advcl" and not any(c.dep_ in _SUBJECT_DEPS for c in token.children)


AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def agentive(subject: Token) -> bool:
    """A subject that can hold a view: a person, a group, an organisation, a country."""
    return subject.ent_type_ in AGENT_ENTS or subject.lower_ in ("he", "she", "they", "we", "i", "who")


def _stance_content(token: Token) -> Span | None:
    """What a stance verb of a person or organisation is about: "Rohan favors the treaty", "the
    envoy learned that …", "Arnor chastised Gondor for the raid"."""
    for child in token.children:
        if child.dep_ == "ccomp":
            return subtree_span(child, exclude=token)
    for child in token.children:
        if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return subtree_span(child, exclude=token)
    return _object_content(token, any_pronoun=False)


def _content(token: Token, lemma: str, cues: Cues) -> Span | None:
    """What a cue verb governs, tried in turn: a clause, a "to" complement, an object, a
    prepositional object, and for a passive object verb its subject."""
    content = None
    if lemma in cues.clause_verbs:
        content = _clause_content(token, cues)
    if content is None and lemma in cues.infinitive_verbs:
        content = _infinitive_content(token)
    if content is None and (lemma in cues.object_verbs or lemma not in cues.not_object_verbs) and not _unrealised(token):
        content = _object_content(token, any_pronoun=lemma in cues.object_verbs)
    if content is None:
        content = _preposition_content(token, cues.preposition_verbs.get(lemma, frozenset()))
    if content is None and lemma in cues.object_verbs:
        content = _passive_object(token)
    return content


def _unrealised(token: Token) -> bool:
    """Whether a cue in an infinitive has only a name or a pronoun as its object: an act not (yet)
    done toward someone, not words ("the first senator to endorse Vale", "need to back them"). An
    object that says something ("to oppose the tax plan", "to call it a betrayal") and a clause
    ("wants to say that …") stay quotes."""
    verb = token
    for _ in range(3):
        if verb.tag_ == "VB" and (verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            break
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head
    else:
        return False
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        return True  # a gerund ("to consider running"): an act again
    if any(c.i > obj.i and c.dep_ in ("prep", "oprd", "xcomp", "ccomp") for c in token.children):
        return False
    return obj.ent_type_ in AGENT_ENTS or obj.pos_ in ("PRON", "PROPN")


def _clause_content(token: Token, cues: Cues) -> Span | None:
    # the complement after the cue before one before it: "(her campaign later disclosed that …)"
    complements = sorted((c for c in token.children if c.dep_ in _COMPLEMENT_DEPS), key=lambda c: (c.i < token.i, abs(c.i - token.i)))
    if complements:
        return subtree_span(complements[0], exclude=token)
    if token.dep_ == "advcl" and _is_clause(token.head) and _as_parenthetical(token, cues):
        # "As the Gazette revealed, the council agreed to …": the clause the "as" clause is set in
        return subtree_span(token.head, exclude=token)
    if (
        token.dep_ in ("parataxis", "ccomp") and _is_clause(token.head) and token.head.i != token.i
        # not the complement of another cue: "the senator’s team says she’ll carry on" is the team's, not hers
        and not (token.dep_ == "ccomp" and token.head.lemma_.lower() in cues.verbs)
        # a complement cue set off by no comma is the clause's object: "the issue is what the deals propose"
        and (token.dep_ == "parataxis" or _set_off(token))
    ):
        # "…, Kirby said." and "These employees, Stumpf explained, were …": the cue sits
        # inside the clause it reports
        return subtree_span(token.head, exclude=token)
    return None


def _as_parenthetical(token: Token, cues: Cues) -> bool:
    """A cue in an "as" clause with a subject or an agent and no complement of its own, which the
    clause it is set in fills: "As the Gazette revealed, …", "As reported by the Gazette, …", "…, as
    Vale noted." (not "as she said goodbye", "as he boasted about the course", "as shown")."""
    prepositions = cues.preposition_verbs.get(token.lemma_.lower(), frozenset())
    return (
        any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
        and any(c.dep_ in ("nsubj", "agent") for c in token.children)
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "auxpass") or c.dep_ == "prep" and c.lower_ in prepositions for c in token.children)
    )


_SET_OFF = frozenset({",", "—", "–", "--", "-", "("})


def _set_off(token: Token) -> bool:
    """Whether a cue's clause is set off from what it reports: "These employees, Stumpf said, were …"."""
    edge = token.left_edge
    return edge.i == 0 or token.doc[edge.i - 1].text in _SET_OFF


def _infinitive_content(token: Token) -> Span | None:
    """ "vowed to fight on", "considered running": a "to" or gerund complement."""
    for child in token.children:
        if child.dep_ == "xcomp" and (child.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)):
            return subtree_span(child, exclude=token)
    return None


def _object_content(token: Token, any_pronoun: bool) -> Span | None:
    """The object ("denied the report", "supports reforming the system") with what follows it
    ("accused Obama of bungling it", "called it a ratification"). Only an object verb's object
    may be a pronoun ("called it …") or a named actor ("endorsed Sanders")."""
    children = list(token.children)
    for child in children:
        is_object = child.dep_ in ("dobj", "oprd") or child.dep_ in ("xcomp", "ccomp") and child.tag_ == "VBG"
        if not is_object or not (any_pronoun or child.pos_ != "PRON" and _said(child)):
            continue
        if child.tag_ in _WH_TAGS:
            continue  # "what they consider a refuge", "whom Arnor accuses": a gap, not what is said
        start, end = subtree_span(child, exclude=token)
        for other in children:
            if other.dep_ == "oprd" and other.i != child.i or other.dep_ in ("prep", "xcomp") and other.i > child.i:
                end = max(end, subtree_span(other, exclude=token)[1])
        return start, end
    return None


_WH_TAGS = frozenset({"WP", "WDT", "WP$"})


def _preposition_content(token: Token, prepositions: frozenset[str]) -> Span | None:
    """ "called for a ceasefire", "commented on the vote"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return subtree_span(objects[0], exclude=token)
    return None


PERSONAL = frozenset({"he", "she", "they", "we", "i", "you"})


_DISCLOSURE_VERBS = frozenset({"reveal", "release", "disclose", "offer", "present", "deliver", "share", "show"})
"""Verbs of making known or handing over: passive with no agent, their subject is a thing that was
shown or given, and no one is told to hold a view of it (unlike "was criticized", "is seen as")."""


def _passive_object(token: Token) -> Span | None:
    """The subject of a passive object verb is what it is about: "Gondor was criticized for the
    raid", "the plan is backed by Arnor"; with what follows the verb, but not the agent."""
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ not in PERSONAL:
        return None
    if token.lemma_.lower() in _DISCLOSURE_VERBS and not any(c.dep_ == "agent" for c in token.children):
        return None  # "the details were revealed", "a video was released": a thing made known by no one named
    start, end = subject.left_edge.idx, subject.idx + len(subject.text)
    for child in token.children:
        if child.i > token.i and (child.dep_ in ("oprd", "xcomp") or child.dep_ == "prep" and child.lower_ != "by"):
            end = max(end, subtree_span(child, exclude=token)[1])
    return start, end


def _said(obj: Token) -> bool:
    """Whether the object of a speech verb is what was said ("stressed the need", "mentioned the
    war"), not whom it was said to or about ("told reporters", "thanked Obama")."""
    return obj.ent_type_ not in AGENT_ENTS


def subject_of(verb: Token, cues: Cues, avoid: Span | None = None) -> Token | None:
    """The subject of a cue verb (a passive one's agent), through coordination, participles and
    relative clauses; not one inside what was said (``avoid``): in "“Anybody who attacks him …,”
    said Louise Sunshine" the parser gives "said" two subjects, and the speaker is the one outside
    the quote."""
    current = verb
    for _ in range(4):
        candidates = [
            c for c in current.children
            if c.dep_ in _SUBJECT_DEPS and not (avoid is not None and avoid[0] <= c.idx < avoid[1])
        ]
        subject = min(candidates, key=lambda c: abs(c.i - current.i)) if candidates else None
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None and (subject is None or subject.dep_ == "nsubjpass"):
            # "Rubio was asked by the moderator whether …": the one asking, not the one asked
            subject = next((c for c in agent.children if c.dep_ == "pobj"), subject)
        if subject is not None:
            return _author(subject, cues)
        if current.dep_ == "relcl" or current.dep_ == "acl" and current.tag_ != "VBN" and current.head.pos_ in ("NOUN", "PROPN"):
            head = current.head
            if current.dep_ == "acl" and head.lemma_.lower() in cues.complement_nouns:
                # "Gondor's attempt to deny it", "groups mounted an effort to deny it", "at one point
                # calling him a liar": the noun is what the clause completes, not who does it
                owner = next((c for c in head.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return _author(owner, cues)
                governor = _governing_verb(head)
                if governor is None:
                    return None
                current = governor
                continue
            return _author(head, cues)  # "Kirby, who said …", "a group of rabbis calling for a boycott"
        if current.dep_ in ("conj", "advcl", "xcomp", "acl", "dep") and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "… before confirming that …"
            continue
        return None
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose clause a noun sits in, directly or through a preposition ("mounted an effort",
    "at one point")"""
    current = noun
    for _ in range(3):
        if current.head.i == current.i or current.dep_ in _SUBJECT_DEPS:
            return None  # "the effort to deny it failed": whose effort the clause does not say
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
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
    if subject.dep_ == "dobj" and subject.lemma_.lower() not in ("spokesman", "spokeswoman", "spokesperson", "representative"):
        # "the ministry issued a statement saying …": who put the message out
        sender = next((c for c in subject.head.children if c.dep_ == "nsubj"), None)
        if sender is not None:
            return sender
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


def subtree_span(token: Token, exclude: Token) -> Span:
    """The characters of a subtree, without the cue's own subtree where it sits at an edge."""
    skip = {t.i for t in exclude.subtree} if exclude.i in {t.i for t in token.subtree} else set()
    tokens = [t for t in token.subtree if t.i not in skip]
    span = largest_run(tokens)
    assert span is not None
    return span


def largest_run(tokens: list[Token]) -> Span | None:
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
    """Without surrounding spaces, quotation marks and commas."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in "“”\"‘’',;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "“”\"‘’',;:—–-"):
        end -= 1
    return start, end


def overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def within(inner: Span, outer: Span, slack: int) -> bool:
    return outer[0] - slack <= inner[0] and inner[1] <= outer[1] + slack
