"""Article ids: a hash of the normalized text, so the same story read twice has the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: what must be equal for two texts to be one article."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(text: str) -> str:
    """16 hex digits of the SHA-256 of the normalized text."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def origin_id(origin: str) -> str:
    """An id for input that never became text (a malformed line, an unreadable file)."""
    return "rejected-" + hashlib.sha256(origin.encode("utf-8")).hexdigest()[:16]


MAX_ID_LENGTH = 128
"""Longest id kept as given; a longer one is replaced by :func:`bounded_id`'s hash of it (an id is
stored in several tables and indexes, so a 2 MB id would cost hundreds of megabytes)."""


def bounded_id(raw: str) -> str:
    """``raw`` itself when it is at most :data:`MAX_ID_LENGTH` characters, else a stable hash of it."""
    if len(raw) <= MAX_ID_LENGTH:
        return raw
    return "id-sha256-" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
