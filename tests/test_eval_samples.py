"""`thucydides eval samples`: accuracy measured on the bundled samples with no ../shared present,
and the other tasks saying where their gold data lives when it is absent (issue 13, item 13)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from thucydides.evaluate.partition import part_of

from .conftest import SAMPLES


def thucydides(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", *args],
        capture_output=True, text=True, timeout=600, cwd=cwd,
    )


def test_a_newcomer_scores_the_bundled_samples_without_any_gold_data(tmp_path: Path) -> None:
    # tmp_path has no samples/ and no ../shared: the repository's own samples are found
    result = thucydides("eval", "samples", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    expected = sum(len(json.loads(p.read_text(encoding="utf-8"))["must"]) for p in SAMPLES.glob("*.expected.json"))
    assert scores["task"] == "samples" and scores["records"] == len(list(SAMPLES.glob("*.expected.json")))
    assert scores["expected_events"] == expected
    # tests/test_samples.py holds every sample to its expectations, so the whole set scores full marks
    assert (scores["expected_recall"], scores["date_accuracy"], scores["forbidden_found"]) == (1.0, 1.0, 0)
    assert scores["tune"]["records"] + scores["check"]["records"] == scores["records"]


def test_a_sample_of_ones_own_shows_its_misses_and_forbidden_codings(tmp_path: Path) -> None:
    slug = "oslo-expels-diplomats"
    assert part_of(slug) == "tune", "a tune record, so that its errors are listed"
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / f"{slug}.txt").write_text(
        "Norway expels Swedish diplomats\n\nMay 6, 2024\n\n"
        "Norway expelled two Swedish diplomats on Monday and accused Sweden of spying.\n",
        encoding="utf-8",
    )
    (folder / f"{slug}.expected.json").write_text(json.dumps({
        "date": "2024-05-07",
        "must": [{"type": "SANCTION", "source": "NOR", "target": "SWE"}, {"type": "AID", "source": "NOR", "target": "SWE"}],
        "must_not": [{"type": "ACCUSE", "source": "NOR", "target": "SWE"}],
    }), encoding="utf-8")
    (folder / "notes.txt").write_text("An article with no expected file is not a sample.\n", encoding="utf-8")
    scored = thucydides("eval", "samples", str(folder), "--json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    scores = json.loads(scored.stdout)
    assert scores["records"] == 1
    assert (scores["expected_found"], scores["expected_events"], scores["expected_recall"]) == (1, 2, 0.5)
    assert scores["forbidden_found"] == 1 and scores["date_accuracy"] == 0.0
    listed = thucydides("eval", "samples", str(folder), "--part", "tune", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    printed = " ".join(listed.stdout.split())  # as read, whatever the terminal's width
    assert "AID NOR->SWE" in printed and "must not: ACCUSE NOR->SWE" in printed
    assert "publication date 2024-05-06 where 2024-05-07 is expected" in printed


def test_a_folder_without_samples_is_one_line(tmp_path: Path) -> None:
    result = thucydides("eval", "samples", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no article with a <name>.expected.json beside it" in result.stderr


def test_an_absent_gold_file_says_where_the_gold_data_lives(tmp_path: Path) -> None:
    for task, folder in (("plover", "plover_gsr"), ("time", "tempeval3"), ("articles", "articles")):
        result = thucydides("eval", task, "../shared/data/x/dev.jsonl", cwd=tmp_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert f"../shared/data/{folder}/" in result.stderr and "eval samples" in result.stderr
    seed = thucydides("eval", "seed", cwd=tmp_path)  # its default path, absent here
    assert seed.returncode == 1 and "../shared/data/seed/" in seed.stderr
