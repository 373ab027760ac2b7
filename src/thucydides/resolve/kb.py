"""The actor knowledge base: countries, capitals and seats of government, organisations, armed
groups and parties, office holders with dates, and role words -> sectors (data/*.tsv)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from thucydides.errors import InputError, ResourceError


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
    people: tuple[KBEntry, ...] = ()
    """Office holders, a user's first."""

    def holders(self, country: str, role: str, date: str | None) -> tuple[KBEntry, ...]:
        """Who held a role ("foreign minister") in a country on a date: "the Chinese foreign
        minister" in March 2023 is Qin Gang. Without a date, the latest holder comes first."""
        roles = ROLE_SYNONYMS.get(role.lower(), (role.lower(),))
        found = [p for p in self.people if p.country == country and (p.role or "").lower() in roles and p.valid_on(date)]
        return tuple(sorted(found, key=lambda p: p.start or "", reverse=True))

    def lookup(self, surface: str, date: str | None = None) -> tuple[KBEntry, ...]:
        """Entries for a name valid on the date; a person who held office only before it comes
        back as a former office holder (sector ELI, PLOVER's elites), not as today's."""
        entries = self.names.get(surface, ())
        dated = tuple(e for e in entries if e.valid_on(date))
        if dated or date is None:
            return dated
        past = sorted((e for e in entries if e.kind == "person" and e.end and e.end < date), key=lambda e: e.end or "")
        if not past:
            return ()
        last = past[-1]
        return (replace(last, sector="ELI", code=(last.country or "---") + "ELI", role=f"former {last.role}"),)


COMMON_SURNAMES = frozenset(
    """Smith Brown Johnson Martin Miller Nelson Price Hill Howard Cook Cooper Costa Fernandes Flores
    Garcia Santos Berger Bennett Fischer Haas Jung Schmid Schmitt Schuster Köhler Harris""".split()
)
"""Surnames too common to name an office holder on their own; the article's own full mention
("Boris Johnson … Johnson said") still resolves them."""

ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "foreign minister": ("foreign minister", "foreign secretary", "secretary of state"),
    "foreign secretary": ("foreign secretary", "foreign minister"),
    "secretary of state": ("secretary of state",),
    "defense minister": ("defense minister", "defence minister", "defense secretary", "defence secretary"),
    "defence minister": ("defense minister", "defence minister", "defense secretary", "defence secretary"),
    "defense secretary": ("defense secretary", "defense minister"),
    "defence secretary": ("defence secretary", "defense minister"),
    "prime minister": ("prime minister", "premier"),
    "premier": ("premier", "prime minister"),
    "president": ("president",),
    "chancellor": ("chancellor",),
    "king": ("king",),
    "leader": ("president", "prime minister", "supreme leader", "king", "chancellor"),
}
"""Role words in text -> the roles of people.tsv they name."""

FILE_KINDS: dict[tuple[str, ...], str] = {
    ("iso3", "name", "aliases", "adjectives", "capitals", "seats"): "countries.tsv",
    ("code", "name", "aliases", "sector"): "igos.tsv",
    ("code", "name", "aliases", "country", "sector"): "groups.tsv",
    ("word", "sector", "plural"): "sectors.tsv",
    ("name", "aliases", "country", "sector", "role", "start", "end"): "people.tsv",
}
"""A knowledge-base file is known by its header; a user's file (--kb) uses one of ours."""


def _rows(name: str, extra: tuple[str, ...] = ()) -> Iterator[tuple[bool, dict[str, str]]]:
    """(is a user's row, row): rows of our bundled file, then of every user file with its header."""
    source: Traversable = resources.files("thucydides.resolve").joinpath(f"data/{name}")
    yield from ((False, row) for row in _read(source, name))
    for path in extra:
        if user_file_kind(path) == name:
            yield from ((True, row) for row in _read(Path(path), path))


def _read(source: Traversable | Path, label: str) -> Iterator[dict[str, str]]:
    try:
        with source.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield {k: (v or "").strip() for k, v in row.items() if k is not None}
    except (OSError, UnicodeDecodeError) as error:
        raise ResourceError(f"cannot read knowledge-base file {label}: {error}") from error


def user_file_kind(path: str) -> str:
    """Which of our files a user's knowledge-base file extends, from its header line."""
    try:
        with open(path, encoding="utf-8") as handle:
            header = tuple(handle.readline().rstrip("\r\n").split("\t"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read knowledge-base file: {error}") from error
    kind = FILE_KINDS.get(header)
    if kind is None:
        known = "; ".join("\t".join(h) for h in FILE_KINDS)
        raise InputError(f"{path}: unknown knowledge-base header; use one of: {known}")
    return kind


def _split(field: str) -> list[str]:
    return [v.strip() for v in field.split("|") if v.strip()]


def _code(country: str | None, sector: str | None) -> str:
    return (country or "---") + (sector or "")


def _office_code(role: str | None, igo_codes: dict[str, str]) -> str:
    """The code of the organisation an international official's role names, by its longest
    leading name: a "UN secretary-general" speaks for the UN (IGOUNO...), a "NATO
    secretary-general" for NATO; ---IGO where the role names none of ours."""
    words = (role or "").lower().split()
    for end in range(len(words), 0, -1):
        code = igo_codes.get(" ".join(words[:end]))
        if code:
            return code
    return _code(None, "IGO")


_NO_DERIVED_FORM = frozenset(
    {"tank", "plane", "jet", "helicopter", "drone", "gunship", "warplane", "force", "person", "deputy", "authority", "business"}
)
"""Singulars not derived from a plural role word: one plane or drone is as often civilian as
military, "force" is mostly "by force", "authority" the power to act, a "person" is anyone,
and "his deputy" is a second in command, where "deputies" are legislators."""


def _plural(word: str) -> str | None:
    """The regular plural of a role phrase's last word ("army chief" -> "army chiefs");
    None for a phrase with a complement ("head of state"), whose plural is irregular."""
    if " of " in word or word.endswith("."):
        return None
    if word.endswith("man"):
        return word[:-3] + "men"  # spokesman -> spokesmen
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "sh")) or (word.endswith("ch") and not word.endswith("arch")):
        return word + "es"
    return word + "s"


def _singular(word: str) -> str | None:
    """The singular of a plural role phrase ("investigators" -> "investigator"); None where
    it is not regular or is left out on purpose (:data:`_NO_DERIVED_FORM`)."""
    if " of " in word:
        return None
    if word.endswith("men"):
        found = word[:-3] + "man"
    elif word.endswith("ies"):
        found = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        found = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "ves")):
        found = word[:-1]
    else:
        return None
    return None if found.rsplit(" ", 1)[-1] in _NO_DERIVED_FORM else found


@lru_cache(maxsize=4)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The bundled knowledge base plus the user's files (``--kb``), loaded once per process.

    A user's row adds names; a user's row for a name we have puts its entry first, so it wins.
    """
    for path in extra:
        user_file_kind(path)
    names: dict[str, list[KBEntry]] = defaultdict(list)
    countries: dict[str, KBEntry] = {}

    def add(surface: str, entry: KBEntry, first: bool = False) -> None:
        if entry not in names[surface]:
            names[surface].insert(0, entry) if first else names[surface].append(entry)

    for user, row in _rows("countries.tsv", extra):
        iso = row["iso3"]
        country = KBEntry(f"country:{iso}", row["name"], "country", iso, iso, None)
        countries[iso] = country
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            add(surface, country, user)
        for surface in _split(row.get("adjectives", "")):
            add(surface, KBEntry(f"country:{iso}", row["name"], "adjective", iso, iso, None), user)
        for surface in _split(row.get("capitals", "")):
            add(surface, KBEntry(f"capital:{iso}", surface, "capital", iso + "GOV", iso, "GOV"), user)
        for surface in _split(row.get("seats", "")):
            add(surface, KBEntry(f"seat:{iso}", surface, "seat", iso + "GOV", iso, "GOV"), user)
    igo_codes: dict[str, str] = {}  # lower-case name or alias -> code, for the offices of IGO people
    for user, row in _rows("igos.tsv", extra):
        sector = row.get("sector") or None
        entry = KBEntry(f"igo:{row['code']}", row["name"], "igo", row["code"], None, sector)
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            add(surface, entry, user)
            igo_codes.setdefault(surface.lower(), row["code"])
    for user, row in _rows("groups.tsv", extra):
        entry = KBEntry(
            f"group:{row['code']}", row["name"], "group", row["code"], row.get("country") or None, row.get("sector") or None
        )
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            add(surface, entry, user)
    sectors: dict[str, str] = {}
    people: list[KBEntry] = []
    derived: dict[str, str] = {}
    for _user, row in _rows("sectors.tsv", extra):
        word = row["word"].lower()
        sectors[word] = row["sector"]
        other = _singular(word) if row.get("plural") == "1" else _plural(word)
        if other is not None:
            derived.setdefault(other, row["sector"])
    for word, sector in derived.items():
        sectors.setdefault(word, sector)  # a form the file lists itself keeps its own sector
    for user, row in _rows("people.tsv", extra):
        country = row.get("country") or None
        role = row.get("role") or None
        sector = row.get("sector") or sectors.get((role or "").lower(), "GOV")
        entry = KBEntry(
            f"person:{row['name']}:{role}:{row.get('start', '')}",
            row["name"],
            "person",
            _office_code(role, igo_codes) if country is None and sector == "IGO" else _code(country, sector),
            country,
            sector,
            role=role,
            start=row.get("start") or None,
            end=row.get("end") or None,
        )
        for surface in [row["name"], *_split(row.get("aliases", ""))]:
            if surface != row["name"] and surface in COMMON_SURNAMES:
                continue  # "Senator Smith" is not Australia's Stephen Smith
            add(surface, entry, user)
        people.insert(0, entry) if user else people.append(entry)
    return KnowledgeBase(
        names={k: tuple(v) for k, v in names.items()},
        sectors=sectors,
        countries=countries,
        people=tuple(people),
    )
