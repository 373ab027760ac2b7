"""The quality floors of tests/floors.json and how a report is held to them.

``FLOORS[task]`` are floors on a whole dev set; ``FLOORS["check"][task]`` on its check part (see
``thucydides.evaluate.partition``). Floors only move up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thucydides.evaluate.scores import Report

FLOORS: dict[str, Any] = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


def check_floors(report: Report, task: str, noise: float | None = None) -> None:
    """The whole set's scores against ``FLOORS[task]`` and the check part's against
    ``FLOORS["check"][task]``. Noise is one record's worth on small sets (33 PETRARCH records:
    0.03), at least 0.01, unless given."""
    for part, floors in ((report, FLOORS.get(task, {})), (report.parts["check"], FLOORS["check"].get(task, {}))):
        margin = noise if noise is not None else max(0.01, 1 / max(part.records, 1))
        for measure, floor in floors.items():
            assert part.scores[measure] >= floor - margin, f"{task} ({part.part}) {measure} {part.scores[measure]:.3f} < floor {floor}"
