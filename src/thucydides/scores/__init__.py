"""Scores over coded events and articles: PLOVER intensity and article tone (VADER)."""

from thucydides.scores.intensity import intensity
from thucydides.scores.tone import Tone, tone

__all__ = ["Tone", "intensity", "tone"]
