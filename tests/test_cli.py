"""The command line, run as a user runs it: real files, a real SQLite database, one line per error."""

from __future__ import annotations

import json
import re
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest

from thucydides.cli import CommandGroup, cli

from .conftest import SAMPLES

STORY = (
    "Gondor Hosts Arnor Talks\n\n"
    "OSGILIATH (AP) — French President Emmanuel Macron met with German Chancellor Olaf Scholz in Paris on Monday.\n\n"
    "“We will stand together on every question that matters to Europe,” Macron said.\n"
)


def thucydides(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        out = {t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    connection.close()
    return out


def test_analyze_prints_one_json_object_per_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = thucydides("analyze", str(path), "--date", "2024-05-06")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    analysis = json.loads(line)
    assert analysis["dateline"]["place"] == "OSGILIATH" and analysis["dateline"]["agency"] == "AP"
    consult = [e for e in analysis["events"] if e["plover"]["type"] == "CONSULT"]
    assert consult and consult[0]["source"]["country"] == "FRA" and consult[0]["target"]["country"] == "DEU"
    assert analysis["quotes"][0]["speaker"]["name"].endswith("Macron")


def test_analyze_reads_stdin_with_a_format() -> None:
    result = thucydides("analyze", "-", "--input-format", "txt", stdin=STORY.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Gondor Hosts Arnor Talks"


def test_bad_input_is_one_line_and_a_stored_rejection(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "latin.txt").write_bytes("Le président a rencontré ses homologues à Paris.".encode("latin-1"))
    (tmp_path / "german.txt").write_text(
        "Der Präsident hat am Montag in Berlin mit den Ministern über die Lage an der Grenze gesprochen.", encoding="utf-8"
    )
    (tmp_path / "big.txt").write_text("The minister said the talks would go on. " * 100, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"id": "fine", "text": "The talks went on."}\n{"broken\n', encoding="utf-8")
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "t.db"
    result = thucydides("ingest", str(tmp_path), "--db", str(db), "--max-bytes", "2000")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    assert len(lines) == 6, result.stderr
    assert any("feed.jsonl:2" in line and "malformed_jsonl" in line for line in lines)
    with sqlite3.connect(db) as connection:
        reasons = sorted(r[0] for r in connection.execute("SELECT reason FROM rejections"))
    connection.close()
    assert reasons == sorted(["empty", "binary", "undecodable", "not_english", "too_large", "malformed_jsonl"])


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "/no/such/file.txt"],
        ["events", "--db", "/no/such/db.sqlite"],
        ["analyze", "x.txt", "--date", "17 March"],
        ["analyze", "-"],
        ["analyze", "x.txt", "--pipeline", "no_such_spacy_pipeline"],
        ["actor", "Arnor", "--kb", "x.txt"],
        ["export", "--db", "/no/such/db.sqlite", "--format", "csv", "--out", "out.csv"],
    ],
)
def test_user_mistakes_are_one_line_without_traceback(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("The talks went on.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", *args],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, stdin=subprocess.DEVNULL,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.strip().splitlines() if line.strip()]) <= 3, result.stderr


def test_ingesting_twice_changes_nothing_and_queries_work(tmp_path: Path) -> None:
    db = tmp_path / "samples.db"
    first = thucydides("ingest", str(SAMPLES), "--db", str(db))
    assert first.returncode == 0, first.stderr
    before = dump(db)
    second = thucydides("ingest", str(SAMPLES), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert dump(db) == before
    assert "unchanged" in second.stdout
    assert len(before["articles"]) >= 20 and len(before["events"]) > 20

    as_json = thucydides("events", "--db", str(db), "--country", "JPN", "--format", "json")
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    countries = [tuple((r[side] or {}).get("country") for side in ("source", "target")) for r in rows]
    assert rows and all("JPN" in pair for pair in countries)
    as_csv = thucydides("events", "--db", str(db), "--code", "SANCTION", "--format", "csv")
    assert as_csv.stdout.splitlines()[0].startswith("article_id,") and len(as_csv.stdout.splitlines()) > 1
    dated = thucydides("events", "--db", str(db), "--since", "2025-01-01", "--until", "2025-03-31", "--format", "json")
    assert all("2025-01-01" <= json.loads(l)["date"][:10] <= "2025-03-31" for l in dated.stdout.splitlines())
    table = thucydides("quotes", "--db", str(db))
    assert table.returncode == 0 and "quotes" in table.stdout
    stats = thucydides("stats", "--db", str(db), "--format", "json")
    assert json.loads(stats.stdout)["articles"] >= 20

    hints = _demo_hints()
    assert len(hints) >= 4
    for hint in hints:  # what `make demo` tells a newcomer to try next runs, and says something
        args = [str(db) if word == "demo.db" else str(SAMPLES.parent / word) if word.startswith("samples/") else word for word in hint]
        result = thucydides(*args)
        assert result.returncode == 0 and result.stdout.strip(), (hint, result.stderr)


def _demo_hints() -> list[list[str]]:
    """The commands `make demo` prints after its summary, as argument lists."""
    makefile = (SAMPLES.parent / "Makefile").read_text(encoding="utf-8")
    found = re.findall(r'@echo "  \.venv/bin/thucydides (.+?)\s+#', makefile)
    return [shlex.split(line) for line in found]


def _commands(group: CommandGroup) -> list[tuple[str, click.Command]]:
    return sorted(group.all_commands().items())


@pytest.mark.parametrize("name", [name for name, _ in _commands(cli)])
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    result = thucydides(name, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert f"thucydides {name}" in readme
    command = cli.all_commands()[name]
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"
            assert any(opt in readme for opt in param.opts if opt.startswith("--")) or param.name in ("help",), (
                f"{name} {param.opts} is not documented in the README"
            )


def test_explain_says_why_each_candidate_was_coded_or_dropped() -> None:
    result = thucydides("explain", "France condemned Russia, but you should not fight a bear.", "--date", "2024-05-06")
    assert result.returncode == 0, result.stderr
    assert "Parse" in result.stdout and "Actors" in result.stdout and "Rules that matched" in result.stdout
    assert "coded" in result.stdout
    assert "dropped" in result.stdout  # a metaphor: "you" fighting a bear is not an event


def test_eval_prints_scores_as_json() -> None:
    from .conftest import DATA, need_data

    gold = need_data(DATA / "seed" / "seed.jsonl")
    result = thucydides("eval", "seed", str(gold), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["task"] == "seed" and scores["expected_recall"] == 1.0 and scores["forbidden_found"] == 0
