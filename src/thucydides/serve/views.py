"""What each page and API answer shows, computed from the store in one function per view; the
routes only read parameters and render. No SQL here: the store answers every question."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlencode

from thucydides.dates import Precision
from thucydides.resolve.merging import MergedEvent
from thucydides.scores.counts import PeriodTotal, actor_edges, period_totals
from thucydides.serve.graphics import MapPoint, NetworkEdge, PeriodCounts
from thucydides.store import Filters, Store
from thucydides.store.rows import QuoteRow, StanceRow, StoredEvent

MAP_LIMIT = 1000
"""The most points one map draws (as many as ``world_map_svg`` draws): the first located events by date."""
NETWORK_LIMIT = 300
"""The most edges one network draws: the pairs with the most events."""


def event_href(event_id: str) -> str:
    return f"/events/{quote(event_id, safe='')}"


def actor_href(code: str) -> str:
    return f"/actors/{quote(code, safe='')}"


def article_href(article_id: str, event_id: str | None = None) -> str:
    return f"/articles/{quote(article_id, safe='')}" + (f"#t-ev-{event_id}" if event_id else "")


@dataclass(frozen=True)
class EventPage:
    """One page of events: the rows, how many match in all, and the cursor of the next page."""

    events: list[StoredEvent]
    total: int
    next_after: tuple[str, str] | None


def events_page(store: Store, filters: Filters, *, limit: int, order: str, after: tuple[str, str] | None) -> EventPage:
    found = store.stored_events(replace(filters, limit=limit + 1), order=order, after=after)
    more = len(found) > limit
    shown = found[:limit]
    next_after = (shown[-1].article_id, shown[-1].id) if more and shown else None
    return EventPage(events=shown, total=store.count_events(replace(filters, limit=None)), next_after=next_after)


def timeline(events: list[MergedEvent], per: Precision) -> tuple[list[PeriodCounts], str | None]:
    """Counts by quad class and mean Goldstein per period, and which events have no period."""
    totals, table = period_totals(events, per)
    return [_period(t) for t in totals], table.left_out()


def _period(total: PeriodTotal) -> PeriodCounts:
    return PeriodCounts(
        period=total.period, counts={q: n for q, n in zip((1, 2, 3, 4), total.quad_classes)},
        mean_goldstein=total.goldstein_mean,
    )


@dataclass(frozen=True)
class ActorView:
    """An actor's page: its events either side, its quotes and stances, its timeline."""

    code: str
    name: str | None
    as_source: list[StoredEvent]
    as_target: list[StoredEvent]
    quotes: list[QuoteRow]
    stances: list[StanceRow]
    periods: list[PeriodCounts]
    left_out: str | None


def actor_view(store: Store, code: str, filters: Filters, *, limit: int, per: Precision = "month") -> ActorView:
    base = replace(filters, actor=None, source=None, target=None, dyad=None, limit=limit)
    as_source = store.stored_events(replace(base, source=code))
    as_target = store.stored_events(replace(base, target=code))
    quotes = store.quotes(Filters(actor=code, since=filters.since, until=filters.until, limit=limit))
    stances = store.stances(Filters(actor=code, limit=limit))
    periods, left_out = timeline(store.merged_events(replace(base, actor=code, limit=None)), per)
    names = Counter(
        a.name for e in as_source + as_target for a in (e.source, e.target)
        if a is not None and a.code.upper() == code.upper()
    )
    name = names.most_common(1)[0][0] if names else None
    return ActorView(code, name, as_source, as_target, quotes, stances, periods, left_out)


def dyad_periods(store: Store, one: str, two: str, filters: Filters, per: Precision) -> tuple[list[PeriodCounts], str | None]:
    """Cooperation and conflict between two actors (either way), per week or month."""
    return timeline(store.merged_events(replace(filters, dyad=(one, two), limit=None)), per)


def map_points(store: Store, filters: Filters) -> list[MapPoint]:
    """The merged events with a location, one point each, linking to the event."""
    points = []
    for event in store.merged_events(replace(filters, limit=None)):
        if event.location_lat is None or event.location_lon is None:
            continue
        who = f"{event.source or '?'} → {event.target or '?'}"
        label = f"{event.date or 'undated'} · {event.plover_type} ({event.cameo}) · {who} · {event.location_name or ''}"
        points.append(MapPoint(event.location_lat, event.location_lon, event.quad_class, event_href(event.id), label))
        if len(points) >= MAP_LIMIT:
            break
    return points


def network_edges(store: Store, filters: Filters) -> list[NetworkEdge]:
    """Who acts on whom: an edge per source and target actor code, weighted by its events."""
    kept = [(k, v) for k, v in _filter_params(filters).items() if k not in ("source", "target", "actor", "dyad")]
    edges = []
    for edge in actor_edges(store.merged_events(replace(filters, limit=None)))[:NETWORK_LIMIT]:
        query = urlencode([*kept, ("source", edge.source), ("target", edge.target)], doseq=True)
        edges.append(NetworkEdge(edge.source, edge.target, edge.events, f"/events?{query}"))
    return edges


def _filter_params(filters: Filters) -> dict[str, Any]:
    """Query parameters that select the same events as ``filters`` (the event filters only)."""
    out: dict[str, Any] = {}
    for name in ("actor", "source", "target", "code", "context", "since", "until", "min_confidence"):
        value = getattr(filters, name)
        if value is not None:
            out[name] = value
    if filters.dyad is not None:
        out["dyad"] = ",".join(filters.dyad)
    if filters.countries:
        out["country"] = list(filters.countries)
    if filters.root:
        out["root"] = "true"
    out["modality"] = "all" if filters.modalities is None else ",".join(filters.modalities)
    if filters.text is not None:
        out["q"] = filters.text
    return out
