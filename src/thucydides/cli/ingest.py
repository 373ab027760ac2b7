"""`thucydides ingest`: analyse articles and store them, idempotently, with a summary at the end."""

from __future__ import annotations

import sys
from itertools import chain

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from thucydides.cli.config import config_options, with_config
from thucydides.cli.options import build_settings, db_option, reading_options
from thucydides.cli.render import pairs_table, terminal_text
from thucydides.ingest import read_inputs
from thucydides.run import ENGINES, BatchWritten, ingest, make_engine
from thucydides.store import Store


@click.command("ingest")
@reading_options
@config_options
@db_option
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when stderr is a terminal).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Analysis processes (default: the number of cores); with --engine dask, the size of the local cluster.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where to analyse: 'local' processes, or 'dask' (a Dask cluster; needs the dask extra).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the scheduler of an existing cluster (tcp://host:8786) instead of a local one.",
)
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
    config_file: str | None,
    save_config: str | None,
    db: str,
    progress: bool | None,
    workers: int | None,
    engine: str,
    scheduler: str | None,
) -> None:
    """Analyse articles and store them in the database (default ./thucydides.db).

    Inputs are read as they are needed and analysed in batches by --workers processes (or on a
    Dask cluster with --engine dask); one writer stores each batch in one transaction, in input
    order, so the database is the same however many workers there are.

    Ingest is idempotent: an article already stored with the same content is left as it is.
    Rejected documents are stored with their reason and named on stderr; the batch goes on.
    """
    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    settings = build_settings(pipeline, max_bytes, batch_size, actors_dict, agents_dict, kb).with_overrides(
        country_bias=country_bias
    )
    settings = with_config(settings, config_file, save_config)
    articles = read_inputs(paths, input_format=input_format, max_bytes=settings.max_text_bytes, date=date)
    # The first document is read now, so a mistyped path fails before a database or cluster is made.
    first = next(articles, None)
    articles = chain([first] if first is not None else [], articles)
    err = Console(stderr=True)
    show = sys.stderr.isatty() if progress is None else progress
    with Progress(
        SpinnerColumn(), TextColumn("analysed {task.completed} documents"), TimeElapsedColumn(),
        console=err, disable=not show,
    ) as bar:
        task = bar.add_task("ingest", total=None)

        def report(written: BatchWritten) -> None:
            lines = [f"rejected {origin}: {r.reason} ({r.detail})" for origin, r in written.rejections]
            lines += [f"rejected {origin}: unwritable ({detail})" for origin, detail in written.unwritable]
            for line in lines:
                bar.console.print(terminal_text(line), markup=False, highlight=False, soft_wrap=True)
            bar.advance(task, written.documents)

        with make_engine(settings, engine=engine, workers=workers, scheduler=scheduler) as runner, Store.open(db) as store:
            totals = ingest(articles, settings, store, runner, on_batch=report)
    Console().print(
        pairs_table(
            f"Ingested into {db}",
            ["documents", "added", "updated", "unchanged", "rejected", "events", "quotes"],
            [[totals.documents, totals.added, totals.updated, totals.unchanged, totals.rejected, totals.events, totals.quotes]],
        )
    )
