"""Resolving mentions to actors (the knowledge base), places (the gazetteer) and times, as
pipeline components (:mod:`thucydides.resolve.components`). Stories and merged events are the
cross-document stage's (:mod:`thucydides.crossdoc`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from thucydides.resolve.kb import KBEntry, KnowledgeBase, load_kb

if TYPE_CHECKING:
    from thucydides.resolve.actors import ActorResolver

__all__ = ["ActorResolver", "KBEntry", "KnowledgeBase", "load_kb"]


def __getattr__(name: str) -> object:
    """``ActorResolver`` is imported when first used: it needs spaCy, which a process that only
    writes or queries never loads."""
    if name == "ActorResolver":
        from thucydides.resolve.actors import ActorResolver

        return ActorResolver
    raise AttributeError(f"module 'thucydides.resolve' has no attribute {name!r}")
