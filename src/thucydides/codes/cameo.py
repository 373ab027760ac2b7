"""The CAMEO event-code table (data/cameo.tsv): names, Goldstein values, PLOVER type and mode."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from thucydides.errors import ResourceError


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover_type: str | None
    """None for the 01x public-statement codes, which PLOVER does not code as events."""
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.code)


def quad_class(code: str) -> int:
    """1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
    4 material conflict (14-20)."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code by its string ("042", "0211")."""
    source = resources.files("thucydides.codes").joinpath("data/cameo.tsv")
    table: dict[str, CameoCode] = {}
    with source.open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            try:
                plover = (row["plover_type"] or "").strip()
                table[row["code"]] = CameoCode(
                    code=row["code"],
                    name=row["name"],
                    goldstein=float(row["goldstein"]),
                    plover_type=None if plover in ("", "NONE") else plover,
                    plover_mode=(row["plover_mode"] or "").strip() or None,
                )
            except (KeyError, ValueError, TypeError) as error:
                raise ResourceError(f"cameo.tsv line {number}: {error}") from error
    return table
