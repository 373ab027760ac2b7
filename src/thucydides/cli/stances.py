"""`thucydides stances`: who stands where on which issue, from the database."""

from __future__ import annotations

import click

from thucydides.cli.query import filter_options, open_existing
from thucydides.cli.render import render
from thucydides.store import Filters

STANCE_COLUMNS = ("date", "holder", "holder_code", "issue", "polarity", "evidence")


@click.command("stances")
@filter_options
@click.option("--issue", help="Issue name or part of it, case-insensitive (ceasefire, sanctions, peace talks).")
@click.option("--polarity", type=click.Choice(["support", "oppose", "conditional"]),
              help="Only stances of this polarity.")
def stances_command(db: str, actor: str | None, countries: tuple[str, ...], since: str | None, until: str | None,
                    limit: int | None, fmt: str, issue: str | None, polarity: str | None) -> None:
    """List stored stances: holder, issue, support/oppose/conditional, and the words that say so."""
    filters = Filters(actor=actor, countries=countries, since=since, until=until, limit=limit, issue=issue, polarity=polarity)
    with open_existing(db) as store:
        rows = [row.to_dict() for row in store.stances(filters)]
    render(rows, fmt, STANCE_COLUMNS, title=f"{len(rows)} stances")
