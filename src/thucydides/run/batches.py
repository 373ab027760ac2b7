"""The unit of work the runner hands out: a numbered batch of articles, and what comes back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from thucydides.crossdoc import Prepared
from thucydides.records import Analysis, Article
from thucydides.store import ArticleRows, Unbuildable, article_rows


@dataclass(frozen=True)
class Batch:
    """Articles analysed together (one ``nlp.pipe`` batch) and written in one transaction."""

    index: int
    """Its place in the input, from 0: the writer stores batches in this order."""
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Outcome:
    """One article's analysis (a rejection is an analysis too) and where the article came from.

    What a worker sends the writer holds the analysis as the rows the store keeps of it
    (``rows``, built by the worker) and no ``analysis``: the records would cross the process
    boundary twice, once as records and once as rows. The writer builds the rows of an outcome
    that holds only its ``analysis``."""

    origin: str
    analysis: Analysis | None
    prepared: Prepared | None = None
    """Its tone and signature, derived by the worker (:func:`thucydides.crossdoc.prepare`), so
    that the writer does not; None for a rejection."""
    rows: ArticleRows | Unbuildable | None = None
    """Its rows (:func:`thucydides.store.article_rows`), built by the worker."""

    def __post_init__(self) -> None:
        if self.analysis is None and self.rows is None:
            raise ValueError("an outcome holds its analysis, its rows or both")

    @property
    def article_id(self) -> str:
        return self.rows.article_id if self.rows is not None else self.analysis.id  # type: ignore[union-attr]

    def to_rows(self) -> ArticleRows | Unbuildable:
        """Its rows: those the worker built, or built now from its analysis."""
        if self.rows is not None:
            return self.rows
        assert self.analysis is not None  # __post_init__
        return article_rows(self.analysis, self.origin)


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
