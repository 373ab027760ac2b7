"""Stories moved to the cross-document stage, :mod:`thucydides.crossdoc.stories`; the story record
the store returns is :class:`thucydides.store.rows.Story`. The names stay importable from here."""

from __future__ import annotations

from thucydides.crossdoc.stories import (
    BANDS,
    MIN_CONTAINMENT,
    MIN_JACCARD,
    MIN_SHARED_BANDS,
    NUM_PERM,
    ROWS,
    SHINGLE,
    Signature,
    joins,
    shingles,
    signature,
    similarity,
)
from thucydides.store.rows import Story, publisher

__all__ = [
    "BANDS",
    "MIN_CONTAINMENT",
    "MIN_JACCARD",
    "MIN_SHARED_BANDS",
    "NUM_PERM",
    "ROWS",
    "SHINGLE",
    "Signature",
    "Story",
    "joins",
    "publisher",
    "shingles",
    "signature",
    "similarity",
]
