"""Checks on raw bytes before any parsing: empty, binary, undecodable, too large."""

from __future__ import annotations

from thucydides.ingest.streams import WIDE, bom_encoding, text_encoding
from thucydides.records import Rejection

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def check_bytes(data: bytes, max_bytes: int) -> Rejection | None:
    """Why these bytes cannot be read as a text document, or None when they can."""
    if not data.strip():
        return Rejection("ingest", "empty", "the file has no text")
    if len(data) > max_bytes:
        return Rejection("ingest", "too_large", f"{len(data):,} bytes; the limit is {max_bytes:,} (--max-bytes)")
    if text_encoding(data) in WIDE:
        return None  # its NUL bytes are half of every character, not binary data
    if looks_binary(data):
        return Rejection("ingest", "binary", "the file holds binary data, not text")
    return None


def looks_binary(data: bytes) -> bool:
    """Whether the first 4 KB hold a NUL byte or more than 5% control bytes."""
    head = data[:4096]
    return b"\x00" in head or sum(b in _CONTROL for b in head) > len(head) * 0.05


def decode(data: bytes) -> tuple[str | None, Rejection | None]:
    """UTF-8 text (a BOM is dropped), UTF-16 or UTF-32 text with a BOM, UTF-16 without one (see
    ``text_encoding``), or the reason it is none of them."""
    encoding = text_encoding(data) or "utf-8-sig"
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as error:
        told = "it starts with that byte-order mark" if bom_encoding(data) else "every other byte is zero"
        name = "UTF-8" if encoding == "utf-8-sig" else f"{encoding.upper()} ({told})"
        return None, Rejection(
            "ingest", "undecodable", f"not {name}: byte 0x{data[error.start]:02x} at offset {error.start}"
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
