"""PLOVER contexts of CAMEO codes (data/plover_contexts.tsv), from the official CAMEO-to-PLOVER
conversion table: what an event is about (``diplomatic``, ``economic``, ``military``, ``legal``…),
the field analysts filter on. A four-digit code the table leaves out takes its three-digit
parent's contexts; a code with none has none.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from thucydides.errors import ResourceError


@lru_cache(maxsize=1)
def context_table() -> dict[str, tuple[str, ...]]:
    """CAMEO code -> its PLOVER contexts, as the data file lists them."""
    source = resources.files("thucydides.codes").joinpath("data/plover_contexts.tsv")
    table: dict[str, tuple[str, ...]] = {}
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    if not lines or lines[0] != "cameo\tcontext":
        raise ResourceError(f"{source}: the header must be 'cameo<TAB>context'")
    for number, line in enumerate(lines[1:], start=2):
        code, _, contexts = line.partition("\t")
        values = tuple(c for c in contexts.split("|") if c)
        if not code.isdigit() or not values:
            raise ResourceError(f"{source}: line {number}: expected a CAMEO code, a tab and contexts, got {line!r}")
        table[code] = values
    return table


def plover_contexts(cameo: str) -> tuple[str, ...]:
    """The PLOVER contexts of a CAMEO code: its own, else its three-digit parent's, else none."""
    table = context_table()
    return table.get(cameo) or (table.get(cameo[:3], ()) if len(cameo) == 4 else ())


def all_contexts() -> tuple[str, ...]:
    """Every context the table uses, sorted."""
    return tuple(sorted({c for values in context_table().values() for c in values}))
