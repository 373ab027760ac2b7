"""The Dask engine: the same batches analysed on a Dask distributed cluster (``--engine dask``).

A :class:`LoadPipeline` worker plugin loads the spaCy pipeline once on every worker (and on any
worker that joins or is restarted later). Batches are submitted a few at a time; results come
back with ``as_completed`` and are handed to the writer in batch order. When a worker is lost,
the scheduler runs its batches again on another worker (up to Dask's
``distributed.scheduler.allowed-failures`` times); a batch that raises is retried ``retries``
times. Without a scheduler address a ``LocalCluster`` of processes is started on this machine.

Dask is an optional dependency (``pip install 'thucydides[dask]'``); this module is imported
only when the Dask engine is asked for.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import deque
from collections.abc import Iterator
from types import TracebackType
from typing import Any

from thucydides.config import Settings
from thucydides.errors import ConfigError, RunnerError
from thucydides.run.batches import Analysed, Batch
from thucydides.run.engines import Task, WarmUp
from thucydides.run.workers import analyze_batch_to_rows, warm_up_or_defer

try:
    import dask
    from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin, as_completed
except ImportError as error:  # the optional dependency is not installed
    raise ConfigError(
        f"--engine dask needs Dask distributed, which is not installed ({error.msg}): "
        "pip install 'thucydides[dask]'"
    ) from error


class LoadPipeline(WorkerPlugin):  # type: ignore[misc]
    """Loads the analysis pipeline into a worker when it starts, in a thread, so the worker's
    event loop keeps answering the scheduler while spaCy loads."""

    name = "thucydides-pipeline"

    def __init__(self, settings: Settings, warm_up: WarmUp = warm_up_or_defer) -> None:
        self.settings = settings
        self.warm_up = warm_up

    async def setup(self, worker: Any) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.warm_up, self.settings)


class DaskCluster:
    """Batches analysed on Dask: the cluster at ``scheduler`` (``tcp://host:8786``), or a new
    ``LocalCluster`` of ``workers`` single-threaded processes. Use as a context manager."""

    def __init__(
        self,
        settings: Settings,
        *,
        scheduler: str | None = None,
        workers: int = 2,
        window: int | None = None,
        retries: int = 2,
        task: Task = analyze_batch_to_rows,
        warm_up: WarmUp = warm_up_or_defer,
    ) -> None:
        self.settings = settings
        self.scheduler = scheduler
        self.workers = workers
        self.window = window
        self.retries = retries
        self.task = task
        self.warm_up = warm_up
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None

    def __enter__(self) -> DaskCluster:
        try:
            if self.scheduler is not None:
                self._client = Client(self.scheduler, timeout="30s", set_as_default=False)
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.CRITICAL,  # a failing batch is raised here, not logged there
                )
                self._client = Client(self._cluster, set_as_default=False)
            self._client.register_plugin(LoadPipeline(self.settings, self.warm_up))
        except (OSError, TimeoutError) as error:
            self.close()
            where = self.scheduler or "a local cluster"
            raise RunnerError(f"cannot use the Dask scheduler at {where}: {error}") from error
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect; a cluster this engine started is shut down, one it joined is left running."""
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map(self, batches: Iterator[Batch]) -> Iterator[Analysed]:
        if self._client is None:
            raise RunnerError("the Dask engine is not started: use it as a context manager")
        client = self._client
        window = self.window or 2 * max(1, len(client.scheduler_info().get("workers", {})))
        run = uuid.uuid4().hex[:12]
        finished: as_completed = as_completed(loop=client.loop)
        order: deque[int] = deque()  # submitted and not yet handed on, in input order
        ready: dict[int, Analysed] = {}
        exhausted = False

        def fill() -> None:
            nonlocal exhausted
            while not exhausted and len(order) < window:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    return
                order.append(batch.index)
                finished.add(
                    client.submit(
                        self.task, batch, self.settings, key=f"thucydides-{run}-{batch.index}",
                        retries=self.retries, pure=False,
                    )
                )

        fill()
        for future in finished:
            analysed = _result(future)
            future.release()
            ready[analysed.index] = analysed
            while order and order[0] in ready:
                yield ready.pop(order.popleft())
            fill()


def _result(future: Future) -> Analysed:
    try:
        result: Analysed = future.result()
    except KilledWorker as error:
        tries = dask.config.get("distributed.scheduler.allowed-failures")
        raise RunnerError(
            f"a batch was lost with every worker that ran it: {error} (Dask's "
            f"distributed.scheduler.allowed-failures is {tries} here); are the workers short of memory?"
        ) from error
    return result
