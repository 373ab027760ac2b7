"""Shared fixtures: the gold data folder, settings, and analysing a text through the real pipeline."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from thucydides import crossdoc
from thucydides.config import Settings
from thucydides.pipeline import analyze_one
from thucydides.records import Analysis, Article
from thucydides.store import Store, WriteSummary

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def analyze_text(settings: Settings):  # type: ignore[no-untyped-def]
    """Analyse a text written in the test, with an optional publication date."""

    def run(text: str, date: str | None = "2024-05-06") -> Analysis:
        return analyze_one(Article(id="test", text=text, date=date), settings)

    return run


def in_ci() -> bool:
    """CI sets ``CI=true``; there the gold data must be present, so its tests never skip."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def need_data(path: Path) -> Path:
    """The gold file or folder at ``path``: skipped on a newcomer's clone without ../shared/data,
    a failure in CI, where a skipped quality floor would pass unnoticed."""
    if not path.exists():
        if in_ci():
            pytest.fail(f"gold data not present at {path}: CI needs ../shared/data next to the repository")
        pytest.skip(f"gold data not present at {path}")
    return path


def write(store: Store, analyses: Iterable[Analysis], origins: Mapping[str, str] | None = None) -> WriteSummary:
    """Store analyses and run the cross-document stage after them, as the runner does."""
    summary = store.write(analyses, origins)
    crossdoc.update(store)
    return summary


HOSTILE = ROOT / "tests" / "fixtures" / "serve" / "hostile.jsonl"
"""An article whose title, text, source and URL hold markup and script (for the pages' escaping)."""


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database for every test of ``serve``: the samples and the hostile article, ingested
    once by the real command."""
    import subprocess
    import sys

    db = tmp_path_factory.mktemp("serve") / "served.db"
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "ingest", str(SAMPLES), str(HOSTILE),
         "--db", str(db)],
        capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    # Settle the database as a reader finds it (no write-ahead log left to fold in).
    import sqlite3

    connection = sqlite3.connect(db)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return db


@pytest.fixture(scope="session")
def server(served_db: Path):  # type: ignore[no-untyped-def]
    """``thucydides serve``'s application, served by uvicorn on 127.0.0.1 (a free port) in a
    thread for the whole session; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from thucydides.serve.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(served_db), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
