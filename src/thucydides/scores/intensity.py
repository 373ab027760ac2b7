"""PLOVER intensity: how cooperative (+) or conflictual (-) an event is, on -10..+10.

PLOVER 2.0 gives each event type (and mode) an intensity score. We do not ship the official
table; we derive it from the Goldstein values in ``codes/data/cameo.tsv``: the intensity of a
PLOVER type and mode is the mean Goldstein value of the CAMEO codes that map to that type and
mode, and of a type alone (no mode, or a mode no CAMEO code maps to) the mean over all its codes.
The README says so. Values are rounded to one decimal.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from thucydides.codes.cameo import cameo_table


@lru_cache(maxsize=1)
def intensity_table() -> dict[tuple[str, str | None], float]:
    """``(plover_type, mode)`` and ``(plover_type, None)`` -> intensity."""
    values: dict[tuple[str, str | None], list[float]] = defaultdict(list)
    for code in cameo_table().values():
        if code.plover_type is None:
            continue
        values[(code.plover_type, None)].append(code.goldstein)
        if code.plover_mode:
            values[(code.plover_type, code.plover_mode)].append(code.goldstein)
    return {key: round(sum(v) / len(v), 1) for key, v in values.items()}


def intensity(plover_type: str, mode: str | None, goldstein: float) -> float:
    """The intensity of a PLOVER type and mode; the Goldstein value for a type we cannot place."""
    table = intensity_table()
    for key in ((plover_type, mode), (plover_type, None)):
        if key in table:
            return table[key]
    return round(goldstein, 1)
