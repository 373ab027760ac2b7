"""The SQL conditions a :class:`Filters` stands for, on stored events or merged events.

Both tables have the same columns for what an analyst filters on (``source_code``,
``source_country``, ``source_name``, the same for the target, ``cameo``, ``plover_type``,
``modality``, ``quad_class``, ``day_first``, ``day_last``), so one builder serves both; stored
events also have the mention text of each actor (``source_text``).

Actors are matched exactly, never by substring: a value of three letters is a country (``RUS``
matches every Russian actor, ``IGO`` every international organisation), a longer code matches
that code exactly (``RUSMIL``), and any value also matches a name or mention text that contains
its words in order (``putin``, ``North Korea``), whole words only, case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Sequence

from thucydides.dates import parse_day
from thucydides.errors import InputError
from thucydides.records import MODALITIES
from thucydides.store.rows import Filters

_WORD = re.compile(r"\w+")
_CODE = re.compile(r"(?=.*[A-Z])[A-Z0-9\-]{4,}")
_COUNTRY = re.compile(r"[A-Za-z]{3}")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def has_words(haystack: object, needle: object) -> int:
    """SQL function ``has_words(text, words)``: 1 when ``text`` holds the words of ``words``
    next to each other and in order, whole words, case-insensitively; else 0."""
    if haystack is None or needle is None:
        return 0
    hay, wanted = words(str(haystack)), words(str(needle))
    if not wanted:
        return 0
    n = len(wanted)
    return int(any(hay[i : i + n] == wanted for i in range(len(hay) - n + 1)))


@dataclass(frozen=True)
class Table:
    """The columns of one table that filters read: its alias, and whether it has mention texts."""

    alias: str
    mention_text: bool


EVENTS = Table("e", mention_text=True)
MERGED = Table("x", mention_text=False)


@dataclass
class Where:
    """Conditions joined by AND, and their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + "\n  AND ".join(self.clauses) + "\n") if self.clauses else ""


def actor_match(country: str, code: str, texts: Sequence[str], value: str) -> tuple[str, list[Any]]:
    """SQL (and parameters) for: the actor in these columns is ``value`` (see the module doc)."""
    value = value.strip()
    if not value:
        raise InputError("an actor to match cannot be empty")
    parts: list[str] = []
    params: list[Any] = []
    upper = value.upper()
    if _COUNTRY.fullmatch(value):
        parts.append(f"{country} = ?")
        parts.append(f"substr({code}, 1, 3) = ?")
        params.extend([upper, upper])
    elif _CODE.fullmatch(upper):
        parts.append(f"{code} = ?")
        params.append(upper)
    for column in texts:
        parts.append(f"has_words({column}, ?) = 1")
        params.append(value)
    return "(" + " OR ".join(parts) + ")", params


def actor_condition(table: Table, side: str, value: str) -> tuple[str, list[Any]]:
    """SQL (and parameters) for: the ``side`` (source or target) actor of an event is ``value``."""
    a = table.alias
    texts = [f"{a}.{side}_name"] + ([f"{a}.{side}_text"] if table.mention_text else [])
    return actor_match(f"{a}.{side}_country", f"{a}.{side}_code", texts, value)


def either_side(table: Table, value: str) -> tuple[str, list[Any]]:
    source, p1 = actor_condition(table, "source", value)
    target, p2 = actor_condition(table, "target", value)
    return f"({source} OR {target})", p1 + p2


def window(filters: Filters) -> tuple[date | None, date | None]:
    """The ``since``/``until`` days of ``filters``, checked (an impossible day is an InputError)."""
    since = parse_day(filters.since, "--since") if filters.since is not None else None
    until = parse_day(filters.until, "--until") if filters.until is not None else None
    if since is not None and until is not None and since > until:
        raise InputError(f"--since {since} is after --until {until}")
    return since, until


def modalities(filters: Filters) -> tuple[str, ...] | None:
    if filters.modalities is None:
        return None
    unknown = [m for m in filters.modalities if m not in MODALITIES]
    if unknown:
        raise InputError(f"unknown modality {unknown[0]!r}; choose from {', '.join(MODALITIES)} or all")
    return tuple(filters.modalities)


def event_conditions(table: Table, filters: Filters) -> Where:
    """Every event filter of ``filters`` as conditions on ``table``."""
    a = table.alias
    where = Where()
    if filters.actor is not None:
        where.add(*_flat(either_side(table, filters.actor)))
    if filters.source is not None:
        where.add(*_flat(actor_condition(table, "source", filters.source)))
    if filters.target is not None:
        where.add(*_flat(actor_condition(table, "target", filters.target)))
    if filters.dyad is not None:
        one, two = filters.dyad
        s1, p1 = actor_condition(table, "source", one)
        t2, p2 = actor_condition(table, "target", two)
        s2, p3 = actor_condition(table, "source", two)
        t1, p4 = actor_condition(table, "target", one)
        where.add(f"(({s1} AND {t2}) OR ({s2} AND {t1}))", *p1, *p2, *p3, *p4)
    if filters.countries:
        codes = [c.upper() for c in filters.countries]
        marks = ", ".join("?" * len(codes))
        where.add(f"({a}.source_country IN ({marks}) OR {a}.target_country IN ({marks}))", *codes, *codes)
    if filters.code is not None:
        if filters.code.isdigit():
            where.add(f"substr({a}.cameo, 1, length(?)) = ?", filters.code, filters.code)
        else:
            where.add(f"{a}.plover_type = ?", filters.code.upper())
    if filters.quad_class is not None:
        where.add(f"{a}.quad_class = ?", filters.quad_class)
    if filters.context is not None:
        where.add(f"instr('|' || {a}.plover_context || '|', ?) > 0", f"|{filters.context.strip().lower()}|")
    if filters.root is not None:
        where.add(f"{a}.root = ?", int(filters.root))
    if filters.text is not None and filters.text.strip():
        where.add(f"instr(casefold({a}.sentence), ?) > 0", filters.text.strip().casefold())
    if filters.min_confidence is not None:
        if table.mention_text:  # a stored event: its merged event's confidence
            where.add(
                "(SELECT mx.confidence FROM event_mentions AS mm JOIN merged_events AS mx ON mx.id = mm.merged_id"
                f" WHERE mm.article_id = {a}.article_id AND mm.event_id = {a}.id) >= ?",
                filters.min_confidence,
            )
        else:
            where.add(f"{a}.confidence >= ?", filters.min_confidence)
    chosen = modalities(filters)
    if chosen is not None:
        where.add(f"{a}.modality IN ({', '.join('?' * len(chosen))})", *chosen)
    since, until = window(filters)
    # A date is in the window when the days it covers overlap it: 2023 is in 2023-03-01..2023-03-31.
    if since is not None:
        where.add(f"{a}.day_last >= ?", since.isoformat())
    if until is not None:
        where.add(f"{a}.day_first <= ?", until.isoformat())
    return where


def _flat(pair: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (pair[0], *pair[1])
