"""Our tab-separated data files in ``resolve/data``, read one way: rows of fields, comment lines
(``#``) and blank lines left out, and a file that cannot be read one :class:`ResourceError`."""

from __future__ import annotations

import csv
from importlib import resources

from thucydides.errors import ResourceError


def data_rows(filename: str, what: str) -> list[list[str]]:
    """The rows of ``resolve/data/filename``; ``what`` names the file's use in the error."""
    try:
        text = resources.files("thucydides.resolve").joinpath("data", filename).read_text(encoding="utf-8")
    except OSError as error:
        raise ResourceError(f"{what} data file {filename} cannot be read: {error}") from error
    return [row for row in csv.reader(text.splitlines(), delimiter="\t") if row and not row[0].startswith("#")]
