"""CSV cells a spreadsheet will not run as formulas (``--csv-safe``).

Excel, LibreOffice and Google Sheets treat a cell that begins with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return before one) as a formula, so an article sentence such as
``=cmd|' /C calc'!A0`` becomes code on the analyst's machine. The OWASP remedy: prefix such a cell
with a single quote, which spreadsheets show as text. Plain numbers (``-5.5``, ``+3``) are left as
they are, since they cannot be formulas and analysts sort by them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

V = TypeVar("V")


def safe_cell(value: V) -> V | str:
    """``value`` with a leading ``'`` when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """Every cell of a CSV row made safe with :func:`safe_cell`."""
    return {key: safe_cell(value) for key, value in row.items()}
