"""A named person's title, and later mentions of the person by surname, read from the words
around the name whatever the parser made of them.

- English puts a title phrase straight before a name, in close apposition: "White House chief of
  staff Ann Ward", "Lisbon's mayor Rui Costa", "Kenya's interior minister Fred Matano". The
  phrase describes the person even where the parser attached it to the verb beside the name (two
  subjects of one verb) instead of to the name.
- News style names a person in full once and by surname after: a capitalised surname alone
  ("Costa later criticised the plan") is that person, even where the tagger took the word for a
  common noun.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping

from spacy.tokens import Span, Token

from thucydides.resolve.gazetteer import US_STATE_ABBREVIATIONS
from thucydides.resolve.lookalikes import is_us_state

NAME_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss", "dative", "attr"})
"""Dependencies in which a noun phrase stands on its own as an argument (not a premodifier)."""


def title_before(
    span: Span, roles: Mapping[int, tuple[int, str]], names_a_person: Callable[[Token], bool], abbreviated: Container[int] = ()
) -> list[Token]:
    """The words of a title phrase that stands right before a name, where the parser did not make
    it part of the name's phrase: "White House chief of staff Ann Ward was not told",
    parsed with "chief" and "Ward" both subjects of "was", or with "chief" an apposition of a
    name before it. English puts no noun phrase straight before a name but its title, so the
    phrase ending on the word before the name (no comma between) is the name's title when its
    head is a singular noun for a person (``names_a_person``: "chief", "mayor", "spokesman"; not
    "ministry", not "reporters") and it holds a role word (``roles``: positions where a role
    phrase ends). Empty when the parse already puts the phrase in the name's (the caller reads it
    there) or there is none. ``abbreviated``: positions of abbreviated role words whose period
    the tokenizer split off ("Sens", "Maj"); such a word is a person's title, and its period may
    have ended the sentence for the sentence splitter."""
    doc = span.doc
    root = span.root
    if span.start == 0:
        return []
    last = doc[span.start - 1]
    split = last.text == "." and last.i > 0 and last.i - 1 in abbreviated
    if split:
        last = doc[last.i - 1]  # "Sens. Tom Udale": the tokenizer split the title's period off
    if last.pos_ not in ("NOUN", "PROPN"):
        return []
    top = last  # up through the phrase's own words: "staff" -> "of" -> "chief"
    while top.dep_ in _INSIDE_A_PHRASE and top.head.i < span.start and top.head.i != top.i:
        top = top.head
    if top.i in {t.i for t in root.subtree} or top.right_edge.i != span.start - 1:
        return []
    if top.sent.start != root.sent.start and not split:
        return []  # (the sentence splitter may take an abbreviation's period for a full stop: "Maj. Tom …")
    if top.pos_ not in ("NOUN", "PROPN") or (not split and (top.tag_ in ("NNS", "NNPS") or not names_a_person(top))):
        return []  # an abbreviated role word is a person's title ("Sen.", "Maj.", "Sens.")
    if not any(t.i in roles for t in top.subtree):
        return []
    return [t for t in top.subtree if t.i < span.start]


_INSIDE_A_PHRASE = frozenset({"compound", "amod", "poss", "nmod", "pobj", "prep"})
"""Dependencies of a word on another of its own noun phrase ("staff" in "chief of staff")."""


def titled(
    span: Span, roles: Mapping[int, tuple[int, str]], names_a_person: Callable[[Token], bool], abbreviated: Container[int] = ()
) -> bool:
    """Whether a title for a person stands right before a name: a singular noun for a person that
    holds a role word ("spokesman", "Minister", "chief of staff"), as the name's premodifier
    ("Interior Minister Kithure Kindiki") or as a phrase the parser set beside it (see
    :func:`title_before`). English puts a person's title, not an organisation's, there."""
    if span.start == 0:
        return False
    last = span.doc[span.start - 1]
    if last.head.i in range(span.start, span.end) and last.dep_ in ("compound", "amod", "nmod"):
        return (
            last.i in roles and last.pos_ in ("NOUN", "PROPN") and last.tag_ not in ("NNS", "NNPS")
            and names_a_person(last)
        )
    return bool(title_before(span, roles, names_a_person, abbreviated))


def one_of(span: Span, roles: Mapping[int, tuple[int, str]]) -> list[Token]:
    """The words of a group a name is given as an example of: "opposition leaders such as Ann
    Wairimu (and Tom Reed)", "Kenyan lawmakers including Ann Wairimu". English "N such as X" and
    "N including X" say that X is one of N, so N's description is X's when N is a role word
    (``roles``: positions where a role phrase ends); the group noun comes first, then its
    premodifiers."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "such as Ann Wairimu and Tom Reed"
    if root.dep_ != "pobj":
        return []
    preposition = root.head
    example = preposition.lower_ == "including" or (
        preposition.lower_ == "as" and any(c.lower_ == "such" for c in (*preposition.children, *preposition.lefts))
    )
    group = preposition.head
    if not example or preposition.dep_ != "prep" or group.i not in roles or group.pos_ not in ("NOUN", "PROPN"):
        return []
    return [group, *(t for t in group.subtree if t.i < group.i)]


def shared_title(
    span: Span, roles: Mapping[int, tuple[int, str]], plural: Callable[[Token], bool], abbreviated: Container[int] = ()
) -> list[Token]:
    """The words of a plural title that coordinated names share: "Kenyan MPs Ann Wairimu and Tom
    Odera", "US senators Tom Udale and Martin Heinz" (the second name's). English puts one plural
    title before a list of the names it holds for; a singular one ("Kenyan MP Ann Wairimu and Tom
    Odera") is the first name's only. ``plural`` says whether a role word is plural."""
    root = span.root
    first = root
    # "Ann Wairimu, Tom Odera and Jane Achieng": a list the parser may hang as apposition and conjunct
    while first.dep_ in ("conj", "appos") and first.head.i < first.i and first.head.pos_ == "PROPN":
        first = first.head
    if first.i == root.i:
        return []
    if first.dep_ == "appos" and first.head.i < first.i and first.head.i in roles and plural(first.head):
        title = first.head  # "US senators Tom Udale and Martin Heinz": the names in apposition
        return [title, *(t for t in title.subtree if t.i < title.i)]
    words = [t for t in first.subtree if t.i < first.i and not _name_word(t, roles)]
    words += title_before(span.doc[first.left_edge.i : first.i + 1], roles, plural, abbreviated)  # "Sens. Tom Udale and …"
    if not any(t.i in roles and plural(t) for t in words):
        return []
    return words


def _name_word(token: Token, roles: Mapping[int, tuple[int, str]]) -> bool:
    """Whether a premodifier of a name is a word of the name itself ("Ann" in "MPs Ann Wairimu")."""
    return token.pos_ == "PROPN" and token.dep_ == "compound" and token.ent_type_ in ("PERSON", "") and not any(
        start <= token.i <= end for end, (start, _sector) in roles.items()
    )


def surname_mention(token: Token, surnames: Mapping[str, object]) -> bool:
    """Whether a capitalised word the tagger called a common noun is a surname the article gave
    in full before ("Rui Costa … Costa later criticised the plan"): it stands alone as an argument,
    with no determiner ("the Costa") and no words of its own before it."""
    return (
        token.pos_ == "NOUN" and token.text[:1].isupper() and token.text in surnames and token.dep_ in NAME_SLOTS
        and not any(c.i < token.i for c in token.children)
    )


_US_PARTIES = frozenset({"R", "D", "I"})
_POSTAL_CODES = frozenset(US_STATE_ABBREVIATIONS.values())


def us_party_and_state(span: Span) -> bool:
    """Whether a name is followed by the party and state that American news style gives a member
    of Congress or a state office holder: "Sen. Tom Reedy, R-Texas,", "Rep. Ann Lowe (D-N.Y.)",
    "Ann Lowe, D-New York", "Rep. Clay Cox (R-Lilburn)" (a state legislator's home town). The
    person is American whatever other country the sentence names."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text in (",", "("):
        i += 1
    if i + 2 >= len(doc) + 1 or doc[i : i + 2].text.replace(" ", "") not in {f"{p}-" for p in _US_PARTIES}:
        return False
    # the state or, in state politics, the home town: "(R-Lilburn)"
    state = doc[i + 2 : i + 4]
    return any(
        words in US_STATE_ABBREVIATIONS or words in _POSTAL_CODES or is_us_state(words)
        for words in (state[:1].text, state.text)
        if words
    ) or (len(state) > 0 and state[0].pos_ == "PROPN" and state[0].is_title)
