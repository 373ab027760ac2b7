"""What every analysis worker runs, in-process, in a process pool or on a Dask worker.

``warm_up`` loads the spaCy pipeline, the knowledge base, the lexicon and the gazetteer once per
process (they are cached for the process's life); ``analyze_batch`` is a pure function of its
batch and settings, so where it runs does not change what it returns.

The pipeline (spaCy and everything analysis loads) is imported by the functions that analyse,
not by this module: the process that only hands out batches and writes them (``--workers 2``)
never imports spaCy, and starts its workers that much sooner.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
import time
from collections.abc import Callable

from thucydides.config import Settings
from thucydides.crossdoc import prepare
from thucydides.errors import ThucydidesError
from thucydides.records import Article
from thucydides.run.batches import Analysed, Batch, Outcome
from thucydides.store import article_rows
from thucydides.run.memory import collect_batch, give_back_freed_memory, hold_freed_memory, keep_loaded

_WARM_UP_TEXT = "Arnor's foreign minister met Gondor's president in Minas Tirith on Monday, officials said."
"""Invented: enough to touch every stage (parse, actors, places, times, events, quotes)."""


def warm_up(settings: Settings) -> None:
    """Load everything analysis needs into this process, so the first batch does not pay for it."""
    from thucydides.pipeline import analyze

    global _warm
    hold_freed_memory()
    for _ in analyze([Article(id="warm-up", text=_WARM_UP_TEXT, date="2024-01-01")], settings):
        pass
    prepare(_WARM_UP_TEXT)  # the tone lexicon and the MinHash permutations, loaded once too
    keep_loaded()
    give_back_freed_memory()
    _warm = True


_warm = False
"""Whether this process has loaded the pipeline (``warm_up``): the first batch analysed in a
process that was not warmed up (``--workers 1``) warms it up first."""


def start_worker(initializer: Callable[[Settings], None], settings: Settings) -> None:
    """A pool worker's start: it ends itself when the process that started the pool is gone (the
    runner killed with -9 or SIGTERM leaves no worker holding memory), then runs ``initializer``."""
    threading.Thread(target=_exit_with_runner, name="thucydides-runner-watch", daemon=True).start()
    initializer(settings)


def _exit_with_runner() -> None:
    """Waits until the runner process ends, then ends this one. The runner is the process that
    asked for this worker (``multiprocessing.parent_process()``: with the forkserver start
    method it is not the OS parent, and the forkserver lives as long as its workers do)."""
    runner = multiprocessing.parent_process()
    if runner is not None:
        multiprocessing.connection.wait([runner.sentinel])
    else:
        parent = os.getppid()
        while os.getppid() == parent:
            time.sleep(1.0)
    os._exit(1)


def warm_up_or_defer(settings: Settings) -> None:
    """``warm_up`` for a process pool's initializer. A failure of ours (an unknown ``--pipeline``,
    a malformed ``--kb`` file) is left for the first batch, which meets it again and raises it to
    the runner as the one-line error it is; raised here, it would only break the pool."""
    try:
        warm_up(settings)
    except ThucydidesError:
        return


def analyze_batch(batch: Batch, settings: Settings) -> Analysed:
    """The batch's analyses, in input order, each with its article's origin and the per-article
    part of the cross-document stage (tone, signature: done here, where there are as many
    processes as cores, not in the one that writes). The batch's garbage is collected before the
    next one, which reuses its memory, so a long run stays at the size of one batch."""
    from thucydides.pipeline import analyze

    if not _warm:
        warm_up_or_defer(settings)
    outcomes = tuple(
        Outcome(article.origin, analysis, None if analysis.rejection is not None else prepare(analysis.text))
        for article, analysis in analyze(batch.articles, settings)
    )
    collect_batch()
    return Analysed(batch.index, outcomes)


def analyze_batch_to_rows(batch: Batch, settings: Settings) -> Analysed:
    """:func:`analyze_batch`, each outcome holding the rows the store keeps of its analysis
    (built here, in the worker) instead of the analysis itself: what every engine hands the
    writer, which then only writes. Rows are plain values in tuples: the 300 PolNeAR dev
    articles' analyses, as records, took three times as long to send between processes."""
    analysed = analyze_batch(batch, settings)
    return Analysed(
        analysed.index,
        tuple(
            Outcome(o.origin, None, o.prepared, article_rows(o.analysis, o.origin))
            for o in analysed.outcomes
            if o.analysis is not None
        ),
    )
