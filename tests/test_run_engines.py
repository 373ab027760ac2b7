"""The runner: the same database whichever engine analysed the batches (one process, a process
pool, a Dask cluster), batches handed to the writer in input order, a dead worker's batch retried."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import ConfigError, RunnerError
from thucydides.ingest import read_inputs
from thucydides.records import Article, Rejection, rejected
from thucydides.run import Analysed, Batch, BatchWritten, InProcess, Outcome, ProcessPool, batches, ingest, make_engine
from thucydides.store import Store

from .conftest import SAMPLES

BATCH = 4
"""Small batches, so the samples make several and the order in which they finish can differ."""


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without the columns that hold when a row was written."""
    connection = sqlite3.connect(db)
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {}
        for table in tables:
            columns = [r[1] for r in connection.execute(f"PRAGMA table_info({table})") if not r[1].endswith("_at")]
            rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    finally:
        connection.close()
    return out


def _ingest_in_process(db: Path, settings: Settings) -> list[BatchWritten]:
    reports: list[BatchWritten] = []
    with InProcess(settings) as engine, Store.open(db) as store:
        summary = ingest(read_inputs([str(SAMPLES)]), settings, store, engine, on_batch=reports.append)
    assert summary.documents == sum(r.documents for r in reports) == reports[-1].done
    return reports


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    db = tmp_path_factory.mktemp("one") / "one.db"
    reports = _ingest_in_process(db, replace(Settings(), batch_size=BATCH))
    assert len(reports) > 2 and all(r.documents <= BATCH for r in reports)
    return dump(db)


# -- batches and ordering, without a model --------------------------------------------------------


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Text {i}.", origin=f"file{i}.txt") for i in range(n)]


def test_batches_are_numbered_and_read_lazily() -> None:
    read: list[int] = []

    def source() -> Iterator[Article]:
        for article in _articles(7):
            read.append(int(article.id[1:]))
            yield article

    stream = batches(source(), 3)
    first = next(stream)
    assert first.index == 0 and [a.id for a in first.articles] == ["a0", "a1", "a2"]
    assert read == [0, 1, 2]  # nothing is read ahead of the batch that needs it
    assert [(b.index, len(b.articles)) for b in stream] == [(1, 3), (2, 1)]


def _echo(batch: Batch, settings: Settings) -> Analysed:
    """A stand-in for analysis, with no model: each article comes back as a rejection."""
    return Analysed(batch.index, tuple(Outcome(a.origin, rejected(a, Rejection("test", "echo"))) for a in batch.articles))


def _nothing(settings: Settings) -> None:
    return None


class DiesOnce:
    """Kills the process that runs it the first time it runs batch 1 (a worker lost mid-batch)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __call__(self, batch: Batch, settings: Settings) -> Analysed:
        if batch.index == 1 and not self.marker.exists():
            self.marker.write_text("died")
            os._exit(1)
        return _echo(batch, settings)


class DiesWhileTheWriterWrites(DiesOnce):
    """Kills its process in batch 1 a moment after batch 0 is done: the pool breaks while the
    caller still holds batch 0's result, before it sends the next batch."""

    def __call__(self, batch: Batch, settings: Settings) -> Analysed:
        if batch.index == 1 and not self.marker.exists():
            time.sleep(0.3)
        return super().__call__(batch, settings)


def _note_pid_and_wait(batch: Batch, settings: Settings) -> Analysed:
    """Leaves the worker's pid in $PID_FOLDER, then works for a minute (a long batch)."""
    (Path(os.environ["PID_FOLDER"]) / str(os.getpid())).touch()
    time.sleep(60)
    return _echo(batch, settings)


def _always_dies(batch: Batch, settings: Settings) -> Analysed:
    os._exit(1)


def test_a_process_pool_yields_batches_in_input_order_and_retries_a_dead_workers_batch(tmp_path: Path) -> None:
    marker = tmp_path / "died"
    with ProcessPool(Settings(), 2, task=DiesOnce(marker), initializer=_nothing) as engine:
        results = list(engine.map(batches(_articles(10), 2)))
    assert marker.read_text() == "died"
    assert [r.index for r in results] == [0, 1, 2, 3, 4]
    assert [o.analysis.id for r in results for o in r.outcomes] == [f"a{i}" for i in range(10)]


def test_a_worker_lost_before_the_next_batch_is_sent_loses_no_batch(tmp_path: Path) -> None:
    marker = tmp_path / "died"
    results = []
    with ProcessPool(Settings(), 2, window=2, task=DiesWhileTheWriterWrites(marker), initializer=_nothing) as engine:
        for result in engine.map(batches(_articles(10), 2)):
            results.append(result)
            time.sleep(1.0 if result.index == 0 else 0)  # a slow write while batch 1's worker dies
    assert marker.read_text() == "died"
    assert [o.analysis.id for r in results for o in r.outcomes] == [f"a{i}" for i in range(10)]


def _echo_piece(batch: Batch, settings: Settings) -> Analysed:
    """Like ``_echo``; each rejection's detail says how many articles its worker was handed at once."""
    return Analysed(
        batch.index,
        tuple(Outcome(a.origin, rejected(a, Rejection("test", "echo", str(len(batch.articles))))) for a in batch.articles),
    )


def test_workers_are_handed_pieces_of_a_batch_and_the_writer_gets_it_whole() -> None:
    # Smaller units keep both workers busy to the end of the input; transactions stay per batch.
    with ProcessPool(Settings(), 2, pieces=3, task=_echo_piece, initializer=_nothing) as engine:
        results = list(engine.map(batches(_articles(10), 4)))
    assert [(r.index, len(r.outcomes)) for r in results] == [(0, 4), (1, 4), (2, 2)]
    assert [o.analysis.id for r in results for o in r.outcomes] == [f"a{i}" for i in range(10)]
    handed = [[o.analysis.rejection.detail for o in r.outcomes if o.analysis.rejection] for r in results]
    assert handed == [["2", "2", "1", "1"], ["2", "2", "1", "1"], ["1", "1"]]


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_workers_end_when_the_runner_is_killed(tmp_path: Path, signal_name: str) -> None:
    import signal

    script = (
        "from thucydides.config import Settings\n"
        "from thucydides.run import ProcessPool, batches\n"
        "from tests.test_run_engines import _articles, _note_pid_and_wait, _nothing\n"
        "with ProcessPool(Settings(), 2, task=_note_pid_and_wait, initializer=_nothing) as engine:\n"
        "    list(engine.map(batches(_articles(4), 2)))\n"
    )
    runner = subprocess.Popen([sys.executable, "-c", script], cwd=SAMPLES.parent, env={**os.environ, "PID_FOLDER": str(tmp_path)})
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 2:
        assert runner.poll() is None and time.monotonic() < deadline, "the workers did not start"
        time.sleep(0.1)
    workers = [int(p.name) for p in tmp_path.iterdir()]
    runner.send_signal(getattr(signal, signal_name))
    runner.wait(timeout=10)
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in workers):
        assert time.monotonic() < deadline, f"workers {workers} outlived the runner killed with {signal_name}"
        time.sleep(0.2)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def test_a_pool_whose_workers_keep_dying_is_one_error() -> None:
    with pytest.raises(RunnerError, match="died"):
        with ProcessPool(Settings(), 1, retries=1, task=_always_dies, initializer=_nothing) as engine:
            list(engine.map(batches(_articles(6), 2)))


def test_engines_are_chosen_from_the_options() -> None:
    settings = Settings()
    assert isinstance(make_engine(settings, workers=1), InProcess)
    assert isinstance(make_engine(settings, workers=3), ProcessPool)
    with pytest.raises(ConfigError, match="--scheduler needs --engine dask"):
        make_engine(settings, scheduler="tcp://127.0.0.1:8786")


def test_without_dask_the_dask_engine_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    monkeypatch.delitem(sys.modules, "thucydides.run.cluster", raising=False)
    with pytest.raises(ConfigError, match=r"pip install 'thucydides\[dask\]'"):
        make_engine(Settings(), engine="dask")


# -- the real pipeline ---------------------------------------------------------------------------


@pytest.mark.slow
def test_two_worker_processes_write_the_same_database_as_one(
    one_worker: dict[str, list[tuple[object, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "two.db"
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "ingest", str(SAMPLES),
         "--db", str(db), "--workers", "2", "--batch-size", str(BATCH), "--no-progress"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    two = dump(db)
    assert two.keys() == one_worker.keys()
    assert sum(len(rows) for rows in two.values()) > 500
    for table, rows in one_worker.items():
        assert two[table] == rows, table


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[str]:
    """A real Dask LocalCluster of 2 single-threaded worker processes; yields its address."""
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_dask_workers_write_the_same_database_as_one_process(
    one_worker: dict[str, list[tuple[object, ...]]], local_cluster: str, tmp_path: Path
) -> None:
    settings = replace(Settings(), batch_size=BATCH)
    db = tmp_path / "dask.db"
    with make_engine(settings, engine="dask", scheduler=local_cluster) as engine, Store.open(db) as store:
        summary = ingest(read_inputs([str(SAMPLES)]), settings, store, engine)
    assert summary.documents == len(one_worker["articles"])
    dask = dump(db)
    assert {t: len(rows) for t, rows in dask.items()} == {t: len(rows) for t, rows in one_worker.items()}
    for table, rows in one_worker.items():
        assert dask[table] == rows, table


@pytest.mark.slow
def test_a_lost_dask_workers_batch_is_run_again(local_cluster: str, tmp_path: Path) -> None:
    from thucydides.run.cluster import DaskCluster

    marker = tmp_path / "died"
    with DaskCluster(Settings(), scheduler=local_cluster, task=DiesOnce(marker), warm_up=_nothing) as engine:
        results = list(engine.map(batches(_articles(8), 2)))
    assert marker.read_text() == "died"
    assert [r.index for r in results] == [0, 1, 2, 3]
    assert [o.analysis.id for r in results for o in r.outcomes] == [f"a{i}" for i in range(8)]



def test_a_mistake_met_in_a_worker_process_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "ingest", str(SAMPLES),
         "--db", str(tmp_path / "x.db"), "--workers", "2", "--batch-size", str(BATCH), "--pipeline", "no_such_pipeline"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: spaCy pipeline 'no_such_pipeline' is not installed; install its package or pass --pipeline NAME"
    ]
