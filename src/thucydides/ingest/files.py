"""Paths to articles: plain text, HTML, JSON Lines, directories (recursive) and ``-`` for stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from thucydides.errors import InputError
from thucydides.ingest.checks import check_bytes, decode
from thucydides.ingest.html import read_html
from thucydides.ingest.ids import article_id, origin_id
from thucydides.ingest.jsonl import read_jsonl
from thucydides.records import Article, Rejection

FORMATS: dict[str, str] = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
"""File extension -> input format. Directories are searched for these extensions."""


def read_inputs(
    paths: Iterable[str],
    *,
    input_format: str | None = None,
    max_bytes: int = 5_000_000,
    date: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article]:
    """Every article under the given paths, in order; unreadable ones carry a rejection.

    Raises InputError up front for a path that does not exist or a format we cannot tell, since
    those are typing mistakes rather than bad documents.
    """
    files = list(_expand(paths, input_format))
    for path, fmt in files:
        if path == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from _read(data, "-", fmt, max_bytes, date)
            continue
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            yield _unreadable(path, fmt, Rejection("ingest", "unreadable", error.strerror or str(error)))
            continue
        yield from _read(data, path, fmt, max_bytes, date)


def _expand(paths: Iterable[str], input_format: str | None) -> Iterator[tuple[str, str]]:
    if input_format is not None and input_format not in set(FORMATS.values()):
        raise InputError(f"unknown input format {input_format!r}; choose one of {sorted(set(FORMATS.values()))}")
    for raw in paths:
        if raw == "-":
            if input_format is None:
                raise InputError("reading stdin needs --input-format (txt, html or jsonl)")
            yield raw, input_format
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
            for file in found:
                yield str(file), input_format or FORMATS[file.suffix.lower()]
        elif path.is_file():
            fmt = input_format or FORMATS.get(path.suffix.lower())
            if fmt is None:
                raise InputError(f"{raw}: cannot tell the format from {path.suffix or 'no extension'!r}; use --input-format")
            yield raw, fmt
        else:
            raise InputError(f"{raw}: no such file or directory")


def _read(data: bytes, origin: str, fmt: str, max_bytes: int, date: str | None) -> Iterator[Article]:
    # A JSONL file may be larger than one article may be; each line is checked on its own.
    limit = max_bytes if fmt != "jsonl" else max(max_bytes, len(data))
    rejection = check_bytes(data, limit)
    text: str | None = None
    if rejection is None:
        text, rejection = decode(data)
    if rejection is not None or text is None:
        yield _unreadable(origin, fmt, rejection or Rejection("ingest", "unreadable", origin))
        return
    if fmt == "jsonl":
        yield from read_jsonl(text, origin, max_bytes, date)
    elif fmt == "html":
        yield read_html(text, origin, date=date)
    else:
        yield Article(
            id=article_id(text),
            text=text,
            title=_title(text),
            date=date,
            origin=origin,
            input_format="txt",
        )


def _title(text: str) -> str | None:
    """The first line, when it stands alone above a blank line and reads like a headline."""
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if first and len(first) <= 200 and rest.startswith("\n") and not first.endswith((".", ":", "”", '"')):
        return first
    return None


def _unreadable(origin: str, fmt: str, rejection: Rejection) -> Article:
    return Article(id=origin_id(origin), text="", origin=origin, input_format=fmt, rejection=rejection)
