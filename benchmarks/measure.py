"""Shared by the whole-process benchmarks: the PolNeAR dev texts, read at run time from
../shared/data (never copied into the repository), and one command timed from start to exit
with its peak memory."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
POLNEAR = DATA / "polnear_quotes" / "dev.jsonl"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SCRIPT = Path(sys.executable).parent / "thucydides"
THUCYDIDES = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-c", "from thucydides.cli import main; main()"]
"""The command as a user runs it: the installed ``thucydides`` script beside this Python."""


def polnear_records() -> list[dict[str, str]]:
    """The PolNeAR dev articles as ingest reads them: ``{"id", "text", "date"?}``."""
    if not POLNEAR.exists():
        sys.exit(f"{POLNEAR} is not there: these benchmarks read the PolNeAR dev texts from ../shared/data")
    records = []
    for line in POLNEAR.open(encoding="utf-8"):
        raw = json.loads(line)
        record = {"id": str(raw["id"]), "text": raw["text"]}
        date = str(raw.get("publication_date") or "")[:10]
        if _DATE.match(date):
            record["date"] = date
        records.append(record)
    return records


def variants(records: Sequence[dict[str, str]], count: int) -> Iterator[dict[str, str]]:
    """``count`` articles: the records, then copies of them with their paragraphs rotated by one
    more place each round and ids made unique (near-duplicates, as syndicated copies are)."""
    for n in range(count):
        record = records[n % len(records)]
        turn = n // len(records)
        if turn == 0:
            yield record
            continue
        paragraphs = record["text"].split("\n\n")
        shift = turn % len(paragraphs)
        yield {**record, "id": f"{record['id']}~{turn}", "text": "\n\n".join(paragraphs[shift:] + paragraphs[:shift])}


def write_jsonl(path: Path, records: Iterator[dict[str, str]] | Sequence[dict[str, str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


@dataclass(frozen=True)
class Measured:
    seconds: float
    """Wall time from start to exit."""
    cpu_seconds: float
    """User and system CPU time of the command and all its descendants (those it waited for, and
    those the sampler saw): unlike wall time, barely changed by other work on a shared machine."""
    largest_mib: float
    """Peak resident memory of the largest single process: the command, any child it waited for
    (``wait4``), or any descendant seen by the sampler (forkserver workers are not waited for)."""
    total_mib: float
    """Peak resident memory of the command and all its descendants together, sampled every 0.1 s
    (0 where psutil is not installed)."""
    stdout: str


def run(command: Sequence[str]) -> Measured:
    """Run ``command`` to its end; fail loudly if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]  # all processes together, the largest single one
    cpu: dict[int, float] = {}  # the CPU time last seen of each descendant
    stop = threading.Event()
    sampler = threading.Thread(target=_sample, args=(process.pid, peak, cpu, stop), daemon=True)
    sampler.start()
    output: dict[str, str] = {}
    readers = [
        threading.Thread(target=lambda n=name, s=stream: output.__setitem__(n, s.read()), daemon=True)
        for name, stream in (("stdout", process.stdout), ("stderr", process.stderr))
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    for thread in (sampler, *readers):
        thread.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{output.get('stderr', '')[-3000:]}")
    largest = max(usage.ru_maxrss * 1024, peak[1])
    cpu_seconds = max(usage.ru_utime + usage.ru_stime, sum(cpu.values()))
    return Measured(seconds, cpu_seconds, largest / 2**20, peak[0] / 2**20, output.get("stdout", ""))


def _sample(pid: int, peak: list[int], cpu: dict[int, float], stop: threading.Event) -> None:
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.wait(0.1):
        sizes = []
        try:
            for process in [root, *root.children(recursive=True)]:
                try:
                    sizes.append(process.memory_info().rss)
                    times = process.cpu_times()
                    cpu[process.pid] = times.user + times.system
                except psutil.Error:
                    continue
        except psutil.Error:
            return
        peak[0] = max(peak[0], sum(sizes))
        peak[1] = max([peak[1], *sizes])
