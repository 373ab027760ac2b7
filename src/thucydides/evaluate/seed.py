"""The reference article: the events an analyst expects from it (../shared/data/seed/EXPECTED.md).

These are facts about the article written down as checks, not its text: a type, a source and a
target country, and where it matters a modality.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thucydides.config import Settings
from thucydides.evaluate.events import actor_key, analyses, read_gold
from thucydides.evaluate.scores import Error, Report, Scoring
from thucydides.records import Event


@dataclass(frozen=True)
class Expectation:
    plover: str
    source: str
    target: str
    modality: str | None = None
    forbidden: bool = False

    def matches(self, event: Event) -> bool:
        return (
            event.plover.type == self.plover
            and actor_key(event.source) == self.source
            and actor_key(event.target) == self.target
            and (self.modality is None or event.modality == self.modality)
        )

    def describe(self) -> str:
        return f"{self.plover} {self.source}->{self.target}" + (f" ({self.modality})" if self.modality else "")


SEED_EXPECTATIONS = (
    Expectation("CONSULT", "CHN", "RUS", "future"),
    Expectation("REJECT", "USA", "CHN"),
    Expectation("ACCUSE", "CHN", "USA"),
    Expectation("ACCUSE", "CHN", "IGO"),
    Expectation("CONSULT", "CHN", "UKR"),
    Expectation("ACCUSE", "CHN", "RUS", "asserted", forbidden=True),
)


def evaluate_seed(path: str | Path, settings: Settings) -> Report:
    scoring = Scoring("seed")
    for record, analysis in analyses(read_gold(path), settings):
        report = scoring.of(str(record["id"]))
        report.records += 1
        counts = report.count("expected")
        events = analysis.events
        for expectation in SEED_EXPECTATIONS:
            found = any(expectation.matches(e) for e in events)
            symmetric = expectation.plover == "CONSULT" and any(
                Expectation(expectation.plover, expectation.target, expectation.source).matches(e) for e in events
            )
            if expectation.forbidden:
                if found:
                    report.tallies["forbidden_found"] += 1
                    report.add_error(Error("false positive", record["id"], expectation.plover, "forbidden: " + expectation.describe(), ""))
            elif found or symmetric:
                counts.tp += 1
            else:
                counts.fn += 1
                report.add_error(Error("miss", record["id"], expectation.plover, expectation.describe(), ""))
        report.tallies["events_coded"] += len(events)
        report.tallies["forbidden_found"] += 0
    return scoring.finish()
