"""Who a personal pronoun ("he", "she", "his", "her") is among the people an article names.

English pronouns agree with their antecedent in gender and number, and a pronoun in the
writer's own words refers to someone the writer introduced, not to a name inside someone else's
quoted words. So, latest first, the people named before the pronoun are read with two tests:

1. gender: "she" is not a man the article named, nor "he" a woman. What the article says of a
   person is the evidence: a courtesy title or gendered title before a mention ("Mr", "Ms",
   "Queen", "Congresswoman", "his wife Ana"), and a given name that is almost always one gender's
   (``data/given_names.tsv``, facts we typed in). A person with no evidence, or with evidence
   both ways, fits either pronoun; but "she" prefers a recent woman to such a person.
2. quotation: a pronoun outside quotation marks skips a person named only inside them
   ("Eide said "Sweden should ask Mr Kristersson". He then …" is Eide), unless no one else fits.

With no candidate left, nobody: a wrong speaker or source costs more than a missing one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from thucydides.errors import ResourceError
from thucydides.records import Actor
from thucydides.resolve.tables import data_rows

Gender = str
"""``"f"`` or ``"m"``."""

_PRONOUN_GENDERS: dict[str, Gender] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}

FEMALE_TITLES = frozenset(
    """ms mrs miss madam madame dame lady queen princess duchess empress congresswoman chairwoman
    spokeswoman businesswoman councilwoman assemblywoman countrywoman sister mother wife daughter
    widow grandmother actress""".split()
)
MALE_TITLES = frozenset(
    """mr sir lord king prince duke emperor congressman spokesman businessman councilman assemblyman
    father brother son husband widower grandfather""".split()
)
"""Words before a name that say a person's gender ("Mr Blinken", "Queen Rania", "his wife Ana")."""

_QUOTE_PAIRS = re.compile(r"“[^”]{1,1500}”|\"[^\"\n]{1,1500}\"")
_PARAGRAPH = re.compile(r"\n\s*\n")


def pronoun_gender(word: str) -> Gender | None:
    """The gender a personal pronoun states: "she" a woman, "he" a man; none for "they", "it"."""
    return _PRONOUN_GENDERS.get(word.lower())


@lru_cache(maxsize=1)
def given_names() -> dict[str, Gender]:
    """Given names that are almost always one gender's, from ``data/given_names.tsv``."""
    names: dict[str, Gender] = {}
    for row in data_rows("given_names.tsv", "pronoun"):
        if len(row) < 2 or row[1].strip() not in ("f", "m"):
            raise ResourceError(f"given_names.tsv: bad row {row!r} (a name, a tab, then f or m)")
        names[row[0].strip().lower()] = row[1].strip()
    return names


def person_genders(doc: Doc, persons: Iterable[Actor]) -> dict[str, Gender]:
    """Each named person's gender (by the person's name) where the article says it: the titles
    just before each mention and the given names in the name, counted over all mentions; a tie
    or no evidence leaves the person out."""
    names = given_names()
    votes: dict[str, Counter[Gender]] = {}
    seen: set[tuple[int, int]] = set()
    for person in persons:
        if person.span in seen:
            continue
        seen.add(person.span)
        count = votes.setdefault(person.name, Counter())
        span = doc.char_span(person.span[0], person.span[1], alignment_mode="expand")
        if span is not None:
            words = [t.lower_.rstrip(".") for t in span]
            if span.start > 0:
                words.insert(0, doc[span.start - 1].lower_.rstrip("."))
            for word in words:
                if word in FEMALE_TITLES:
                    count["f"] += 1
                elif word in MALE_TITLES:
                    count["m"] += 1
        for text in {person.name, person.text}:
            given = text.split()[:-1]  # the last word is a surname ("Clarence Thomas")
            for word in given:
                gender = names.get(word.lower().rstrip("."))
                if gender is not None:
                    count[gender] += 1
                    break
    genders: dict[str, Gender] = {}
    for name, count in votes.items():
        ranked = count.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            genders[name] = ranked[0][0]
    return genders


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """The character ranges inside quotation marks (curly pairs, or straight ones paired within
    a paragraph)."""
    found: list[tuple[int, int]] = []
    start = 0
    for paragraph in [*_PARAGRAPH.split(text)]:
        at = text.find(paragraph, start)
        found.extend((at + m.start(), at + m.end()) for m in _QUOTE_PAIRS.finditer(paragraph))
        start = at + len(paragraph)
    return found


def _inside(offset: int, stretches: Sequence[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in stretches)


def search_order(doc: Doc, candidates: Sequence[Actor], offset: int) -> list[Actor]:
    """The people named before ``offset`` in the order a pronoun there looks for its antecedent
    (Hobbs's search, read on a dependency parse): first those of its own sentence, latest first;
    then sentence by sentence backwards, each sentence's subject before the others ("Ana Vale met
    Olaf Lund. Her spokesman said …" is Vale's: the subject of the sentence before is the
    centre of attention the pronoun continues)."""
    here = doc.char_span(offset, offset, alignment_mode="expand")
    token = next((t for t in doc if t.idx >= offset), None) if here is None or len(here) == 0 else here[0]
    own_start = token.sent.start_char if token is not None else offset

    def rank(actor: Actor) -> tuple[int, int, int]:
        if actor.span[0] >= own_start:
            return (own_start, 1, actor.span[0])
        span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            return (0, 0, actor.span[0])
        return (span.sent.start_char, int(_main_subject(span.root)), actor.span[0])

    return sorted(candidates, key=rank, reverse=True)


def _main_subject(token: Token) -> bool:
    """Whether a name is its sentence's subject: the subject of the main verb, or a name in
    apposition to it ("Norway's prime minister, Ana Vale, met …")."""
    if token.dep_ in ("appos", "compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"


ROLE_PERSONS = frozenset(
    """president minister premier chancellor spokesman spokeswoman spokesperson ambassador envoy
    diplomat governor mayor senator congressman congresswoman lawmaker legislator commander general
    chief secretary leader prosecutor judge official adviser advisor aide king queen prince princess
    pope chairman chairwoman director candidate""".split()
)
"""Singular role nouns for one person, whose phrase a pronoun can continue ("Norway's foreign
minister met the Swedish envoy. He praised …")."""


def role_subjects(token: Token, heads: Mapping[int, Actor]) -> list[tuple[Actor, Gender | None]]:
    """The people the two sentences before ``token``'s are about by a role rather than a name:
    each sentence's subject that is a singular role noun for a person with a known country
    ("Norway's foreign minister", "the Swedish spokeswoman"), with the gender the noun says."""
    found: list[tuple[Actor, Gender | None]] = []
    sentence = token.sent
    doc = token.doc
    for _ in range(2):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
        for subject in (c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")):
            actor = heads.get(subject.i)
            lemma = subject.lemma_.lower()
            if actor is None or actor.country is None or subject.tag_ != "NN" or lemma not in ROLE_PERSONS:
                continue
            if any(c.dep_ == "appos" for c in subject.children):
                continue  # "Norway's foreign minister, Ana Vale, …": the named person, a candidate already
            gender = "f" if lemma in FEMALE_TITLES else "m" if lemma in MALE_TITLES else None
            found.append((actor, gender))
    return found


def antecedent_person(
    candidates: Sequence[Actor],
    offset: int,
    word: str,
    genders: dict[str, Gender],
    quoted: Sequence[tuple[int, int]],
    recent: int = 0,
) -> Actor | None:
    """Who the pronoun ``word`` at ``offset`` is among ``candidates`` (the people named before
    it, latest first): the first whose gender does not contradict the pronoun's, one named
    outside quotation marks when the pronoun is (see the module docstring). "She" takes a
    woman named since the character offset ``recent`` (its sentence and the one before) over a
    later person of whom the article says nothing: most people in the news with no sign of
    their gender are men ("Prime Minister Ana Vale met Xi Jinping. She …" is Vale)."""
    wanted = pronoun_gender(word)
    outside = not _inside(offset, quoted)
    if wanted == "f":
        for actor in candidates:
            if actor.span[0] < recent:
                continue
            if genders.get(actor.name) == "f" and not (outside and _inside(actor.span[0], quoted)):
                return actor
    fallback: Actor | None = None
    for actor in candidates:
        if wanted is not None and genders.get(actor.name, wanted) != wanted:
            continue
        if outside and _inside(actor.span[0], quoted):
            fallback = fallback or actor
            continue
        return actor
    return fallback
