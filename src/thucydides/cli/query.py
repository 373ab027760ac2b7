"""`thucydides events` and `thucydides quotes`: query the database with filters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from thucydides.cli.options import LIMIT, db_option, validate_date
from thucydides.cli.render import FORMATS, csv_safe_option, render
from thucydides.errors import InputError
from thucydides.store import Filters, Store

F = TypeVar("F", bound=Callable[..., Any])

EVENT_COLUMNS = ("date", "source", "source_code", "plover_type", "cameo", "target", "target_code", "modality", "sentence")
QUOTE_COLUMNS = ("date", "speaker", "speaker_code", "cue", "content")


def filter_options(function: F) -> F:
    for option in reversed(
        [
            db_option,
            click.option("--actor", help="Actor name, mention text or code (case-insensitive substring)."),
            click.option("--country", help="ISO-3166 alpha-3 code of the source or target (speaker for quotes)."),
            click.option("--since", callback=validate_date, help="Only on or after this date (YYYY-MM-DD)."),
            click.option("--until", callback=validate_date, help="Only on or before this date (YYYY-MM-DD)."),
            click.option("--limit", type=LIMIT, help="At most this many rows."),
            click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                         help="table on the terminal, csv, or json (JSON Lines, every field)."),
            csv_safe_option,
        ]
    ):
        function = option(function)
    return function


def open_existing(db: str) -> Store:
    if not Path(db).exists():
        raise InputError(f"{db}: no such database; create it with `thucydides ingest PATH --db {db}`")
    return Store.open(db, read_only=True)


@click.command("events")
@filter_options
@click.option("--code", help="CAMEO code prefix (04 = all consultations, 042 = visits) or a PLOVER type (CONSULT).")
def events_command(db: str, actor: str | None, country: str | None, since: str | None, until: str | None,
                   limit: int | None, fmt: str, code: str | None) -> None:
    """List stored events, filtered by actor, country, code and date."""
    filters = Filters(actor=actor, country=country, code=code, since=since, until=until, limit=limit)
    with open_existing(db) as store:
        rows = [row.to_dict() for row in store.events(filters)]
    render(rows, fmt, EVENT_COLUMNS, title=f"{len(rows)} events")


@click.command("quotes")
@filter_options
@click.option("--speaker", help="Speaker name or code (case-insensitive substring); same as --actor.")
def quotes_command(db: str, actor: str | None, country: str | None, since: str | None, until: str | None,
                   limit: int | None, fmt: str, speaker: str | None) -> None:
    """List stored quotes with their speakers."""
    filters = Filters(actor=speaker or actor, country=country, since=since, until=until, limit=limit)
    with open_existing(db) as store:
        rows = [row.to_dict() for row in store.quotes(filters)]
    render(rows, fmt, QUOTE_COLUMNS, title=f"{len(rows)} quotes")
