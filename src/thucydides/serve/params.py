"""Query parameters of the API and the pages, read and checked once: the event filters of
``thucydides events`` (the same names, read the same way), page sizes and cursors.

A bad value is a :class:`BadParameter`, which both the API and the pages answer with status 422
and the reason, naming the parameter.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query, Request

from thucydides.codes.contexts import all_contexts
from thucydides.dates import PERIODS, parse_day
from thucydides.errors import InputError
from thucydides.records import MODALITIES
from thucydides.store import Filters
from thucydides.store.queries import ORDERS

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
"""The most rows one page or one API answer holds; ask for the next page with its cursor."""

EVENT_PARAMS = (
    "actor", "source", "target", "dyad", "country", "code", "context", "root", "modality", "since", "until",
    "min_confidence", "q",
)
"""The query parameters that select events, kept when a page links to another view of the same events."""


class BadParameter(Exception):
    """A query parameter that cannot be read: answered with 422 and this reason."""

    def __init__(self, parameter: str, reason: str) -> None:
        super().__init__(f"{parameter}: {reason}")
        self.parameter = parameter
        self.reason = reason


def _blank(value: str | None) -> str | None:
    """Forms send empty fields as empty strings: those mean 'not given'."""
    return value.strip() if value is not None and value.strip() else None


def _countries(values: list[str]) -> tuple[str, ...]:
    out = []
    for item in values:
        for code in (part.strip() for part in item.split(",")):
            if not code:
                continue
            if not re.fullmatch(r"[A-Za-z]{3}", code):
                raise BadParameter("country", f"{code!r} is not an ISO 3166 alpha-3 country code such as USA")
            out.append(code.upper())
    return tuple(dict.fromkeys(out))


def _modalities(values: list[str]) -> tuple[str, ...] | None:
    names = [part.strip().lower() for item in values for part in item.split(",") if part.strip()]
    if not names:
        return ("asserted",)
    if "all" in names:
        return None
    for name in names:
        if name not in MODALITIES:
            raise BadParameter("modality", f"{name!r} is not a modality; choose from {', '.join(MODALITIES)} or all")
    return tuple(dict.fromkeys(names))


def _day(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_day(value, name).isoformat()
    except InputError as error:
        raise BadParameter(name, str(error)) from error


def _confidence(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise BadParameter("min_confidence", f"{value!r} is not a number from 0 to 1")
    return number


def event_filters(
    actor: Annotated[str | None, Query(description="Source or target is this actor: a country (RUS), a code (RUSMIL) or words of a name.")] = None,
    source: Annotated[str | None, Query(description="The source (who acts) is this actor.")] = None,
    target: Annotated[str | None, Query(description="The target (who is acted on) is this actor.")] = None,
    dyad: Annotated[str | None, Query(description="Two actors, comma-separated (RUS,GBR): events between them either way.")] = None,
    country: Annotated[list[str], Query(description="ISO3 code of the source or target; repeatable.")] = [],  # noqa: B006 - FastAPI copies defaults
    code: Annotated[str | None, Query(description="CAMEO code prefix (04) or PLOVER type (CONSULT).")] = None,
    context: Annotated[str | None, Query(description="A PLOVER context (diplomatic, economic, ...).")] = None,
    root: Annotated[bool | None, Query(description="true: only events told in the title or lead.")] = None,
    modality: Annotated[list[str], Query(description="Modalities to keep (repeatable or comma-separated), or all. Default: asserted.")] = [],  # noqa: B006
    since: Annotated[str | None, Query(description="Only events on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Only events on or before this day (YYYY-MM-DD).")] = None,
    min_confidence: Annotated[str | None, Query(description="A number from 0 to 1: the merged event's confidence is at least this.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words the event's sentence contains (case-insensitive).")] = None,
) -> Filters:
    """The :class:`Filters` these query parameters stand for (a FastAPI dependency)."""
    pair: tuple[str, str] | None = None
    if _blank(dyad) is not None:
        parts = [part.strip() for part in str(dyad).split(",")]
        if len(parts) != 2 or not all(parts):
            raise BadParameter("dyad", f"{dyad!r} is not two actors separated by a comma, such as RUS,CHN")
        pair = (parts[0], parts[1])
    chosen_context = _blank(context)
    if chosen_context is not None and chosen_context not in all_contexts():
        raise BadParameter("context", f"unknown PLOVER context {chosen_context!r}; choose from {', '.join(all_contexts())}")
    first, last = _day("since", _blank(since)), _day("until", _blank(until))
    if first is not None and last is not None and first > last:
        raise BadParameter("since", f"since {first} is after until {last}")
    return Filters(
        actor=_blank(actor), source=_blank(source), target=_blank(target), dyad=pair, countries=_countries(country),
        code=_blank(code), context=chosen_context, root=root or None, modalities=_modalities(modality),
        since=first, until=last, min_confidence=_confidence(_blank(min_confidence)), text=_blank(q),
    )


EventFilters = Annotated[Filters, "event filters"]


@dataclass(frozen=True)
class Page:
    """Which page of a list: at most ``limit`` rows in ``order``, after the row ``after``."""

    limit: int
    order: str
    after: tuple[str, str] | None


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many rows (1 to {MAX_LIMIT}).")] = DEFAULT_LIMIT,
    order: Annotated[str, Query(description=f"Sort order: {', '.join(ORDERS)} (a leading - reverses).")] = "date",
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page: the page after it.")] = None,
) -> Page:
    if order not in ORDERS:
        raise BadParameter("order", f"{order!r} is not an order; choose from {', '.join(ORDERS)}")
    return Page(limit=limit, order=order, after=read_cursor(cursor) if _blank(cursor) else None)


def make_cursor(article_id: str, event_id: str) -> str:
    """An opaque token for 'after this event': base64 of its article and event ids."""
    return base64.urlsafe_b64encode(json.dumps([article_id, event_id]).encode()).decode().rstrip("=")


def read_cursor(token: str | None) -> tuple[str, str]:
    try:
        raw = base64.urlsafe_b64decode(str(token) + "=" * (-len(str(token)) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError) as error:
        raise BadParameter("cursor", "not a cursor this server made (use next_cursor of the previous page)") from error
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise BadParameter("cursor", "not a cursor this server made (use next_cursor of the previous page)")
    return value[0], value[1]


def period(value: str, name: str = "per") -> str:
    if value not in PERIODS:
        raise BadParameter(name, f"{value!r} is not a period; choose from {', '.join(PERIODS)}")
    return value


def query_string(request: Request, *, keep: tuple[str, ...] | None = None, **changes: str | None) -> str:
    """The request's query string with ``changes`` (None removes a parameter); ``keep``: only these."""
    items = [(k, v) for k, v in request.query_params.multi_items() if (keep is None or k in keep) and k not in changes]
    items += [(k, v) for k, v in changes.items() if v is not None]
    return urlencode([(k, v) for k, v in items if v != ""])
