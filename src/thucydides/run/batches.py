"""The unit of work the runner hands out: a numbered batch of articles, and what comes back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from thucydides.crossdoc import Prepared
from thucydides.records import Analysis, Article


@dataclass(frozen=True)
class Batch:
    """Articles analysed together (one ``nlp.pipe`` batch) and written in one transaction."""

    index: int
    """Its place in the input, from 0: the writer stores batches in this order."""
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Outcome:
    """One article's analysis (a rejection is an analysis too) and where the article came from."""

    origin: str
    analysis: Analysis
    prepared: Prepared | None = None
    """Its tone and signature, derived by the worker (:func:`thucydides.crossdoc.prepare`), so
    that the writer does not; None for a rejection."""


@dataclass(frozen=True)
class Analysed:
    """A batch once analysed: its outcomes in input order."""

    index: int
    outcomes: tuple[Outcome, ...]


def batches(articles: Iterable[Article], size: int) -> Iterator[Batch]:
    """Numbered batches of ``size`` articles, read lazily: an article is read when its batch is."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    iterator = iter(articles)
    index = 0
    while chunk := tuple(islice(iterator, size)):
        yield Batch(index, chunk)
        index += 1
