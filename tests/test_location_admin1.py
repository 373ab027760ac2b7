"""The first-level division (ADM1) of an event's place, from the sentence to the database and every
export, as a user runs them (CLI in a subprocess, a real SQLite file); and a database made before
migration 0010 gets it from the analyses it keeps."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from thucydides.store import Store
from thucydides.store.exports import GDELT_COLUMNS, GDELT_EXTRA_COLUMNS

from .test_cli import thucydides

SENTENCE = "Police clashed with protesters in Springfield, Illinois, on Monday.\n"
ADDED = {
    "events": ("location_admin1", "location_admin1_name"),
    "merged_events": ("location_admin1", "location_admin1_name"),
    "places": ("admin1", "admin1_name"),
}


@pytest.fixture(scope="module")
def springfield(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("adm1")
    text = folder / "springfield.txt"
    text.write_text(SENTENCE, encoding="utf-8")
    db = folder / "springfield.db"
    done = thucydides("ingest", str(text), "--db", str(db), "--date", "2025-06-10", "--workers", "1")
    assert done.returncode == 0, done.stderr
    return db


def _clash(db: Path, table: str) -> tuple[str | None, str | None, str | None]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(
            f"SELECT location_name, location_admin1, location_admin1_name FROM {table} WHERE plover_type = 'ASSAULT'"
        ).fetchone()
    finally:
        connection.close()


def test_the_event_and_its_merged_event_keep_the_state(springfield: Path) -> None:
    assert _clash(springfield, "events") == ("Springfield", "US.IL", "Illinois")
    assert _clash(springfield, "merged_events") == ("Springfield", "US.IL", "Illinois")
    connection = sqlite3.connect(springfield)
    try:
        places = connection.execute("SELECT name, admin1, admin1_name FROM places ORDER BY idx").fetchall()
    finally:
        connection.close()
    assert places == [("Springfield", "US.IL", "Illinois"), ("Illinois", "US.IL", "Illinois")]


def _export(db: Path, fmt: str) -> str:
    done = thucydides("export", "--db", str(db), "--format", fmt, "--out", "-")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_export_carries_the_state(springfield: Path, tmp_path: Path) -> None:
    [row] = [r for r in csv.DictReader(io.StringIO(_export(springfield, "csv"))) if r["plover_type"] == "ASSAULT"]
    assert (row["location_admin1"], row["location_admin1_name"]) == ("US.IL", "Illinois")

    [record] = [json.loads(line) for line in _export(springfield, "plover-jsonl").splitlines()]
    assert record["event"] == ["ASSAULT"]
    assert (record["event_loc"]["admin1"], record["event_loc"]["province"]) == ("US.IL", "Illinois")

    columns = (*GDELT_COLUMNS, *GDELT_EXTRA_COLUMNS)
    [line] = _export(springfield, "gdelt-tsv").splitlines()
    gdelt = dict(zip(columns, line.split("\t")))
    assert gdelt["ActionGeo_ADM1Code"] == "USIL", "GDELT's ADM1 code: the FIPS country code and the state"
    assert (gdelt["ActionGeo_Type"], gdelt["ActionGeo_CountryCode"], gdelt["ActionGeo_FullName"]) == ("3", "US", "Springfield")

    out = tmp_path / "parquet"
    assert thucydides("export", "--db", str(springfield), "--format", "parquet", "--out", str(out)).returncode == 0
    [parquet] = ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pylist()
    assert (parquet["location_admin1"], parquet["location_admin1_name"]) == ("US.IL", "Illinois")


def test_the_merged_event_json_and_the_python_api_carry_the_state(springfield: Path) -> None:
    with Store.open(springfield, read_only=True) as store:
        [merged] = store.merged_events()
    assert (merged.location_admin1, merged.location_admin1_name) == ("US.IL", "Illinois")
    shown = thucydides("event", merged.id, "--db", str(springfield), "--format", "json")
    assert shown.returncode == 0, shown.stderr
    event = json.loads(shown.stdout)
    assert (event["location_admin1"], event["location_admin1_name"]) == ("US.IL", "Illinois")


def test_a_database_made_before_0010_gets_the_state_from_its_analyses(springfield: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    source = sqlite3.connect(springfield)
    source.execute(f"VACUUM INTO '{old}'")
    source.close()
    connection = sqlite3.connect(old)
    for table, columns in ADDED.items():  # the database as version 9 left it
        for column in columns:
            connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    connection.execute("PRAGMA user_version = 9")
    connection.commit()
    connection.close()

    listed = thucydides("events", "--db", str(old), "--format", "json")  # opening it upgrades it
    assert listed.returncode == 0, listed.stderr
    assert _clash(old, "events") == ("Springfield", "US.IL", "Illinois")
    assert _clash(old, "merged_events") == ("Springfield", "US.IL", "Illinois")
    [line] = _export(old, "gdelt-tsv").splitlines()
    assert dict(zip(GDELT_COLUMNS, line.split("\t")))["ActionGeo_ADM1Code"] == "USIL"
