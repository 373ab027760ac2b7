"""Stories: near-duplicate articles (syndicated copies, rewrites), found with MinHash LSH.

An article's text becomes a set of word shingles, summarised by a MinHash signature
(:func:`signature`, pure). The signature is cut into bands; each band's hash is kept in the
``story_bands`` table, so a new article finds its candidate near-duplicates with one indexed
query on its own band hashes, never by comparing against every stored article. A candidate is a
copy when the estimated *containment* of the smaller text in the larger one is high enough
(:func:`joins`), which keeps a truncated copy, or one with a footer or a dropped paragraph, in its
story. Each such pair is kept in ``story_links``.

A story is a connected group of linked articles, and its id is its smallest article id. Both
follow from the set of articles alone: the same articles give the same stories and story ids
whatever the order in which they were ingested, in one run or in many. A new article can join
two stories into one; a replaced article can split one: only the stories it touches are derived
again.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


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
    """The MinHash of an article's shingles, and how many distinct shingles it summarises.

    Its ``NUM_PERM`` hash values are kept as they are stored (unsigned 64-bit, little-endian), so
    that the process that writes compares and indexes signatures with neither datasketch nor NumPy
    (which only the workers that sign texts import)."""

    blob: bytes
    size: int

    def bands(self) -> list[tuple[int, int]]:
        """``(band, hash)`` pairs, the hash a signed 64-bit integer as SQLite stores it."""
        width = ROWS * 8
        out = []
        for band in range(BANDS):
            digest = hashlib.blake2b(self.blob[band * width : (band + 1) * width], digest_size=8).digest()
            out.append((band, int.from_bytes(digest, "little", signed=True)))
        return out

    def to_blob(self) -> bytes:
        return self.blob

    @classmethod
    def from_blob(cls, blob: bytes, size: int) -> Signature:
        return cls(bytes(blob), size)


def shingles(text: str) -> set[bytes]:
    """Lower-cased word ``SHINGLE``-grams of ``text`` (punctuation and spacing ignored)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


@lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM, seed=SEED)
    a, b = template.permutations
    return (a, b)


def signature(text: str) -> Signature | None:
    """The MinHash signature of ``text``, or None when it has no words. Pure and deterministic."""
    # datasketch (which imports SciPy: half a second) is imported where texts are signed, the
    # analysis workers; the process that only writes compares signatures with NumPy alone.
    from datasketch import MinHash

    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations())
    minhash.update_batch(sorted(grams))
    return Signature(minhash.hashvalues.astype("<u8").tobytes(), len(grams))


def similarity(a: Signature, b: Signature) -> tuple[float, float]:
    """Estimated ``(jaccard, containment)``: containment is the share of the smaller set that is
    also in the larger, |A∩B| / min(|A|, |B|), derived from Jaccard and the set sizes."""
    same = sum(1 for x, y in zip(memoryview(a.blob).cast("Q"), memoryview(b.blob).cast("Q")) if x == y)
    jaccard = float(same) / NUM_PERM
    intersection = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return jaccard, min(1.0, intersection / min(a.size, b.size))


def joins(a: Signature, b: Signature) -> bool:
    jaccard, containment = similarity(a, b)
    return jaccard >= MIN_JACCARD and containment >= MIN_CONTAINMENT




# -- the stage's side: in the cross-document stage's transaction ---------------------------------


def forget(db: sqlite3.Connection, article_ids: Sequence[str]) -> None:
    """Drop what the stage derived for these articles (about to be derived again); the stories
    they leave are queued by the ``story_articles_deleted`` trigger."""
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        db.execute(f"DELETE FROM story_links WHERE article_id IN ({marks}) OR other_id IN ({marks})", chunk + chunk)
        db.execute(f"DELETE FROM story_bands WHERE article_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM story_articles WHERE article_id IN ({marks})", chunk)


def index(db: sqlite3.Connection, article_id: str, text: str | None) -> bool:
    """Sign an article and put it in the band index, as a story of its own for now; False when it
    has no words (it then has no story)."""
    return store(db, article_id, signature(text or ""))


def store(db: sqlite3.Connection, article_id: str, sig: Signature | None) -> bool:
    """Put an article already signed (:func:`signature`) in the band index, as a story of its own
    for now; False when it has no signature (no words: no story)."""
    if sig is None:
        return False
    db.execute(
        "INSERT INTO story_articles (article_id, story_id, shingles, minhash) VALUES (?, ?, ?, ?)",
        (article_id, article_id, sig.size, sig.to_blob()),
    )
    db.executemany(
        "INSERT OR IGNORE INTO story_bands (band, hash, article_id) VALUES (?, ?, ?)",
        [(band, value, article_id) for band, value in sig.bands()],
    )
    return True


def link(db: sqlite3.Connection, article_id: str) -> None:
    """Link an indexed article to every indexed article it is a copy of (:func:`joins`)."""
    row = db.execute("SELECT shingles, minhash FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return
    sig = Signature.from_blob(bytes(row[1]), int(row[0]))
    pairs = []
    for other, size, blob in _candidates(db, sig.bands(), article_id):
        if joins(sig, Signature.from_blob(blob, size)):
            pairs.append((min(article_id, other), max(article_id, other)))
    db.executemany("INSERT OR IGNORE INTO story_links (article_id, other_id) VALUES (?, ?)", pairs)


def _candidates(db: sqlite3.Connection, bands: Sequence[tuple[int, int]], article_id: str) -> list[tuple[str, int, bytes]]:
    clauses = " OR ".join("(b.band = ? AND b.hash = ?)" for _ in bands)
    params: list[object] = [v for pair in bands for v in pair]
    rows = db.execute(
        "SELECT s.article_id, s.shingles, s.minhash FROM story_articles AS s"
        f" WHERE s.article_id IN (SELECT b.article_id FROM story_bands AS b WHERE {clauses}"
        " GROUP BY b.article_id HAVING count(*) >= ?)"
        " AND s.article_id <> ? ORDER BY s.article_id",
        [*params, MIN_SHARED_BANDS, article_id],
    ).fetchall()
    return [(str(r[0]), int(r[1]), bytes(r[2])) for r in rows]


def _neighbours(db: sqlite3.Connection, article_id: str) -> list[str]:
    return [
        str(r[0])
        for r in db.execute(
            "SELECT other_id FROM story_links WHERE article_id = ? UNION SELECT article_id FROM story_links WHERE other_id = ?",
            (article_id, article_id),
        )
    ]


def regroup(db: sqlite3.Connection, seeds: Iterable[str]) -> set[str]:
    """Derive again the stories of ``seeds`` (articles, and the members of stories that lost one):
    each connected group of linked articles is one story named after its smallest article id.
    Return the articles whose story changed."""
    seen: set[str] = set()
    changed: set[str] = set()
    for seed in sorted(set(seeds)):
        if seed in seen:
            continue
        group = {seed}
        frontier = [seed]
        while frontier:
            for other in _neighbours(db, frontier.pop()):
                if other not in group:
                    group.add(other)
                    frontier.append(other)
        seen |= group
        story = min(group)
        for member in sorted(group):
            cursor = db.execute(
                "UPDATE story_articles SET story_id = ? WHERE article_id = ? AND story_id <> ?", (story, member, story)
            )
            if cursor.rowcount:
                changed.add(member)
    return changed


def members(db: sqlite3.Connection, story_ids: Iterable[str]) -> set[str]:
    """The articles of these stories now."""
    out: set[str] = set()
    for story in sorted(set(story_ids)):
        out |= {str(r[0]) for r in db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (story,))}
    return out
