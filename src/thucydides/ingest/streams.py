"""Reading bytes with a bound: whole documents up to a size, JSON Lines one line at a time.

Nothing here reads more than the limit (plus one chunk) into memory, whatever arrives: a 1 GB
file, an endless stdin or ``/dev/zero`` ends with a rejection, not a MemoryError.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from thucydides.records import Rejection

CHUNK = 1 << 16
"""Bytes read at a time from a stream."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


WIDE = frozenset({"utf-16", "utf-32", "utf-16-le", "utf-16-be"})
"""Encodings whose NUL bytes are parts of characters, and whose text takes more bytes than UTF-8."""


def text_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark announces, else UTF-16 without one when ``head`` reads as
    it (Latin text: every other byte is zero), else None (UTF-8 is tried)."""
    return bom_encoding(head) or _utf16_without_bom(head)


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, letters, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) <= 0.02 * len(letters):
            return encoding
    return None


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` announces, if any."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def read_bounded(stream: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """At most ``max_bytes`` bytes of ``stream``, and whether there was more.

    A UTF-16 or UTF-32 text takes more bytes than its UTF-8 form, so those are allowed up to
    four times the limit here; the text is measured again once decoded. Read in chunks, so a
    large limit (``--max-bytes``) costs only what the input holds.
    """
    data = _read_up_to(stream, max_bytes + 1)
    if len(data) > max_bytes and text_encoding(data) in WIDE:
        data += _read_up_to(stream, 3 * max_bytes)
        return data, len(data) > 4 * max_bytes
    return data, len(data) > max_bytes


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    parts: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


@dataclass(frozen=True)
class Line:
    """One line of a JSON Lines stream: its text, or why it cannot be read."""

    number: int
    text: str | None
    rejection: Rejection | None = None


def read_lines(stream: BinaryIO, max_bytes: int, head: bytes = b"") -> Iterator[Line]:
    """The lines of ``stream``, split at ``\\n`` only (U+2028, U+2029 and U+0085 are characters
    inside a JSON string, not line ends), without the line end (``\\r\\n`` too).

    A line longer than ``max_bytes`` is rejected while its bytes are skipped, never held; a line
    that is not UTF-8 is rejected on its own. A UTF-16 or UTF-32 stream (with its byte-order mark)
    is decoded as it is read. Binary data inside an over-long line ends the stream with a rejection,
    since it has no line ends to find (``/dev/zero``). ``head``: bytes already read from the stream.
    """
    if not head:
        head = stream.read(CHUNK)
    encoding = text_encoding(head)
    if encoding == "utf-8-sig":
        head = head[len(codecs.BOM_UTF8):]
    chunks = _chunks(head, stream)
    if encoding in WIDE:
        chunks = _recoded(chunks, encoding)
    number = 0
    for piece in _split(chunks, max_bytes):
        number += 1
        if isinstance(piece, Rejection):
            yield Line(number, None, _numbered(piece, number))
            continue
        if piece.endswith(b"\r"):
            piece = piece[:-1]
        try:
            yield Line(number, piece.decode("utf-8"))
        except UnicodeDecodeError as error:
            yield Line(number, None, Rejection(
                "ingest", "undecodable", f"line {number}: not UTF-8: byte 0x{piece[error.start]:02x} at column {error.start + 1}"
            ))


def _numbered(rejection: Rejection, number: int) -> Rejection:
    return Rejection(rejection.stage, rejection.reason, f"line {number}: {rejection.detail}")


def _chunks(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    if head:
        yield head
    while chunk := stream.read(CHUNK):
        yield chunk


class _DecodeFailure(Exception):
    pass


def _recoded(chunks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """UTF-16/32 chunks as UTF-8 chunks; a decoding error ends them with a ``_DecodeFailure`` marker."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        for chunk in chunks:
            yield decoder.decode(chunk).encode("utf-8", "surrogatepass")
        yield decoder.decode(b"", final=True).encode("utf-8", "surrogatepass")
    except UnicodeDecodeError as error:
        raise _DecodeFailure(f"not {encoding.upper()}: {error.reason}") from error


def _split(chunks: Iterator[bytes], max_bytes: int) -> Iterator[bytes | Rejection]:
    buffer = bytearray()
    skipped = 0  # bytes of an over-long line seen so far; 0 while the line is within the limit
    try:
        for chunk in chunks:
            start = 0
            while True:
                end = chunk.find(b"\n", start)
                piece = chunk[start:] if end < 0 else chunk[start:end]
                if skipped or len(buffer) + len(piece) > max_bytes:
                    if b"\x00" in piece:
                        yield Rejection("ingest", "binary", "binary data in a line with no end; the rest of the input is skipped")
                        return
                    skipped += len(buffer) + len(piece)
                    buffer.clear()
                else:
                    buffer += piece
                if end < 0:
                    break
                if skipped:
                    yield _too_long(skipped, max_bytes)
                else:
                    yield bytes(buffer)
                buffer.clear()
                skipped = 0
                start = end + 1
    except _DecodeFailure as failure:
        yield Rejection("ingest", "undecodable", f"{failure}; the rest of the input is skipped")
        return
    if skipped:
        yield _too_long(skipped, max_bytes)
    elif buffer:
        yield bytes(buffer)


def _too_long(size: int, max_bytes: int) -> Rejection:
    return Rejection("ingest", "too_large", f"{size:,} bytes in one line; the limit is {max_bytes:,} (--max-bytes)")
