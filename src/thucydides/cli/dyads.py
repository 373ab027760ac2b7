"""`thucydides dyads`: events per country dyad and period, by quad class, with Goldstein sums."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import click

from thucydides.cli.filters import build_filters, event_filter_options, hidden_note
from thucydides.cli.options import db_option
from thucydides.cli.query import note, open_existing
from thucydides.cli.render import FORMATS, csv_safe_option, render
from thucydides.dates import PERIODS
from thucydides.scores.counts import count_events
from thucydides.scores.dyads import dyads_of

COLUMNS = (
    "period", "source", "target", "events", "verbal_cooperation", "material_cooperation",
    "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean",
)


@click.command("dyads")
@db_option
@click.option("--by", type=click.Choice(PERIODS), default="day", show_default=True,
              help="Period to count by: day, ISO week, month or year. An event counts only in a period "
              "that holds its whole date.")
@event_filter_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table on the terminal, csv, or json (JSON Lines).")
@csv_safe_option
def dyads_command(db: str, by: str, fmt: str, **filters: Any) -> None:
    """Merged events per source and target country and period: counts by quad class, Goldstein sum and mean."""
    chosen = build_filters(**filters)
    with open_existing(db) as store:
        events = store.merged_events(chosen)
        everything = store.count_merged_events(replace(chosen, modalities=None))
    table = count_events(events, "dyad", by, quad_class=True)  # type: ignore[arg-type]
    rows = [d.to_dict() for d in dyads_of(table)]
    render(rows, fmt, COLUMNS, title=f"{len(rows)} dyad-{by}s")
    note(table.left_out())
    note(hidden_note(len(events), everything))
