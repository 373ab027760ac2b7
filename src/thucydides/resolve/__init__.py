"""Resolving mentions to actors (the knowledge base) and, later, stories and merged events."""

from thucydides.resolve.actors import DocActors
from thucydides.resolve.kb import KBEntry, KnowledgeBase, load_kb

__all__ = ["DocActors", "KBEntry", "KnowledgeBase", "load_kb"]
