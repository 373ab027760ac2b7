"""The command line against hostile data and hostile options: tables that cannot be broken or
used to drive the terminal, spreadsheet-safe CSV, read-only opening, and one clear line for bad
options and paths."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import traceback
from dataclasses import replace
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from thucydides.cli import cli
from thucydides.errors import ThucydidesError
from thucydides.records import Actor
from thucydides.store import Store

from .conftest import write
from .test_store import ARNOR, analysis, event

HOSTILE_SENTENCE = "Arnor [/] met [bold red]Gondor[/] \x1b]0;pwned\x07\x1b[2J\x9b31m =cmd|' /C calc'!A0"


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", *args],
        capture_output=True, text=True, timeout=300, cwd=cwd, stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


def hostile_db(path: Path) -> Path:
    actor = Actor(text="=HYPERLINK(\"x\")", name="=HYPERLINK(\"x\")", code="ARN", country="ARN", sector=None, span=(0, 5))
    first = event("e1", ARNOR, actor, "040", "CONSULT", date="2024-03-01")
    first = replace(first, sentence=HOSTILE_SENTENCE)
    record = replace(analysis("h1", "2024-03-01", first, text=HOSTILE_SENTENCE), title="[/] \x1b[2J Title")
    with Store.open(path) as store:
        write(store, [record])
    return path


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) <= 3, result.stderr
    return result.stderr


@pytest.mark.parametrize("command", ["events", "stories", "quotes", "stats"])
def test_markup_and_escape_sequences_in_articles_never_reach_the_terminal(tmp_path: Path, command: str) -> None:
    db = hostile_db(tmp_path / "h.db")
    result = run(command, "--db", str(db), env={"COLUMNS": "400"})
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\x9b" not in result.stdout
    if command == "events":
        assert "[/]" in result.stdout and "[bold red]Gondor[/]" in result.stdout  # shown, not interpreted
    if command == "stories":
        assert "[/]" in result.stdout


def test_csv_safe_marks_formulas_and_leaves_numbers(tmp_path: Path) -> None:
    db = hostile_db(tmp_path / "h.db")
    plain = run("events", "--db", str(db), "--format", "csv")
    assert plain.returncode == 0, plain.stderr
    [row] = list(csv.DictReader(io.StringIO(plain.stdout)))
    assert row["target"] == '=HYPERLINK("x")'
    safe = run("events", "--db", str(db), "--format", "csv", "--csv-safe")
    assert safe.returncode == 0, safe.stderr
    [row] = list(csv.DictReader(io.StringIO(safe.stdout)))
    assert row["target"] == "'=HYPERLINK(\"x\")"
    assert row["goldstein"] == "1.0"
    exported = tmp_path / "out.csv"
    result = run("export", "--db", str(db), "--format", "csv", "--out", str(exported), "--csv-safe")
    assert result.returncode == 0, result.stderr
    cells = [c for r in csv.reader(io.StringIO(exported.read_text(encoding="utf-8"))) for c in r]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_safe_cell_rules() -> None:
    from thucydides.spreadsheets import safe_cell

    assert safe_cell("=1+2") == "'=1+2"
    assert safe_cell("+cmd") == "'+cmd"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("-5.5") == "-5.5" and safe_cell("+3") == "+3" and safe_cell("-1e3") == "-1e3"
    assert safe_cell(-5.5) == -5.5 and safe_cell(None) is None
    assert safe_cell("Arnor") == "Arnor"


def test_read_commands_work_while_a_writer_holds_the_lock(tmp_path: Path) -> None:
    db = hostile_db(tmp_path / "h.db")
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO rejections VALUES ('x', 'x', 'ingest', 'empty', '', '2024-01-01')")
        for command in ("events", "stats", "stories", "quotes"):
            result = run(command, "--db", str(db), "--format", "json")
            assert result.returncode == 0, (command, result.stderr)
            assert "locked" not in result.stderr
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_read_commands_work_in_a_read_only_folder() -> None:
    folder = Path(tempfile.mkdtemp(prefix="thucydides-ro-"))
    try:
        db = hostile_db(folder / "h.db")
        before = sorted(p.name for p in folder.iterdir())
        folder.chmod(0o555)
        db.chmod(0o444)
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            os.close(read)
            code = 1
            try:
                if os.geteuid() == 0:  # root ignores file modes: read as nobody
                    os.setgid(65534)
                    os.setuid(65534)
                with Store.open(db, read_only=True) as store:
                    os.write(write, ",".join(e.article_id for e in store.events()).encode())
                code = 0
            except BaseException as error:  # report anything to the parent
                os.write(write, f"{type(error).__name__}: {error}".encode())
            finally:
                os._exit(code)
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            said = pipe.read().decode()
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0, said
        assert said == "h1"
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        folder.chmod(stat.S_IRWXU)
        shutil.rmtree(folder)


def test_a_read_command_leaves_the_database_unchanged(tmp_path: Path) -> None:
    db = hostile_db(tmp_path / "h.db")
    with Store.open(db, read_only=True) as store:
        assert [e.article_id for e in store.events()] == ["h1"]
        with pytest.raises(Exception, match="read-only|readonly"):
            store.write([analysis("h2", None)])


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--limit", "99999999999999999999"],
        ["stories", "--limit", "99999999999999999999"],
        ["quotes", "--limit", "99999999999999999999"],
    ],
)
def test_an_overflowing_limit_is_one_line(tmp_path: Path, args: list[str]) -> None:
    db = hostile_db(tmp_path / "h.db")
    message = one_line_error(run(*args, "--db", str(db)))
    assert "--limit" in message


@pytest.mark.parametrize("value", ["abc", "-5", "0", "1e99"])
def test_a_bad_max_text_bytes_in_the_environment_is_one_line(tmp_path: Path, value: str) -> None:
    (tmp_path / "a.txt").write_text("Arnor met Gondor.", encoding="utf-8")
    message = one_line_error(run("analyze", str(tmp_path / "a.txt"), env={"THUCYDIDES_MAX_TEXT_BYTES": value}))
    assert "THUCYDIDES_MAX_TEXT_BYTES" in message


def test_a_device_as_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Arnor met Gondor.", encoding="utf-8")
    message = one_line_error(run("ingest", str(tmp_path), "--db", "/dev/null"))
    assert "/dev/null" in message and "regular file" in message
    assert not Path("/dev/null-journal").exists() and not Path("/dev/null-wal").exists()


@pytest.mark.parametrize("task", ["plover", "cameo", "actors", "time", "places", "quotes"])
@pytest.mark.parametrize("content", ["{not json\n", "[1, 2]\n{\"text\": 3}\n"])
def test_a_malformed_gold_file_is_one_line(tmp_path: Path, task: str, content: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    result = run("eval", task, str(gold))
    if result.returncode == 0:  # an empty or odd file may score nothing; it must not crash
        return
    message = one_line_error(result)
    assert "gold.jsonl" in message


OPTION_VALUE = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "-", "--", "0", "1e99", "nan", "2024-02-30", "2025-13-45", "' OR 1=1 --", "[/]", "\x1b[2J", "%", "_",
                     "99999999999999999999", "9223372036854775808", "-9223372036854775809", "2024-01-01", "RUS", "json",
                     "csv", "month", "support"]),
)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_db(tmp_path_factory.mktemp("fuzz") / "f.db")


def command_options(name: str) -> list[str]:
    return [p.opts[0] for p in cli.all_commands()[name].params if isinstance(p, click.Option) and not p.is_flag and p.name != "db"]


QUERY_COMMANDS = ("events", "quotes", "stances", "stories", "dyads", "stats", "export")
COMMAND_OPTIONS = [(c, o) for c in QUERY_COMMANDS for o in command_options(c)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(COMMAND_OPTIONS), OPTION_VALUE), min_size=1, max_size=2))
@example([(("events", "--limit"), "99999999999999999999")])
@example([(("stories", "--min-size"), "99999999999999999999")])
@example([(("export", "--out"), "\x00")])  # a file name the system refuses: one clear error
def test_any_option_values_are_a_result_or_one_clear_error(
    fuzz_db: Path, tmp_path: Path, options: list[tuple[tuple[str, str], str]]
) -> None:
    command = options[0][0][0]
    args = [command, "--db", str(fuzz_db)]
    if command == "export":
        args += ["--out", str(tmp_path / "out.csv")]
    for (name, option), value in options:
        if name == command:
            args += [option, value]
    result = CliRunner().invoke(cli, args, standalone_mode=False, catch_exceptions=True)
    error = result.exception
    assert error is None or isinstance(error, (click.ClickException, ThucydidesError, SystemExit)), (
        args, "".join(traceback.format_exception(error)),
    )


def test_a_database_path_with_markup_is_shown_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "a["
    folder.mkdir()
    db = hostile_db(folder / "]x.db")  # the path holds "[/]"
    result = run("stats", "--db", str(db), env={"COLUMNS": "400"})
    assert result.returncode == 0, result.stderr
    assert f"--db {db}" in result.stdout


def test_actor_batch_lines_end_only_at_newline(tmp_path: Path) -> None:
    batch = tmp_path / "actors.jsonl"
    batch.write_text(
        json.dumps({"id": "1", "actor": "the French foreign minister", "context": "He spoke.\u2028Then left."},
                   ensure_ascii=False) + "\n" + json.dumps({"id": "2", "actor": "Russian troops"}) + "\n",
        encoding="utf-8",
    )
    result = run("actor", "--batch", str(batch))
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["1", "2"]


READING_OPTIONS = ["--max-bytes", "--batch-size", "--date", "--country-bias", "--input-format", "--min-confidence"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(READING_OPTIONS), OPTION_VALUE), min_size=1, max_size=3))
@example([("--max-bytes", "99999999999999999999")])
@example([("--max-bytes", "4611686018427387904")])
@example([("--batch-size", "99999999999999999999")])
def test_any_reading_option_values_are_a_result_or_one_clear_error(tmp_path: Path, options: list[tuple[str, str]]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("France recalled its ambassador from Germany on Monday.", encoding="utf-8")
    args = ["analyze", str(story)] + [part for pair in options for part in pair]
    result = CliRunner().invoke(cli, args, standalone_mode=False, catch_exceptions=True)
    error = result.exception
    assert error is None or isinstance(error, (click.ClickException, ThucydidesError, SystemExit)), (
        args, "".join(traceback.format_exception(error)),
    )


@pytest.mark.parametrize("content", [b"plain text, not a database\n", bytes(range(256)) * 8, b"SQLite format 3\x00" + b"\x00" * 40])
@pytest.mark.parametrize("command", ["events", "quotes", "stories", "stats", "counts", "dyads"])
def test_a_read_command_on_a_file_that_is_no_database_is_one_line(tmp_path: Path, command: str, content: bytes) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    message = one_line_error(run(command, "--db", str(db)))
    assert "not a SQLite database" in message
    assert db.read_bytes() == content


def test_export_never_replaces_a_device_or_a_link(tmp_path: Path) -> None:
    db = hostile_db(tmp_path / "h.db")
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(elsewhere)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for target in (link, fifo):
        message = one_line_error(run("export", "--db", str(db), "--format", "csv", "--out", str(target), "--force"))
        assert "not a regular file" in message
    assert link.is_symlink() and elsewhere.read_text(encoding="utf-8") == "kept\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_an_export_file_is_readable_as_any_new_file_is(tmp_path: Path) -> None:
    db = hostile_db(tmp_path / "h.db")
    out = tmp_path / "events.csv"
    result = subprocess.run(
        ["sh", "-c", f"umask 022 && exec {sys.executable} -c 'from thucydides.cli import main; main()'"
         f" export --db {db} --format csv --modality all --out {out}"],
        capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("args", [["events"], ["export", "--format", "csv", "--out", "-"]])
def test_a_full_disk_is_one_line(tmp_path: Path, args: list[str]) -> None:
    db = hostile_db(tmp_path / "h.db")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-c", "from thucydides.cli import main; main()", args[0], "--db", str(db), *args[1:]],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=300, stdin=subprocess.DEVNULL,
        )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "No space left on device" in result.stderr


def test_an_empty_file_as_database_is_one_line_and_stays_empty(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    for command in ("events", "stats"):
        assert "an empty file, not a database yet" in one_line_error(run(command, "--db", str(db)))
    assert db.stat().st_size == 0


def test_an_older_database_that_cannot_be_upgraded_now_says_why(tmp_path: Path) -> None:
    db = hostile_db(tmp_path / "h.db")
    writer = sqlite3.connect(db, isolation_level=None)
    version = writer.execute("PRAGMA user_version").fetchone()[0]
    writer.execute(f"PRAGMA user_version = {version - 1}")  # as an older thucydides left it
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process writing: the upgrade must wait, then give up
        message = one_line_error(run("events", "--db", str(db)))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert f"made by an older thucydides (schema {version - 1}" in message and "locked" in message
