"""Printing rows as a table (rich), CSV or JSON Lines.

Table cells come from articles, so they are shown as plain text: rich markup in them (``[/]``,
``[link=…]``) is printed, not interpreted, and control characters (ESC sequences that set a
window title or clear the screen, BEL, C1 controls, bidirectional overrides) are removed.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from thucydides.spreadsheets import safe_row

if TYPE_CHECKING:  # rich is imported where a table is drawn: `analyze` prints JSON and never needs it
    from rich.table import Table
    from rich.text import Text

FORMATS = ("table", "csv", "json")

F = TypeVar("F", bound=Callable[..., Any])

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab and newline, DEL, C1 controls, and bidirectional embeddings and isolates."""


def terminal_text(value: object) -> str:
    """A value as text that is safe to print on a terminal: control characters removed."""
    return _CONTROL.sub("", "" if value is None else str(value))


def cell(value: object) -> Text:
    """A table cell that rich prints as it is: no markup, no control characters."""
    from rich.text import Text

    return Text(terminal_text(value))


def _remember_csv_safe(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    ctx.meta["thucydides.csv_safe"] = value
    return value


def csv_safe_option(function: F) -> F:
    """``--csv-safe``: the command's CSV output marks cells that a spreadsheet would run as formulas."""
    return click.option(
        "--csv-safe", is_flag=True, expose_value=False, callback=_remember_csv_safe,
        help="In CSV output, prefix cells starting with = + - @ with ' so spreadsheets show them as text.",
    )(function)


def csv_safe_requested() -> bool:
    """Whether the running command was given ``--csv-safe``."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get("thucydides.csv_safe"))


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str], title: str | None = None) -> None:
    """Rows as a table (the given columns), CSV (every field) or JSON Lines (every field)."""
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        safe = csv_safe_requested()
        writer.writerows(safe_row(row) if safe else row for row in rows)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(title=Text(terminal_text(title)) if title else None, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(cell(row.get(c)) for c in columns))
        Console(soft_wrap=False).print(table)


def pairs_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(terminal_text(title)))
    for column in header:
        table.add_column(column)
    for row in rows:
        table.add_row(*(cell(v) for v in row))
    return table
