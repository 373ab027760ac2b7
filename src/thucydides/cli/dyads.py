"""`thucydides dyads`: events per country dyad and period, by quad class, with Goldstein sums."""

from __future__ import annotations

import click

from thucydides.cli.options import db_option, validate_date
from thucydides.cli.query import open_existing
from thucydides.cli.render import FORMATS, csv_safe_option, render
from thucydides.scores.dyads import PERIODS, count_dyads

COLUMNS = (
    "period", "source", "target", "events", "verbal_cooperation", "material_cooperation",
    "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean",
)


@click.command("dyads")
@db_option
@click.option("--by", type=click.Choice(PERIODS), default="day", show_default=True,
              help="Period to count by: day, ISO week or month.")
@click.option("--since", callback=validate_date, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=validate_date, help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table on the terminal, csv, or json (JSON Lines).")
@csv_safe_option
def dyads_command(db: str, by: str, since: str | None, until: str | None, fmt: str) -> None:
    """Merged events per source and target country and period: counts by quad class, Goldstein sum and mean."""
    with open_existing(db) as store:
        events = store.merged_events(since=since, until=until)
    rows = [d.to_dict() for d in count_dyads(events, by)]
    render(rows, fmt, COLUMNS, title=f"{len(rows)} dyad-{by}s")
