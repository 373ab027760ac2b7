"""Actors named by a common noun: the groups, bodies and roles of a country that a story names
without a name ("police", "members", "the party", "her colleagues in the legislature").

Such a phrase says what an actor is (its sector) and leaves whose it is to the story:

- the country a story is set in, for a domestic role that names none: "Police arrested 40
  people" in a story from Kisumu and Mombasa is Kenya's police. The story's own places tell
  where it is set when the countries it names do not (a story of towns and provinces names no
  country at all);
- the organisation named just before, for a noun that denotes its members or the body itself:
  "Unite called a strike. Members rejected the offer", "The Greens met. The party said".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from spacy.tokens import Doc, Span, Token

from thucydides.nlp.sentences import sentence_back, text_of
from thucydides.records import Actor
from thucydides.resolve.gazetteer import load_gazetteer
from thucydides.resolve.places import find_mentions, resolve_mentions


def majority_country(counts: Counter[str]) -> str | None:
    """The country most mentions name, when it is a clear majority (more than half of them and
    named twice at least) or the only one named."""
    counts = Counter({country: n for country, n in counts.items() if n > 0})
    if not counts:
        return None
    best, top = counts.most_common(1)[0]
    if len(counts) == 1:
        return best
    return best if top * 2 > sum(counts.values()) and top >= 2 else None


def country_of_places(doc: Doc, named: Iterable[str], bias: str | None) -> str | None:
    """The country a story is set in by its places: each toponym read as the places component
    reads it (the gazetteer, with the dateline, the countries the story names and the user's bias
    as context), then the country most of them lie in, when a clear majority. "Red Deer",
    "Alberta" and "Edmonton" name no country, and all lie in Canada."""
    gazetteer = load_gazetteer()
    mentions = find_mentions(doc, gazetteer)
    dateline = doc._.dateline
    if not mentions and dateline is None:
        return None
    places = resolve_mentions(mentions, gazetteer, dateline=dateline, actor_countries=named, bias=bias, text=text_of(doc))
    counts: Counter[str] = Counter(p.country for p in places if p.country)
    if bias:
        counts[bias] += 2
    return majority_country(counts)


def role_word_alone(entity: Span, roles: dict[int, tuple[int, str]], role_words: Mapping[str, str]) -> bool:
    """Whether a name the tagger found is only a plural role word ("MPs", "MLAs"): a common noun
    for many people, never the name of one body, whose owner the story gives."""
    words = [t for t in entity if t.is_alpha and t.lower_ not in ("the", "a", "an")]
    if len(words) != 1 or words[0].i not in roles or roles[words[0].i][0] != words[0].i:
        return False
    word = words[0].lower_
    return words[0].tag_ in ("NNS", "NNPS") or (word.endswith("s") and word[:-1] in role_words)


PROTEST_NOUNS = frozenset("rally protest demonstration march strike sit-in vigil walkout boycott picket".split())
"""Nouns for a protest: who holds, joins or attends one is a protester (PLOVER PROTEST)."""

_TAKING_PART = frozenset("attend join hold stage organise organize lead".split())
"""Verbs whose subject takes part in the event their object names ("attended the rally")."""


def protest_joined(head: Token) -> Token | None:
    """The protest a generic noun's clause says it takes part in: "More than 200 people attended
    the rally", "thousands joined the march". People are an actor by what they do: those who
    attend a protest are its protesters (the verb makes them one, not the noun)."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in _TAKING_PART:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in PROTEST_NOUNS:
            return child
        if child.dep_ == "prep" and child.lower_ == "in":  # "took part in the march"
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in PROTEST_NOUNS:
                    return noun
    return None


# -- members and bodies named again ------------------------------------------------------------

MEMBERSHIP_NOUNS = frozenset({"member", "delegate"})
"""Nouns for those who belong to a body ("members", "delegates"): said bare after a body is
named, they are its members ("Unite called a strike. Members rejected …")."""

_BACK = 3
"""How many sentences before its own a bare member noun looks for the body it belongs to."""


def bare_members(token: Token) -> bool:
    """ "Members rejected the offer", "the members voted": a member noun with nothing of its own
    that says whose members they are (no possessor, premodifier, "of"/"from" phrase or number)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in MEMBERSHIP_NOUNS or token.tag_ != "NNS":
        return False
    if token.dep_ in ("compound", "amod", "poss"):
        return False
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod", "nummod", "appos"):
            return False
        if child.dep_ == "det" and child.lower_ != "the":  # "some members", "these members"
            return False
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "at"):
            return False
    return True


COLLEAGUE_NOUNS = frozenset({"colleague", "peer"})
"""Nouns for fellow members of a body, which their "in"/"of" phrase names ("her colleagues in the
legislature", "his peers in the senate")."""


def colleagues_body(token: Token) -> Token | None:
    """The body "colleagues in the legislature" belong to: the head of the singular noun phrase
    its "in", "of" or "at" phrase names. Fellow members of a body act as the body's members."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in COLLEAGUE_NOUNS or token.tag_ != "NNS":
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "at"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.tag_ in ("NN", "NNP"):
                    return noun
    return None


def body_before(token: Token, actor_for: Callable[[Token], Actor | None], is_body: Callable[[Token], bool]) -> Actor | None:
    """The body a bare member noun belongs to: the latest body (an organisation, a party, a
    union, a legislature) named as a noun phrase of its own in its sentence before it or in the
    sentences just before ("Unite called a strike. Members rejected …"), other than its own
    clause's subject; a person or a state is no body with members."""
    earliest = sentence_back(token, _BACK).start
    own = _clause_subject(token)
    for i in range(token.i - 1, earliest - 1, -1):
        earlier = token.doc[i]
        if i in own or earlier.pos_ not in ("NOUN", "PROPN") or earlier.dep_ in ("compound", "amod", "poss"):
            continue
        if earlier.tag_ in ("NNS", "NNPS") or not is_body(earlier):
            continue  # "lawmakers", "workers": people, not the body they belong to
        actor = actor_for(earlier)
        if actor is not None and actor.code != "---" and (actor.sector is not None or actor.country is None):
            return actor  # a body (a sector, or an organisation's own code), not a bare state
    return None


def _clause_subject(token: Token) -> set[int]:
    """The tokens of the subject of the clause a noun is an argument in."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i for t in c.subtree}
