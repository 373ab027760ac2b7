"""Resolving mentions to actors (the knowledge base). Stories and merged events are the
cross-document stage's (:mod:`thucydides.crossdoc`)."""

from thucydides.resolve.actors import DocActors
from thucydides.resolve.kb import KBEntry, KnowledgeBase, load_kb

__all__ = ["DocActors", "KBEntry", "KnowledgeBase", "load_kb"]
