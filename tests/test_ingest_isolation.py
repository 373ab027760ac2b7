"""Whole runs against hostile input: one bad document is a stored rejection, the others are
stored, and an endless input is read with bounded memory."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from thucydides import pipeline
from thucydides.config import Settings
from thucydides.records import Article

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
GOOD = "Arnor recalled its ambassador from Gondor on Monday, the foreign ministry said in {}."


def test_a_document_that_breaks_a_stage_costs_no_other(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    real = pipeline.build_analysis

    def fragile(article: Article, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if "BREAK" in article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "build_analysis", fragile)
    articles = [Article(id=f"a{i}", text=GOOD.format(f"town {i}") + (" BREAK" if i == 1 else "")) for i in range(3)]
    results = [analysis for _, analysis in pipeline.analyze(articles, settings)]
    assert [a.id for a in results] == ["a0", "a1", "a2"]
    assert results[0].rejection is None and results[2].rejection is None
    assert results[1].rejection is not None and results[1].rejection.stage == "extract"
    assert "RecursionError" in results[1].rejection.detail


def test_a_folder_with_hostile_lines_stores_every_good_document(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(3):
        (inputs / f"good-{i}.txt").write_text(GOOD.format(f"city {i}"), encoding="utf-8")
    for name in ("huge-integer-id.jsonl", "deep-array.jsonl", "lone-surrogates.jsonl", "long-id.jsonl", "utf16-bom.txt"):
        shutil.copy(HOSTILE / name, inputs / name)
    db = tmp_path / "t.db"
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "ingest", str(inputs), "--db", str(db)],
        capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(db) as connection:
        stored = {r[0] for r in connection.execute("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM rejections)")}
        rejections = connection.execute("SELECT origin, reason FROM rejections ORDER BY origin").fetchall()
        longest = connection.execute("SELECT max(length(id)) FROM articles").fetchone()[0]
    connection.close()
    assert {"good-1", "good-2", "good-3", "good-4", "good-5", "good-6", "good-9"} <= stored
    assert len(stored) == 3 + 7 + 2  # the .txt files, the good lines, the long id and the UTF-16 text
    assert [(Path(o).name, r) for o, r in rejections] == [
        ("deep-array.jsonl:2", "malformed_jsonl"),
        ("huge-integer-id.jsonl:2", "malformed_jsonl"),
        ("lone-surrogates.jsonl:2", "undecodable"),
        ("lone-surrogates.jsonl:3", "undecodable"),
        ("lone-surrogates.jsonl:4", "undecodable"),
        ("lone-surrogates.jsonl:5", "undecodable"),
    ]
    assert longest <= 128


MEASURED = (
    "import re, sys\n"
    "from thucydides.cli import main\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    status = open('/proc/self/status').read()\n"
    "    sys.stderr.write('peak-rss-kb ' + re.search(r'VmHWM:\\s*(\\d+)', status).group(1) + '\\n')\n"
)
"""The command line, reporting its own peak memory on stderr (VmHWM: the high-water mark of this
program's memory; getrusage's ru_maxrss would count the test process it was forked from)."""


def test_endless_stdin_and_a_1_gb_file_end_with_rejections_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(1 << 30)  # sparse: 1 GB to read, nothing written to disk
    db = tmp_path / "t.db"
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-c", MEASURED, "ingest", "-", str(big), "--input-format", "txt", "--db", str(db)],
            capture_output=True, text=True, timeout=600, stdin=zero,
        )
    [peak] = [line for line in result.stderr.splitlines() if line.startswith("peak-rss-kb ")]
    peak_mb = int(peak.split()[1]) / 1024
    assert result.returncode == 0, result.stderr
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    assert len(rejected) == 2 and all("too_large" in line for line in rejected), result.stderr
    assert any("1,073,741,824 bytes" in line for line in rejected)
    assert peak_mb < 500, f"peak RSS {peak_mb:.0f} MB"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", *args],
        capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "300"},
    )


def test_the_hostile_corpus_is_analysed_ingested_and_shown_without_a_traceback(tmp_path: Path) -> None:
    analysed = cli("analyze", str(HOSTILE))
    assert analysed.returncode == 0 and "Traceback" not in analysed.stderr, analysed.stderr
    lines = [json.loads(line) for line in analysed.stdout.splitlines()]
    assert len([r for r in lines if r["rejection"] is None and r["id"].startswith("good-")]) == 16
    db = str(tmp_path / "h.db")
    ingested = cli("ingest", str(HOSTILE), "--db", db)
    assert ingested.returncode == 0 and "Traceback" not in ingested.stderr, ingested.stderr
    assert "\x1b" not in ingested.stderr
    for command in ("events", "stories", "quotes", "stats"):
        shown = cli(command, "--db", db)
        assert shown.returncode == 0, shown.stderr
        assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
