"""The runner: articles in (lazily), batches out to an engine, results to the single writer.

Only the writer touches the database: it stores each batch in one transaction, in batch order,
so the database is the same whichever engine analysed the batches and in whatever order they
finished. After each batch the cross-document stage (:mod:`thucydides.crossdoc`: tone, stories,
merged events) does the work the batch queued, in a transaction of its own, taking the tone and
signatures the workers prepared; it also runs once
before the first batch, to finish what a run that stopped left pending. Progress is reported
through a callback after each batch; the CLI draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from thucydides import crossdoc
from thucydides.config import Settings
from thucydides.records import Article, Rejection
from thucydides.run.batches import batches
from thucydides.run.engines import Engine
from thucydides.store import ArticleRows, Store, WriteSummary


@dataclass(frozen=True)
class BatchWritten:
    """What the writer just stored: reported to the progress callback after every batch."""

    documents: int
    """Documents in this batch."""
    done: int
    """Documents written so far (the total is not known in advance: input is read as it comes)."""
    rejections: tuple[tuple[str, Rejection], ...]
    """Each rejected document of this batch: where it came from and why."""
    unwritable: tuple[tuple[str, str], ...]
    """Each document of this batch that could not be written (stored as a rejection at stage
    ``store`` instead): where it came from and why."""
    summary: WriteSummary


@dataclass(frozen=True)
class IngestSummary:
    """The totals of one ingest."""

    documents: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    quotes: int = 0


Progress = Callable[[BatchWritten], None]


def _quiet(_: BatchWritten) -> None:
    return None


def ingest(
    articles: Iterable[Article],
    settings: Settings,
    store: Store,
    engine: Engine,
    on_batch: Progress = _quiet,
) -> IngestSummary:
    """Analyse ``articles`` on ``engine`` in batches of ``settings.batch_size`` and write them to
    ``store`` in input order; ``on_batch`` is called after each batch is written."""
    totals = IngestSummary()
    crossdoc.update(store)
    for analysed in engine.map(batches(articles, settings.batch_size)):
        outcomes = analysed.outcomes
        rows = [o.to_rows() for o in outcomes]
        summary = store.write_rows(rows)
        crossdoc.update(store, {o.article_id: o.prepared for o in outcomes if o.prepared is not None})
        built = [(o.origin, r) for o, r in zip(outcomes, rows) if isinstance(r, ArticleRows)]
        totals = IngestSummary(
            documents=totals.documents + len(outcomes),
            added=totals.added + summary.added,
            updated=totals.updated + summary.updated,
            unchanged=totals.unchanged + summary.unchanged,
            rejected=totals.rejected + summary.rejected,
            events=totals.events + sum(r.events for _, r in built),
            quotes=totals.quotes + sum(r.quotes for _, r in built),
        )
        rejections = tuple((origin, r.rejection) for origin, r in built if r.rejection is not None)
        origins = {o.article_id: o.origin for o in outcomes}
        unwritable = tuple((origins.get(i, i), why) for i, why in summary.unwritable)
        on_batch(BatchWritten(len(outcomes), totals.documents, rejections, unwritable, summary))
    return totals
