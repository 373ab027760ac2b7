"""`thucydides export`: merged events as PLOVER JSONL, a GDELT 2.0 event TSV, Parquet or CSV."""

from __future__ import annotations

import click

from thucydides.cli.options import db_option, validate_date
from thucydides.cli.query import open_existing
from thucydides.cli.render import csv_safe_option, csv_safe_requested
from thucydides.store.exports import FORMATS, export


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="plover-jsonl, gdelt-tsv (GDELT 2.0 event table, no header), parquet (a folder "
              "partitioned by day) or csv.")
@click.option("--out", required=True, type=click.Path(), help="File to write (a new or empty folder for parquet).")
@click.option("--since", callback=validate_date, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=validate_date, help="Only events on or before this date (YYYY-MM-DD).")
@csv_safe_option
def export_command(db: str, fmt: str, out: str, since: str | None, until: str | None) -> None:
    """Write the merged events (one per real-world event, with mention counts) for analysts."""
    with open_existing(db) as store:
        events = store.merged_events(since=since, until=until)
    summary = export(events, fmt, out, csv_safe=csv_safe_requested())
    note = f" ({summary.skipped} without a date or source left out)" if summary.skipped else ""
    click.echo(f"wrote {summary.events} events to {summary.path} as {fmt}{note}", err=True)
