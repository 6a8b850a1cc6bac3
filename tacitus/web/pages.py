"""The dashboard's HTML pages: server-rendered tables and links, charts drawn by static/charts.js.

Every number on a page links to the events (or quotes) behind it, and every event to its
article, where the words behind it are highlighted.
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from tacitus import __version__
from tacitus.web import entities, queries
from tacitus.web.api import DB, CodePath, Filters, IdPath
from tacitus.web.entities import QuoteFilters
from tacitus.web.highlight import highlight
from tacitus.web.labels import QUAD_CLASSES, SECTORS, actor_label, root_names
from tacitus.web.params import MAX_OFFSET, Interval, Limit, Offset, Sort, quote_filters

__all__ = ["render_error", "router"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=FilePath(__file__).parent / "templates")
templates.env.policies["json.dumps_kwargs"] = {"default": str, "sort_keys": False}
templates.env.globals.update(
    QUAD_CLASSES=QUAD_CLASSES,
    SECTORS=SECTORS,
    actor_label=actor_label,
    version=__version__,
    MAX_OFFSET=MAX_OFFSET,
)
NAV = (
    ("/", "Overview"),
    ("/events", "Events"),
    ("/actors", "Actors"),
    ("/dyads", "Dyads"),
    ("/network", "Network"),
    ("/map", "Map"),
    ("/quotes", "Quotes"),
    ("/articles", "Articles"),
    ("/api", "API"),
)
templates.env.globals["NAV"] = NAV
Html = HTMLResponse


def warm() -> None:
    """Compile the templates and read the code tables now, not on the first request."""
    for name in templates.env.list_templates():
        templates.env.get_template(name)
    root_names()
    actor_label("USAGOV")


def render(request: Request, name: str, code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, {"page": name.removesuffix(".html"), **context}, status_code=code
    )


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status, status=status, message=message)


def render_page_of(
    request: Request, name: str, found: dict[str, Any], **context: Any
) -> HTMLResponse:
    """A template showing one page of a list (`found` as the API returns it), with a pager."""
    pages = _pages(found["total"], found["limit"], found["offset"])
    return render(request, name, rows=found["items"], pages=pages, **context)


def _pages(total: int, limit: int, offset: int) -> dict[str, Any]:
    last = min(MAX_OFFSET, max(0, (total - 1) // limit * limit))
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "previous": max(0, offset - limit) if offset > 0 else None,
        "next": offset + limit if offset + limit <= last else None,
        "first_row": offset + 1 if total else 0,
        "last_row": min(offset + limit, total),
    }


@router.get("/", response_class=Html)
def overview(
    request: Request,
    database: DB,
    filters: Filters,
    root: Annotated[str | None, Query(pattern=r"^(0[1-9]|1[0-9]|20)$")] = None,
    interval: Interval = None,
) -> HTMLResponse:
    return render(
        request,
        "overview.html",
        filters=filters,
        counts=queries.overview_counts(database, filters),
        timeline=queries.timeline(database, filters, interval),
        types=queries.event_types(database, filters, root=root),
        dyads=queries.top_dyads(database, filters, limit=15)["items"],
    )


@router.get("/events", response_class=Html)
def events(
    request: Request,
    database: DB,
    filters: Filters,
    sort: Sort = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
) -> HTMLResponse:
    found = queries.event_list(database, filters, sort=sort, limit=limit, offset=offset)
    return render_page_of(request, "events.html", found, filters=filters, sort=sort)


@router.get("/articles", response_class=Html)
def articles(
    request: Request,
    database: DB,
    q: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> HTMLResponse:
    found = entities.article_list(
        database, q=q, source=None, date_from=None, date_to=None, limit=limit, offset=offset
    )
    return render_page_of(
        request,
        "articles.html",
        found,
        q=q or "",
    )


@router.get("/articles/{doc_id}", response_class=Html)
def article(request: Request, database: DB, doc_id: IdPath) -> HTMLResponse:
    found = entities.article_detail(database, doc_id)
    if found is None:
        return render_error(request, 404, f"article {doc_id!r} is not in this store")
    return render(request, "article.html", article=found, marked=highlight(found))


@router.get("/actors", response_class=Html)
def actors(
    request: Request,
    database: DB,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> HTMLResponse:
    found = entities.actor_list(database, q=q, limit=limit, offset=offset)
    return render_page_of(
        request,
        "actors.html",
        found,
        q=q or "",
    )


@router.get("/actors/{code}", response_class=Html)
def actor(request: Request, database: DB, code: CodePath, filters: Filters) -> HTMLResponse:
    found = entities.actor_detail(database, code, filters)
    if found is None:
        return render_error(request, 404, f"actor {code} is not in this store")
    return render(request, "actor.html", actor=found, filters=filters)


@router.get("/dyads", response_class=Html)
def dyads(
    request: Request, database: DB, filters: Filters, limit: Limit = 50, offset: Offset = 0
) -> HTMLResponse:
    found = queries.top_dyads(database, filters, limit=limit, offset=offset)
    return render_page_of(request, "dyads.html", found, filters=filters)


@router.get("/dyads/{source_actor}/{target_actor}", response_class=Html)
def dyad(
    request: Request,
    database: DB,
    source_actor: CodePath,
    target_actor: CodePath,
    filters: Filters,
    interval: Interval = None,
) -> HTMLResponse:
    summary = queries.dyad_summary(database, source_actor, target_actor, filters, interval)
    scoped = filters.narrowed(source_code=source_actor, target_code=target_actor)
    recent = queries.event_list(database, scoped, limit=25)
    return render(
        request, "dyad.html", dyad=summary, filters=scoped, rows=recent["items"], base=filters
    )


@router.get("/network", response_class=Html)
def network(
    request: Request,
    database: DB,
    filters: Filters,
    nodes: Annotated[int, Query(ge=2, le=150)] = 40,
) -> HTMLResponse:
    graph = queries.network(database, filters, nodes=nodes, edges=nodes * 4)
    return render(request, "network.html", filters=filters, graph=graph, nodes=nodes)


@router.get("/map", response_class=Html)
def map_page(request: Request, database: DB, filters: Filters) -> HTMLResponse:
    points = queries.map_points(database, filters, limit=1500)
    return render(request, "map.html", filters=filters, points=points["items"])


@router.get("/quotes", response_class=Html)
def quotes(
    request: Request,
    database: DB,
    filters: Annotated[QuoteFilters, Depends(quote_filters)],
    limit: Limit = 50,
    offset: Offset = 0,
) -> HTMLResponse:
    found = entities.quote_list(database, filters, limit=limit, offset=offset)
    return render_page_of(request, "quotes.html", found, filters=filters)


@router.get("/api", response_class=Html)
def api_reference(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    operations = [
        {"path": path, "summary": spec.get("summary", ""), "parameters": spec.get("parameters", [])}
        for path, methods in schema["paths"].items()
        for spec in methods.values()
    ]
    return render(request, "api.html", operations=operations)
