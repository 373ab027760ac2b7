"""What our components write on a Doc, declared once, and how the extractors read it back.

The clean stage sets ``doc._.pubdate`` (the resolved publication date), ``doc._.dateline`` and
``doc._.source_text`` (the input text, which spans point into) before the pipeline runs, so
every component gets them the same way. The components then write span groups, each span
carrying its resolved record:

- ``doc.spans["actors"]``: every actor mention, ``span._.actor``;
- ``doc.spans["actor_heads"]``: each token that denotes an actor, ``span._.denotes``;
  ``doc.spans["persons"]``: each token of a named person or organisation, ``span._.person``;
  ``doc.spans["nationalities"]``: nationality adjectives, ``span._.nationality``;
  ``doc.spans["place_countries"]``: the country of a place name, as the span's label;

(spaCy keeps a span's extension values by its character offsets, so each group has its own
attribute: a one-token head and a one-token actor mention do not overwrite each other);
- ``doc.spans["places"]``: the places, ``span._.place``; ``doc._.dateline_place``;
- ``doc.spans["times"]``: the time expressions, ``span._.time``.

:class:`DocActors` is the extractors' view of the actors: the same questions the resolver
answered, now read from the Doc, with no knowledge base or dictionary to pass around.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, SpanGroup, Token

from thucydides.nlp.sentences import sentence_back
from thucydides.records import Actor, Dateline, Place, Time
from thucydides.resolve.pronouns import Gender, antecedent_person, person_genders, pronoun_gender, quoted_stretches, role_subjects, search_order

ACTORS = "actors"
ACTOR_HEADS = "actor_heads"
PERSONS = "persons"
NATIONALITIES = "nationalities"
PLACE_COUNTRIES = "place_countries"
PLACES = "places"
TIMES = "times"

_VIEW = "thucydides.actors_view"
_VIEWED = frozenset({ACTORS, ACTOR_HEADS, PERSONS, NATIONALITIES, PLACE_COUNTRIES})
"""The groups :class:`DocActors` reads: writing one of them makes a view built before stale."""

for _name in ("pubdate", "dateline", "source_text", "dateline_place"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("actor", "denotes", "person", "nationality", "place", "time"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def prepare_doc(doc: Doc, pubdate: str | None, dateline: Dateline | None = None, source_text: str | None = None) -> Doc:
    """``doc`` with what the clean stage resolved, set before the pipeline's components run."""
    doc._.pubdate = pubdate
    doc._.dateline = dateline
    doc._.source_text = source_text
    return doc


def span_at(doc: Doc, start: int, end: int) -> Span:
    """The tokens covering the characters ``start:end``; an empty span at the nearest token when
    none do, or when the record's span runs backwards (the record is kept, it just has no tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start <= end else None
    if span is not None:
        return span
    at = next((t.i for t in doc if t.idx >= start), len(doc))
    return doc[at:at]


def write_group(doc: Doc, name: str, spans: list[Span]) -> None:
    doc.spans[name] = SpanGroup(doc, name=name, spans=spans)
    if name in _VIEWED:
        doc.user_data.pop(_VIEW, None)


def _records(doc: Doc, group: str, attribute: str) -> list[object]:
    if group not in doc.spans:
        return []
    return [getattr(span._, attribute) for span in doc.spans[group]]


def times_of(doc: Doc) -> list[tuple[Time, frozenset[int]]]:
    """The document's time expressions, in the order found, with the tokens each covers."""
    if TIMES not in doc.spans:
        return []
    return [(span._.time, frozenset(t.i for t in span)) for span in doc.spans[TIMES]]


def places_of(doc: Doc) -> list[tuple[Place, Span]]:
    """The places named in the text (the dateline's apart), in text order, with their tokens."""
    if PLACES not in doc.spans:
        return []
    return [(span._.place, span) for span in doc.spans[PLACES]]


class DocActors:
    """The actors of one document as its actor component wrote them: ask ``actor_for(token)``
    for the actor a head token denotes."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._all: list[Actor] = [a for a in _records(doc, ACTORS, "actor") if isinstance(a, Actor)]
        self._at = {span.start: span._.denotes for span in doc.spans[ACTOR_HEADS]} if ACTOR_HEADS in doc.spans else {}
        self._persons = {span.start: span._.person for span in doc.spans[PERSONS]} if PERSONS in doc.spans else {}
        self._nationalities = (
            {span.start: span._.nationality for span in doc.spans[NATIONALITIES]} if NATIONALITIES in doc.spans else {}
        )
        self._countries = (
            {span.start: span.label_ for span in doc.spans[PLACE_COUNTRIES]} if PLACE_COUNTRIES in doc.spans else {}
        )
        self._person_names: frozenset[str] | None = None
        self._genders: dict[str, Gender] | None = None
        self._quoted: list[tuple[int, int]] | None = None

    def actor_for(self, token: Token) -> Actor | None:
        """The actor the noun phrase headed by ``token`` denotes, if any."""
        return self._at.get(token.i)

    def nationality_of(self, token: Token) -> Actor | None:
        """The country of a nationality adjective used as a premodifier ("Indian posts")."""
        return self._nationalities.get(token.i)

    def place_country(self, token: Token) -> str | None:
        """The country of a place name (or of the actor the token denotes)."""
        return self._countries.get(token.i)

    def person_before(self, offset: int, pronoun: str | None = None) -> Actor | None:
        """The last named person mentioned before a character offset; given the ``pronoun``
        ("he", "she", "her") that stands there, the last one it can refer to: of its gender, and
        named outside quotation marks when it is (see :mod:`thucydides.resolve.pronouns`)."""
        before = sorted((a for a in self._persons.values() if a.span[1] <= offset), key=lambda a: a.span[0], reverse=True)
        if pronoun is None:
            return before[0] if before else None
        if self._genders is None:
            self._genders = person_genders(self.doc, self._persons.values())
        if self._quoted is None:
            self._quoted = quoted_stretches(self.doc.text)
        token = next((t for t in self.doc if t.idx >= offset), None)
        roles = role_subjects(token, self._at) if token is not None else []
        genders = {**self._genders, **{a.name: g for a, g in roles if g is not None}}
        ordered = search_order(self.doc, before + [a for a, _ in roles], offset)
        return antecedent_person(ordered, offset, pronoun, genders, self._quoted, self._recent_start(offset))

    def persons_before(self, offset: int, count: int) -> list[Actor]:
        """The last ``count`` different people named before a character offset, latest first."""
        mentions = sorted({a.span: a for a in self._persons.values() if a.span[1] <= offset and a.code != "---"}.values(),
                          key=lambda a: a.span, reverse=True)
        found: list[Actor] = []
        for actor in mentions:
            if all(actor.name != other.name for other in found):
                found.append(actor)
            if len(found) == count:
                break
        return found

    def countries_before(self, offset: int, count: int) -> list[Actor]:
        """The last ``count`` different countries (states, their governments) named before a
        character offset, latest first."""
        found: list[Actor] = []
        for actor in sorted(self._all, key=lambda a: a.span, reverse=True):
            if actor.span[1] > offset or actor.country is None or actor.sector not in (None, "GOV"):
                continue
            if all(actor.country != other.country for other in found):
                found.append(actor)
            if len(found) == count:
                break
        return found

    def _recent_start(self, offset: int) -> int:
        """The first character of the sentence before the one at ``offset``."""
        token = next((t for t in self.doc if t.idx >= offset), None)
        return sentence_back(token, 1).start_char if token is not None else 0

    def fits(self, actor: Actor, pronoun: str) -> bool:
        """Whether a named person can be what ``pronoun`` refers to by gender: "she" is no one
        the article calls "Mr" or names "John" (see :mod:`thucydides.resolve.pronouns`)."""
        wanted = pronoun_gender(pronoun)
        if wanted is None:
            return True
        if self._genders is None:
            self._genders = person_genders(self.doc, self._persons.values())
        return self._genders.get(actor.name, wanted) == wanted

    def is_person(self, actor: Actor) -> bool:
        """Whether the actor is a named person of this document (not a country or a group)."""
        if self._person_names is None:
            self._person_names = frozenset(p.name for p in self._persons.values())
        return actor.name in self._person_names

    def all_actors(self) -> list[Actor]:
        """Every actor mention in the document, in text order, one per noun-phrase head."""
        return list(self._all)


def doc_actors(doc: Doc) -> DocActors:
    """The actors view of ``doc``, built once per Doc."""
    view = doc.user_data.get(_VIEW)
    if not isinstance(view, DocActors):
        view = DocActors(doc)
        doc.user_data[_VIEW] = view
    return view
