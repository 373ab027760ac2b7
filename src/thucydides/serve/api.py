"""The JSON API: ``/api/events`` and friends, with the filters of ``thucydides events``.

Events have the nested shape of the output contract (``thucydides schema event``); a list of
events comes a page at a time (``limit``, at most :data:`MAX_LIMIT`), with ``next_cursor`` for
the page after it. Every error is ``{"error": {"status", "message", "parameter"?}}``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from thucydides.dates import PERIODS
from thucydides.records import to_dict
from thucydides.scores.counts import BY, count_events
from thucydides.serve.app import reading
from thucydides.serve.params import (
    DEFAULT_LIMIT, MAX_LIMIT, BadParameter, Page, event_filters, make_cursor, page, period, query_string,
)
from thucydides.serve.views import actor_view, events_page
from thucydides.store import Filters

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many rows (1 to {MAX_LIMIT}).")]


@router.get("/events", summary="Events matching the filters of `thucydides events`, a page at a time")
def events(
    request: Request, filters: Annotated[Filters, Depends(event_filters)], chosen: Annotated[Page, Depends(page)]
) -> dict[str, Any]:
    """Every stored report of an event that matches, in the nested event shape, with its
    article and merged event. ``next_cursor`` (null on the last page) asks for the next page;
    ``next`` is the whole URL of it."""
    with reading(request) as store:
        found = events_page(store, filters, limit=chosen.limit, order=chosen.order, after=chosen.after)
    cursor = make_cursor(*found.next_after) if found.next_after else None
    return {
        "events": [e.to_dict() for e in found.events],
        "count": len(found.events),
        "total": found.total,
        "next_cursor": cursor,
        "next": f"/api/events?{query_string(request, cursor=cursor)}" if cursor else None,
    }


@router.get("/events/{event_id}", summary="One merged event with every mention of it and its article")
def event(request: Request, event_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    with reading(request) as store:
        merged = store.merged_event(event_id)
        if merged is None:
            raise HTTPException(404, f"no event {event_id!r}")
        mentions = store.mentions(merged.id)
    return {**merged.to_dict(), "mentions": [m.to_dict() for m in mentions]}


@router.get("/articles/{article_id}", summary="One article's analysis: its text and every span in it")
def article(request: Request, article_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    with reading(request) as store:
        found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return {
        **to_dict(found.analysis, with_text=True), "origin": found.origin, "ingested_at": found.ingested_at,
        "merged_ids": found.merged_ids,
    }


@router.get("/actors/{actor_code}", summary="An actor: its events as source and target, quotes, stances, counts per month")
def actor(
    request: Request, actor_code: Annotated[str, Path(max_length=100)],
    filters: Annotated[Filters, Depends(event_filters)], limit: Limit = DEFAULT_LIMIT,
    per: Annotated[str, Query(description=f"Period of the counts: {', '.join(PERIODS)}.")] = "month",
) -> dict[str, Any]:
    with reading(request) as store:
        view = actor_view(store, actor_code, filters, limit=limit, per=period(per))  # type: ignore[arg-type]
    return {
        "code": view.code, "name": view.name,
        "as_source": [e.to_dict() for e in view.as_source], "as_target": [e.to_dict() for e in view.as_target],
        "quotes": [q.to_dict() for q in view.quotes], "stances": [s.to_dict() for s in view.stances],
        "counts": [
            {"period": p.period, "events": sum(p.counts.values()), "quad_classes": {str(q): n for q, n in p.counts.items()},
             "goldstein_mean": p.mean_goldstein}
            for p in view.periods
        ],
        "left_out": view.left_out,
    }


def _countries(values: list[str]) -> tuple[str, ...]:
    return event_filters(country=values).countries


@router.get("/quotes", summary="Quotes with their speakers")
def quotes(
    request: Request,
    actor: Annotated[str | None, Query(description="The speaker is this actor.")] = None,
    country: Annotated[list[str], Query(description="ISO3 code of the speaker; repeatable.")] = [],  # noqa: B006
    since: Annotated[str | None, Query(description="Only from articles dated on or after this day.")] = None,
    until: Annotated[str | None, Query(description="Only from articles dated on or before this day.")] = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    window = event_filters(since=since, until=until)
    chosen = Filters(actor=actor or None, countries=_countries(country), since=window.since, until=window.until, limit=limit)
    with reading(request) as store:
        rows = store.quotes(chosen)
    return {"quotes": [r.to_dict() for r in rows], "count": len(rows)}


@router.get("/stances", summary="Who stands where on which issue")
def stances(
    request: Request,
    actor: Annotated[str | None, Query(description="The holder is this actor.")] = None,
    issue: Annotated[str | None, Query(max_length=200, description="Words of the issue (ceasefire).")] = None,
    polarity: Annotated[str | None, Query(pattern="^(support|oppose|conditional)$")] = None,
    limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    with reading(request) as store:
        rows = store.stances(Filters(actor=actor or None, issue=issue or None, polarity=polarity, limit=limit))
    return {"stances": [r.to_dict() for r in rows], "count": len(rows)}


@router.get("/stories", summary="Stories: near-duplicate articles, largest first")
def stories(
    request: Request, min_size: Annotated[int, Query(ge=1, le=100000)] = 1, limit: Limit = DEFAULT_LIMIT,
) -> dict[str, Any]:
    with reading(request) as store:
        found = store.stories(min_size=min_size, limit=limit)
    return {"stories": [s.to_dict() for s in found], "count": len(found)}


@router.get("/counts", summary="Merged events per country, dyad or type and per day, week, month or year")
def counts(
    request: Request, filters: Annotated[Filters, Depends(event_filters)],
    by: Annotated[str, Query(description=f"Group by {', '.join(BY)}.")] = "country",
    per: Annotated[str, Query(description=f"Period: {', '.join(PERIODS)}.")] = "month",
    quad_class: Annotated[bool, Query(description="Add the count of each quad class.")] = False,
) -> dict[str, Any]:
    if by not in BY:
        raise BadParameter("by", f"{by!r} is not a grouping; choose from {', '.join(BY)}")
    with reading(request) as store:
        merged = store.merged_events(replace(filters, limit=None))
    table = count_events(merged, by, period(per), quad_class=quad_class)  # type: ignore[arg-type]
    return {"columns": list(table.columns), "rows": table.to_dicts(), "left_out": table.left_out()}
