"""Snapshot what the store gives back, to prove a change to how records become rows (and back)
keeps every output identical.

Ingests the samples into a fresh database (or uses --db), then runs, as a user would: ``events``
as JSON and CSV (every modality), ``export`` in every format (Parquet read back as rows),
``event ID`` for a few merged events and stored events, ``stories``, ``quotes``, ``stances``,
``counts``, ``dyads`` and ``stats``; and dumps every table of the database, row by row. One file
per output under OUT, timestamps masked; a digest of each in OUT/digests.tsv.

    .venv/bin/python scripts/snapshot_store.py OUT [--compare EARLIER_OUT] [--db FILE]

With --compare, exits 1 and names the outputs that differ (and their first differing line).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THUCYDIDES = str(Path(sys.executable).parent / "thucydides")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)?")
_MASKED_COLUMNS = {"ingested_at", "rejected_at", "fetched_at"}


def _run(*arguments: str) -> str:
    done = subprocess.run([THUCYDIDES, *arguments], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"thucydides {' '.join(arguments)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return _STAMP.sub("<time>", done.stdout)


def _parquet(folder: Path) -> str:
    import pyarrow.dataset as ds

    table = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
    rows = sorted(table.to_pylist(), key=lambda r: str(r.get("id")))
    schema = [f"{field.name}: {field.type}" for field in table.schema]
    return "\n".join([*schema, *(json.dumps(r, sort_keys=True, default=str) for r in rows)]) + "\n"


def _tables(db: Path) -> dict[str, str]:
    connection = sqlite3.connect(db)
    out = {}
    names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for name in names:
        cursor = connection.execute(f"SELECT * FROM {name}")
        columns = [c[0] for c in cursor.description]
        lines = [
            json.dumps(
                {c: ("<masked>" if c in _MASKED_COLUMNS else v.hex() if isinstance(v, bytes) else v) for c, v in zip(columns, row)},
                sort_keys=True, ensure_ascii=False,
            )
            for row in cursor
        ]
        out[f"table-{name}.jsonl"] = "\n".join(sorted(lines)) + "\n"
    connection.close()
    return out


def snapshot(out: Path, db: Path) -> dict[str, str]:
    """Output name -> its text."""
    found: dict[str, str] = {}
    base = ("--db", str(db))
    for fmt in ("json", "csv"):
        found[f"events.{fmt}"] = _run("events", *base, "--format", fmt, "--modality", "all", "--limit", "100000")
        found[f"quotes.{fmt}"] = _run("quotes", *base, "--format", fmt, "--limit", "100000")
        found[f"stances.{fmt}"] = _run("stances", *base, "--format", fmt, "--limit", "100000")
    found["stories.json"] = _run("stories", *base, "--format", "json")
    found["stats.json"] = _run("stats", *base, "--format", "json")
    for by in ("country", "dyad", "type"):
        found[f"counts-{by}.csv"] = _run("counts", *base, "--by", by, "--per", "month", "--format", "csv", "--modality", "all")
    found["dyads.json"] = _run("dyads", *base, "--format", "json", "--modality", "all")
    for fmt in ("plover-jsonl", "gdelt-tsv", "csv"):
        found[f"export.{fmt}"] = _run("export", *base, "--format", fmt, "--out", "-", "--modality", "all")
    parquet = out / "export-parquet"
    _run("export", *base, "--format", "parquet", "--out", str(parquet), "--modality", "all", "--force")
    found["export.parquet.jsonl"] = _parquet(parquet)
    connection = sqlite3.connect(db)
    merged = [r[0] for r in connection.execute("SELECT id FROM merged_events ORDER BY num_mentions DESC, id LIMIT 4")]
    stored = [r[0] for r in connection.execute("SELECT id FROM events ORDER BY article_id, id LIMIT 2")]
    connection.close()
    for event_id in [*merged, *stored]:
        found[f"event-{event_id}.json"] = _run("event", event_id, *base, "--format", "json")
        found[f"event-{event_id}.txt"] = _run("event", event_id, *base)
    found.update(_tables(db))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="an earlier OUT to compare with")
    parser.add_argument("--db", type=Path, help="a database to read instead of ingesting the samples")
    arguments = parser.parse_args()
    out: Path = arguments.out
    out.mkdir(parents=True, exist_ok=True)
    db = arguments.db
    if db is None:
        db = out / "samples.db"
        for stale in out.glob("samples.db*"):
            stale.unlink()
        _run("ingest", str(ROOT / "samples"), "--db", str(db), "--workers", "1")
    found = snapshot(out, db)
    digests = []
    for name, text in sorted(found.items()):
        (out / name).write_text(text, encoding="utf-8")
        digests.append(f"{name}\t{hashlib.sha256(text.encode()).hexdigest()[:16]}\t{len(text.splitlines())}")
    (out / "digests.tsv").write_text("\n".join(digests) + "\n", encoding="utf-8")
    print(f"{len(found)} outputs in {out}")
    if arguments.compare is None:
        return 0
    differ = []
    for name, text in sorted(found.items()):
        earlier_path = arguments.compare / name
        earlier = earlier_path.read_text(encoding="utf-8") if earlier_path.exists() else None
        if earlier == text:
            continue
        if earlier is None:
            differ.append(f"{name}: new")
            continue
        lines, old = text.splitlines(), earlier.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(lines, old)) if a != b), min(len(lines), len(old)))
        differ.append(f"{name}: line {first + 1} differs ({len(old)} -> {len(lines)} lines)")
    missing = sorted(p.name for p in arguments.compare.iterdir() if p.is_file() and p.name not in found and p.name != "digests.tsv" and not p.name.startswith("samples.db"))
    differ += [f"{name}: gone" for name in missing]
    for line in differ:
        print(line)
    print("identical" if not differ else f"{len(differ)} outputs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
