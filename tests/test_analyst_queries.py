"""Numbers an analyst can trust, tried as an analyst tries them: the CLI in a subprocess on a real
SQLite file. What happened is counted by default (modality), partial dates are read with their
precision, actors match by exact code or whole word, and counts per period add up."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from thucydides.records import Actor, Analysis, Event, Plover
from thucydides.store import Store

from .conftest import write

from .test_cli import thucydides


def actor(name: str, code: str, text: str | None = None) -> Actor:
    country = code[:3] if code[:3] != "IGO" else None
    sector = code[3:] or None
    return Actor(text=text or name, name=name, code=code, country=country, sector=sector, span=(0, 1))


RUSSIA = actor("Russia", "RUSGOV")
BELARUS = actor("Belarus", "BLR")
USA = actor("United States", "USA", text="US")
INDIA = actor("India", "IND")
INDONESIA = actor("Indonesia", "IDN")
BRITAIN = actor("United Kingdom", "GBR", text="Britain")
GERMANY = actor("Germany", "DEUMIL")
LITHUANIA = actor("Lithuania", "LTU")
CHINA = actor("China", "CHNGOV")
UKRAINE = actor("Ukraine", "UKR")

TYPES = {
    "CONSULT": ("040", 1.0, 1), "ACCUSE": ("112", -2.0, 3), "AID": ("070", 7.0, 2),
    "SANCTION": ("161", -4.0, 4), "MOBILIZE": ("150", -7.2, 4), "AGREE": ("030", 4.0, 1),
    "ASSAULT": ("190", -10.0, 4),
}


def event(n: int, source: Actor, target: Actor, plover: str, *, date: str | None, modality: str = "asserted") -> Event:
    cameo, goldstein, quad = TYPES[plover]
    return Event(
        id=f"e{n}", sentence_index=n, sentence=f"{source.name} and {target.name}, sentence {n}.", span=(0, 5),
        source=source, target=target, cameo=cameo, plover=Plover(plover), quad_class=quad, goldstein=goldstein,
        modality=modality, date=date, date_text=None if date is None else "when",  # type: ignore[arg-type]
        location=None, speaker=None, rule="test",
    )


def article(id: str, date: str, *events: Event) -> Analysis:
    return Analysis(
        id=id, title=id, date=date, url=f"https://news.example/{id}", source=f"Desk {id}", dateline=None,
        byline=None, language="en", events=events, text=f"Text of {id}, about {len(events)} events.",
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analyst") / "analyst.db"
    with Store.open(path) as store:
        write(store, [
            article("a1", "2025-03-04",
                    event(0, RUSSIA, BELARUS, "CONSULT", date="2025-03-04"),
                    event(1, USA, RUSSIA, "ACCUSE", date="2025-03-04")),
            article("a2", "2025-03-12",
                    event(0, INDIA, INDONESIA, "AID", date="2025-W11"),
                    event(1, BRITAIN, RUSSIA, "SANCTION", date="2025-03-11", modality="negated")),
            article("a3", "2025-04-02",
                    event(0, GERMANY, LITHUANIA, "MOBILIZE", date="2027", modality="future"),
                    event(1, CHINA, RUSSIA, "CONSULT", date="2025-04", modality="reported")),
            article("a4", "2023-05-01", event(0, RUSSIA, CHINA, "AGREE", date="2023")),
            article("a5", "2025-12-15",
                    event(0, RUSSIA, UKRAINE, "ASSAULT", date="2025-12-15"),
                    event(1, BELARUS, RUSSIA, "CONSULT", date="2025-12-15")),
            article("a6", "2025-04-01", event(0, INDIA, UKRAINE, "AID", date="2025-W14")),  # Mar 31 - Apr 6
        ])
    return path


def json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def events_json(db: Path, *args: str) -> list[dict[str, object]]:
    result = thucydides("events", "--db", str(db), "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json_lines(result.stdout)


def dyads(rows: list[dict[str, Any]]) -> set[tuple[object, object]]:
    """The (source, target) countries of events as `events --format json` prints them (nested)."""
    return {((r["source"] or {}).get("country"), (r["target"] or {}).get("country")) for r in rows}


# -- 1. modality: what happened is counted by default ----------------------------------------------


def test_events_list_what_happened_unless_asked_for_more(db: Path) -> None:
    result = thucydides("events", "--db", str(db), "--format", "json")
    rows = json_lines(result.stdout)
    assert {r["modality"] for r in rows} == {"asserted"}
    assert ("GBR", "RUS") not in dyads(rows) and ("DEU", "LTU") not in dyads(rows)
    assert "3 more events of other modalities left out" in result.stderr
    every = events_json(db, "--modality", "all")
    assert len(every) == len(rows) + 3
    both = events_json(db, "--modality", "asserted,reported")
    assert {r["modality"] for r in both} == {"asserted", "reported"} and ("CHN", "RUS") in dyads(both)
    negated = events_json(db, "--modality", "negated")
    assert dyads(negated) == {("GBR", "RUS")}


def test_bad_modality_is_one_line() -> None:
    result = thucydides("events", "--db", "whatever.db", "--modality", "maybe")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "'maybe' is not a modality" in result.stderr


def test_exports_leave_out_what_did_not_happen_and_say_the_modality_in_every_format(db: Path) -> None:
    tsv = thucydides("export", "--db", str(db), "--format", "gdelt-tsv", "--out", "-")
    assert tsv.returncode == 0, tsv.stderr
    rows = [line.split("\t") for line in tsv.stdout.splitlines()]
    assert rows and all(r[-2] == "asserted" for r in rows)
    assert not any(r[1] == "20270101" for r in rows), "a planned deployment is not an event of 2027"
    every = thucydides("export", "--db", str(db), "--format", "gdelt-tsv", "--out", "-", "--modality", "all")
    planned = [r.split("\t") for r in every.stdout.splitlines() if "\t20270101\t" in r]
    assert [(r[-2], r[-1]) for r in planned] == [("future", "year")]

    table = thucydides("export", "--db", str(db), "--format", "csv", "--out", "-", "--modality", "all")
    records = list(csv.DictReader(io.StringIO(table.stdout)))
    assert {r["modality"] for r in records} == {"asserted", "negated", "future", "reported"}
    assert {r["date_precision"] for r in records} == {"day", "week", "month", "year"}

    plover = thucydides("export", "--db", str(db), "--format", "plover-jsonl", "--out", "-", "--modality", "future")
    [record] = json_lines(plover.stdout)
    assert record["modality"] == "future" and record["context"] == ["future"] and record["date_precision"] == "year"


def test_stats_counts_merged_events_by_modality(db: Path) -> None:
    stats = json.loads(thucydides("stats", "--db", str(db), "--format", "json").stdout)
    by = {m["modality"]: m["count"] for m in stats["merged_events_by_modality"]}
    assert by == {"asserted": 7, "negated": 1, "future": 1, "reported": 1}
    assert ("GBR", "RUS") not in {(d["source_country"], d["target_country"]) for d in stats["top_dyads"]}


# -- 2. dates: one reading of a date, with its precision -------------------------------------------


def test_a_window_selects_dates_by_the_days_they_cover(db: Path) -> None:
    december = events_json(db, "--since", "2025-12-01", "--modality", "all")
    assert sorted(r["date"] for r in december) == ["2025-12-15", "2025-12-15", "2027"]  # not 2025-W11
    year = events_json(db, "--since", "2023-01-01", "--until", "2023-12-31")
    assert [(r["date"], r["date_precision"]) for r in year] == [("2023", "year")]
    june = events_json(db, "--since", "2023-06-01", "--until", "2023-06-30")
    assert [r["date"] for r in june] == ["2023"], "a year overlaps each of its months"
    week = events_json(db, "--since", "2025-03-14", "--until", "2025-03-20")
    assert [r["date"] for r in week] == ["2025-W11"]


def test_one_window_gives_the_same_events_in_every_command(db: Path) -> None:
    window = ["--since", "2025-03-05", "--until", "2025-04-30", "--modality", "all"]
    listed = {r["merged_id"] for r in events_json(db, *window)}
    exported = thucydides("export", "--db", str(db), "--format", "csv", "--out", "-", *window)
    assert {r["id"] for r in csv.DictReader(io.StringIO(exported.stdout))} == listed
    counted = thucydides("counts", "--db", str(db), "--by", "type", "--per", "year", "--format", "json", *window)
    assert sum(r["events"] for r in json_lines(counted.stdout)) == len(listed) == 4
    assert "left out" not in counted.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--since", "2025-13-45"],
        ["events", "--until", "2024-02-30"],
        ["counts", "--since", "2023-02-29"],
        ["dyads", "--until", "2025-00-10"],
        ["export", "--format", "csv", "--out", "-", "--since", "2024-02-30"],
        ["quotes", "--since", "2024-04-31"],
        ["explain", "Arnor met Gondor.", "--date", "2023-13-01"],
        ["analyze", "-", "--input-format", "txt", "--date", "2024-02-30"],
        ["actor", "Arnor", "--date", "2024-02-30"],
    ],
)
def test_impossible_days_are_refused_with_one_line(db: Path, args: list[str]) -> None:
    extra = ["--db", str(db)] if args[0] in ("events", "counts", "dyads", "export", "quotes") else []
    result = thucydides(*args, *extra)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "Error" in line or "error" in line]
    assert len(errors) == 1 and "not a day of the calendar" in errors[0], result.stderr


def test_since_after_until_is_refused(db: Path) -> None:
    result = thucydides("events", "--db", str(db), "--since", "2025-05-01", "--until", "2025-04-01")
    assert result.returncode != 0 and "is after --until" in result.stderr and "Traceback" not in result.stderr


# -- 5. dyads and actors: exact codes, names by word ------------------------------------------------


def test_source_target_and_dyad(db: Path) -> None:
    assert dyads(events_json(db, "--source", "RUS", "--target", "BLR")) == {("RUS", "BLR")}
    assert dyads(events_json(db, "--dyad", "RUS,BLR")) == {("RUS", "BLR"), ("BLR", "RUS")}
    assert dyads(events_json(db, "--dyad", "BLR,RUS")) == {("RUS", "BLR"), ("BLR", "RUS")}
    assert dyads(events_json(db, "--source", "RUSGOV")) == {("RUS", "BLR"), ("RUS", "CHN"), ("RUS", "UKR")}
    assert events_json(db, "--source", "RUSMIL") == []
    assert dyads(events_json(db, "--target", "russia")) == {("USA", "RUS"), ("BLR", "RUS")}


def test_codes_match_exactly_and_names_by_whole_word(db: Path) -> None:
    assert dyads(events_json(db, "--actor", "US")) == {("USA", "RUS")}, "not Belarus, not Russia"
    assert dyads(events_json(db, "--actor", "IND")) == {("IND", "IDN"), ("IND", "UKR")}
    assert dyads(events_json(db, "--actor", "Indonesia")) == {("IND", "IDN")}
    assert dyads(events_json(db, "--actor", "united states")) == {("USA", "RUS")}
    assert events_json(db, "--actor", "Russ") == [], "a part of a word is not a name"
    assert dyads(events_json(db, "--actor", "rus")) == dyads(events_json(db, "--actor", "RUS")), "three letters: a country"


def test_country_is_repeatable(db: Path) -> None:
    one = dyads(events_json(db, "--country", "UKR"))
    assert one == {("RUS", "UKR"), ("IND", "UKR")}
    several = dyads(events_json(db, "--country", "UKR", "--country", "IDN"))
    assert several == one | {("IND", "IDN")}
    assert dyads(events_json(db, "--country", "ukr,idn")) == several


def test_bad_dyad_and_country_are_one_line(db: Path) -> None:
    for args in (["--dyad", "RUS"], ["--country", "Russia"]):
        result = thucydides("events", "--db", str(db), *args)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert "Invalid value" in result.stderr


# -- 6. counts per country, dyad or type and period ------------------------------------------------


def test_counts_per_country_and_month(db: Path) -> None:
    result = thucydides("counts", "--db", str(db), "--by", "country", "--per", "month", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {(r["period"], r["country"]): r["events"] for r in json_lines(result.stdout)}
    assert rows == {
        ("2025-03", "RUS"): 2, ("2025-03", "BLR"): 1, ("2025-03", "USA"): 1,  # a1, asserted
        ("2025-03", "IND"): 1, ("2025-03", "IDN"): 1,  # 2025-W11 lies in March
        ("2025-12", "RUS"): 2, ("2025-12", "UKR"): 1, ("2025-12", "BLR"): 1,
    }
    # 2023 is a year, 2025-W14 crosses from March into April: neither is put in a month.
    assert "left out: 2 dated less precisely than a month" in result.stderr
    assert "3 more events of other modalities left out" in result.stderr


def test_counts_per_dyad_and_year_with_quad_classes_as_csv(db: Path) -> None:
    result = thucydides("counts", "--db", str(db), "--by", "dyad", "--per", "year", "--quad-class",
                        "--modality", "all", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["period", "source", "target", "events", "verbal_cooperation", "material_cooperation",
                             "verbal_conflict", "material_conflict", "mentions", "goldstein_sum", "goldstein_mean"]
    by = {(r["period"], r["source"], r["target"]): r for r in rows}
    assert by["2027", "DEU", "LTU"]["material_conflict"] == "1"
    assert by["2025", "GBR", "RUS"]["events"] == "1" and by["2023", "RUS", "CHN"]["verbal_cooperation"] == "1"
    assert sum(int(r["events"]) for r in rows) == 10


def test_counts_per_type_and_week_in_a_table(db: Path) -> None:
    result = thucydides("counts", "--db", str(db), "--by", "type", "--per", "week")
    assert result.returncode == 0, result.stderr
    assert "Events per type and week (asserted)" in result.stdout
    assert "2025-W11" in result.stdout and "AID" in result.stdout
    as_json = thucydides("counts", "--db", str(db), "--by", "type", "--per", "week", "--format", "json")
    rows = {(r["period"], r["plover_type"]): r["events"] for r in json_lines(as_json.stdout)}
    assert rows[("2025-W14", "AID")] == 1 and rows[("2025-W51", "CONSULT")] == 1


def test_dyads_follow_the_same_rules(db: Path) -> None:
    result = thucydides("dyads", "--db", str(db), "--by", "year", "--format", "json", "--source", "RUS")
    rows = {(r["period"], r["target"]) for r in json_lines(result.stdout)}
    assert rows == {("2023", "CHN"), ("2025", "BLR"), ("2025", "UKR")}


# -- 14. exports: stdout, no silent overwrite, never the database ----------------------------------


@pytest.mark.parametrize("fmt", ["csv", "gdelt-tsv", "plover-jsonl"])
def test_an_existing_file_is_replaced_only_with_force(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out.txt"
    out.write_text("keep me", encoding="utf-8")
    refused = thucydides("export", "--db", str(db), "--format", fmt, "--out", str(out))
    assert refused.returncode != 0 and "already exists; --force replaces it" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = thucydides("export", "--db", str(db), "--format", fmt, "--out", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_text(encoding="utf-8") != "keep me" and "wrote" in forced.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"], "no temporary file left behind"


def test_export_to_stdout_writes_no_file(db: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "export", "--db", str(db),
         "--format", "plover-jsonl", "--out", "-"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(json_lines(result.stdout)) == 7 and "to stdout" in result.stderr
    assert list(tmp_path.iterdir()) == []
    parquet = thucydides("export", "--db", str(db), "--format", "parquet", "--out", "-")
    assert parquet.returncode != 0 and "cannot go to stdout" in parquet.stderr


def test_the_database_is_never_overwritten(db: Path) -> None:
    before = db.read_bytes()
    for fmt in ("csv", "gdelt-tsv", "plover-jsonl", "parquet"):
        result = thucydides("export", "--db", str(db), "--format", fmt, "--out", str(db), "--force")
        assert result.returncode != 0 and "that is the database" in result.stderr, (fmt, result.stderr)
    folder = thucydides("export", "--db", str(db), "--format", "parquet", "--out", str(db.parent), "--force")
    assert folder.returncode != 0 and "Traceback" not in folder.stderr
    assert db.read_bytes() == before
    assert len(events_json(db)) == 7


def test_parquet_force_replaces_only_an_earlier_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert thucydides("export", "--db", str(db), "--format", "parquet", "--out", str(out)).returncode == 0
    again = thucydides("export", "--db", str(db), "--format", "parquet", "--out", str(out))
    assert again.returncode != 0 and "--force" in again.stderr
    forced = thucydides("export", "--db", str(db), "--format", "parquet", "--out", str(out), "--force",
                        "--modality", "all")
    assert forced.returncode == 0, forced.stderr
    assert any(p.name == "day=2027-01-01" for p in out.iterdir())
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    kept = thucydides("export", "--db", str(db), "--format", "parquet", "--out", str(other), "--force")
    assert kept.returncode != 0 and "not replacing it" in kept.stderr
    assert (other / "notes.txt").read_text(encoding="utf-8") == "mine"


# -- 14. ingest says what it found -----------------------------------------------------------------


def test_an_empty_folder_is_an_error_and_makes_no_database(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = thucydides("ingest", str(folder), "--db", str(tmp_path / "t.db"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no .txt, .html, .htm" in result.stderr and "files in this folder" in result.stderr
    assert not (tmp_path / "t.db").exists()


def test_actor_batch_goes_on_past_a_bad_line_as_ingest_does(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "1", "actor": "Kremlin spokesman"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "3", "actor": "Kremlin spokesman", "date": "2024-02-30"}) + "\n"
        + json.dumps({"id": "4", "actor": "the Chinese foreign minister", "date": "2023-03-17"}) + "\n",
        encoding="utf-8",
    )
    result = thucydides("actor", "--batch", str(batch))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["1", "4"]
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    assert [line.split(":")[1] for line in rejected] == ["2", "3"]
    assert "not a day of the calendar" in rejected[1] and "2 lines of" in result.stderr


def test_stats_counts_rejected_documents_apart_from_articles(tmp_path: Path) -> None:
    from thucydides.records import Article, Rejection, rejected

    db = tmp_path / "s.db"
    with Store.open(db) as store:
        write(store, [
            article("good", "2025-03-04", event(0, RUSSIA, BELARUS, "CONSULT", date="2025-03-04")),
            rejected(Article(id="bad", text="", origin="empty.txt"), Rejection("ingest", "empty", "no text")),
        ])
        store.write_rejection("file:feed.jsonl:2", "feed.jsonl:2", Rejection("ingest", "malformed_jsonl", "line 2"))
    stats = json.loads(thucydides("stats", "--db", str(db), "--format", "json").stdout)
    assert (stats["articles"], stats["rejections"]) == (1, 2)
    table = thucydides("stats", "--db", str(db))
    header = next(line for line in table.stdout.splitlines() if "articles" in line)
    assert "rejected" in header
