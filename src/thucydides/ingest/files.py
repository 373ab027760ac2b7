"""Paths to articles: plain text, HTML, JSON Lines, WARC archives, directories (recursive) and
``-`` for stdin."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from thucydides.errors import InputError
from thucydides.ingest.checks import check_bytes, check_text, decode, looks_binary
from thucydides.ingest.ids import article_id, origin_id
from thucydides.ingest.jsonl import read_jsonl_lines
from thucydides.ingest.streams import CHUNK, WIDE, read_bounded, read_lines, text_encoding
from thucydides.records import Article, Rejection

FORMATS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".warc": "warc", ".warc.gz": "warc",
}
"""File extension -> input format. Directories are searched for these extensions."""


def format_of(path: Path) -> str | None:
    """The input format a file's extension names (``.warc.gz`` is one extension), or None."""
    name = path.name.lower()
    return next((fmt for ext, fmt in FORMATS.items() if ext.count(".") > 1 and name.endswith(ext)), None) or FORMATS.get(
        path.suffix.lower()
    )


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
    those are typing mistakes rather than bad documents. Files and stdin are streamed: no more
    than ``max_bytes`` of a document (of a line, for JSON Lines) is held at once. FIFOs and
    devices (``<(command)``, ``/dev/stdin``) are read like stdin.
    """
    files = list(_expand(paths, input_format))
    return _read_files(files, max_bytes, date, stdin)


def _read_files(files: list[tuple[str, str]], max_bytes: int, date: str | None, stdin: BinaryIO | None) -> Iterator[Article]:
    for path, fmt in files:
        origin = _printable(path)
        try:
            if path == "-":
                yield from _read_stream(stdin or sys.stdin.buffer, "-", fmt, max_bytes, date)
                continue
            try:
                handle = open(path, "rb")
            except OSError as error:
                yield _unreadable(origin, fmt, Rejection("ingest", "unreadable", error.strerror or str(error)))
                continue
            with handle:
                yield from _read_stream(handle, origin, fmt, max_bytes, date)
        except Exception as error:  # noqa: BLE001 - a reader that breaks on one file costs only that file
            yield _unreadable(origin, fmt, Rejection("ingest", "failed", f"{type(error).__name__}: {str(error)[:300]}"))


def _printable(path: str) -> str:
    """A path as text that can be stored and shown: undecodable bytes of a file name become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace") if path != "-" else path


def _expand(paths: Iterable[str], input_format: str | None) -> Iterator[tuple[str, str]]:
    if input_format is not None and input_format not in set(FORMATS.values()):
        raise InputError(f"unknown input format {input_format!r}; choose one of {sorted(set(FORMATS.values()))}")
    for raw in paths:
        if raw == "-":
            if input_format is None:
                raise InputError("reading stdin needs --input-format (txt, html, jsonl or warc)")
            yield raw, input_format
            continue
        path = Path(raw)
        shown = _printable(raw)
        if path.is_dir():
            found = sorted((p, fmt) for p in path.rglob("*") if p.is_file() and (fmt := format_of(p)) is not None)
            if not found:
                raise InputError(f"{shown}: no .txt, .html, .htm, .jsonl, .warc or .warc.gz files in this folder")
            for file, fmt in found:
                yield str(file), input_format or fmt
        elif path.is_file():
            fmt = input_format or format_of(path)
            if fmt is None:
                raise InputError(f"{shown}: cannot tell the format from {path.suffix or 'no extension'!r}; use --input-format")
            yield raw, fmt
        elif path.exists():
            kind = _kind_of(path)
            if kind is None:
                raise InputError(f"{shown}: not a file, folder, FIFO or device that can be read")
            fmt = input_format or format_of(path)
            if fmt is None:
                raise InputError(f"{shown}: is a {kind}; say what it holds with --input-format (txt, html, jsonl or warc)")
            yield raw, fmt
        else:
            raise InputError(f"{shown}: no such file or directory")


def _kind_of(path: Path) -> str | None:
    """What a path that is neither a regular file nor a folder is, if it can be read as a stream."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "FIFO (a pipe)"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    return None


def _read_stream(stream: BinaryIO, origin: str, fmt: str, max_bytes: int, date: str | None) -> Iterator[Article]:
    try:
        if fmt == "jsonl":
            yield from _read_jsonl(stream, origin, max_bytes, date)
            return
        if fmt == "warc":
            # An archive is streamed record by record, never read whole; max_bytes bounds each page.
            from thucydides.ingest.warc import read_warc  # warcio and trafilatura: only for archives

            yield from read_warc(stream, origin, max_bytes, date)
            return
        data, more = read_bounded(stream, max_bytes)
    except OSError as error:
        yield _unreadable(origin, fmt, Rejection("ingest", "unreadable", error.strerror or str(error)))
        return
    if more:
        size = _size(stream)
        shown = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
        yield _unreadable(origin, fmt, Rejection("ingest", "too_large", f"{shown}; the limit is {max_bytes:,} (--max-bytes)"))
        return
    yield from _read(data, origin, fmt, max_bytes, date)


def _size(stream: BinaryIO) -> int | None:
    """The size of a regular file, None for a pipe or device."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, AttributeError, io.UnsupportedOperation):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _read_jsonl(stream: BinaryIO, origin: str, max_bytes: int, date: str | None) -> Iterator[Article]:
    head = stream.read(CHUNK)
    if text_encoding(head) is None and looks_binary(head) and not _holds_a_json_object(head):
        yield _unreadable(origin, "jsonl", Rejection("ingest", "binary", "the file holds binary data, not text"))
        return
    found = False
    for article in read_jsonl_lines(read_lines(stream, max_bytes, head), origin, max_bytes, date):
        found = True
        yield article
    if not found:
        yield _unreadable(origin, "jsonl", Rejection("ingest", "empty", "the file has no text"))


def _holds_a_json_object(head: bytes) -> bool:
    """Whether a line of ``head`` is a JSON object: then a JSON Lines file with some binary lines,
    read line by line, rather than a binary file named .jsonl, rejected whole."""
    for line in head.split(b"\n")[:-1] if len(head) == CHUNK else head.split(b"\n"):
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (ValueError, RecursionError):
            continue
    return False


def _read(data: bytes, origin: str, fmt: str, max_bytes: int, date: str | None) -> Iterator[Article]:
    rejection = check_bytes(data, len(data) if text_encoding(data) in WIDE else max_bytes)
    text: str | None = None
    if rejection is None:
        text, rejection = decode(data)
    if rejection is None and text is not None:
        rejection = check_text(text, max_bytes)
    if rejection is not None or text is None:
        yield _unreadable(origin, fmt, rejection or Rejection("ingest", "unreadable", origin))
        return
    if fmt == "html":
        from thucydides.ingest.html import read_html  # trafilatura: only for pages

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
