"""`thucydides events` and `thucydides quotes`: query the database with filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from thucydides.cli.filters import ACTOR_HELP, build_filters, event_filter_options, hidden_note, validate_countries
from thucydides.cli.options import LIMIT, db_option, validate_date
from thucydides.cli.render import FORMATS, csv_safe_option, render
from thucydides.errors import InputError
from thucydides.store import Filters, Store

F = TypeVar("F", bound=Callable[..., Any])

EVENT_COLUMNS = (
    "date", "source", "source_code", "plover_type", "cameo", "target", "target_code", "modality", "sentence",
)
QUOTE_COLUMNS = ("date", "speaker", "speaker_code", "cue", "content")

LIMIT_OPTION = click.option("--limit", type=LIMIT, help="At most this many rows.")
FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="table on the terminal, csv, or json (JSON Lines, every field).",
)


def filter_options(function: F) -> F:
    """The options of the commands that list quotes and stances."""
    for option in reversed(
        [
            db_option,
            click.option("--actor", help=f"The speaker (for stances, the holder) is this actor: {ACTOR_HELP}."),
            click.option("--country", "countries", multiple=True, callback=validate_countries,
                         help="ISO-3166 alpha-3 code of the speaker (holder); repeatable."),
            click.option("--since", callback=validate_date, help="Only from articles dated on or after this day (YYYY-MM-DD)."),
            click.option("--until", callback=validate_date, help="Only from articles dated on or before this day (YYYY-MM-DD)."),
            LIMIT_OPTION,
            FORMAT_OPTION,
            csv_safe_option,
        ]
    ):
        function = option(function)
    return function


def open_existing(db: str) -> Store:
    if not Path(db).exists():
        raise InputError(f"{db}: no such database; create it with `thucydides ingest PATH --db {db}`")
    return Store.open(db, read_only=True)


def note(line: str | None) -> None:
    """A remark for the user on stderr, so that csv and json on stdout stay clean."""
    if line:
        click.echo(line, err=True)


@click.command("events")
@db_option
@event_filter_options
@LIMIT_OPTION
@FORMAT_OPTION
@csv_safe_option
def events_command(db: str, limit: int | None, fmt: str, **filters: Any) -> None:
    """List stored events (every report of every event), filtered by actor, dyad, country, code,
    modality and date. By default only asserted events: what happened as told. JSON has the
    nested event shape of `analyze` (see `thucydides schema event`); csv is flat."""
    chosen = build_filters(limit=limit, **filters)
    with open_existing(db) as store:
        # JSON has the nested shape analyze prints; csv and the table are flat rows.
        found = store.stored_events(chosen) if fmt == "json" else store.events(chosen)
        rows = [row.to_dict() for row in found]
        everything = store.count_events(replace(chosen, modalities=None, limit=None))
        shown = store.count_events(replace(chosen, limit=None))
    render(rows, fmt, EVENT_COLUMNS, title=f"{len(rows)} events")
    note(hidden_note(shown, everything))


@click.command("quotes")
@filter_options
@click.option("--speaker", help="The speaker is this actor, as for --actor.")
def quotes_command(db: str, actor: str | None, countries: tuple[str, ...], since: str | None, until: str | None,
                   limit: int | None, fmt: str, speaker: str | None) -> None:
    """List stored quotes with their speakers."""
    filters = Filters(actor=speaker or actor, countries=countries, since=since, until=until, limit=limit)
    with open_existing(db) as store:
        rows = [row.to_dict() for row in store.quotes(filters)]
    render(rows, fmt, QUOTE_COLUMNS, title=f"{len(rows)} quotes")
