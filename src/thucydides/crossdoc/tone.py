"""Article tone, stored for merged events' ``avg_tone``: VADER on each article's text (see
:mod:`thucydides.scores.tone`)."""

from __future__ import annotations

import sqlite3

from thucydides.scores.tone import Tone, tone


def score(db: sqlite3.Connection, article_id: str, text: str | None) -> None:
    """Store the tone of an article (replacing any it had); an article without sentences has none."""
    store(db, article_id, tone(text or ""))


def store(db: sqlite3.Connection, article_id: str, scored: Tone | None) -> None:
    """Store a tone already scored (:func:`thucydides.scores.tone.tone`), replacing any the
    article had; None: the article has none."""
    db.execute("DELETE FROM article_tone WHERE article_id = ?", (article_id,))
    if scored is None:
        return
    db.execute(
        "INSERT INTO article_tone (article_id, tone, positive, negative, polarity, sentences) VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, scored.tone, scored.positive, scored.negative, scored.polarity, scored.sentences),
    )
