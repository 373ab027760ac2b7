"""Whole processes, start to exit: bare spaCy against `thucydides ingest` with 1 and 2 worker
processes and on a Dask LocalCluster of 2 workers, all on the same texts.

    python benchmarks/processes.py [--limit N] [--runs NAME ...]

The texts are the PolNeAR dev articles in ../shared/data (309; ``--limit`` takes the first N),
written to a temporary JSON Lines file at run time. For each run: wall time, articles/s,
tokens/s (spaCy tokens, counted by the bare run), the CPU time of all its processes, the peak memory of the largest process, the
peak of all its processes together (sampled), and the time as a multiple of bare spaCy's.
Prints a table; asserts nothing. Timings on a shared machine are noisy: run it twice.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from measure import THUCYDIDES, Measured, polnear_records, run, write_jsonl

HERE = Path(__file__).resolve().parent
RUNS = {
    "bare spaCy": [],
    "ingest --workers 1": ["--workers", "1"],
    "ingest --workers 2": ["--workers", "2"],
    "ingest --engine dask --workers 2": ["--engine", "dask", "--workers", "2"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300, help="Articles to use (default 300).")
    parser.add_argument("--runs", nargs="*", choices=list(RUNS), default=list(RUNS), help="Which runs (default all).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="thucydides-bench-") as folder:
        articles = Path(folder) / "articles.jsonl"
        count = write_jsonl(articles, polnear_records()[: args.limit])
        print(f"{count} articles, {articles.stat().st_size / 2**20:.1f} MiB, {os.cpu_count()} cores", flush=True)
        bare = run([sys.executable, str(HERE / "bare_spacy.py"), str(articles)])
        tokens = int(bare.stdout.split()[1])
        rows: list[tuple[str, Measured]] = [("bare spaCy", bare)] if "bare spaCy" in args.runs else []
        for name in args.runs:
            if name == "bare spaCy":
                continue
            db = Path(folder) / f"{len(rows)}.db"
            command = [*THUCYDIDES, "ingest", str(articles), "--db", str(db), "--no-progress"]
            rows.append((name, run(command + RUNS[name])))
            print(f"  {name}: {rows[-1][1].seconds:.1f} s", flush=True)
    print(f"\n{'run':<34}{'seconds':>9}{'articles/s':>12}{'tokens/s':>10}{'CPU s':>8}{'largest MiB':>13}{'all MiB':>9}{'x bare':>8}")
    for name, m in rows:
        print(
            f"{name:<34}{m.seconds:>9.1f}{count / m.seconds:>12.2f}{tokens / m.seconds:>10,.0f}{m.cpu_seconds:>8.1f}"
            f"{m.largest_mib:>13.0f}{m.total_mib:>9.0f}{m.seconds / bare.seconds:>8.2f}"
        )
    print(f"({tokens:,} tokens; 'CPU s' is the CPU time of all the run's processes; 'largest' is the peak memory")
    print(" of the largest single process, 'all' the sampled peak of all of them together)")


if __name__ == "__main__":
    main()
