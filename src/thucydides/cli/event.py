"""`thucydides event ID`: one merged event and every report of it, with where each came from."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from thucydides.cli.options import db_option
from thucydides.cli.query import open_existing
from thucydides.errors import InputError


@click.command("event")
@click.argument("event_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="tables on the terminal, or one JSON object (the merged event with its mentions).")
def event_command(event_id: str, db: str, fmt: str) -> None:
    """Show a merged event (an ev-… id, or the id of one of its reports) and every mention of it:
    article id, URL (or the file it was read from), publisher, date and sentence."""
    with open_existing(db) as store:
        merged = store.merged_event(event_id)
        if merged is None:
            raise InputError(f"no event {event_id!r} in {db}; `thucydides events --format json` lists their ids")
        mentions = store.mentions(merged.id)
    if fmt == "json":
        click.echo(json.dumps({**merged.to_dict(), "mentions": [m.to_dict() for m in mentions]}, ensure_ascii=False))
        return
    console = Console(soft_wrap=False)
    summary = Table(title=escape(f"Event {merged.id}"), show_header=False)
    summary.add_column("field")
    summary.add_column("value", overflow="fold")
    for field, value in (
        ("who", f"{merged.source or '-'} [{merged.source_code or '-'}] -> {merged.target or '-'} [{merged.target_code or '-'}]"),
        ("what", f"{merged.plover_type} ({merged.plover_mode or 'no mode'}), CAMEO {merged.cameo}, {merged.modality}"),
        ("when", f"{merged.date or '-'} ({merged.date_precision or 'no date'})"),
        ("where", merged.location_name or "-"),
        ("evidence", f"{merged.num_mentions} mentions in {merged.num_articles} articles from "
                     f"{merged.num_sources} sources, {merged.num_stories} stories; confidence {merged.confidence}"),
    ):
        summary.add_row(field, escape(value))
    console.print(summary)
    table = Table(title=f"{len(mentions)} mentions")
    for column in ("published", "publisher", "article", "url or file", "sentence"):
        table.add_column(column, overflow="fold")
    for m in mentions:
        cells = (m.published or "", m.publisher or "", m.article_id, m.url or m.origin or "", m.sentence)
        table.add_row(*(escape(c) for c in cells))
    console.print(table)
