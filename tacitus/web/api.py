"""The JSON API: one endpoint behind every view, with the same filters and paging."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from tacitus.web import entities, queries
from tacitus.web.db import EVENTS, HIDDEN, Database
from tacitus.web.entities import QuoteFilters
from tacitus.web.filters import EventFilters
from tacitus.web.params import (
    Interval,
    Limit,
    Offset,
    Sort,
    event_filters,
    quote_filters,
)

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

Filters = Annotated[EventFilters, Depends(event_filters)]
CodePath = Annotated[str, Path(pattern=r"^[A-Z][A-Z0-9]{2,24}$", description="Actor code.")]
IdPath = Annotated[str, Path(min_length=1, max_length=200)]


def db(request: Request) -> Database:
    return request.app.state.db


DB = Annotated[Database, Depends(db)]


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{what} is not in this store")


@router.get("/stats", summary="Counts of articles, events (filtered), quotes and failures")
def stats(database: DB, filters: Filters) -> dict[str, int]:
    return queries.overview_counts(database, filters)


@router.get("/timeline", summary="Events per period and QuadClass, with mean Goldstein")
def timeline(database: DB, filters: Filters, interval: Interval = None) -> dict[str, Any]:
    return queries.timeline(database, filters, interval)


@router.get("/event-types", summary="Counts by PLOVER type and CAMEO root (or codes of a root)")
def event_types(
    database: DB,
    filters: Filters,
    root: Annotated[str | None, Query(pattern=r"^(0[1-9]|1[0-9]|20)$")] = None,
) -> dict[str, Any]:
    return queries.event_types(database, filters, root=root)


@router.get("/events", summary="Events matching the filters, one page at a time")
def events(
    database: DB, filters: Filters, sort: Sort = "-date", limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    return queries.event_list(database, filters, sort=sort, limit=limit, offset=offset)


@router.get("/events/{uid}", summary="One event with every column")
def event(database: DB, uid: IdPath) -> dict[str, Any]:
    found = database.rows(f"SELECT * EXCLUDE ({HIDDEN}) FROM {EVENTS} WHERE uid = ? LIMIT 1", [uid])
    if not found:
        raise not_found(f"event {uid!r}")
    return found[0]


@router.get("/dyads", summary="The most active directed pairs of actor codes")
def dyads(database: DB, filters: Filters, limit: Limit = 20, offset: Offset = 0) -> dict:
    return queries.top_dyads(database, filters, limit=limit, offset=offset)


@router.get(
    "/dyads/{source_actor}/{target_actor}", summary="Cooperation and conflict over time for a pair"
)
def dyad(
    database: DB,
    source_actor: CodePath,
    target_actor: CodePath,
    filters: Filters,
    interval: Interval = None,
) -> dict[str, Any]:
    return queries.dyad_summary(database, source_actor, target_actor, filters, interval)


@router.get("/actors", summary="Actor codes by number of events, searchable by code or name")
def actors(
    database: DB,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return entities.actor_list(database, q=q, limit=limit, offset=offset)


@router.get("/actors/{code}", summary="Who an actor is, what it did and said, its partners")
def actor(database: DB, code: CodePath, filters: Filters) -> dict[str, Any]:
    found = entities.actor_detail(database, code, filters)
    if found is None:
        raise not_found(f"actor {code}")
    return found


@router.get("/quotes", summary="Quotes by speaker, role, words, subject and date")
def quotes(
    database: DB,
    filters: Annotated[QuoteFilters, Depends(quote_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return entities.quote_list(database, filters, limit=limit, offset=offset)


@router.get("/articles", summary="Articles by title words, outlet and publication date")
def articles(
    database: DB,
    q: Annotated[str | None, Query(max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return entities.article_list(
        database,
        q=q,
        source=source,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )


@router.get("/articles/{doc_id}", summary="An article: text, events, quotes, actor mentions")
def article(database: DB, doc_id: IdPath) -> dict[str, Any]:
    found = entities.article_detail(database, doc_id)
    if found is None:
        raise not_found(f"article {doc_id!r}")
    return found


@router.get("/network", summary="Actors as nodes, dyads as edges (count, mean Goldstein)")
def network(
    database: DB,
    filters: Filters,
    nodes: Annotated[int, Query(ge=2, le=150)] = 40,
    edges: Annotated[int, Query(ge=1, le=600)] = 150,
) -> dict[str, Any]:
    return queries.network(database, filters, nodes=nodes, edges=edges)


@router.get("/map", summary="Event locations with counts and mean Goldstein")
def map_points(
    database: DB, filters: Filters, limit: Annotated[int, Query(ge=1, le=5000)] = 1000
) -> dict[str, Any]:
    return queries.map_points(database, filters, limit=limit)
