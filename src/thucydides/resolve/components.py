"""Resolution as part of the parse: actors, places and times as registered spaCy components.

Each component reads what the clean stage set on the Doc (``doc._.pubdate``, ``doc._.dateline``,
``doc._.source_text``; see :mod:`thucydides.nlp.annotations`) and writes span groups whose spans
carry the resolved records. Its look-ups (the knowledge base, the user's legacy dictionaries,
the gazetteer) come in through the config as functions from spaCy's registry, as spaCy's
``EntityLinker`` takes its ``get_candidates``: a test or a user swaps them without touching a
process-wide global. Each component splits finding (``match``) from writing (``set_annotations``).

(No ``from __future__ import annotations`` here: spaCy validates a factory's arguments against
its annotations, which must be real types.)
"""

from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from thucydides.extract.times import find_times
from thucydides.nlp.annotations import (
    ACTOR_HEADS,
    ACTORS,
    NATIONALITIES,
    PERSONS,
    PLACE_COUNTRIES,
    PLACES,
    TIMES,
    doc_actors,
    span_at,
    write_group,
)
from thucydides.nlp.sentences import text_of
from thucydides.records import Dateline, Place, Time
from thucydides.resolve.actors import ActorResolver
from thucydides.resolve.gazetteer import Gazetteer, load_gazetteer
from thucydides.resolve.kb import KnowledgeBase, load_kb
from thucydides.resolve.legacy import LegacyDictionary, read_dictionary
from thucydides.resolve.places import context_countries, dateline_place, find_mentions, resolve_mentions

KnowledgeBaseLoader = Callable[[], KnowledgeBase]
LegacyLoader = Callable[[], LegacyDictionary | None]
GazetteerLoader = Callable[[], Gazetteer]


# -- look-ups, named in the config -------------------------------------------------------------


@registry.misc("thucydides.knowledge_base.v1")
def knowledge_base(files: Sequence[str] = ()) -> KnowledgeBaseLoader:
    """The bundled knowledge base plus the user's files (``--kb``), loaded on first use."""
    extra = tuple(files)
    return lambda: load_kb(extra)


@registry.misc("thucydides.legacy_dictionaries.v1")
def legacy_dictionaries(actors: Sequence[str] = (), agents: Sequence[str] = ()) -> LegacyLoader:
    """The user's PETRARCH/TABARI dictionaries (``--actors-dict``, ``--agents-dict``), read on
    first use; none when no file is named."""
    given = (tuple(actors), tuple(agents))
    return lambda: _legacy(*given)


@registry.misc("thucydides.gazetteer.v1")
def gazetteer() -> GazetteerLoader:
    """The offline gazetteer, built once per installation."""
    return load_gazetteer


@lru_cache(maxsize=4)
def _legacy(actors: tuple[str, ...], agents: tuple[str, ...]) -> LegacyDictionary | None:
    """The user's legacy dictionaries, read once per process; None when none are given."""
    if not actors and not agents:
        return None
    parts = [read_dictionary(actors=a) for a in actors] + [read_dictionary(agents=a) for a in agents]
    return LegacyDictionary(
        actors=tuple(x for d in parts for x in d.actors),
        agents=tuple(x for d in parts for x in d.agents),
        skipped=sum(d.skipped for d in parts),
    )


# -- actors ------------------------------------------------------------------------------------


class ActorsComponent:
    """Writes ``doc.spans["actors"]`` (and the per-token groups the extractors ask) with the
    resolved :class:`~thucydides.records.Actor` of each mention."""

    def __init__(self, get_knowledge_base: KnowledgeBaseLoader, get_legacy: LegacyLoader, country_bias: str | None) -> None:
        # Read when the pipeline is built, not at the first document: a malformed --kb file or
        # dictionary is the run's one-line error, not a rejection of every document.
        self.knowledge_base = get_knowledge_base()
        self.legacy = get_legacy()
        self.country_bias = country_bias

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> ActorResolver:
        """The actors of ``doc`` resolved on its publication date, leaning to the user's country
        bias and to the country its dateline names."""
        kb = self.knowledge_base
        bias = tuple(c for c in (self.country_bias, dateline_country(doc._.dateline, kb)) if c)
        return ActorResolver(doc, kb, doc._.pubdate, self.legacy, bias)

    def set_annotations(self, doc: Doc, resolver: ActorResolver) -> None:
        mentions = []
        for actor in resolver.all_actors():
            span = span_at(doc, *actor.span)
            span._.actor = actor
            mentions.append(span)
        heads, nationalities, countries = [], [], []
        for token in doc:
            actor = resolver.actor_for(token)
            if actor is not None:
                one = Span(doc, token.i, token.i + 1)
                one._.denotes = actor
                heads.append(one)
            nationality = resolver.nationality_of(token)
            if nationality is not None:
                one = Span(doc, token.i, token.i + 1)
                one._.nationality = nationality
                nationalities.append(one)
            # place_country asks actor_for first: its answer for this token is the one just had
            country = actor.country if actor is not None else resolver.place_country(token)
            if country is not None:
                countries.append(Span(doc, token.i, token.i + 1, label=country))
        persons = []
        for i, person in resolver.person_mentions():
            one = Span(doc, i, i + 1)
            one._.person = person
            persons.append(one)
        write_group(doc, ACTORS, mentions)
        write_group(doc, ACTOR_HEADS, heads)
        write_group(doc, PERSONS, persons)
        write_group(doc, NATIONALITIES, nationalities)
        write_group(doc, PLACE_COUNTRIES, countries)


@Language.factory(
    "thucydides_actors_v1",
    assigns=["doc.spans", "span._.actor"],
    requires=["doc.ents", "doc.sents", "token.dep", "token.pos", "token.tag", "token.lemma"],
    default_config={
        "knowledge_base": {"@misc": "thucydides.knowledge_base.v1", "files": []},
        "legacy": {"@misc": "thucydides.legacy_dictionaries.v1", "actors": [], "agents": []},
        "country_bias": None,
    },
)
def make_actors(
    nlp: Language, name: str, knowledge_base: KnowledgeBaseLoader, legacy: LegacyLoader, country_bias: str | None
) -> ActorsComponent:
    return ActorsComponent(knowledge_base, legacy, country_bias)


def dateline_country(dateline: Dateline | None, kb: KnowledgeBase) -> str | None:
    """The country a dateline names ("KIEV, Ukraine", "GAZA CITY, Palestinian Territories")."""
    if dateline is None:
        return None
    for part in reversed(dateline.place.split(",")):
        name = part.strip()
        for surface in (name, name.title()):
            entries = [e for e in kb.lookup(surface) if e.country]
            if entries:
                return entries[0].country
    return None


# -- places ------------------------------------------------------------------------------------


class PlacesComponent:
    """Writes ``doc.spans["places"]`` with each place's :class:`~thucydides.records.Place`
    (geocoded, disambiguated by the article's countries, the actors' and the dateline), and
    ``doc._.dateline_place``."""

    def __init__(self, get_gazetteer: GazetteerLoader, country_bias: str | None) -> None:
        self._get_gazetteer = get_gazetteer
        self.country_bias = country_bias

    def __call__(self, doc: Doc) -> Doc:
        places, at = self.match(doc)
        self.set_annotations(doc, places, at)
        return doc

    def match(self, doc: Doc) -> tuple[list[Place], Place | None]:
        found = self._get_gazetteer()
        mentions = find_mentions(doc, found)
        dateline = doc._.dateline
        places = resolve_mentions(
            mentions, found, dateline=dateline, actor_countries=context_countries(doc_actors(doc).all_actors(), mentions),
            bias=self.country_bias, text=text_of(doc),
        )
        source = doc._.source_text if doc._.source_text is not None else text_of(doc)
        return places, dateline_place(dateline, found, source)

    def set_annotations(self, doc: Doc, places: list[Place], at: Place | None) -> None:
        spans = []
        for place in places:
            span = span_at(doc, *place.span)
            span._.place = place
            spans.append(span)
        write_group(doc, PLACES, spans)
        doc._.dateline_place = at


@Language.factory(
    "thucydides_places_v1",
    assigns=["doc.spans", "span._.place", "doc._.dateline_place"],
    requires=["doc.ents", "doc.sents", "doc.spans"],
    default_config={"gazetteer": {"@misc": "thucydides.gazetteer.v1"}, "country_bias": None},
)
def make_places(nlp: Language, name: str, gazetteer: GazetteerLoader, country_bias: str | None) -> PlacesComponent:
    return PlacesComponent(gazetteer, country_bias)


# -- times -------------------------------------------------------------------------------------


class TimesComponent:
    """Writes ``doc.spans["times"]`` with each time expression's TIMEX3
    :class:`~thucydides.records.Time`, resolved against ``doc._.pubdate``."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Time]:
        return find_times(text_of(doc), doc._.pubdate)

    def set_annotations(self, doc: Doc, times: list[Time]) -> None:
        spans = []
        for time in times:
            span = span_at(doc, *time.span)
            span._.time = time
            spans.append(span)
        write_group(doc, TIMES, spans)


@Language.factory("thucydides_times_v1", assigns=["doc.spans", "span._.time"], requires=["doc.sents"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()
