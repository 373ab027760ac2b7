"""The CAMEO event-code table (data/cameo.tsv): names, Goldstein values, PLOVER type and mode."""

from __future__ import annotations

import csv
from collections.abc import Iterator
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

    @property
    def facts(self) -> RootFacts:
        """What holds for every event of the code's root (data/cameo_roots.tsv)."""
        return root_facts()[self.root]


@dataclass(frozen=True)
class RootFacts:
    """Facts of a CAMEO root that every form of every lexicon entry under it shares."""

    root: str
    violent: bool
    """Physical violence (18 assault, 19 fight, 20 mass violence)."""
    needs_target: bool
    """Done between two actors (consulting, diplomatic and material cooperation, aid, reducing
    relations): without a target actor the clause is not coded."""
    symmetric: bool
    """Done together, each party the other's counterpart (04 consult, 06 cooperate)."""
    unattributed: bool
    """Done to a victim, who may be told without the author: "a helicopter was shot down", "the
    expelled diplomats", "after the killing of …" are events with a target and no source (the
    CAMEO codebook codes what was done to whom; the text need not say by whom)."""


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


_YES_NO = {"yes": True, "no": False}

LASTING_CODES = frozenset({"191", "192"})
"""Blockade and occupation: before a noun their participle names a lasting state ("the occupied
territories", "the besieged city"), not news of an act."""


def _rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a table in codes/data, each with its line number in the file."""
    source = resources.files("thucydides.codes").joinpath(f"data/{name}")
    with source.open(encoding="utf-8") as handle:
        yield from enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=2)


@lru_cache(maxsize=1)
def root_facts() -> dict[str, RootFacts]:
    """The facts of every CAMEO root ("01" … "20"), from data/cameo_roots.tsv."""
    facts: dict[str, RootFacts] = {}
    for number, row in _rows("cameo_roots.tsv"):
        try:
            facts[row["root"]] = RootFacts(
                row["root"], *(_YES_NO[row[column]] for column in ("violent", "needs_target", "symmetric", "unattributed"))
            )
        except KeyError as error:
            raise ResourceError(f"cameo_roots.tsv line {number}: no column or bad value {error}") from error
    return facts


def roots_where(fact: str) -> frozenset[str]:
    """The roots for which a fact of RootFacts ("violent", "needs_target", …) holds."""
    return frozenset(root for root, facts in root_facts().items() if getattr(facts, fact))


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """Every CAMEO code by its string ("042", "0211")."""
    table: dict[str, CameoCode] = {}
    for number, row in _rows("cameo.tsv"):
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
