"""Does memory grow with the input? `thucydides ingest` of 300, 1,000 and 3,000 articles.

    python benchmarks/scale.py [--sizes 300 1000 3000] [--workers N] [--format jsonl|txt]

The articles are the PolNeAR dev texts in ../shared/data, repeated with their paragraphs rotated
and their ids made unique (near-duplicates, so stories form as with syndicated copies), made at
run time in a temporary folder: one JSON Lines file, or one .txt file per article. Each size is
ingested into a new database by a whole `thucydides ingest` process; prints time, articles/s and
peak memory (the largest process, and all processes together), and each size's peak as a
multiple of the first size's. Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from measure import THUCYDIDES, Measured, polnear_records, run, variants, write_jsonl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 3000])
    parser.add_argument("--workers", type=int, default=1, help="ingest --workers (default 1: one process holds everything).")
    parser.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    args = parser.parse_args()
    records = polnear_records()
    rows: list[tuple[int, Measured]] = []
    with tempfile.TemporaryDirectory(prefix="thucydides-scale-") as folder:
        for size in args.sizes:
            source = Path(folder) / f"in-{size}"
            if args.format == "jsonl":
                source = source.with_suffix(".jsonl")
                write_jsonl(source, variants(records, size))
            else:
                source.mkdir()
                for n, record in enumerate(variants(records, size)):
                    (source / f"{n:06d}.txt").write_text(record["text"], encoding="utf-8")
            db = Path(folder) / f"{size}.db"
            command = [*THUCYDIDES, "ingest", str(source), "--db", str(db), "--no-progress", "--workers", str(args.workers)]
            rows.append((size, run(command)))
            print(f"  {size} articles: {rows[-1][1].seconds:.1f} s", file=sys.stderr, flush=True)
    first = rows[0][1]
    print(f"ingest --workers {args.workers}, {args.format} input")
    print(f"{'articles':>9}{'seconds':>9}{'articles/s':>12}{'CPU s':>8}{'largest MiB':>13}{'all MiB':>9}{'x first':>9}")
    for size, m in rows:
        growth = m.largest_mib / first.largest_mib
        print(
            f"{size:>9}{m.seconds:>9.1f}{size / m.seconds:>12.2f}{m.cpu_seconds:>8.1f}"
            f"{m.largest_mib:>13.0f}{m.total_mib:>9.0f}{growth:>9.3f}"
        )


if __name__ == "__main__":
    main()
