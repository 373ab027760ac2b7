"""The Python API for notebooks: analyse a text, open a database, query it as records or DataFrames.

    import thucydides
    analysis = thucydides.analyze("Japan imposed sanctions on North Korea.", date="2025-03-04")
    with thucydides.open("demo.db") as db:
        frame = db.events(country="RUS", since="2025-01-01").to_pandas()
        monthly = db.counts(by="country", per="month").to_pandas()

Queries take the filters of the command line, read the same way (see :class:`thucydides.store.Filters`),
and count what happened by default (``modality="asserted"``; ``"all"`` or a list for more). They
return :class:`Records`, a tuple of frozen records with ``to_pandas()``; pandas is an optional
extra (``pip install 'thucydides[pandas]'``). In a DataFrame, CAMEO codes stay strings (``"020"``),
days are datetimes (``day``, ``day_last``: the first and last day of the event's date, whose
``date_precision`` says how much is known; ``date`` keeps the date as written, ``2023-W12``), and
the columns with a fixed vocabulary are categoricals (:data:`CATEGORIES`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

from thucydides.codes.contexts import all_contexts
from thucydides.config import Settings
from thucydides.dates import PRECISIONS, Precision, parse_day, read_date
from thucydides.errors import InputError, ResourceError
from thucydides.ingest.ids import article_id
from thucydides.pipeline import analyze_one
from thucydides.records import MODALITIES, Analysis, Article
from thucydides.store.rows import MergedEvent
from thucydides.scores.counts import CountTable
from thucydides.scores.counts import count_events as _count_events
from thucydides.store import Filters, Store, StoredEvent
from thucydides.store.rows import QuoteRow, StanceRow, Stats

T = TypeVar("T")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
CATEGORIES: dict[str, tuple[Any, ...]] = {
    "modality": MODALITIES,
    "date_precision": PRECISIONS,
    "plover_type": PLOVER_TYPES,
    "quad_class": (1, 2, 3, 4),
}
"""The DataFrame columns with a fixed vocabulary, as pandas categoricals, and their categories."""

DATE_COLUMNS = ("day", "day_last")
STRING_COLUMNS = ("cameo", "source_code", "target_code", "source_country", "target_country")
FLOAT_COLUMNS = ("location_lat", "location_lon", "goldstein", "confidence", "merged_confidence", "intensity", "avg_tone")


def analyze(
    text: str,
    *,
    date: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one text: its events, quotes, actors, places, times and stances as records.

    ``date`` is the publication date (``YYYY-MM-DD``) that relative dates are resolved against.
    """
    if date is not None:
        date = parse_day(date, "date").isoformat()
    article = Article(id=article_id(text), text=text, title=title, date=date, url=url, source=source, origin="<text>")
    return analyze_one(article, settings or Settings())


class Records(tuple[T, ...], Generic[T]):
    """Records a query returned: a tuple, with :meth:`to_pandas`."""

    columns: tuple[str, ...]
    """The DataFrame's columns, so that no rows still make a frame with them."""

    def __new__(cls, items: Iterable[T] = (), columns: Iterable[str] = ()) -> Records[T]:
        made = super().__new__(cls, items)
        made.columns = tuple(columns)
        return made

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame, one row each, flat columns, typed (see the module doc)."""
        pandas = _pandas()
        rows = [flat(record) for record in self]
        columns = list(rows[0]) if rows else list(self.columns)
        frame = pandas.DataFrame.from_records(rows, columns=columns)
        for column in frame.columns:
            if column in CATEGORIES:
                frame[column] = pandas.Categorical(frame[column], categories=list(CATEGORIES[column]))
            elif column in DATE_COLUMNS:
                frame[column] = pandas.to_datetime(frame[column], format="%Y-%m-%d")
            elif column in STRING_COLUMNS:
                frame[column] = frame[column].astype("string")
            elif column in FLOAT_COLUMNS:
                frame[column] = pandas.to_numeric(frame[column]).astype("float64")
        return frame


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ResourceError("DataFrames need pandas: pip install 'thucydides[pandas]'") from error
    return pandas


def flat(record: Any) -> dict[str, Any]:
    """One record as a flat row: nested actors, PLOVER codes and places become prefixed columns."""
    if isinstance(record, StoredEvent):
        return _flat_event(record)
    return dict(record.to_dict())


EVENT_COLUMNS = (
    "article_id", "id", "date", "date_precision", "day", "day_last", "date_text",
    *(f"{side}_{part}" for side in ("source", "target") for part in ("name", "code", "country", "sector", "text")),
    "cameo", "plover_type", "plover_mode", "plover_context", "quad_class", "goldstein", "modality", "root",
    "location_name", "location_country", "location_lat", "location_lon", "speaker", "sentence", "span_start",
    "span_end", "rule", "confidence", "merged_id", "num_mentions", "num_articles", "num_sources", "merged_confidence",
)
"""The flat columns of a stored event in a DataFrame."""
MERGED_COLUMNS = tuple(f.name for f in dataclasses.fields(MergedEvent))


def _flat_event(event: StoredEvent) -> dict[str, Any]:
    days = _days(event)
    out: dict[str, Any] = {
        "article_id": event.article_id, "id": event.id, "date": event.date, "date_precision": event.date_precision,
        "day": days[0], "day_last": days[1], "date_text": event.date_text,
    }
    for side in ("source", "target"):
        actor = getattr(event, side)
        for part in ("name", "code", "country", "sector", "text"):
            out[f"{side}_{part}"] = getattr(actor, part) if actor is not None else None
    out.update(
        cameo=event.cameo, plover_type=event.plover.type, plover_mode=event.plover.mode,
        plover_context="|".join(event.plover.context), quad_class=event.quad_class, goldstein=event.goldstein,
        modality=event.modality, root=event.root,
        location_name=event.location.name if event.location else None,
        location_country=event.location.country if event.location else None,
        location_lat=event.location.lat if event.location else None,
        location_lon=event.location.lon if event.location else None,
        speaker=event.speaker.name if event.speaker else None,
        sentence=event.sentence, span_start=event.span[0], span_end=event.span[1], rule=event.rule,
        confidence=event.confidence,
        merged_id=event.merged_id, num_mentions=event.num_mentions, num_articles=event.num_articles,
        num_sources=event.num_sources, merged_confidence=event.merged_confidence,
    )
    return out


def _days(event: StoredEvent) -> tuple[str | None, str | None]:
    found = read_date(event.date)
    return (found.first.isoformat(), found.last.isoformat()) if found else (None, None)


@dataclass(frozen=True)
class CountRows:
    """A count table as records (:class:`thucydides.scores.counts.CountTable`), with ``to_pandas``."""

    table: CountTable

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.table.to_dicts()

    def __len__(self) -> int:
        return len(self.table.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def left_out(self) -> str | None:
        """Which events are in no row, and why (dated less precisely than the period, …)."""
        return self.table.left_out()

    def to_pandas(self) -> Any:
        pandas = _pandas()
        return pandas.DataFrame.from_records(self.rows, columns=list(self.table.columns))


def _modalities(modality: str | Iterable[str]) -> tuple[str, ...] | None:
    names = [modality] if isinstance(modality, str) else list(modality)
    names = [n.strip().lower() for name in names for n in name.split(",") if n.strip()]
    if "all" in names:
        return None
    for name in names:
        if name not in MODALITIES:
            raise InputError(f"unknown modality {name!r}; choose from {', '.join(MODALITIES)} or all")
    return tuple(names) or ("asserted",)


def _countries(country: str | Iterable[str] | None) -> tuple[str, ...]:
    if country is None:
        return ()
    return (country.upper(),) if isinstance(country, str) else tuple(c.upper() for c in country)


class Database:
    """A thucydides database opened for reading; use as a context manager or call :meth:`close`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    @staticmethod
    def filters(
        *,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        dyad: tuple[str, str] | None = None,
        country: str | Iterable[str] | None = None,
        code: str | None = None,
        context: str | None = None,
        root: bool | None = None,
        modality: str | Iterable[str] = "asserted",
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> Filters:
        """The :class:`Filters` of these keyword arguments, as the command line reads its options."""
        if context is not None and context not in all_contexts():
            raise InputError(f"unknown PLOVER context {context!r}; choose from {', '.join(all_contexts())}")
        return Filters(
            actor=actor, source=source, target=target, dyad=dyad, countries=_countries(country), code=code,
            context=context, root=root, modalities=_modalities(modality), since=since, until=until, limit=limit,
        )

    def events(self, **filters: Any) -> Records[StoredEvent]:
        """Every stored report of an event matching the filters (see :meth:`filters`), nested records."""
        return Records(self._store.stored_events(self.filters(**filters)), EVENT_COLUMNS)

    def merged_events(self, **filters: Any) -> Records[MergedEvent]:
        """Merged events (one per real-world event, with its evidence) matching the filters."""
        return Records(self._store.merged_events(self.filters(**filters)), MERGED_COLUMNS)

    def counts(self, by: str = "country", per: Precision = "month", *, quad_class: bool = False,
               **filters: Any) -> CountRows:
        """Merged events per country, dyad or type and per day, week, month or year."""
        return CountRows(_count_events(self._store.merged_events(self.filters(**filters)), by, per, quad_class=quad_class))

    def quotes(self, *, actor: str | None = None, country: str | Iterable[str] | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = None) -> Records[QuoteRow]:
        """Quotes with their speakers."""
        chosen = Filters(actor=actor, countries=_countries(country), since=since, until=until, limit=limit)
        return Records(self._store.quotes(chosen), [f.name for f in dataclasses.fields(QuoteRow)])

    def stances(self, *, actor: str | None = None, issue: str | None = None, polarity: str | None = None,
                limit: int | None = None) -> Records[StanceRow]:
        """Who stands where on which issue."""
        chosen = Filters(actor=actor, issue=issue, polarity=polarity, limit=limit)
        return Records(self._store.stances(chosen), [f.name for f in dataclasses.fields(StanceRow)])

    def stats(self) -> Stats:
        """Counts over the whole database."""
        return self._store.stats()


def open(path: str | Path) -> Database:  # noqa: A001 - the name the API promises: thucydides.open(db)
    """Open an existing thucydides database for querying."""
    if not Path(path).exists():
        raise InputError(f"{path}: no such database; create it with `thucydides ingest PATH --db {path}`")
    return Database(Store.open(path, read_only=True))


__all__ = ["CATEGORIES", "Database", "Records", "analyze", "open"]
