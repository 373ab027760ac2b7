"""`thucydides stats`: what the database holds, events by type and the top dyads."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape

from thucydides.cli.options import db_option
from thucydides.cli.query import open_existing
from thucydides.cli.render import pairs_table, terminal_text
from thucydides.store import Stats


@click.command("stats")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="tables on the terminal, or one JSON object.")
def stats_command(db: str, fmt: str) -> None:
    """Counts of articles analysed and documents rejected (apart), events and merged events (by
    modality), quotes; events by type; the top dyads of events that happened."""
    with open_existing(db) as store:
        stats = store.stats()
    if fmt == "json":
        click.echo(json.dumps(stats.to_dict()))
        return
    print_stats(stats, db)


def print_stats(stats: Stats, db: str) -> None:
    console = Console()
    console.print(
        pairs_table(
            f"Database {db}",
            ["articles", "rejected", "events", "merged events", "quotes", "actor mentions"],
            [[stats.articles, stats.rejections, stats.events, stats.merged_events, stats.quotes, stats.actor_mentions]],
        )
    )
    if stats.merged_by_modality:
        console.print(pairs_table("Merged events by modality", ["modality", "events"], stats.merged_by_modality))
    if stats.events_by_plover:
        rows = [(t, n, stats.asserted(t)) for t, n in stats.events_by_plover]
        console.print(pairs_table("Events by PLOVER type", ["type", "events", "of which asserted"], rows))
    if stats.top_dyads:
        console.print(pairs_table("Top dyads (asserted merged events)", ["source", "target", "events"], stats.top_dyads))
    if stats.rejections_by_reason:
        console.print(pairs_table("Rejections", ["reason", "documents"], stats.rejections_by_reason))
    db = escape(terminal_text(db))  # a path is shown as written, never read as markup
    console.print(
        f"Query them: [bold]thucydides events --db {db} --country RUS[/bold], "
        f"[bold]thucydides events --db {db} --code CONSULT --format csv[/bold], "
        f"[bold]thucydides quotes --db {db}[/bold]"
    )
