"""The pages: server-rendered HTML over the same queries as the API (see :mod:`.views`)."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from thucydides.codes.contexts import all_contexts
from thucydides.dates import PERIODS
from thucydides.notebook import EVENT_COLUMNS, PLOVER_TYPES, flat
from thucydides.records import MODALITIES
from thucydides.serve.app import CONTENT_SECURITY_POLICY, reading, render
from thucydides.serve.graphics import network_svg, timeline_svg, world_map_svg
from thucydides.serve.highlight import QUADS, actor_line, event_title, marks, pieces
from thucydides.serve.params import (
    DEFAULT_LIMIT, EVENT_PARAMS, MAX_LIMIT, BadParameter, Page, event_filters, make_cursor, page, period, query_string,
)
from thucydides.serve.views import (
    MAP_LIMIT, NETWORK_LIMIT, actor_href, actor_view, article_href, dyad_periods, event_href, events_page, map_points,
    network_edges,
)
from thucydides.spreadsheets import safe_row
from thucydides.store import Filters

router = APIRouter(include_in_schema=False)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]

def web_link(url: str) -> bool:
    """Whether an article's URL may be a link: http and https only (never javascript: or data:)."""
    return url.strip().lower().startswith(("http://", "https://"))


HELPERS: dict[str, Any] = {
    "web_link": web_link,
    "event_href": event_href, "actor_href": actor_href, "article_href": article_href, "actor_line": actor_line,
    "event_title": event_title, "quads": QUADS, "modalities": MODALITIES, "plover_types": PLOVER_TYPES,
    "contexts": all_contexts(), "all_periods": PERIODS, "max_limit": MAX_LIMIT, "map_limit": MAP_LIMIT,
    "network_limit": NETWORK_LIMIT,
}


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return render(request, template, **HELPERS, **context)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    with reading(request) as store:
        stats = store.stats()
        stories = store.stories(min_size=2, limit=10)
    return _page(request, "index.html", stats=stats, stories=stories)


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request, filters: Annotated[Filters, Depends(event_filters)], chosen: Annotated[Page, Depends(page)]
) -> HTMLResponse:
    with reading(request) as store:
        found = events_page(store, filters, limit=chosen.limit, order=chosen.order, after=chosen.after)
    cursor = make_cursor(*found.next_after) if found.next_after else None
    return _page(
        request, "events.html", filters=filters, chosen=chosen, found=found,
        params=request.query_params, query=query_string(request),
        next_query=query_string(request, cursor=cursor) if cursor else None,
        first_query=query_string(request, cursor=None) if chosen.after else None,
        sort_query={o: query_string(request, order=o, cursor=None) for o in ("date", "-date", "goldstein", "-goldstein")},
        map_query=query_string(request, keep=EVENT_PARAMS),
    )


@router.get("/events.csv")
def events_csv(
    request: Request, filters: Annotated[Filters, Depends(event_filters)], chosen: Annotated[Page, Depends(page)]
) -> Response:
    """The rows the events page shows with the same parameters, as CSV (one flat row per event;
    cells a spreadsheet would run as a formula are prefixed with ')."""
    with reading(request) as store:
        found = events_page(store, filters, limit=chosen.limit, order=chosen.order, after=chosen.after)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(EVENT_COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for event in found.events:
        writer.writerow(safe_row(flat(event)))
    return Response(
        out.getvalue(), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: Annotated[str, Path(max_length=300)]) -> HTMLResponse:
    with reading(request) as store:
        merged = store.merged_event(event_id)
        if merged is None:
            raise HTTPException(404, f"no event {event_id!r}")
        mentions = store.mentions(merged.id)
    return _page(request, "event.html", event=merged, mentions=mentions)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: Annotated[str, Path(max_length=300)]) -> HTMLResponse:
    with reading(request) as store:
        found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    analysis = found.analysis
    steps = pieces(analysis.text or "", marks(analysis))
    return _page(request, "article.html", found=found, analysis=analysis, steps=steps)


@router.get("/actors/{actor_code}", response_class=HTMLResponse)
def actor(
    request: Request, actor_code: Annotated[str, Path(max_length=100)],
    filters: Annotated[Filters, Depends(event_filters)], limit: Limit = DEFAULT_LIMIT, per: str = "month",
) -> HTMLResponse:
    with reading(request) as store:
        view = actor_view(store, actor_code, filters, limit=limit, per=period(per))  # type: ignore[arg-type]
    return _page(request, "actor.html", view=view, per=per, timeline=timeline_svg(view.periods))


@router.get("/dyads", response_class=HTMLResponse)
def dyads(
    request: Request, filters: Annotated[Filters, Depends(event_filters)],
    one: Annotated[str | None, Query(max_length=100)] = None, two: Annotated[str | None, Query(max_length=100)] = None,
    per: str = "month",
) -> HTMLResponse:
    periods: list[Any] = []
    left_out = None
    one, two = (one or "").strip() or None, (two or "").strip() or None
    if (one is None) != (two is None):
        raise BadParameter("two" if two is None else "one", "a dyad needs two actors")
    if one is not None and two is not None:
        with reading(request) as store:
            periods, left_out = dyad_periods(store, one, two, filters, period(per))  # type: ignore[arg-type]
    return _page(request, "dyad.html", one=one, two=two, per=per, periods=periods, left_out=left_out,
                 timeline=timeline_svg(periods, goldstein=True),
                 events_query=query_string(request, keep=EVENT_PARAMS, dyad=f"{one},{two}" if one else None))


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, filters: Annotated[Filters, Depends(event_filters)]) -> HTMLResponse:
    with reading(request) as store:
        points = map_points(store, filters)
    return _page(request, "map.html", points=points, params=request.query_params, svg=world_map_svg(points))


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, filters: Annotated[Filters, Depends(event_filters)]) -> HTMLResponse:
    with reading(request) as store:
        edges = network_edges(store, filters)
    return _page(request, "network.html", edges=edges, params=request.query_params, svg=network_svg(edges))


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API, read from its OpenAPI schema (/openapi.json), as a page that loads nothing from elsewhere."""
    schema = request.app.openapi()
    return _page(request, "docs.html", schema=schema, csp=CONTENT_SECURITY_POLICY)
