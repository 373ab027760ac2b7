"""Article tone with VADER (vaderSentiment), on GDELT's tone scale.

Each sentence is scored by VADER; an article's ``tone`` is the mean sentence compound score
times 10 (-10 very negative .. +10 very positive, the range GDELT's tone usually spans),
``positive`` and ``negative`` the mean share of positive and negative words in percent, and
``polarity`` their sum (how emotional the text is, whatever the direction). Pure and
deterministic: the same text always gets the same tone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


@dataclass(frozen=True)
class Tone:
    tone: float
    positive: float
    negative: float
    polarity: float
    sentences: int


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def tone(text: str) -> Tone | None:
    """The tone of ``text``, or None when it has no sentence."""
    parts = sentences(text)
    if not parts:
        return None
    analyzer = _analyzer()
    scores = [analyzer.polarity_scores(s) for s in parts]
    n = len(scores)
    positive = 100 * sum(s["pos"] for s in scores) / n
    negative = 100 * sum(s["neg"] for s in scores) / n
    return Tone(
        tone=round(10 * sum(s["compound"] for s in scores) / n, 4),
        positive=round(positive, 4),
        negative=round(negative, 4),
        polarity=round(positive + negative, 4),
        sentences=n,
    )
