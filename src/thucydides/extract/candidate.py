"""A lexicon match in a sentence, coded or dropped: what the event coder hands on."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from thucydides.codes.lexicon import LexiconEntry
from thucydides.records import Actor, Modality


@dataclass(frozen=True)
class Candidate:
    """A lexicon match in a sentence, before or after the decision to code it."""

    entry: LexiconEntry
    trigger: Token
    trigger_end: Token
    source: Actor | None
    target: Actor | None
    modality: Modality
    speaker: Actor | None
    dropped: str | None
    """Why this candidate is not an event; None when it is one."""
    governor: Token | None = None
    """For an event noun, the verb it is the object of ("imposed" in "imposed sanctions on")."""

    @property
    def rule(self) -> str:
        return self.entry.id
