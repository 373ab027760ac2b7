"""Checks on raw bytes before any parsing: empty, binary, undecodable, too large."""

from __future__ import annotations

from thucydides.records import Rejection

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def check_bytes(data: bytes, max_bytes: int) -> Rejection | None:
    """Why these bytes cannot be read as a text document, or None when they can."""
    if not data.strip():
        return Rejection("ingest", "empty", "the file has no text")
    if len(data) > max_bytes:
        return Rejection("ingest", "too_large", f"{len(data):,} bytes; the limit is {max_bytes:,} (--max-bytes)")
    head = data[:4096]
    if b"\x00" in head or sum(b in _CONTROL for b in head) > len(head) * 0.05:
        return Rejection("ingest", "binary", "the file holds binary data, not text")
    return None


def decode(data: bytes) -> tuple[str | None, Rejection | None]:
    """UTF-8 text (a BOM is dropped), or the reason it is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return None, Rejection(
            "ingest", "undecodable", f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        )


def check_text(text: str, max_bytes: int) -> Rejection | None:
    """The same checks for text that arrived already decoded (a JSONL field)."""
    if not text.strip():
        return Rejection("ingest", "empty", "the article has no text")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:  # a lone surrogate such as "\ud800" from a JSON escape
        return Rejection("ingest", "undecodable", f"invalid Unicode (a lone surrogate) at character {error.start}")
    if size > max_bytes:
        return Rejection("ingest", "too_large", f"{size:,} bytes of text; the limit is {max_bytes:,} (--max-bytes)")
    return None
