"""The actor knowledge base: countries, capitals and seats of government, organisations, armed
groups and parties, office holders with dates, and role words -> sectors (data/*.tsv)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable

from thucydides.errors import ResourceError


@dataclass(frozen=True)
class KBEntry:
    kb_id: str
    name: str
    kind: str
    """country, capital, seat, adjective, igo, group or person."""
    code: str
    country: str | None
    sector: str | None
    role: str | None = None
    start: str | None = None
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        """Whether the entry held (its office) on the date; undated entries always do."""
        if date is None:
            return True
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    names: dict[str, tuple[KBEntry, ...]]
    """Surface form (case-sensitive) -> entries."""
    sectors: dict[str, str]
    """Role word or group noun (lower case, may be several words) -> sector code."""
    countries: dict[str, KBEntry]
    """ISO alpha-3 -> the country's entry."""

    def lookup(self, surface: str, date: str | None = None) -> tuple[KBEntry, ...]:
        entries = self.names.get(surface, ())
        dated = tuple(e for e in entries if e.valid_on(date))
        return dated


def _rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    source: Traversable = resources.files("thucydides.resolve").joinpath(f"data/{name}")
    try:
        with source.open(encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
                yield number, {k: (v or "").strip() for k, v in row.items() if k is not None}
    except OSError as error:
        raise ResourceError(f"cannot read knowledge-base file {name}: {error}") from error


def _split(field: str) -> list[str]:
    return [v.strip() for v in field.split("|") if v.strip()]


def _code(country: str | None, sector: str | None) -> str:
    return (country or "---") + (sector or "")


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The bundled knowledge base, loaded once per process."""
    names: dict[str, list[KBEntry]] = defaultdict(list)
    countries: dict[str, KBEntry] = {}

    def add(surface: str, entry: KBEntry) -> None:
        if entry not in names[surface]:
            names[surface].append(entry)

    for _, row in _rows("countries.tsv"):
        iso = row["iso3"]
        country = KBEntry(f"country:{iso}", row["name"], "country", iso, iso, None)
        countries[iso] = country
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            add(surface, country)
        for surface in _split(row.get("adjectives", "")):
            add(surface, KBEntry(f"country:{iso}", row["name"], "adjective", iso, iso, None))
        for surface in _split(row.get("capitals", "")):
            add(surface, KBEntry(f"capital:{iso}", surface, "capital", iso + "GOV", iso, "GOV"))
        for surface in _split(row.get("seats", "")):
            add(surface, KBEntry(f"seat:{iso}", surface, "seat", iso + "GOV", iso, "GOV"))
    for _, row in _rows("igos.tsv"):
        sector = row.get("sector") or None
        entry = KBEntry(f"igo:{row['code']}", row["name"], "igo", row["code"], None, sector)
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            add(surface, entry)
    for _, row in _rows("groups.tsv"):
        entry = KBEntry(
            f"group:{row['code']}", row["name"], "group", row["code"], row.get("country") or None, row.get("sector") or None
        )
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            add(surface, entry)
    sectors: dict[str, str] = {}
    for _, row in _rows("sectors.tsv"):
        sectors[row["word"].lower()] = row["sector"]
    for number, row in _rows("people.tsv"):
        country = row.get("country") or None
        role = row.get("role") or None
        sector = row.get("sector") or sectors.get((role or "").lower(), "GOV")
        entry = KBEntry(
            f"person:{row['name']}:{role}:{row.get('start', '')}",
            row["name"],
            "person",
            _code(country, sector),
            country,
            sector,
            role=role,
            start=row.get("start") or None,
            end=row.get("end") or None,
        )
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            add(surface, entry)
    return KnowledgeBase(
        names={k: tuple(v) for k, v in names.items()},
        sectors=sectors,
        countries=countries,
    )
