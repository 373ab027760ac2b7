"""The cross-document stage: tone, stories and merged events, derived from what the store holds.

The writer stores records only; every article it writes is queued (``crossdoc_pending``) in the
same transaction. :func:`update` then does the queued work in a transaction of its own: it scores
the new articles' tone, links them to their copies and derives again the stories they touch, and
derives again the merged events of every block of mentions they touch (see
:mod:`thucydides.crossdoc.merging`). The runner calls it after every batch, and once before the
first, so work left by a run that stopped between the two transactions is finished by the next.

The per-article part of that work needs no database: :func:`prepare` scores an article's tone and
signs its text, and a worker can do it beside the analysis (``thucydides.run`` does), so that the
one process that writes only writes. :func:`update` takes what was prepared for the articles it
finds queued, and does itself what was not (or was prepared for another text).

Stories and merged events are functions of the set of stored articles, not of the order in which
they came: the same articles give the same stories and merged events, with the same ids, in any
order, batch size or number of workers, in one run or in many. :func:`rebuild` derives everything
again from scratch, and gives what the incremental updates gave.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from thucydides.crossdoc import merging, stories, tone
from thucydides.crossdoc.stories import Signature, signature
from thucydides.scores.tone import Tone
from thucydides.scores.tone import tone as score_tone
from thucydides.store import Store


@dataclass(frozen=True)
class CrossdocSummary:
    """What one run of the stage did."""

    articles: int = 0
    """Articles whose tone, story and events were derived."""
    merged_events: int = 0
    """Merged events written (derived again or new)."""


@dataclass(frozen=True)
class Prepared:
    """The per-article part of the stage, done before the article is written: its tone and its
    MinHash signature, both pure functions of ``text``."""

    text: str
    """The text they were derived from: used only for an article stored with this very text."""
    tone: Tone | None
    signature: Signature | None


def prepare(text: str | None) -> Prepared:
    """The tone and signature of an article's text (pure: it can run anywhere, in any process)."""
    return Prepared(text or "", score_tone(text or ""), signature(text or ""))


def update(store: Store, prepared: Mapping[str, Prepared] | None = None) -> CrossdocSummary:
    """Do the pending cross-document work of ``store`` in one transaction; ``prepared`` maps
    article ids to their :func:`prepare`, done elsewhere (what is missing is done here)."""
    ready = prepared or {}
    return store.execute_write(lambda db: _update(db, ready))


def rebuild(store: Store) -> CrossdocSummary:
    """Derive every story, merged event and tone again from the stored articles."""

    def everything(db: sqlite3.Connection) -> CrossdocSummary:
        db.execute("DELETE FROM event_mentions")
        db.execute("DELETE FROM merged_events")
        db.execute("DELETE FROM story_links")
        db.execute("DELETE FROM story_bands")
        db.execute("DELETE FROM story_articles")
        db.execute("DELETE FROM article_tone")
        db.execute("DELETE FROM crossdoc_pending")
        db.execute("INSERT INTO crossdoc_pending (kind, id) SELECT 'article', id FROM articles")
        return _update(db)

    return store.execute_write(everything)


def _update(db: sqlite3.Connection, prepared: Mapping[str, Prepared] | None = None) -> CrossdocSummary:
    written = [
        (str(r[0]), r[1], r[2] is not None)
        for r in db.execute(
            "SELECT a.id, a.text, (SELECT 1 FROM rejections AS r WHERE r.article_id = a.id LIMIT 1)"
            " FROM crossdoc_pending AS p JOIN articles AS a ON a.id = p.id WHERE p.kind = 'article' ORDER BY a.id"
        )
    ]
    ids = [article_id for article_id, _, _ in written]
    stories.forget(db, ids)  # an article written again: its old story is queued by a trigger
    lost = [str(r[0]) for r in db.execute("SELECT id FROM crossdoc_pending WHERE kind = 'story'")]
    linked = []
    for article_id, text, rejected in written:
        if rejected:
            db.execute("DELETE FROM article_tone WHERE article_id = ?", (article_id,))
            continue
        ready = (prepared or {}).get(article_id)
        if ready is None or ready.text != (text or ""):
            ready = prepare(text)
        tone.store(db, article_id, ready.tone)
        if stories.store(db, article_id, ready.signature):
            linked.append(article_id)
    for article_id in linked:
        stories.link(db, article_id)
    changed = stories.regroup(db, [*linked, *stories.members(db, lost)])
    count = merging.merge(db, {*ids, *changed})
    db.execute("DELETE FROM crossdoc_pending")
    db.execute("UPDATE merged_events SET dirty = 0 WHERE dirty = 1")
    return CrossdocSummary(articles=len(written), merged_events=count)
