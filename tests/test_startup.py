"""Start-up: `thucydides analyze` of plain text and JSON Lines imports only what analysis needs
(no dataframes, no HTTP client, no HTML extractor, no cluster), so a short run starts quickly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

OPTIONAL = ("pandas", "pyarrow", "duckdb", "dask", "distributed", "httpx", "trafilatura", "warcio", "datasketch", "scipy", "rich")
"""Packages a user's `analyze` of text or JSON Lines never uses: each one costs start-up time."""

_CHILD = """
import json, sys
from thucydides.cli import main
for argv in json.loads(sys.argv[1]):
    try:
        main(argv)
    except SystemExit as stop:
        assert not stop.code, stop.code
sys.stdout.write("\\nIMPORTED " + json.dumps(sorted({m.split(".")[0] for m in sys.modules})) + "\\n")
"""


def test_analyze_of_text_and_jsonl_imports_no_optional_package(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Japan imposed sanctions on North Korea on Monday, the foreign ministry said.\n", encoding="utf-8")
    lines = tmp_path / "notes.jsonl"
    lines.write_text(json.dumps({"id": "n1", "text": "Russia expelled two British diplomats on Tuesday.", "date": "2024-05-06"}) + "\n", encoding="utf-8")
    runs = [["analyze", str(text), "--date", "2024-05-06"], ["analyze", str(lines)]]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(runs)], capture_output=True, text=True, timeout=600, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    analyses = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [a["id"] for a in analyses][1:] == ["n1"] and all(a["events"] for a in analyses)
    imported = set(json.loads(result.stdout.rsplit("IMPORTED ", 1)[1]))
    assert "spacy" in imported
    assert not imported & set(OPTIONAL), f"analyze imported {sorted(imported & set(OPTIONAL))}"


def test_html_input_still_reads_its_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Arnor and Gondor</title></head><body><article><h1>Arnor and Gondor</h1>"
        "<p>Arnor imposed sanctions on Gondor on Monday, the foreign ministry in Annuminas said in a statement.</p>"
        "<p>Gondor's envoy called the decision unjust and promised a response within days.</p></article></body></html>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "analyze", str(page), "--date", "2024-05-06"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert analysis.get("rejection") is None and analysis["title"] == "Arnor and Gondor"


def test_the_writer_of_ingest_with_workers_imports_no_spacy(tmp_path: Path) -> None:
    # With --workers 2 the ingest process only reads, hands out batches and writes: spaCy and the
    # pipeline are the workers' (the --config options once imported spaCy's config system here:
    # 1.1 s and 100 MB in a process that analyses nothing), and so is signing texts with
    # datasketch, whose import of SciPy cost the writer 0.35 s of CPU before its workers started
    # (the writer compares stored signatures as bytes: no NumPy either).
    lines = tmp_path / "notes.jsonl"
    lines.write_text(
        "".join(
            json.dumps({"id": f"n{n}", "text": text, "date": "2024-05-06"}) + "\n"
            for n, text in enumerate(["Russia expelled two British diplomats on Tuesday.", "Japan imposed sanctions on North Korea on Monday."])
        ),
        encoding="utf-8",
    )
    runs = [["ingest", str(lines), "--db", str(tmp_path / "notes.db"), "--workers", "2", "--batch-size", "1", "--no-progress"]]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(runs)], capture_output=True, text=True, timeout=600, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "│ 2 " in result.stdout  # both documents were analysed (by the workers) and written
    imported = set(json.loads(result.stdout.rsplit("IMPORTED ", 1)[1]))
    analysis_only = {"spacy", "thinc", "datasketch", "scipy", "numpy"}
    assert not imported & analysis_only, sorted(imported & analysis_only)
