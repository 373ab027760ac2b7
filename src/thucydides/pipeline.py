"""One article in, one analysis out: the per-article stages, and batching over spaCy's nlp.pipe.

``analyze`` is pure: it never touches the database, so the same function runs in a loop, a
process pool or a Dask worker. A Doc never leaves this module; records do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from thucydides.nlp.sentences import keep_text, sentence_of, text_of
from thucydides.clean import Cleaned, clean
from thucydides.clean.language import looks_english, names_and_numbers
from thucydides.clean.lead import in_lead, lead_spans
from thucydides.clean.pubdate import dated
from thucydides.codes import Lexicon, load_lexicon
from thucydides.codes.contexts import plover_contexts
from thucydides.config import Settings
from thucydides.extract import Candidate, find_candidates, find_quotes
from thucydides.extract.clauses import one_per_clause
from thucydides.extract.confidence import evidence_of, load_model
from thucydides.extract.stances import find_stances
from thucydides.extract.when_where import WhenWhere
from thucydides.nlp import load_pipeline
from thucydides.nlp.annotations import doc_actors, prepare_doc
from thucydides.nlp.components import BREAKS
from thucydides.nlp.dashes import dash_view
from thucydides.nlp.headlines import HEADLINES, headline_lines, parse_view
from thucydides.records import Analysis, Article, Dropped, Event, Plover, Quote, Rejection, Span, rejected
from thucydides.resolve.action_places import locate_events


def prepare(article: Article, settings: Settings) -> Cleaned | Rejection:
    """The cleaned article, with its resolved publication date, or why it cannot be analysed."""
    if article.rejection is not None:
        return article.rejection
    cleaned = clean(article)
    english, detail = looks_english(cleaned.text, settings.min_english_ratio)
    if not english:
        listing, shares = names_and_numbers(cleaned.text)
        return Rejection("clean", "no_prose", shares) if listing else Rejection("clean", "not_english", detail)
    if not cleaned.text.strip():
        return Rejection("clean", "empty", "nothing is left once boilerplate is removed")
    # The resolved publication date (the input's, else the URL's, else the dateline's) is the one
    # every component works at: "President Bush" under "WASHINGTON, March 17, 1990" is not George W.
    date, date_source = dated(article, [r.span for r in cleaned.regions if r.kind in _NOT_THE_ARTICLE])
    return replace(cleaned, date=date, date_source=date_source)


def to_doc(nlp: Language, article: Article, cleaned: Cleaned) -> Doc:
    """The Doc the pipeline's components run on: the parser's view of the cleaned text, with
    what the clean stage resolved (publication date, dateline, the input text) set on it."""
    view = dash_view(parse_view(cleaned.text))
    doc = prepare_doc(keep_text(nlp.make_doc(view), view), cleaned.date, cleaned.dateline, article.text)
    doc.user_data[HEADLINES] = headline_lines(cleaned.text)
    if cleaned.breaks:
        doc.user_data[BREAKS] = cleaned.breaks
    return doc


def analyze(articles: Iterable[Article], settings: Settings) -> Iterator[tuple[Article, Analysis]]:
    """Each article with its analysis, in input order; rejected ones carry their rejection."""
    nlp = load_pipeline(settings)
    lexicon = load_lexicon()
    iterator = iter(articles)
    while batch := list(islice(iterator, settings.batch_size)):
        prepared = [(article, _isolated("clean", prepare, article, settings)) for article in batch]
        inputs = [(a, p) for a, p in prepared if isinstance(p, Cleaned)]
        docs = iter(_parse(nlp, inputs, settings.batch_size))
        for article, outcome in prepared:
            if isinstance(outcome, Rejection):
                yield article, rejected(article, outcome)
                continue
            doc = next(docs)
            if isinstance(doc, Rejection):
                yield article, rejected(article, doc)
                continue
            analysis = _isolated("extract", build_analysis, article, outcome, doc, lexicon)
            yield article, rejected(article, analysis) if isinstance(analysis, Rejection) else analysis


T = TypeVar("T")


def _isolated(stage: str, function: Callable[..., T], *args: Any, **kwargs: Any) -> T | Rejection:
    """``function``'s result, or, when it fails on this one document, a Rejection saying how:
    one document that breaks a stage never costs the others in its batch."""
    try:
        return function(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - any failure is this document's, stored as data
        return Rejection(stage, "failed", f"{type(error).__name__}: {str(error)[:300]}")


def _parse(nlp: Language, inputs: list[tuple[Article, Cleaned]], batch_size: int) -> list[Doc | Rejection]:
    """The articles' Docs through the pipeline; when the batch fails, each article goes through
    on its own, from a fresh Doc, and the one that fails becomes a Rejection."""
    try:
        return list(nlp.pipe((to_doc(nlp, a, c) for a, c in inputs), batch_size=batch_size))
    except Exception:  # noqa: BLE001 - retried one by one below, where the failure is kept
        return [_isolated("nlp", _parse_one, nlp, a, c) for a, c in inputs]


def _parse_one(nlp: Language, article: Article, cleaned: Cleaned) -> Doc:
    return nlp(to_doc(nlp, article, cleaned))


_R = TypeVar("_R")


def _in_the_original(record: _R, text: str) -> _R:
    """A record whose texts come from the parser's view (headlines in sentence case) with each
    text taken again from the original at its span: the same characters, in their own case."""
    if isinstance(record, tuple):
        return tuple(_in_the_original(item, text) for item in record)  # type: ignore[return-value]
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, object] = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if dataclasses.is_dataclass(value) or isinstance(value, tuple):
            new = _in_the_original(value, text)
            if new is not value:
                changes[field.name] = new
    for name, span_name in (("text", "span"), ("content", "span"), ("cue", "cue_span")):
        span = getattr(record, span_name, None)
        if isinstance(getattr(record, name, None), str) and isinstance(span, tuple) and len(span) == 2:
            changes[name] = text[span[0] : span[1]]
    return dataclasses.replace(record, **changes) if changes else record  # type: ignore[type-var]


def analyze_one(article: Article, settings: Settings) -> Analysis:
    return next(analyze([article], settings))[1]


def build_analysis(article: Article, cleaned: Cleaned, doc: Doc, lexicon: Lexicon) -> Analysis:
    """Doc -> records: the edge where spaCy objects become frozen records. ``doc`` has been
    through the pipeline, so its actors, places and times are on it."""
    viewed = text_of(doc) != cleaned.text
    date, date_source = cleaned.date, cleaned.date_source
    candidates = [c for c in find_candidates(doc, lexicon) if c.dropped is None]
    sentence_index = {s.start: i for i, s in enumerate(doc.sents)}
    all_actors = tuple(doc_actors(doc).all_actors())
    when_where = WhenWhere.of(doc)
    kept = one_per_clause(_dedupe(candidates))
    events = tuple(_event(article, sentence_index, c, n, when_where, date) for n, c in enumerate(kept))
    events = when_where.with_repeated_dates(events, [c.trigger for c in kept], cleaned.title_span)
    events = _with_lead_and_contexts(events, lead_spans(article.text, cleaned))
    events = locate_events(events, when_where.places, when_where.dateline)
    quotes = tuple(
        Quote(
            speaker=q.speaker,
            cue=q.cue_text,
            cue_span=q.cue_span,
            content=q.content,
            span=q.span,
            direct=q.direct,
        )
        for q in find_quotes(doc)
    )
    analysis = Analysis(
        id=article.id,
        title=article.title,
        date=date,
        url=article.url,
        source=article.source,
        dateline=cleaned.dateline,
        byline=cleaned.byline,
        language="en",
        events=events,
        quotes=quotes,
        actors=all_actors,
        places=when_where.places,
        times=when_where.times,
        stances=tuple(find_stances(doc)),
        fetched_at=article.fetched_at,
        date_source=date_source,
        text=article.text,
        dropped=tuple(Dropped(r.kind, r.span, r.text) for r in cleaned.regions),
    )
    if not viewed:
        return analysis
    return dataclasses.replace(
        analysis,
        **{name: _in_the_original(getattr(analysis, name), article.text) for name in ("events", "quotes", "actors", "places", "times", "stances")},
    )


_NOT_THE_ARTICLE = frozenset({"related", "newsletter", "cookies", "author_promo", "share", "comment_form"})
"""Region kinds whose dates belong to something else (a related article, a comment)."""


def _with_lead_and_contexts(events: tuple[Event, ...], lead: tuple[Span, ...]) -> tuple[Event, ...]:
    """Each event marked root when told in the title or lead, with its PLOVER contexts."""
    return tuple(
        replace(e, root=in_lead(e.span, lead), plover=replace(e.plover, context=plover_contexts(e.cameo)))
        for e in events
    )


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One event per trigger, source and target: a verb matched twice codes once, and a verb
    that governs a coded event noun ("expelled … diplomats", "imposed sanctions") yields to it."""
    governors = {c.governor.i for c in candidates if c.governor is not None}
    seen: set[tuple[int, str, str | None, str | None]] = set()
    kept: list[Candidate] = []
    for candidate in candidates:
        if candidate.governor is None and candidate.trigger.i in governors:
            continue
        key = (
            candidate.trigger.i,
            candidate.entry.code.code,
            candidate.source.code if candidate.source else None,
            candidate.target.code if candidate.target else None,
        )
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def _event(
    article: Article,
    sentence_index: dict[int, int],
    candidate: Candidate,
    number: int,
    when_where: WhenWhere,
    publication: str | None,
) -> Event:
    sentence = sentence_of(candidate.trigger)
    date, date_text = when_where.date_of(
        candidate.trigger, publication, candidate.modality,
        tuple(a.country or a.code for a in (candidate.source, candidate.target) if a is not None),
    )
    parties = [a.span for a in (candidate.source, candidate.target) if a is not None]
    index = sentence_index[sentence.start]
    code = candidate.entry.code
    span = (candidate.trigger.idx, candidate.trigger_end.idx + len(candidate.trigger_end.text))
    evidence = evidence_of(candidate.trigger.doc, span, candidate.source, candidate.target, candidate.modality, candidate.rule)
    return Event(
        id=f"{article.id}-e{number:03d}",
        sentence_index=index,
        sentence=article.text[sentence.start_char : sentence.end_char].strip(),
        span=span,
        source=candidate.source,
        target=candidate.target,
        cameo=code.code,
        plover=Plover(code.plover_type or "", candidate.entry.plover_mode),
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        modality=candidate.modality,
        date=date,
        date_text=date_text,
        location=when_where.location_of(candidate.trigger, candidate.modality, parties),
        speaker=candidate.speaker,
        rule=candidate.rule,
        confidence=load_model().confidence(evidence),
    )
