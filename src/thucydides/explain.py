"""Why a sentence was coded as it was: the parse, the actors, every rule that matched, and why
any candidate was dropped. Used by `thucydides explain`.

The text goes through exactly what ``analyze`` runs (cleaning, the pipeline built from the same
config, with the same knowledge base, legacy dictionaries and country bias), so the events shown
are the events ``analyze`` produces.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from thucydides.codes import load_lexicon
from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.extract import Candidate, find_candidates
from thucydides.extract.clauses import SAME_EVENT, one_per_clause
from thucydides.nlp import load_pipeline
from thucydides.nlp.annotations import doc_actors
from thucydides.pipeline import build_analysis, prepare, to_doc
from thucydides.records import Actor, Article, Event, Rejection


@dataclass(frozen=True)
class TokenLine:
    index: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    entity: str


@dataclass(frozen=True)
class Explanation:
    tokens: tuple[TokenLine, ...]
    actors: tuple[Actor, ...]
    candidates: tuple[Candidate, ...]
    events: tuple[Event, ...]
    """The events ``analyze`` codes for the same text, date and settings."""


def explain(text: str, settings: Settings, date: str | None = None) -> Explanation:
    nlp = load_pipeline(settings)
    article = Article(id="explain", text=text, date=date)
    cleaned = prepare(article, settings)
    if isinstance(cleaned, Rejection):
        raise InputError(f"the text cannot be analysed: {cleaned.reason} ({cleaned.detail})")
    doc = nlp(to_doc(nlp, article, cleaned))
    lexicon = load_lexicon()
    return Explanation(
        tokens=tuple(
            TokenLine(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc if not t.is_space
        ),
        actors=tuple(doc_actors(doc).all_actors()),
        candidates=_with_repeats(list(find_candidates(doc, lexicon))),
        events=build_analysis(article, cleaned, doc, lexicon).events,
    )


def _with_repeats(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """The candidates, those that repeat an earlier coding of their clause marked dropped."""
    kept = {id(c) for c in one_per_clause([c for c in candidates if c.dropped is None])}
    return tuple(c if c.dropped is not None or id(c) in kept else replace(c, dropped=SAME_EVENT) for c in candidates)
