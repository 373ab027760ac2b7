"""Stories: near-duplicate articles (syndicated copies, rewrites) clustered with MinHash LSH.

An article's text becomes a set of word shingles, summarised by a MinHash signature
(:func:`signature`, pure). The signature is cut into bands; each band's hash is kept in the
``story_bands`` table, so a new article finds its candidate near-duplicates with one indexed
query on its own band hashes, never by comparing against every stored article. A candidate
joins when the estimated *containment* of the smaller text in the larger one is high enough,
which keeps a truncated copy, or one with a footer or a dropped paragraph, in its story.

A new article that matches nothing founds a story whose id is its own article id, so story ids
are deterministic: ingesting the same files in the same order gives the same stories.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
"""MinHash permutations per signature."""
BANDS = 64
ROWS = NUM_PERM // BANDS
"""LSH bands of ``ROWS`` hash values each: two texts share at least one band with probability
``1 - (1 - J**ROWS) ** BANDS`` for Jaccard similarity ``J``: 0.93 at J = 0.2, 0.998 at J = 0.3.
A copy truncated to half its length still has J near 0.35, so it is found; unrelated texts
(J below 0.05) rarely are, and a false candidate costs one signature comparison."""
MIN_SHARED_BANDS = 2
"""A stored article is a candidate when it shares at least this many bands: 0.999 for a copy at
J = 0.35, 0.13 for an unrelated text at J = 0.1, 0.01 at J = 0.05 (against 0.47 and 0.15 for a
single band), so texts that share stock phrases cost few comparisons."""
SHINGLE = 3
"""Words per shingle."""
MIN_CONTAINMENT = 0.5
"""A candidate joins the story when at least this share of the smaller article's shingles
(estimated from the signatures) also occurs in the larger one."""
MIN_JACCARD = 0.15
"""…and when the estimated Jaccard similarity is at least this, so that a short article is not
swallowed by a long one that happens to quote it."""
SEED = 7

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Signature:
    """The MinHash of an article's shingles, and how many distinct shingles it summarises."""

    hashvalues: np.ndarray
    size: int

    def bands(self) -> list[tuple[int, int]]:
        """``(band, hash)`` pairs, the hash a signed 64-bit integer as SQLite stores it."""
        out = []
        for band in range(BANDS):
            chunk = self.hashvalues[band * ROWS : (band + 1) * ROWS].tobytes()
            digest = hashlib.blake2b(chunk, digest_size=8).digest()
            out.append((band, int.from_bytes(digest, "little", signed=True)))
        return out

    def to_blob(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()

    @classmethod
    def from_blob(cls, blob: bytes, size: int) -> Signature:
        return cls(np.frombuffer(blob, dtype="<u8").astype(np.uint64), size)


@dataclass(frozen=True)
class Story:
    """One cluster of near-duplicate articles, as a user reads it."""

    id: str
    articles: tuple[str, ...]
    """Article ids, earliest first (by publication date, then id)."""
    sources: tuple[str, ...]
    """Distinct publishers (the article's source, else its URL's host), sorted."""
    first_date: str | None
    first_article: str
    title: str | None
    """The earliest article's title."""

    @property
    def size(self) -> int:
        return len(self.articles)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "size": self.size,
            "first_date": self.first_date,
            "first_article": self.first_article,
            "title": self.title,
            "sources": list(self.sources),
            "articles": list(self.articles),
        }


def shingles(text: str) -> set[bytes]:
    """Lower-cased word ``SHINGLE``-grams of ``text`` (punctuation and spacing ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    template = MinHash(num_perm=NUM_PERM, seed=SEED)
    a, b = template.permutations
    return (a, b)


def signature(text: str) -> Signature | None:
    """The MinHash signature of ``text``, or None when it has no words. Pure and deterministic."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations())
    minhash.update_batch(sorted(grams))
    return Signature(minhash.hashvalues.astype(np.uint64), len(grams))


def similarity(a: Signature, b: Signature) -> tuple[float, float]:
    """Estimated ``(jaccard, containment)``: containment is the share of the smaller set that is
    also in the larger, |A∩B| / min(|A|, |B|), derived from Jaccard and the set sizes."""
    jaccard = float(np.count_nonzero(a.hashvalues == b.hashvalues)) / NUM_PERM
    intersection = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return jaccard, min(1.0, intersection / min(a.size, b.size))


def joins(a: Signature, b: Signature) -> bool:
    jaccard, containment = similarity(a, b)
    return jaccard >= MIN_JACCARD and containment >= MIN_CONTAINMENT


# -- the store side: called by the single writer inside its transaction ------------------------


def assign_story(db: sqlite3.Connection, article_id: str, text: str | None) -> str | None:
    """Put a stored article into a story (an existing one or a new one); return the story id.

    Candidates come from the band index only. Among those that pass :func:`joins`, the most
    similar wins (ties: the older story id). Articles without words get no story.
    """
    sig = signature(text or "")
    if sig is None:
        return None
    bands = sig.bands()
    story_id = article_id
    best: tuple[float, str] | None = None
    for candidate, story, size, blob in _candidates(db, bands, article_id):
        other = Signature.from_blob(blob, size)
        if not joins(sig, other):
            continue
        score = similarity(sig, other)[1]
        if best is None or score > best[0] or (score == best[0] and story < best[1]):
            best = (score, story)
    if best is not None:
        story_id = best[1]
    db.execute(
        "INSERT INTO story_articles (article_id, story_id, shingles, minhash) VALUES (?, ?, ?, ?)",
        (article_id, story_id, sig.size, sig.to_blob()),
    )
    db.executemany(
        "INSERT OR IGNORE INTO story_bands (band, hash, article_id) VALUES (?, ?, ?)",
        [(band, value, article_id) for band, value in bands],
    )
    return story_id


def _candidates(
    db: sqlite3.Connection, bands: Sequence[tuple[int, int]], article_id: str
) -> list[tuple[str, str, int, bytes]]:
    clauses = " OR ".join("(b.band = ? AND b.hash = ?)" for _ in bands)
    params: list[object] = [v for pair in bands for v in pair]
    rows = db.execute(
        "SELECT s.article_id, s.story_id, s.shingles, s.minhash FROM story_articles AS s"
        f" WHERE s.article_id IN (SELECT b.article_id FROM story_bands AS b WHERE {clauses}"
        " GROUP BY b.article_id HAVING count(*) >= ?)"
        " AND s.article_id <> ? ORDER BY s.article_id",
        [*params, MIN_SHARED_BANDS, article_id],
    ).fetchall()
    return [(str(r[0]), str(r[1]), int(r[2]), bytes(r[3])) for r in rows]


def publisher(source: str | None, url: str | None) -> str | None:
    """Who published an article: its source name, else its URL's host (without ``www.``)."""
    if source:
        return source.strip()
    if url:
        host = urlsplit(url).hostname or ""
        host = host.removeprefix("www.")
        return host or None
    return None


def find_stories(db: sqlite3.Connection, *, min_size: int = 1, limit: int | None = None) -> list[Story]:
    """Every story with at least ``min_size`` articles, largest first, then by first date."""
    rows = db.execute(
        "SELECT s.story_id, a.id, a.date, a.source, a.url, a.title FROM story_articles AS s"
        " JOIN articles AS a ON a.id = s.article_id"
        " ORDER BY s.story_id, a.date IS NULL, a.date, a.id"
    ).fetchall()
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        grouped.setdefault(str(row[0]), []).append(row)
    stories = []
    for story_id, members in grouped.items():
        if len(members) < min_size:
            continue
        first = members[0]
        sources = sorted({p for m in members if (p := publisher(m[3], m[4])) is not None})
        stories.append(
            Story(
                id=story_id,
                articles=tuple(str(m[1]) for m in members),
                sources=tuple(sources),
                first_date=first[2],
                first_article=str(first[1]),
                title=first[5],
            )
        )
    stories.sort(key=lambda s: (-s.size, s.first_date or "9999", s.id))
    return stories[:limit] if limit is not None else stories
