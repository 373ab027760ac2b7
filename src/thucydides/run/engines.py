"""Where batches are analysed: in this process, or in a pool of worker processes.

An engine maps :func:`~thucydides.run.workers.analyze_batch_to_rows` over batches and yields the results
in batch order, keeping only a bounded number of batches in flight, so memory does not grow with
the input. The Dask engine (``thucydides.run.cluster``) has the same shape.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain
from types import TracebackType
from typing import Protocol

from thucydides.config import Settings
from thucydides.errors import RunnerError
from thucydides.run.batches import Analysed, Batch
from thucydides.run.workers import analyze_batch_to_rows, start_worker, warm_up_or_defer

Task = Callable[[Batch, Settings], Analysed]
"""What a worker runs on one batch (``analyze_batch_to_rows``; tests pass others)."""
WarmUp = Callable[[Settings], None]
"""What a worker runs once when it starts (``warm_up``: load the pipeline)."""


class Engine(Protocol):
    """Analyses batches somewhere and yields them in batch order. Use as a context manager."""

    def map(self, batches: Iterator[Batch]) -> Iterator[Analysed]: ...

    def __enter__(self) -> Engine: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None: ...


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _start_method() -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # the server imports spaCy, the pipeline and datasketch (which the writer never imports)
        # once; every worker forked from it has them
        context.set_forkserver_preload(["thucydides.pipeline", "thucydides.run.workers", "datasketch"])
        return context
    return multiprocessing.get_context("spawn")


def _succeeded(future: Future[Analysed]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


@dataclass
class _InFlight:
    """A batch sent to the pool, as the pieces it was cut into and their futures."""

    batch: Batch
    pieces: list[tuple[Batch, Future[Analysed]]]


def _pieces(batch: Batch, count: int) -> list[Batch]:
    """``batch`` cut into ``count`` runs of consecutive articles (fewer when it has fewer
    articles) whose sizes differ by one at most; each keeps the batch's index."""
    parts = max(1, min(count, len(batch.articles)))
    size, larger = divmod(len(batch.articles), parts)
    out, start = [], 0
    for part in range(parts):
        end = start + size + (1 if part < larger else 0)
        out.append(Batch(batch.index, batch.articles[start:end]))
        start = end
    return out


class InProcess:
    """Every batch analysed in this process, one after the other (``--workers 1``)."""

    def __init__(self, settings: Settings, *, task: Task = analyze_batch_to_rows) -> None:
        self.settings = settings
        self.task = task

    def map(self, batches: Iterator[Batch]) -> Iterator[Analysed]:
        for batch in batches:
            yield self.task(batch, self.settings)

    def __enter__(self) -> InProcess:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        return None


class ProcessPool:
    """Batches analysed by ``workers`` processes (``--workers N``), each loading the pipeline once.

    Processes are started with ``forkserver`` where there is one (Linux, macOS: each worker is
    forked from a clean server process that has imported spaCy once; no state of this process is
    inherited), else with ``spawn``; and only when there is a second batch: input that fits in one
    batch is analysed in this process, where one pipeline costs less than N. At most ``window``
    batches are in flight (default: twice the workers). A worker that dies (killed, out of
    memory) breaks the pool; the pool is started again and the unfinished batches are sent again,
    up to ``retries`` times.

    Each batch goes to the workers in ``pieces`` (default 4) and comes back whole: the writer
    still stores one transaction per batch, but the workers share out smaller units, so at the end
    of the input one worker does not sit idle while the other finishes a whole batch (batches of
    32 articles took from 3 to 7 s on one core: up to half of that was lost at the end).
    """

    def __init__(
        self,
        settings: Settings,
        workers: int,
        *,
        window: int | None = None,
        pieces: int = 4,
        retries: int = 2,
        task: Task = analyze_batch_to_rows,
        initializer: WarmUp = warm_up_or_defer,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if pieces < 1:
            raise ValueError(f"pieces must be at least 1, got {pieces}")
        self.settings = settings
        self.workers = workers
        self.window = window or 2 * workers
        self.pieces = pieces
        self.retries = retries
        self.task = task
        self.initializer = initializer
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_start_method(),
                initializer=start_worker,
                initargs=(self.initializer, self.settings),
            )
        return self._pool

    def _restart(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        return self._start()

    def map(self, batches: Iterator[Batch]) -> Iterator[Analysed]:
        first = next(batches, None)
        if first is None:
            return
        second = next(batches, None)
        if second is None:
            yield self.task(first, self.settings)
            return
        pending: deque[_InFlight] = deque()
        failures = 0
        for batch in chain((first, second), batches):
            pending.append(_InFlight(batch, [(piece, self._submit(piece)) for piece in _pieces(batch, self.pieces)]))
            while len(pending) >= self.window:
                result, failures = self._next(pending, failures)
                yield result
        while pending:
            result, failures = self._next(pending, failures)
            yield result

    def _submit(self, piece: Batch) -> Future[Analysed]:
        """The piece sent to the pool; when the pool broke before it could take it (a worker died
        while earlier pieces ran), a future holding that error, so that :meth:`_next` restarts the
        pool and sends it again with the others."""
        try:
            return self._start().submit(self.task, piece, self.settings)
        except BrokenProcessPool as error:
            broken: Future[Analysed] = Future()
            broken.set_exception(error)
            return broken

    def _next(self, pending: deque[_InFlight], failures: int) -> tuple[Analysed, int]:
        """The oldest batch's result, its pieces put together again; when the pool broke, a new
        pool gets every unfinished piece."""
        while True:
            oldest = pending[0]
            try:
                results = [future.result() for _, future in oldest.pieces]
            except BrokenProcessPool as error:
                failures += 1
                if failures > self.retries:
                    raise RunnerError(
                        f"an analysis process died {failures} times (killed, out of memory or crashed); "
                        "try fewer --workers or a smaller --batch-size"
                    ) from error
                # Pieces the old pool finished keep their results; the others go to a new pool.
                pool = self._restart()
                for flight in pending:
                    flight.pieces = [
                        (piece, f if _succeeded(f) else pool.submit(self.task, piece, self.settings))
                        for piece, f in flight.pieces
                    ]
                continue
            pending.popleft()
            return Analysed(oldest.batch.index, tuple(o for r in results for o in r.outcomes)), failures

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
