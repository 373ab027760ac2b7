"""One mapping between records and rows, generated from the records' fields.

Writing: :func:`flatten` turns a record into columns by name. A nested record's fields are joined
to its field's name with ``_`` (an event's ``source.code`` is ``source_code``, its
``location.admin1`` is ``location_admin1``), a span is ``_start`` and ``_end``, a tuple of words
is joined with ``|``, a bool is 0 or 1, and a nested record that is absent gives each of its
columns as NULL. :func:`row` keeps the columns a table has (read from ``schema.sql``) and
:func:`insert` writes rows by column name. So a field is stored by adding it to its record and
its column to a migration; nothing else names it.

Reading: a :class:`Select` selects each field of a result record under the field's own name
(``alias.field`` unless it names another expression) and reads rows by name
(:class:`sqlite3.Row`), giving a bool field a bool.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import NoneType, UnionType
from typing import Any, Generic, TypeVar

from thucydides.store.schema import load_schema

R = TypeVar("R")

RENAMED: dict[str, dict[str, str]] = {
    "quotes": {
        "speaker_span_start": "speaker_start", "speaker_span_end": "speaker_end",
        "cue_span_start": "cue_start", "cue_span_end": "cue_end",
    },
    "stances": {"evidence_span_start": "span_start", "evidence_span_end": "span_end"},
}
"""Columns named otherwise than their field's path, by table (names older than this mapping)."""


@cache
def _schema_columns() -> dict[str, tuple[str, ...]]:
    """Every table of the current schema and its columns, in order (``schema.sql`` run once, in memory)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(load_schema())
        tables = [str(r[0]) for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: tuple(str(r[1]) for r in connection.execute(f"PRAGMA table_info({t})")) for t in tables}
    finally:
        connection.close()


def table_columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` in the current schema, in order."""
    found = _schema_columns().get(table)
    if found is None:
        raise LookupError(f"no table {table!r} in schema.sql")
    return found


@cache
def _hints(record: type) -> dict[str, Any]:
    return typing.get_type_hints(record)


def _options(hint: Any) -> tuple[Any, ...]:
    """The types a hint allows, ``None`` left out (``Actor | None`` -> ``(Actor,)``)."""
    if typing.get_origin(hint) in (typing.Union, UnionType):
        return tuple(a for a in typing.get_args(hint) if a is not NoneType)
    return (hint,)


def _nested(hint: Any) -> type | None:
    for option in _options(hint):
        if isinstance(option, type) and dataclasses.is_dataclass(option):
            return option
    return None


def _is_span(hint: Any) -> bool:
    return any(typing.get_origin(o) is tuple and typing.get_args(o) == (int, int) for o in _options(hint))


def _is_bool(hint: Any) -> bool:
    return bool in _options(hint)


@cache
def _plan(record: type) -> tuple[tuple[str, type | None, bool], ...]:
    """Each field of ``record`` with its nested record type and whether it is a span: read from
    the type hints once per record type, not once per record."""
    hints = _hints(record)
    return tuple((f.name, _nested(hints[f.name]), _is_span(hints[f.name])) for f in dataclasses.fields(record))


def flatten(record: Any, record_type: type | None = None, prefix: str = "") -> dict[str, Any]:
    """The columns of ``record`` by name (see the module's docstring); ``record`` may be None
    when ``record_type`` says what it would be (every column NULL)."""
    out: dict[str, Any] = {}
    for field_name, nested, is_span in _plan(record_type or type(record)):
        name = prefix + field_name
        value = None if record is None else getattr(record, field_name)
        if nested is not None:
            out.update(flatten(value, nested, name + "_"))
        elif is_span:
            out[name + "_start"], out[name + "_end"] = (None, None) if value is None else value
        elif isinstance(value, bool):
            out[name] = int(value)
        elif isinstance(value, tuple):
            out[name] = "|".join(str(v) for v in value)
        else:
            out[name] = value
    return out


@cache
def _column_set(table: str) -> frozenset[str]:
    return frozenset(table_columns(table))


def row(table: str, record: Any = None, **values: Any) -> dict[str, Any]:
    """The row ``table`` keeps of ``record``: its flattened columns that the table has, and
    ``values`` (columns that are not the record's: its article, its position…)."""
    columns = _column_set(table)
    unknown = sorted(set(values) - columns)
    if unknown:  # a mistake in the code, not in the document: never a per-document rejection
        raise LookupError(f"table {table} has no column {', '.join(unknown)}")
    renamed = RENAMED.get(table, {})
    out = {} if record is None else {renamed.get(k, k): v for k, v in flatten(record).items()}
    out = {k: v for k, v in out.items() if k in columns}
    out.update(values)
    return out


def insert_sql(table: str, columns: Iterable[str], *, replace: bool = False) -> str:
    """``INSERT INTO table (a, b) VALUES (:a, :b)`` for these columns, in the table's order."""
    wanted = set(columns)
    names = [c for c in table_columns(table) if c in wanted]
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    return f"{verb} INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"


def insert(db: sqlite3.Connection, table: str, rows: Iterable[Mapping[str, Any]], *, replace: bool = False) -> None:
    """Write ``rows`` (column -> value, the same columns in each) into ``table``."""
    batch = list(rows)
    if batch:
        db.executemany(insert_sql(table, batch[0], replace=replace), batch)


def positional(
    table: str, rows: Sequence[Mapping[str, Any]], *, last: str | None = None
) -> tuple[str, tuple[tuple[Any, ...], ...]]:
    """``rows`` (column -> value, the same columns in each, at least one) as one ``INSERT``
    statement with positional parameters and each row's values in its order: what :func:`insert`
    writes, in a form that is cheap to send to another process. ``last``: a column the rows do
    not hold, put last in the statement, for the writer to add its value."""
    names = [c for c in table_columns(table) if c in rows[0] and c != last]
    placed = [*names, last] if last is not None else names
    sql = f"INSERT INTO {table} ({', '.join(placed)}) VALUES ({', '.join('?' * len(placed))})"
    return sql, tuple(tuple(r[n] for n in names) for r in rows)


def fetch(db: sqlite3.Connection, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Iterator[sqlite3.Row]:
    """The rows of a query, each read by column name; the connection's own rows stay tuples."""
    cursor = db.cursor()
    cursor.row_factory = sqlite3.Row
    return iter(cursor.execute(sql, params).fetchall())


@dataclass(frozen=True)
class Select(Generic[R]):
    """How the rows of a query become records of one type: each field selected under its own name.

    ``source``: the ``FROM`` clause and its joins; ``alias``: the table a field comes from when
    ``exprs`` does not name its expression; ``given``: fields the caller computes when reading
    (see :meth:`read`); ``extra``: further columns selected by name for the caller to read.
    """

    record: type[R]
    source: str
    alias: str
    exprs: Mapping[str, str] = field(default_factory=dict)
    given: frozenset[str] = frozenset()
    extra: Mapping[str, str] = field(default_factory=dict)

    def columns(self) -> str:
        chosen = [
            (f.name, self.exprs.get(f.name, f"{self.alias}.{f.name}"))
            for f in dataclasses.fields(self.record)  # type: ignore[arg-type]
            if f.name not in self.given
        ]
        chosen += list(self.extra.items())
        return ",\n       ".join(f'{expr} AS "{name}"' for name, expr in chosen)

    def sql(self) -> str:
        """``SELECT … FROM …`` followed by a newline: add ``WHERE`` and ``ORDER BY``."""
        return f"SELECT {self.columns()}\n{self.source.strip()}\n"

    def read(self, found: sqlite3.Row, **given: Any) -> R:
        """The record of one row; ``given`` holds the fields the query does not select."""
        hints = _hints(self.record)
        values = dict(given)
        for item in dataclasses.fields(self.record):  # type: ignore[arg-type]
            if item.name in values:
                continue
            value = found[item.name]
            values[item.name] = bool(value) if value is not None and _is_bool(hints[item.name]) else value
        return self.record(**values)

    def all(self, db: sqlite3.Connection, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[R]:
        """Every row of ``sql`` (which starts with :meth:`sql`) as a record."""
        if self.given:
            raise LookupError(f"{self.record.__name__} has fields the caller gives: read its rows one by one")
        return [self.read(r) for r in fetch(db, sql, params)]
