"""Each gold set is split by record id into a *tune* part and a *check* part.

The split is a hash of the record id, so it is the same on every machine and run, does not move
when records are added, and keeps one article in the same part across sets that share ids
(``gwn:20`` is in the same part in ``geo_gwn`` and in ``articles``). About 60% of records are
*tune*: their errors are listed for the people who write rules. The *check* part is scored and
never explained: its misses and false positives are never printed or written, so a rule cannot be
fitted to them, and a change that lifts tune and not check is over-fitting.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Part = Literal["tune", "check"]
PARTS: tuple[Part, ...] = ("tune", "check")
TUNE_PERCENT = 60
_SALT = "thucydides-partition:"


def part_of(record_id: str) -> Part:
    """The part a gold record belongs to, from a hash of its id."""
    digest = hashlib.sha256((_SALT + record_id).encode("utf-8")).digest()
    return "tune" if int.from_bytes(digest[:4], "big") % 100 < TUNE_PERCENT else "check"
