"""Resolving mentions to actors (the knowledge base), places (the gazetteer) and times, as
pipeline components (:mod:`thucydides.resolve.components`); and, later, stories and merged events."""

from thucydides.resolve.actors import ActorResolver
from thucydides.resolve.kb import KBEntry, KnowledgeBase, load_kb

__all__ = ["ActorResolver", "KBEntry", "KnowledgeBase", "load_kb"]
