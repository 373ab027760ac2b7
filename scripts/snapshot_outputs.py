"""Snapshot what `thucydides analyze` (and `thucydides actor`) print, to prove a refactoring keeps
the output identical.

Runs the CLI, as a user would, on the samples, the reference article (../shared/data/seed), each
dev set of ../shared/data (as analyze input; the first --limit records of the large ones), the
PETRARCH dev set again with its legacy dictionaries and a country bias, and the NGEC actor phrases
through `thucydides actor --batch`. Writes one JSONL file per set (events, quotes, actors, places,
times, stances, dateline, date of every article) and a digest per set to OUT/digests.tsv.

    .venv/bin/python scripts/snapshot_outputs.py OUT [--compare EARLIER_OUT] [--data ../shared/data]

With --compare, exits 1 and names the sets (and the first differing article) whose output differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THUCYDIDES = str(Path(sys.executable).parent / "thucydides")
KEPT = ("id", "date", "date_source", "dateline", "events", "quotes", "actors", "places", "times", "stances", "rejection")


def _date(value: object) -> str | None:
    text = str(value or "")
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text[:10] if len(text) >= 10 and text[4] == "-" else None


def _analyze_input(records: list[dict], folder: Path, name: str) -> list[str]:
    """The dev records as analyze input: a JSONL file, or HTML pages for the HTML set."""
    if any("html" in r for r in records):
        paths = []
        for n, record in enumerate(records):
            path = folder / f"{name}-{n:03d}.html"
            path.write_text(record["html"], encoding="utf-8")
            paths.append(str(path))
        return paths
    path = folder / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            if not isinstance(record.get("text"), str):
                continue
            line = {"id": str(record["id"]), "text": record["text"]}
            date = _date(record.get("date") or record.get("dct"))
            if date:
                line["date"] = date
            for field in ("title", "url"):
                if isinstance(record.get(field), str):
                    line[field] = record[field]
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return [str(path)]


def _run(arguments: list[str]) -> list[str]:
    done = subprocess.run([THUCYDIDES, *arguments], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"thucydides {' '.join(arguments[:3])} … failed ({done.returncode}): {done.stderr[-2000:]}")
    lines = []
    for line in done.stdout.splitlines():
        record = json.loads(line)
        if "events" in record:
            record = {k: record.get(k) for k in KEPT}
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return lines


def sets(data: Path, limit: int, scratch: Path) -> dict[str, list[str]]:
    """Set name -> the CLI arguments that produce its output."""
    found: dict[str, list[str]] = {
        "samples": ["analyze", str(ROOT / "samples")],
        "seed": ["analyze", "--date", "2023-03-17", str(data / "seed" / "xi-putin-2023-03-17.txt")],
    }
    for dev in sorted(data.glob("*/dev.jsonl")):
        name = dev.parent.name
        with dev.open(encoding="utf-8") as lines:
            records = [json.loads(line) for _, line in zip(range(limit), lines)]
        if name == "ngec_actors":
            batch = scratch / "actors.jsonl"
            with batch.open("w", encoding="utf-8") as out:
                for record in records:
                    given = record.get("input", {})
                    phrase = given.get("actor") or given.get("text")
                    if phrase:
                        out.write(json.dumps({"id": record["id"], "actor": phrase, "context": given.get("context") or "",
                                              "date": _date(given.get("date"))}) + "\n")
            found[name] = ["actor", "--batch", str(batch)]
            continue
        found[name] = ["analyze", *_analyze_input(records, scratch, name)]
        if name == "petrarch":
            dictionaries = data / "petrarch" / "dictionaries" / "petrarch2_head"
            found["petrarch-legacy"] = [
                "analyze", "--actors-dict", str(dictionaries / "PETR.Validate.actors.txt"),
                "--agents-dict", str(dictionaries / "PETR.Validate.agents.txt"), "--country-bias", "USA",
                *_analyze_input(records, scratch, name),
            ]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=150)
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    digests: dict[str, str] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        for name, arguments in sets(options.data, options.limit, Path(scratch)).items():
            begun = time.perf_counter()
            lines = _run(arguments)
            (options.out / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            digests[name] = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
            print(f"{name:18} {len(lines):4} records  {digests[name]}  {time.perf_counter() - begun:6.1f} s", flush=True)
    (options.out / "digests.tsv").write_text("".join(f"{k}\t{v}\n" for k, v in digests.items()), encoding="utf-8")
    print(f"{'all':18} {time.perf_counter() - started:6.1f} s")
    if options.compare is None:
        return 0
    differ = 0
    for name in digests:
        before = (options.compare / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        after = (options.out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if before != after:
            differ += 1
            first = next((i for i, (b, a) in enumerate(zip(before, after)) if b != a), min(len(before), len(after)))
            print(f"DIFFERS: {name} (first at record {first}; {len(before)} before, {len(after)} after)")
    print("identical" if not differ else f"{differ} sets differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
