"""The bundled samples: each article with an *.expected.json of events that must and must not appear."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.ingest import read_inputs
from thucydides.pipeline import analyze
from thucydides.records import Event

from .conftest import SAMPLES

ARTICLES = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))


def _matches(event: Event, want: dict[str, str], default_modality: str | None = None) -> bool:
    def code(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return (
        event.plover.type == want["type"]
        and ("source" not in want or code(event.source) == want["source"])
        and ("target" not in want or code(event.target) == want["target"])
        and event.modality == want.get("modality", default_modality or event.modality)
    )


def test_there_are_at_least_twenty_samples_in_three_formats() -> None:
    assert len(ARTICLES) >= 20
    assert {p.suffix for p in ARTICLES} == {".txt", ".html", ".jsonl"}


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_sample(path: Path, settings: Settings) -> None:
    expected = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json").read_text(encoding="utf-8"))
    [(_, analysis)] = list(analyze(read_inputs([str(path)]), settings))
    assert analysis.rejection is None
    assert analysis.date == expected["date"], "the publication date is read from the page or the text"
    coded = [f"{e.plover.type} {e.source and e.source.code}->{e.target and e.target.code} ({e.modality})" for e in analysis.events]
    for want in expected["must"]:
        assert any(_matches(e, want) for e in analysis.events), f"missing {want}; coded: {coded}"
    for unwanted in expected.get("must_not", []):
        # An unwanted event may be there as negated or hypothetical; it must not be asserted.
        assert not any(_matches(e, unwanted, "asserted") for e in analysis.events), f"unwanted {unwanted}; coded: {coded}"
