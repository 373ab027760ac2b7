"""The Python API a notebook uses, in-process: thucydides.analyze on a text, thucydides.open on a
real SQLite file, records and typed DataFrames; and the README's example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import thucydides
from thucydides.records import Actor, Analysis, Event, Plover
from thucydides.store import Store

from .conftest import ROOT, write

ARNOR = Actor(text="Arnor", name="Arnor", code="ARNGOV", country="ARN", sector="GOV", span=(0, 5))
GONDOR = Actor(text="Gondor", name="Gondor", code="GON", country="GON", sector=None, span=(10, 16))
ROHAN = Actor(text="Rohan", name="Rohan", code="ROHMIL", country="ROH", sector="MIL", span=(20, 25))


def event(n: int, source: Actor, target: Actor, cameo: str, plover: str, date: str, modality: str = "asserted") -> Event:
    return Event(
        id=f"e{n}", sentence_index=n, sentence=f"{source.name} and {target.name} {n}.", span=(0, 5), source=source,
        target=target, cameo=cameo, plover=Plover(plover), quad_class=1 if cameo < "09" else 4,
        goldstein=1.0 if cameo < "09" else -10.0, modality=modality, date=date, date_text="then",  # type: ignore[arg-type]
        location=None, speaker=None, rule="test",
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "api.db"
    with Store.open(path) as store:
        write(store, [
            Analysis(id="a1", title=None, date="2024-05-06", url=None, source=None, dateline=None, byline=None,
                     language="en", text="one", events=(
                         event(0, ARNOR, GONDOR, "040", "CONSULT", "2024-05-06"),
                         event(1, ROHAN, GONDOR, "190", "ASSAULT", "2024-W19"),
                         event(2, GONDOR, ARNOR, "040", "CONSULT", "2024-06", modality="future"))),
            Analysis(id="a2", title=None, date="2024-07-01", url=None, source=None, dateline=None, byline=None,
                     language="en", text="two", events=(event(0, ARNOR, ROHAN, "020", "REQUEST", "2024"),)),
        ])
    return path


def test_analyze_a_text_in_process() -> None:
    analysis = thucydides.analyze("Japan imposed sanctions on North Korea on Tuesday.", date="2025-03-05")
    assert isinstance(analysis, thucydides.Analysis)
    [sanction] = [e for e in analysis.events if e.plover.type == "SANCTION"]
    assert (sanction.source.country, sanction.target.country, sanction.date) == ("JPN", "PRK", "2025-03-04")  # type: ignore[union-attr]
    with pytest.raises(thucydides.InputError, match="not a day of the calendar"):
        thucydides.analyze("Arnor met Gondor.", date="2025-02-30")


def test_open_queries_records_with_the_command_line_filters(db: Path) -> None:
    with pytest.raises(thucydides.InputError, match="no such database"):
        thucydides.open(db.parent / "missing.db")
    with thucydides.open(db) as database:
        happened = database.events()
        assert {e.modality for e in happened} == {"asserted"} and len(happened) == 3
        assert len(database.events(modality="all")) == 4
        assert sorted(e.target.code for e in database.events(source="ARN")) == ["GON", "ROHMIL"]  # type: ignore[union-attr]
        assert len(database.events(dyad=("GON", "ARN"), modality="all")) == 2
        assert len(database.events(country=["ROH"])) == 2
        assert [m.date for m in database.merged_events(modality=["future"])] == ["2024-06"]
        counts = database.counts(by="country", per="month")
        assert {(r["period"], r["country"]): r["events"] for r in counts} == {
            ("2024-05", "ARN"): 1, ("2024-05", "GON"): 2, ("2024-05", "ROH"): 1}
        assert counts.left_out() == "left out: 1 dated less precisely than a month (not counted in any row)"
        with pytest.raises(thucydides.InputError):
            database.events(modality="rumoured")


def test_dataframes_keep_types(db: Path) -> None:
    with thucydides.open(db) as database:
        frame = database.events(modality="all").to_pandas()
        merged = database.merged_events(modality="all").to_pandas()
        monthly = database.counts(by="dyad", per="year", quad_class=True).to_pandas()
    assert set(frame["cameo"]) == {"040", "190", "020"} and str(frame["cameo"].dtype) == "string"
    assert pd.api.types.is_datetime64_any_dtype(frame["day"]) and pd.api.types.is_datetime64_any_dtype(frame["day_last"])
    week = frame[frame["date"] == "2024-W19"].iloc[0]
    assert (week["day"], week["day_last"], week["date_precision"]) == (
        pd.Timestamp("2024-05-06"), pd.Timestamp("2024-05-12"), "week")
    assert isinstance(frame["modality"].dtype, pd.CategoricalDtype)
    assert list(frame["modality"].cat.categories) == list(thucydides.notebook.CATEGORIES["modality"])
    assert list(frame["quad_class"].cat.categories) == [1, 2, 3, 4]
    assert len(merged) == 4 and str(merged["cameo"].dtype) == "string"
    assert list(monthly.columns)[:4] == ["period", "source", "target", "events"]
    with thucydides.open(db) as database:
        empty = database.events(country="XYZ").to_pandas()
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns), "no rows, the same columns"


def test_the_readme_example_runs(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The Python API (notebooks)", 1)[1].split("\n`thucydides.analyze(", 1)[0]
    code = "\n".join(line[4:] for line in section.splitlines() if line.startswith("    ") or not line.strip())
    assert "thucydides.open(" in code
    exec(compile(code.replace('"demo.db"', repr(str(db))), "README.md", "exec"), {})  # noqa: S102
    out = capsys.readouterr().out
    assert re.search(r"^163 SANCTION 2025-03-04$", out, re.M), out
