"""`thucydides stories`: near-duplicate clusters of articles, with their sources and first date."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from thucydides.cli.options import LIMIT, db_option
from thucydides.cli.query import open_existing
from thucydides.cli.render import cell


@click.command("stories")
@db_option
@click.option("--min-size", type=LIMIT, default=1, show_default=True,
              help="Only stories with at least this many articles.")
@click.option("--limit", type=LIMIT, help="At most this many stories.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table on the terminal, or json (JSON Lines: one object per story).")
def stories_command(db: str, min_size: int, limit: int | None, fmt: str) -> None:
    """List stories: articles that are copies or rewrites of one another, largest first."""
    with open_existing(db) as store:
        stories = store.stories(min_size=min_size, limit=limit)
    if fmt == "json":
        for story in stories:
            sys.stdout.write(json.dumps(story.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(stories)} stories")
    for column in ("story", "articles", "first date", "sources", "title"):
        table.add_column(column, overflow="fold")
    for story in stories:
        table.add_row(cell(story.id), cell(story.size), cell(story.first_date), cell(", ".join(story.sources)), cell(story.title))
    Console(soft_wrap=False).print(table)
