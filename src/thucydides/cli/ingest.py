"""`thucydides ingest`: analyse articles and store them, idempotently, with a summary at the end."""

from __future__ import annotations

import sys
from itertools import islice

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from thucydides.cli.options import build_settings, db_option, reading_options
from thucydides.cli.render import pairs_table, terminal_text
from thucydides.ingest import read_inputs
from thucydides.pipeline import analyze
from thucydides.store import Store, WriteSummary


@click.command("ingest")
@reading_options
@db_option
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when stderr is a terminal).")
def ingest_command(
    paths: tuple[str, ...],
    input_format: str | None,
    date: str | None,
    pipeline: str | None,
    max_bytes: int | None,
    kb: tuple[str, ...],
    actors_dict: tuple[str, ...],
    agents_dict: tuple[str, ...],
    batch_size: int | None,
    country_bias: str | None,
    db: str,
    progress: bool | None,
) -> None:
    """Analyse articles and store them in the database (default ./thucydides.db).

    Ingest is idempotent: an article already stored with the same content is left as it is.
    Rejected documents are stored with their reason and named on stderr; the batch goes on.
    """
    settings = build_settings(pipeline, max_bytes, batch_size, actors_dict, agents_dict, kb).with_overrides(
        country_bias=country_bias
    )
    # Streamed: a document is read when its batch comes, so memory does not grow with the input.
    articles = read_inputs(paths, input_format=input_format, max_bytes=settings.max_text_bytes, date=date)
    err = Console(stderr=True)
    show = sys.stderr.isatty() if progress is None else progress
    totals = WriteSummary()
    events = quotes = documents = 0
    with Store.open(db) as store, Progress(
        TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, disable=not show
    ) as bar:
        task = bar.add_task("ingest", total=None)
        results = analyze(articles, settings)
        while batch := list(islice(results, settings.batch_size)):
            for article, analysis in batch:
                if analysis.rejection is not None:
                    r = analysis.rejection
                    bar.console.print(
                        terminal_text(f"rejected {article.origin}: {r.reason} ({r.detail})"),
                        markup=False, highlight=False, soft_wrap=True,
                    )
                events += len(analysis.events)
                quotes += len(analysis.quotes)
            summary = store.write((a for _, a in batch), origins={a.id: art.origin for art, a in batch})
            origins = {a.id: art.origin for art, a in batch}
            for article_id, detail in summary.unwritable:
                bar.console.print(
                    terminal_text(f"rejected {origins.get(article_id, article_id)}: unwritable ({detail})"),
                    markup=False, highlight=False, soft_wrap=True,
                )
            totals = totals + summary
            documents += len(batch)
            bar.advance(task, len(batch))
    Console().print(
        pairs_table(
            f"Ingested into {db}",
            ["documents", "added", "updated", "unchanged", "rejected", "events", "quotes"],
            [[documents, totals.added, totals.updated, totals.unchanged, totals.rejected, events, quotes]],
        )
    )
