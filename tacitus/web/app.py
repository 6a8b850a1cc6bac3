"""The FastAPI application: the dashboard's pages, the JSON API, static files, one error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from tacitus import __version__
from tacitus.errors import TacitusError
from tacitus.web.db import Database
from tacitus.web.security import Guard

__all__ = ["create_app"]

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("tacitus.web")
# Everything the pages load comes from this server: no CDN, no inline script.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}
ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    414: "uri_too_long",
    422: "invalid_parameter",
}


def create_app(store: Path | str | Database, *, token: str | None = None) -> FastAPI:
    """The dashboard and API over the store at `store` (a folder or an open Database).

    With `token`, every request must carry it (see tacitus.web.security.Guard).
    """
    from tacitus.web import api, pages

    database = store if isinstance(store, Database) else Database(store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await _warm_up(app, token)
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Tacitus",
        version=__version__,
        description="Political events, actors and quotes coded from news articles.",
        docs_url=None,  # FastAPI's docs pages load their scripts from a CDN; /api/ lists it all
        redoc_url=None,
    )
    app.state.db = database
    app.include_router(api.router)
    app.include_router(pages.router)
    pages.warm()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(Guard, token=token)
    return app


async def _warm_up(app: FastAPI, token: str | None) -> None:
    """Answer the overview once before the first visitor does (first-call costs of the
    framework, the thread pool and DuckDB's plans are paid here, not by a person)."""
    headers = [(b"host", b"127.0.0.1")]
    if token:
        headers.append((b"authorization", b"Bearer " + token.encode()))

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        return None

    for path in ("/", "/api/stats"):
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": b"", "root_path": "", "headers": headers,
            "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 80),
        }  # fmt: skip
        await app(scope, receive, send)


def wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/openapi"))


def error_response(request: Request, status: int, message: str) -> Response:
    code = ERROR_CODES.get(status, "error" if status < 500 else "internal")
    if wants_html(request):
        from tacitus.web.pages import render_error

        return render_error(request, status, message)
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for error in exc.errors()[:5]:
            where = ".".join(str(part) for part in error.get("loc", ()) if part != "query")
            problems.append(f"{where}: {error.get('msg', 'invalid')}")
        return error_response(request, 422, "; ".join(problems) or "invalid request")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(TacitusError)
    async def tacitus_error(request: Request, exc: TacitusError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__})")


def page_response(html: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(html, status_code=status)
