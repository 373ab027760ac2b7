"""Resolving mentions to actors (the knowledge base) and, later, stories and merged events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from thucydides.resolve.kb import KBEntry, KnowledgeBase, load_kb

if TYPE_CHECKING:
    from thucydides.resolve.actors import DocActors

__all__ = ["DocActors", "KBEntry", "KnowledgeBase", "load_kb"]


def __getattr__(name: str) -> object:
    """``DocActors`` is imported when first used: it needs spaCy, and the writer of ``ingest
    --workers 2`` (which imports stories and merging from here) never parses."""
    if name == "DocActors":
        from thucydides.resolve.actors import DocActors

        return DocActors
    raise AttributeError(f"module 'thucydides.resolve' has no attribute {name!r}")
