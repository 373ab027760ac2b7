"""Event merging: the reports of one real-world event become one merged event with its mentions.

Every stored event is a *mention*. Two mentions can report the same event when they have the same
source and target actor codes, the same PLOVER type and compatible modality (asserted and
reported events happened; a future, intended, hypothetical or negated one is a different claim):
the same *key*. Mentions without both actors are too weak to join independent reports: they merge
only within their own article or story. The mentions that may merge form a *block*: all the
mentions of one key, or, without both actors, those of one key in one story (or article).

Within a block, mentions are taken in a canonical order (first day, last day, article id, event
id; undated ones last) and each joins the first merged event it fits, else founds one:

- within one story (copies of one article), the merged event holding the same clause told again
  in another copy: the same sentence, the same place when both give one, and, when both read a
  date from their text, the same date; a copy republished later is the same report, but "his
  first meeting since September" in the same story is another occasion than the meeting of today;
- else the merged event whose *founding* mention's days are within ``DAY_TOLERANCE`` of its own (a
  coarse date such as ``2024-09`` or ``2024-W37`` covers its days) and whose place is within
  ``KM_TOLERANCE`` km in the same country when both give one (closest first day wins, then the
  smaller id). Dates are compared with the founding mention only, so daily attacks on successive
  days do not chain into one event.

The order is a property of the mentions, not of when they were stored, so the same articles give
the same merged events, with the same ids (from the founding mention: :func:`merged_id`), whatever
the order of ingest, the batches and the workers. A write touches a few blocks; only those are
derived again.

Counts follow GDELT: ``num_mentions`` (events merged), ``num_articles``, ``num_sources`` (distinct
publishers), ``num_stories`` (independent reports), ``first_seen`` (earliest publication date),
``avg_tone`` (mean tone of the articles). A merged event is ``asserted`` when any of its reports
asserts it, ``reported`` when all of them tell it in someone else's words. ``confidence`` is
``1 - 0.5 ** k`` with ``k`` the independent sources: the smaller of ``num_stories`` and
``num_sources`` (a copy republished by a hundred sites is one story; two stories by one outlet
are one source).
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from datetime import date, timedelta
from typing import Any

from thucydides.dates import read_date
from thucydides.records import Event, Place
from thucydides.scores.intensity import intensity
from thucydides.store.mapping import Select, fetch, table_columns
from thucydides.store.rows import publisher

DAY_TOLERANCE = 1
KM_TOLERANCE = 100.0
_HAPPENED = {"asserted", "reported"}
_FALLBACK = ("actors", "article")

Key = tuple[str | None, str | None, str, str]
"""``(source code, target code, PLOVER type, modality group)``."""
Block = tuple[str | None, str | None, str, str, str]
"""A key and a partition: ``""`` for mentions with both actors, else their story (or article)."""


def merged_id(article_id: str, event_id: str) -> str:
    """The id of the merged event a mention founds: stable across runs."""
    digest = hashlib.sha1(f"{article_id}\x00{event_id}".encode("utf-8")).hexdigest()
    return f"ev-{digest[:16]}"


def day_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day a date covers: ``2024-05-06`` (or a datetime), ``2024-W19``,
    ``2024-05``, ``2024``; None for anything else (see :func:`thucydides.dates.read_date`)."""
    found = read_date(value)
    return None if found is None else (found.first.isoformat(), found.last.isoformat())


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


PlaceKey = tuple[str | None, float | None, float | None]
"""``(country, lat, lon)`` of a place as its text gives it; a missing country says nothing."""


def _places_fit(one: PlaceKey, two: PlaceKey) -> bool:
    if one[0] is None or two[0] is None:
        return True
    if one[0] != two[0]:
        return False
    if None in (one[1], one[2], two[1], two[2]):
        return True
    return _km(float(one[1]), float(one[2]), float(two[1]), float(two[2])) <= KM_TOLERANCE  # type: ignore[arg-type]


def places_agree(place: Place | None, row: Sequence[Any]) -> bool:
    """Whether a mention's location fits a merged event's ``(country, lat, lon)``; a missing
    location on either side fits anything."""
    if place is None:
        return True
    return _places_fit((place.country, place.lat, place.lon), (row[0], row[1], row[2]))


def text_place(event: Event) -> Place | None:
    """The place an event's text gives (its clause or dateline); a fallback country is no evidence
    that two reports are of one event, nor that they are not."""
    return None if event.location_basis in _FALLBACK else event.location


def dates_agree(one: str | None, two: str | None) -> bool:
    """Whether two dates read from text can be the same occasion: their days overlap, give or
    take ``DAY_TOLERANCE``; a missing or unreadable date agrees with anything."""
    a, b = day_range(one), day_range(two)
    if a is None or b is None:
        return True
    return a[0] <= _shift(b[1], DAY_TOLERANCE) and a[1] >= _shift(b[0], -DAY_TOLERANCE)


def confidence(num_stories: int, num_sources: int) -> float:
    """``1 - 0.5 ** k``, ``k`` the independent sources (at least one)."""
    k = max(1, min(num_stories, num_sources))
    return round(1.0 - 0.5**k, 4)


def _modality_group(modality: str) -> str:
    return "asserted" if modality in _HAPPENED else modality


def _clause(sentence: str) -> str:
    return " ".join(sentence.casefold().split())


# -- mentions as the stage reads them from the store ----------------------------------------------

@dataclass(frozen=True)
class Mention:
    """One stored event, as merging reads it."""

    article_id: str
    event_id: str
    source: str | None
    target: str | None
    plover_type: str
    modality: str
    day_first: str | None
    day_last: str | None
    sentence: str
    date: str | None
    date_text: str | None
    place: PlaceKey
    story: str | None

    @property
    def ref(self) -> tuple[str, str]:
        return (self.article_id, self.event_id)

    def block(self) -> Block:
        key = (self.source, self.target, self.plover_type, _modality_group(self.modality))
        if self.source is not None and self.target is not None:
            return (*key, "")
        return (*key, f"story:{self.story}" if self.story is not None else f"article:{self.article_id}")

    def order(self) -> tuple[bool, str, str, str, str]:
        """The canonical order of mentions within a block: dated first, by days, then by ids."""
        return (self.day_first is None, self.day_first or "", self.day_last or "", self.article_id, self.event_id)


MENTIONS = Select(
    Mention,
    """
FROM events AS e
LEFT JOIN story_articles AS s ON s.article_id = e.article_id
""",
    "e",
    {"event_id": "e.id", "source": "e.source_code", "target": "e.target_code", "story": "s.story_id"},
    given=frozenset({"place"}),
    extra={
        "place_country": "CASE WHEN e.location_basis IN ('actors', 'article') THEN NULL ELSE e.location_country END",
        "place_lat": "e.location_lat", "place_lon": "e.location_lon",
    },
)
"""A stored event as merging reads it: its place is the one its text gives (see :func:`text_place`)."""
_MENTION_SELECT = MENTIONS.sql() + "WHERE NOT EXISTS (SELECT 1 FROM rejections AS r WHERE r.article_id = e.article_id)\n"


def _mentions(db: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Mention]:
    return [
        MENTIONS.read(r, place=(r["place_country"], r["place_lat"], r["place_lon"])) for r in fetch(db, sql, params)
    ]


def _mentions_of_articles(db: sqlite3.Connection, article_ids: Sequence[str]) -> list[Mention]:
    out: list[Mention] = []
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        out += _mentions(db, f"{_MENTION_SELECT} AND e.article_id IN ({marks})", chunk)
    return out


def _mentions_of_block(db: sqlite3.Connection, block: Block) -> list[Mention]:
    source, target, plover_type, group, partition = block
    if partition == "":
        found = _mentions(
            db, f"{_MENTION_SELECT} AND e.plover_type = ? AND e.source_code = ? AND e.target_code = ?",
            (plover_type, source, target),
        )
    elif partition.startswith("article:"):
        found = _mentions_of_articles(db, [partition.removeprefix("article:")])
    else:
        story = partition.removeprefix("story:")
        found = _mentions(db, f"{_MENTION_SELECT} AND s.story_id = ?", (story,))
    return [m for m in found if m.block() == block]


# -- clustering one block --------------------------------------------------------------------------


@dataclass
class _Cluster:
    founder: Mention
    members: list[Mention] = field(default_factory=list)

    @property
    def id(self) -> str:
        return merged_id(self.founder.article_id, self.founder.event_id)


def cluster(mentions: Iterable[Mention]) -> list[_Cluster]:
    """The merged events of one block's mentions: a function of the set of mentions alone."""
    clusters: list[_Cluster] = []
    told: dict[tuple[str, str], list[tuple[_Cluster, Mention]]] = {}
    """(story, clause) -> the merged events already holding that clause in that story."""
    active: list[_Cluster] = []
    """Dated merged events whose founder's days may still reach the next mention's."""
    undated: list[_Cluster] = []
    for mention in sorted(mentions, key=Mention.order):
        chosen = None
        clause = _clause(mention.sentence)
        if mention.story is not None:
            for candidate, other in told.get((mention.story, clause), ()):
                if not _places_fit(mention.place, candidate.founder.place):
                    continue
                if mention.date_text and other.date_text and not dates_agree(mention.date, other.date):
                    continue
                chosen = candidate
                break
        if chosen is None:
            chosen = _nearby(mention, active if mention.day_first is not None else undated)
        if chosen is None:
            chosen = _Cluster(mention)
            clusters.append(chosen)
            (active if mention.day_first is not None else undated).append(chosen)
        chosen.members.append(mention)
        if mention.story is not None:
            told.setdefault((mention.story, clause), []).append((chosen, mention))
    return clusters


def _nearby(mention: Mention, clusters: list[_Cluster]) -> _Cluster | None:
    partial = mention.source is None or mention.target is None
    if mention.day_first is None or mention.day_last is None:
        fitting = [
            c for c in clusters
            if (not partial or c.founder.article_id == mention.article_id) and _places_fit(mention.place, c.founder.place)
        ]
        return min(fitting, key=lambda c: c.id) if fitting else None
    low, high = _shift(mention.day_first, -DAY_TOLERANCE), _shift(mention.day_last, DAY_TOLERANCE)
    # Mentions come by first day: a founder whose days end before this one's reach never fits again.
    clusters[:] = [c for c in clusters if (c.founder.day_last or "") >= low]
    anchor = date.fromisoformat(mention.day_first)
    best: tuple[int, str, _Cluster] | None = None
    for candidate in clusters:
        founder = candidate.founder
        if (founder.day_first or "") > high:
            continue
        if partial and founder.article_id != mention.article_id:
            continue
        if not _places_fit(mention.place, founder.place):
            continue
        rank = (abs((date.fromisoformat(founder.day_first or "") - anchor).days), candidate.id)
        if best is None or rank < best[:2]:
            best = (*rank, candidate)
    return best[2] if best is not None else None


# -- writing merged events -------------------------------------------------------------------------


def merge(db: sqlite3.Connection, articles: Iterable[str]) -> int:
    """Derive again the merged events of every block that holds a mention of ``articles``, or of
    a merged event that lost a mention (``dirty``); return how many merged events were written."""
    blocks: set[Block] = {m.block() for m in _mentions_of_articles(db, sorted(set(articles)))}
    dirty = [str(r[0]) for r in db.execute("SELECT id FROM merged_events WHERE dirty = 1 ORDER BY id")]
    blocks |= {m.block() for m in _mentions_of_merged(db, dirty)}
    stale: set[str] = set(dirty)
    mentions: dict[tuple[str, str], Mention] = {}
    pending = sorted(blocks, key=repr)
    done: set[Block] = set()
    while pending:  # a merged event that spans blocks (stored before a story changed) pulls them all in
        block = pending.pop()
        if block in done:
            continue
        done.add(block)
        found = _mentions_of_block(db, block)
        mentions.update((m.ref, m) for m in found)
        touched = _merged_of(db, [m.ref for m in found]) - stale
        stale |= touched
        pending += sorted({m.block() for m in _mentions_of_merged(db, sorted(touched))} - done, key=repr)
    _delete(db, sorted(stale), sorted(mentions))
    by_block: dict[Block, list[Mention]] = {}
    for mention in mentions.values():
        by_block.setdefault(mention.block(), []).append(mention)
    written = 0
    for block in sorted(by_block, key=repr):
        for found in cluster(by_block[block]):
            _write(db, found)
            written += 1
    return written


def _mentions_of_merged(db: sqlite3.Connection, merged_ids: Sequence[str]) -> list[Mention]:
    refs: set[tuple[str, str]] = set()
    for start in range(0, len(merged_ids), 500):
        chunk = list(merged_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        refs |= {
            (str(r[0]), str(r[1]))
            for r in db.execute(f"SELECT article_id, event_id FROM event_mentions WHERE merged_id IN ({marks})", chunk)
        }
    found = _mentions_of_articles(db, sorted({article_id for article_id, _ in refs}))
    return [m for m in found if m.ref in refs]


def _merged_of(db: sqlite3.Connection, refs: Sequence[tuple[str, str]]) -> set[str]:
    out: set[str] = set()
    for article_id, event_id in refs:
        row = db.execute(
            "SELECT merged_id FROM event_mentions WHERE article_id = ? AND event_id = ?", (article_id, event_id)
        ).fetchone()
        if row is not None:
            out.add(str(row[0]))
    return out


def _delete(db: sqlite3.Connection, merged_ids: Sequence[str], refs: Sequence[tuple[str, str]]) -> None:
    db.executemany("DELETE FROM event_mentions WHERE article_id = ? AND event_id = ?", refs)
    for start in range(0, len(merged_ids), 500):
        chunk = list(merged_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        db.execute(f"DELETE FROM event_mentions WHERE merged_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM merged_events WHERE id IN ({marks})", chunk)


_COMPUTED = (
    "id", "intensity", "modality", "first_seen", "num_mentions", "num_articles", "num_sources", "num_stories",
    "confidence", "avg_tone", "root",
)
"""Columns of a merged event derived from all its mentions; the others are its founding mention's."""
_FROM_FOUNDER = {"date": "COALESCE(e.date, a.date)", "first_article_id": "e.article_id"}


@cache
def _found_sql() -> str:
    """``INSERT INTO merged_events … SELECT … FROM events``: every column the two tables share
    is copied from the founding mention, by name, but those derived from all the mentions."""
    events = set(table_columns("events"))
    copied = {
        c: f"e.{c}" for c in table_columns("merged_events")
        if c in events and c not in _COMPUTED and c not in _FROM_FOUNDER
    }
    values = {**{c: f":{c}" for c in _COMPUTED}, **_FROM_FOUNDER, **copied}
    columns = [c for c in table_columns("merged_events") if c in values]
    return (
        f"INSERT INTO merged_events ({', '.join(columns)})\nSELECT {', '.join(values[c] for c in columns)}\n"
        "FROM events AS e JOIN articles AS a ON a.id = e.article_id\nWHERE e.article_id = :article_id AND e.id = :event_id"
    )


def _write(db: sqlite3.Connection, found: _Cluster) -> None:
    founder = found.founder
    articles: dict[str, sqlite3.Row] = {}
    for article_id in sorted({m.article_id for m in found.members}):
        (articles[article_id],) = fetch(
            db,
            "SELECT a.id, a.date, a.source, a.url, s.story_id, t.tone FROM articles AS a"
            " LEFT JOIN story_articles AS s ON s.article_id = a.id"
            " LEFT JOIN article_tone AS t ON t.article_id = a.id WHERE a.id = ?",
            (article_id,),
        )
    sources = {publisher(r["source"], r["url"]) or f"article:{r['id']}" for r in articles.values()}
    stories = {r["story_id"] or f"article:{r['id']}" for r in articles.values()}
    dated = sorted(r["date"] for r in articles.values() if r["date"])
    tones = [r["tone"] for r in articles.values() if r["tone"] is not None]
    refs = [m.ref for m in found.members]
    roots = [
        r[0]
        for ref in refs
        for r in db.execute("SELECT root FROM events WHERE article_id = ? AND id = ?", ref)
    ]
    modality = founder.modality
    if modality in _HAPPENED:
        modality = "asserted" if any(m.modality == "asserted" for m in found.members) else "reported"
    (head,) = fetch(db, "SELECT plover_type, plover_mode, goldstein FROM events WHERE article_id = ? AND id = ?", founder.ref)
    known_roots = [int(r) for r in roots if r is not None]
    db.execute(
        _found_sql(),
        {
            "id": found.id, "intensity": intensity(head["plover_type"], head["plover_mode"], head["goldstein"]),
            "modality": modality, "first_seen": dated[0] if dated else None, "num_mentions": len(refs),
            "num_articles": len(articles), "num_sources": len(sources), "num_stories": len(stories),
            "confidence": confidence(len(stories), len(sources)),
            "avg_tone": round(sum(tones) / len(tones), 4) if tones else None,
            "root": max(known_roots) if known_roots else None,
            "article_id": founder.article_id, "event_id": founder.event_id,
        },
    )
    db.executemany(
        "INSERT INTO event_mentions (article_id, event_id, merged_id) VALUES (?, ?, ?)",
        [(a, e, found.id) for a, e in refs],
    )
