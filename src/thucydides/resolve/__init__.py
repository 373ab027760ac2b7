"""Resolving mentions to actors (the knowledge base), places (the gazetteer) and times, as
pipeline components (:mod:`thucydides.resolve.components`). Stories and merged events are the
cross-document stage's (:mod:`thucydides.crossdoc`)."""

from thucydides.resolve.actors import ActorResolver
from thucydides.resolve.kb import KBEntry, KnowledgeBase, load_kb

__all__ = ["ActorResolver", "KBEntry", "KnowledgeBase", "load_kb"]
