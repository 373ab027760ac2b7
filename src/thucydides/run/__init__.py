"""The runner: stream inputs, analyse them in batches on an engine, write them with one writer.

    with make_engine(settings, workers=2) as engine, Store.open("news.db") as store:
        summary = ingest(read_inputs(paths), settings, store, engine, on_batch=print)

Engines: ``InProcess`` (one worker), ``ProcessPool`` (N processes) and, with the ``dask`` extra,
``thucydides.run.cluster.DaskCluster``; all hand the writer the same batches in the same order.
"""

from __future__ import annotations

from thucydides.config import Settings
from thucydides.errors import ConfigError
from thucydides.run.batches import Analysed, Batch, Outcome, batches
from thucydides.run.engines import Engine, InProcess, ProcessPool, available_cores
from thucydides.run.runner import BatchWritten, IngestSummary, Progress, ingest

ENGINES = ("local", "dask")


def make_engine(
    settings: Settings, *, engine: str = "local", workers: int | None = None, scheduler: str | None = None
) -> Engine:
    """The engine the CLI's ``--engine``, ``--workers`` and ``--scheduler`` ask for.

    ``workers`` defaults to the cores this process may use; with ``--engine dask`` it sizes the
    local cluster and is ignored when ``scheduler`` names an existing one.
    """
    count = workers if workers is not None else available_cores()
    if engine == "dask":
        from thucydides.run.cluster import DaskCluster  # Dask is optional: imported only here

        return DaskCluster(settings, scheduler=scheduler, workers=count)
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler is not None:
        raise ConfigError("--scheduler needs --engine dask")
    return InProcess(settings) if count == 1 else ProcessPool(settings, count)


__all__ = [
    "ENGINES",
    "Analysed",
    "Batch",
    "BatchWritten",
    "Engine",
    "InProcess",
    "IngestSummary",
    "Outcome",
    "ProcessPool",
    "Progress",
    "available_cores",
    "batches",
    "ingest",
    "make_engine",
]
