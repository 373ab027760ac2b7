"""`thucydides crossdoc`: run the cross-document stage (stories, merged events, tone) on a database."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from thucydides import crossdoc
from thucydides.cli.options import db_option
from thucydides.cli.render import pairs_table
from thucydides.errors import InputError
from thucydides.store import Store


@click.command("crossdoc")
@db_option
@click.option("--rebuild", is_flag=True, help="Derive every story, merged event and tone again from the stored articles.")
def crossdoc_command(db: str, rebuild: bool) -> None:
    """Derive stories, merged events and tone from the stored articles.

    `ingest` and `watch` do this after every batch; run it to finish the work an ingest that was
    stopped left pending, or with --rebuild to derive everything again (it gives the same result).
    """
    if not Path(db).exists():
        raise InputError(f"{db}: no such database; create it with `thucydides ingest PATH --db {db}`")
    with Store.open(db) as store:
        summary = crossdoc.rebuild(store) if rebuild else crossdoc.update(store)
        stats = store.stats()
        stories = len(store.stories())
    Console().print(
        pairs_table(
            f"Cross-document stage on {db}",
            ["articles derived", "merged events written", "stories", "merged events"],
            [[summary.articles, summary.merged_events, stories, stats.merged_events]],
        )
    )
