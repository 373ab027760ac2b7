"""The database is documented: docs/database.md is generated from the schema, lists every table
and column that a real database has, and its example queries run on one."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from thucydides.records import Actor, Analysis, Event, Plover
from thucydides.store import Store
from thucydides.store.reference import database_reference, example_queries

from .conftest import ROOT, write

PAGE = ROOT / "docs" / "database.md"


def test_the_page_is_the_generated_one() -> None:
    assert PAGE.read_text(encoding="utf-8") == database_reference(), (
        "regenerate it: .venv/bin/python -m thucydides.store.reference > docs/database.md"
    )


def _database(tmp_path: Path) -> Path:
    arnor = Actor(text="Arnor", name="Arnor", code="ARNGOV", country="ARN", sector="GOV", span=(0, 5))
    gondor = Actor(text="Gondor", name="Gondor", code="GONMIL", country="GON", sector="MIL", span=(14, 20))
    path = tmp_path / "ref.db"
    with Store.open(path) as store:
        write(store, [
            Analysis(id=f"a{n}", title=None, date=day, url=None, source=f"Desk {n}", dateline=None, byline=None,
                     language="en", text=text, events=(Event(
                         id="e0", sentence_index=0, sentence="Arnor attacked Gondor.", span=(6, 14), source=arnor,
                         target=gondor, cameo="190", plover=Plover("ASSAULT"), quad_class=4, goldstein=-10.0,
                         modality="asserted", date=day, date_text=None, location=None, speaker=None, rule="r"),))
            for n, (day, text) in enumerate([
                ("2025-01-14", "Arnor attacked Gondor at dawn, the ministry of defence in Minas Tirith said."),
                ("2025-01-15", "Gondor's army reported an attack by Arnor near the river crossing overnight."),
                ("2025-03-02", "Weeks later, Arnor attacked Gondor again, this time in the northern hills."),
            ])
        ])
    return path


def test_every_column_of_a_real_database_is_on_the_page(tmp_path: Path) -> None:
    page = PAGE.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `(\w+)`\n(.*?)(?=^### |^## |\Z)", page, re.S | re.M))
    connection = sqlite3.connect(_database(tmp_path))
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert tables and set(tables) == set(sections)
        for table in tables:
            listed = re.findall(r"^\| `(\w+)` \|", sections[table], re.M)
            columns = [r[1] for r in connection.execute(f"PRAGMA table_info({table})")]
            assert listed == columns, table
    finally:
        connection.close()
    for word in ("merged_events", "date_precision", "day_first", "modality", "asserted"):
        assert word in page.split("## Tables")[0]


def test_the_example_queries_run(tmp_path: Path) -> None:
    connection = sqlite3.connect(_database(tmp_path))
    try:
        results = {title: connection.execute(sql).fetchall() for title, sql in example_queries()}
    finally:
        connection.close()
    assert len(results) >= 3 and all(results.values()), results
    monthly = next(rows for title, rows in results.items() if "per month" in title)
    assert monthly == [("2025-01", 1), ("2025-03", 1)]  # the two January reports merged into one event
