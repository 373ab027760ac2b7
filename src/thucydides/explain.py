"""Why a sentence was coded as it was: the parse, the actors, every rule that matched, and why
any candidate was dropped. Used by `thucydides explain`."""

from __future__ import annotations

from dataclasses import dataclass, replace

from thucydides.codes import load_lexicon
from thucydides.config import Settings
from thucydides.extract import Candidate, find_candidates
from thucydides.extract.clauses import SAME_EVENT, one_per_clause
from thucydides.nlp import load_pipeline
from thucydides.nlp.headlines import parse_view
from thucydides.records import Actor
from thucydides.resolve import DocActors, load_kb


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


def explain(text: str, settings: Settings, date: str | None = None) -> Explanation:
    nlp = load_pipeline(settings.pipeline)
    doc = nlp(parse_view(text))
    actors = DocActors(doc, load_kb(), date)
    return Explanation(
        tokens=tuple(
            TokenLine(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc if not t.is_space
        ),
        actors=tuple(actors.all_actors()),
        candidates=_with_repeats(list(find_candidates(doc, load_lexicon(), actors))),
    )


def _with_repeats(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """The candidates, those that repeat an earlier coding of their clause marked dropped."""
    kept = {id(c) for c in one_per_clause([c for c in candidates if c.dropped is None])}
    return tuple(c if c.dropped is not None or id(c) in kept else replace(c, dropped=SAME_EVENT) for c in candidates)
