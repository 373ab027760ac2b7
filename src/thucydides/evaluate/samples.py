"""The bundled samples (``samples/*.expected.json``): accuracy measured with nothing but the repository.

Each sample article (``.txt``, ``.html`` or ``.jsonl``) has ``<slug>.expected.json`` beside it:
its publication date, the events the coder ``must`` produce and those it ``must_not`` produce as
asserted (samples/README.md). An expected event is a PLOVER ``type``, optionally a ``source`` and
a ``target`` (an ISO-3166 alpha-3 country, or an actor code such as ``IGOAFRAU`` for an actor of
no country) and a ``modality``. A predicted event matches when its type is the same, its actors'
countries (else codes) are those named, and its modality is the one named; a ``must_not`` entry
that names no modality means ``asserted``: a negated or planned event may be there, never as done.

Scores: ``expected_recall`` (``must`` events found, per type too), ``forbidden_found`` (``must_not``
events found), ``date_accuracy`` (publication dates read right) and ``events_coded``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.evaluate.scores import Error, Report, Scoring
from thucydides.ingest import read_inputs
from thucydides.pipeline import analyze
from thucydides.records import Actor, Analysis, Event

SUFFIXES = (".txt", ".html", ".jsonl")
EXPECTED = ".expected.json"


@dataclass(frozen=True)
class Expected:
    type: str
    source: str | None = None
    target: str | None = None
    modality: str | None = None

    @classmethod
    def of(cls, data: dict[str, Any]) -> Expected:
        return cls(str(data["type"]), data.get("source"), data.get("target"), data.get("modality"))

    def matches(self, event: Event, modality: str | None = None) -> bool:
        """Whether ``event`` is this one; ``modality`` is the one to require when none is named."""
        wanted = self.modality or modality
        return (
            event.plover.type == self.type
            and (self.source is None or _code(event.source) == self.source)
            and (self.target is None or _code(event.target) == self.target)
            and (wanted is None or event.modality == wanted)
        )

    def describe(self) -> str:
        return f"{self.type} {self.source or '*'}->{self.target or '*'}" + (f" ({self.modality})" if self.modality else "")


@dataclass(frozen=True)
class Sample:
    slug: str
    path: Path
    date: str | None
    must: tuple[Expected, ...]
    must_not: tuple[Expected, ...]


def _code(actor: Actor | None) -> str | None:
    return None if actor is None else actor.country or actor.code


def find_samples(folder: str | Path) -> list[Sample]:
    """The articles of ``folder`` that have an ``.expected.json`` beside them, by name."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{folder}: no such folder of samples")
    found = []
    for path in sorted(p for p in root.iterdir() if p.suffix in SUFFIXES and p.is_file()):
        expected_path = path.with_name(path.name.rsplit(".", 1)[0] + EXPECTED)
        if not expected_path.exists():
            continue
        try:
            data = json.loads(expected_path.read_text(encoding="utf-8"))
            found.append(Sample(
                slug=path.name.rsplit(".", 1)[0],
                path=path,
                date=data.get("date"),
                must=tuple(Expected.of(e) for e in data.get("must", ())),
                must_not=tuple(Expected.of(e) for e in data.get("must_not", ())),
            ))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise InputError(f"{expected_path}: not an expected-events file ({type(error).__name__}: {error})") from error
    if not found:
        raise InputError(f"{folder}: no article with a <name>{EXPECTED} beside it")
    return found


def _analyses(samples: list[Sample], settings: Settings) -> Iterator[tuple[Sample, Analysis]]:
    for sample in samples:
        for _, analysis in analyze(read_inputs([str(sample.path)], max_bytes=settings.max_text_bytes), settings):
            yield sample, analysis


def evaluate_samples(folder: str | Path, settings: Settings) -> Report:
    scoring = Scoring("samples")
    for sample, analysis in _analyses(find_samples(folder), settings):
        report = scoring.of(sample.slug)
        report.records += 1
        events = analysis.events
        coded = "; ".join(
            f"{e.plover.type} {_code(e.source) or '-'}->{_code(e.target) or '-'} ({e.modality})" for e in events
        ) or "nothing coded"
        dates = report.count("dates")
        right_date = analysis.date == sample.date
        dates.tp += right_date
        dates.fn += not right_date
        if not right_date:
            report.add_error(Error("miss", sample.slug, "date", f"publication date {analysis.date} where {sample.date} is expected", ""))
        if analysis.rejection is not None:
            report.add_error(Error("miss", sample.slug, "article", f"rejected: {analysis.rejection.reason}", ""))
        for expected in sample.must:
            found = any(expected.matches(e) for e in events)
            report.count("expected").tp += found
            report.count("expected").fn += not found
            if not found:
                report.add_error(Error("miss", sample.slug, expected.type, f"{expected.describe()}; coded: {coded}", ""))
        for unwanted in sample.must_not:
            wrong = [e for e in events if unwanted.matches(e, "asserted")]
            report.tallies["forbidden_found"] += len(wrong)
            for event in wrong:
                report.add_error(Error("false positive", sample.slug, unwanted.type, f"must not: {unwanted.describe()}", event.sentence))
        report.tallies["events_coded"] += len(events)
        report.tallies["forbidden_found"] += 0
    return scoring.finish(_score)


def _score(report: Report) -> None:
    expected, dates = report.count("expected"), report.count("dates")
    report.scores["expected_recall"] = round(expected.recall, 4)
    report.scores["expected_found"] = expected.tp
    report.scores["expected_events"] = expected.tp + expected.fn
    report.scores["date_accuracy"] = round(dates.recall, 4)
    report.scores.update(report.tallies)
