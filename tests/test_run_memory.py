"""A batch's garbage collection walks what the batch made, not the pipeline loaded for the run;
the memory one batch frees is reused by the next, not handed back to the OS and faulted in again."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_SCRIPT = """
import gc, json
from thucydides.config import Settings
from thucydides.records import Article
from thucydides.run import Batch
from thucydides.run.workers import analyze_batch

text = "The French president accused Germany on Monday of blocking the talks in Brussels, officials said."
first = analyze_batch(Batch(0, (Article(id="a", text=text, date="2024-05-02"),)), Settings())
second = analyze_batch(Batch(1, (Article(id="b", text=text, date="2024-05-02"),)), Settings())
print(json.dumps({
    "frozen": gc.get_freeze_count(), "walked": len(gc.get_objects()),
    "same": first.outcomes[0].analysis.actors == second.outcomes[0].analysis.actors,
    "actors": len(first.outcomes[0].analysis.actors),
}))
"""


def test_one_worker_leaves_the_loaded_pipeline_out_of_each_batchs_collection() -> None:
    # --workers 1 analyses in the runner's own process: the first batch warms the pipeline up
    # and freezes it, so the collection after every batch (0.8 s a batch on PolNeAR before)
    # walks only the objects the batches made; a batch's analysis is the same either way.
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["same"] and found["actors"] >= 2
    assert found["frozen"] > 50_000, found
    assert found["walked"] < found["frozen"] / 5, found


_REPEATED = """
import json, resource
from thucydides.config import Settings
from thucydides.records import Article
from thucydides.run import Batch
from thucydides.run.workers import analyze_batch

text = " ".join(
    f"The {office} minister of Arnor accused Gondor on Monday of blocking the talks in Minas Tirith, officials said."
    for office in ["foreign", "finance", "defence", "interior", "trade", "health", "energy", "justice"] * 8
)
faults = []
for n in range(3):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    analyze_batch(Batch(n, tuple(Article(id=f"a{n}-{i}", text=text, date="2024-05-02") for i in range(8))), Settings())
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
print(json.dumps(faults))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator: Linux only")
def test_a_batch_reuses_the_memory_the_batch_before_it_freed() -> None:
    # Memory freed by one batch used to go back to the OS and be asked for again by the next
    # (malloc_trim after each batch, glibc unmapping every large block): each batch paged its
    # whole working set in again, page fault by page fault (20,000 faults for this batch, 3x bare
    # spaCy's on PolNeAR). Kept by the allocator, the next batch of the same size reuses it.
    done = subprocess.run([sys.executable, "-c", _REPEATED], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    first, *later = json.loads(done.stdout.strip().splitlines()[-1])
    assert max(later) < first / 20, (first, later)
