"""Schema versions: the numbered scripts in ``migrations/`` and applying them.

The database records the last migration applied in ``PRAGMA user_version``; opening a store applies
every later migration, in order, in one transaction, so a file made by an older version is
upgraded and a new file is built the same way. ``schema.sql`` is the result of all of them.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from typing import Sequence

from thucydides.store.errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> tuple[Migration, ...]:
    """The migrations shipped with the package, numbered 1, 2, 3, … without gaps."""
    folder = resources.files("thucydides.store").joinpath("migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"store migrations are not numbered 1..{len(found)}: {versions}")
    return tuple(found)


def current_version() -> int:
    """The schema version this code writes."""
    return len(load_migrations())


def load_schema() -> str:
    """The text of ``schema.sql``: the current full schema."""
    return resources.files("thucydides.store").joinpath("schema.sql").read_text(encoding="utf-8")


def statements(script: str) -> list[str]:
    """Split an SQL script into single statements (semicolons inside strings or triggers are kept)."""
    out: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if _has_code(buffer):
                out.append(buffer.strip())
            buffer = ""
    if _has_code(buffer[:-1]):
        out.append(buffer[:-1].strip())
    return out


def _has_code(statement: str) -> bool:
    lines = (line.split("--", 1)[0].strip() for line in statement.splitlines())
    return any(line and line != ";" for line in lines)


def migrate(
    connection: sqlite3.Connection, label: str, migrations: Sequence[Migration] | None = None
) -> int:
    """Bring the database up to the last of ``migrations``; return the version it is at.

    ``connection`` must be in autocommit mode (``isolation_level=None``). All pending migrations
    run in one transaction: if one fails, the database is left as it was.
    """
    steps = tuple(migrations) if migrations is not None else load_migrations()
    latest = steps[-1].version if steps else 0
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > latest:
            raise StoreError(
                f"{label}: database schema version {version} is newer than this thucydides "
                f"knows ({latest}); upgrade thucydides to open it"
            )
        if version == 0:
            (tables,) = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if tables:
                raise StoreError(f"{label}: SQLite database with other tables, not a thucydides store")
        for step in steps:
            if step.version <= version:
                continue
            for statement in statements(step.sql):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step.version:d}")
            version = step.version
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return version
