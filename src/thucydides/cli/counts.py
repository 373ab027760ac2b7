"""`thucydides counts`: events per country, dyad or type and per day, week, month or year."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import click

from thucydides.cli.filters import build_filters, event_filter_options, hidden_note
from thucydides.cli.options import db_option
from thucydides.cli.query import note, open_existing
from thucydides.cli.render import FORMATS, csv_safe_option, render
from thucydides.dates import PERIODS
from thucydides.scores.counts import BY, count_events


@click.command("counts")
@db_option
@click.option("--by", type=click.Choice(BY), default="country", show_default=True,
              help="Group by country (source or target: an event counts for each), dyad (source, target) "
              "or type (PLOVER type).")
@click.option("--per", type=click.Choice(PERIODS), default="month", show_default=True,
              help="Period: day, ISO week (2024-W19), month (2024-05) or year. An event counts only in a "
              "period that holds its whole date; the others are left out and counted on stderr.")
@click.option("--quad-class", is_flag=True,
              help="Add the count in each quad class (verbal and material cooperation, verbal and material conflict).")
@event_filter_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table on the terminal, csv, or json (JSON Lines).")
@csv_safe_option
def counts_command(db: str, by: str, per: str, quad_class: bool, fmt: str, **filters: Any) -> None:
    """Merged events (one per real-world event) per country, dyad or PLOVER type and per period:
    the time series to start from. By default only asserted events count."""
    chosen = build_filters(**filters)
    with open_existing(db) as store:
        events = store.merged_events(chosen)
        everything = store.count_merged_events(replace(chosen, modalities=None))
    table = count_events(events, by, per, quad_class=quad_class)  # type: ignore[arg-type]
    what = "any modality" if chosen.modalities is None else ", ".join(chosen.modalities)
    render(table.to_dicts(), fmt, table.columns, title=f"Events per {by} and {per} ({what})")
    note(table.left_out())
    note(hidden_note(len(events), everything))
