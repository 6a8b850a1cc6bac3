"""The analyst's dashboard and JSON API over a store (FastAPI; never imports spaCy).

`create_app(store_path, token=None)` builds the application; `tacitus serve` runs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(store: Any, *, token: str | None = None) -> FastAPI:
    """The FastAPI app over the store at `store` (see tacitus.web.app.create_app)."""
    from tacitus.web.app import create_app as build

    return build(store, token=token)
