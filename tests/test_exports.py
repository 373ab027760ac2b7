"""Exports round-trip: Parquet read back with pyarrow and DuckDB equals the database rows, every
PLOVER record has the required fields, the GDELT TSV has its 61 columns; and the CLI commands."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from thucydides.records import Actor, Analysis, Event, Place, Plover
from thucydides.store import Store
from thucydides.store.exports import COLUMNS, GDELT_COLUMNS, GDELT_EXTRA_COLUMNS, PLOVER_REQUIRED, export

from .conftest import write

from .test_cli import thucydides

ARNOR = Actor(text="Arnor", name="Arnor", code="ARNGOV", country="ARN", sector="GOV", span=(0, 5))
GONDOR = Actor(text="Gondor", name="Gondor", code="GONMIL", country="GON", sector="MIL", span=(10, 16))
BREE = Place(text="Bree", name="Bree", country="FRA", lat=48.85, lon=2.35, geonameid=2988507, feature="city", span=(0, 4))


def event(n: int, plover: str, cameo: str, goldstein: float, quad: int, *, date: str | None = None,
          source: Actor | None = ARNOR, location: Place | None = None, modality: str = "asserted") -> Event:
    return Event(
        id=f"e{n}", sentence_index=n, sentence=f"Arnor and Gondor, sentence {n}.", span=(0, 5), source=source,
        target=GONDOR, cameo=cameo, plover=Plover(plover, "visit" if cameo == "042" else None), quad_class=quad,
        goldstein=goldstein, modality=modality, date=date, date_text=None, location=location,  # type: ignore[arg-type]
        speaker=None, rule="test",
    )


def article(id: str, date: str | None, *events: Event, text: str) -> Analysis:
    return Analysis(
        id=id, title=id, date=date, url=f"https://news.example/{id}", source=f"Desk {id}", dateline=None,
        byline=None, language="en", events=events, text=text,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "export.db"
    with Store.open(path) as store:
        write(store, [
            article("a1", "2024-05-06", event(0, "CONSULT", "042", 1.9, 1, location=BREE), event(1, "ASSAULT", "190", -10.0, 4),
                    text="Arnor's envoy visited Gondor. It was a wonderful, friendly and happy visit."),
            article("a2", "2024-05-07", event(0, "CONSULT", "042", 1.9, 1),
                    text="Talks in Gondor went well, the envoy said, praising the warm welcome."),
            article("a3", "2024-06-20", event(0, "THREATEN", "130", -4.4, 3, modality="future"),
                    event(1, "ACCUSE", "112", -2.0, 3, source=None), text="Gondor threatened Arnor. Terrible, awful day."),
            article("a4", None, event(0, "REJECT", "120", -4.0, 3), text="Arnor rejected the plan of Gondor."),
        ])
    return path


def same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b)
    return a == b


def test_parquet_round_trips_with_pyarrow_and_duckdb(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    with Store.open(db) as store:
        events = store.merged_events()
    export(events, "parquet", out)
    assert {p.name for p in out.iterdir()} == {"day=2024-05-06", "day=2024-06-20", "day=__HIVE_DEFAULT_PARTITION__"}
    table = ds.dataset(out, format="parquet",
                       partitioning=ds.partitioning(pa.schema([("day", pa.string())]), flavor="hive")).to_table()
    back = sorted(table.to_pylist(), key=lambda r: r["id"])
    rows = sorted((e.to_dict() for e in events), key=lambda r: r["id"])
    assert len(back) == len(rows) == 5
    for got, want in zip(back, rows):
        assert set(got) == set(COLUMNS)
        assert all(same(got[c], want[c]) for c in COLUMNS), (got, want)
    counts = duckdb.sql(
        f"SELECT day, sum(num_mentions) FROM read_parquet('{out}/*/*.parquet', hive_partitioning = true)"
        " GROUP BY day ORDER BY day"
    ).fetchall()
    # DuckDB shows the Hive null partition by its name; pyarrow (and Spark) read it as null.
    assert [(str(d), n) for d, n in counts] == [("2024-05-06", 3), ("2024-06-20", 2), ("__HIVE_DEFAULT_PARTITION__", 1)]


def test_every_plover_record_has_the_required_fields(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    with Store.open(db) as store:
        summary = export(store.merged_events(), "plover-jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.events == len(records) == 3 and summary.skipped == 2  # no date (a4), no source (a3 e1)
    for record in records:
        assert all(record.get(field) not in (None, [], "") for field in PLOVER_REQUIRED)
        assert len(record["date"]) == 10 and record["source"][0]["code"] == "ARN"
    visit = next(r for r in records if r["event"] == ["CONSULT"])
    assert visit["mode"] == ["visit"] and visit["num_articles"] == 2 and visit["event_loc"]["country_code"] == "FR"
    assert visit["intensity"] == 1.9 and visit["quad_code"] == 1
    threat = next(r for r in records if r["event"] == ["THREATEN"])
    assert threat["context"] == ["future"] and threat["recipient"][0] == {
        "code": "GON", "sector": "MIL", "actor_text": "Gondor", "cameo_code": "GONMIL"}


def test_gdelt_tsv_has_the_61_columns_in_order_then_modality_and_precision(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    with Store.open(db) as store:
        export(store.merged_events(), "gdelt-tsv", out)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    columns = (*GDELT_COLUMNS, *GDELT_EXTRA_COLUMNS)
    assert len(GDELT_COLUMNS) == 61 and all(len(r) == 63 for r in rows) and len(rows) == 5
    visit = dict(zip(columns, next(r for r in rows if r[GDELT_COLUMNS.index("EventCode")] == "042")))
    assert (visit["Modality"], visit["DatePrecision"]) == ("asserted", "day")
    threat = dict(zip(columns, next(r for r in rows if r[GDELT_COLUMNS.index("EventCode")] == "130")))
    assert threat["Modality"] == "future"
    assert visit["SQLDATE"] == "20240506" and visit["Actor1Code"] == "ARNGOV" and visit["Actor2Type1Code"] == "MIL"
    assert visit["NumMentions"] == "2" and visit["NumSources"] == "2" and visit["EventRootCode"] == "04"
    assert visit["ActionGeo_CountryCode"] == "FR" and visit["ActionGeo_FeatureID"] == "2988507"
    assert visit["SOURCEURL"] == "https://news.example/a1" and visit["DATEADDED"] == "20240506000000"


def test_cli_export_dyads_stories_and_events_json(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = thucydides("export", "--db", str(db), "--format", "csv", "--out", str(out), "--modality", "all")
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 5
    again = thucydides("export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "p"))
    assert again.returncode == 0, again.stderr
    clash = thucydides("export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "p"))
    assert clash.returncode != 0 and "Traceback" not in clash.stderr and "already exists" in clash.stderr

    dyads = thucydides("dyads", "--db", str(db), "--by", "month", "--format", "json")
    assert dyads.returncode == 0, dyads.stderr
    rows = [json.loads(line) for line in dyads.stdout.splitlines()]
    may = next(r for r in rows if r["period"] == "2024-05")
    assert (may["source"], may["target"], may["events"]) == ("ARN", "GON", 2)
    assert (may["verbal_cooperation"], may["material_conflict"], may["goldstein_sum"], may["goldstein_mean"]) == (1, 1, -8.1, -4.05)
    weeks = thucydides("dyads", "--db", str(db), "--by", "week", "--format", "json", "--modality", "all")
    assert {json.loads(line)["period"] for line in weeks.stdout.splitlines()} == {"2024-W19", "2024-W25"}
    happened = thucydides("dyads", "--db", str(db), "--by", "week", "--format", "json")  # the W25 threat is future
    assert {json.loads(line)["period"] for line in happened.stdout.splitlines()} == {"2024-W19"}
    assert "1 more event of other modalities left out" in happened.stderr

    stories = thucydides("stories", "--db", str(db), "--format", "json")
    objects = [json.loads(line) for line in stories.stdout.splitlines()]
    assert len(objects) == 4 and all({"id", "articles", "sources", "first_date"} <= set(o) for o in objects)
    table = thucydides("stories", "--db", str(db))
    assert table.returncode == 0 and "stories" in table.stdout

    events = thucydides("events", "--db", str(db), "--format", "json")
    visits = [json.loads(line) for line in events.stdout.splitlines() if '"042"' in line]
    assert [(v["num_mentions"], v["num_articles"], v["num_sources"]) for v in visits] == [(2, 2, 2)] * 2
