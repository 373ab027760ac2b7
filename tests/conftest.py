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
