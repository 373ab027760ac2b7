"""`thucydides export`: merged events as PLOVER JSONL, a GDELT 2.0 event TSV, Parquet or CSV."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import click

from thucydides.cli.filters import build_filters, event_filter_options, hidden_note
from thucydides.cli.options import FilePath, db_option
from thucydides.cli.query import note, open_existing
from thucydides.cli.render import csv_safe_option, csv_safe_requested
from thucydides.store.exports import FORMATS, export


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="plover-jsonl, gdelt-tsv (GDELT 2.0 event table, no header, then our Modality and "
              "DatePrecision columns), parquet (a folder partitioned by day) or csv.")
@click.option("--out", required=True, type=FilePath(),
              help="File to write, or - for stdout (a new or empty folder for parquet).")
@click.option("--force", is_flag=True,
              help="Replace an existing file (for parquet, a folder holding an earlier export); never the database.")
@event_filter_options
@csv_safe_option
def export_command(db: str, fmt: str, out: str, force: bool, **filters: Any) -> None:
    """Write the merged events (one per real-world event, with mention counts) for analysts.
    By default only asserted events: what happened as told."""
    chosen = build_filters(**filters)
    with open_existing(db) as store:
        events = store.merged_events(chosen)
        everything = store.count_merged_events(replace(chosen, modalities=None))
    summary = export(events, fmt, out, force=force, database=db, csv_safe=csv_safe_requested())
    left = f" ({summary.skipped} without a date or source left out)" if summary.skipped else ""
    where = "stdout" if out == "-" else summary.path
    click.echo(f"wrote {summary.events} events to {where} as {fmt}{left}", err=True)
    note(hidden_note(len(events), everything))
