"""Request parameters shared by the API and the pages, with their bounds and documentation."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Query

from tacitus.web.entities import QuoteFilters
from tacitus.web.filters import EventFilters

__all__ = [
    "MAX_LIMIT",
    "MAX_OFFSET",
    "Interval",
    "Limit",
    "Offset",
    "Sort",
    "event_filters",
    "quote_filters",
]

MAX_LIMIT = 500
MAX_OFFSET = 100_000
TEXT = 200  # longest free-text parameter

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (narrow the filters to go deeper).")
]
Interval = Annotated[
    Literal["day", "week", "month", "year"] | None,
    Query(description="Width of the time bins; chosen from the period shown when absent."),
]
Sort = Literal[
    "date", "-date", "published", "-published", "source", "-source", "target", "-target",
    "cameo", "-cameo", "goldstein", "-goldstein", "confidence", "-confidence",
]  # fmt: skip
Modality = Literal["asserted", "reported", "negated", "hypothetical", "future"]
ActorText = Annotated[
    str | None, Query(max_length=100, description="Actor code (USAGOV) or part of a name.")
]
Code = Annotated[str | None, Query(pattern=r"^[A-Z][A-Z0-9]{2,24}$", description="Actor code.")]
Day = Annotated[date | None, Query(description="YYYY-MM-DD")]


def event_filters(
    date_from: Annotated[date | None, Query(description="First event date (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(description="Last event date (YYYY-MM-DD).")] = None,
    actor: ActorText = None,
    source: ActorText = None,
    target: ActorText = None,
    source_code: Code = None,
    target_code: Code = None,
    country: Annotated[
        str | None, Query(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 of either side.")
    ] = None,
    sector: Annotated[
        str | None, Query(pattern=r"^[A-Z]{3}$", description="CAMEO sector of either side.")
    ] = None,
    plover: Annotated[
        str | None, Query(pattern=r"^[A-Z]{2,20}$", description="PLOVER event type.")
    ] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code or its prefix (root).")
    ] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
    conflict: Annotated[
        bool | None, Query(description="true: QuadClass 3-4 (conflict); false: 1-2 (cooperation).")
    ] = None,
    modality: Annotated[Modality | None, Query(description="How the text puts it.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, allow_inf_nan=False)] = None,
    location: Annotated[str | None, Query(max_length=TEXT, description="Place name.")] = None,
    q: Annotated[str | None, Query(max_length=TEXT, description="Words in the event.")] = None,
    doc_id: Annotated[str | None, Query(max_length=TEXT)] = None,
) -> EventFilters:
    return EventFilters(
        date_from=date_from,
        date_to=date_to,
        actor=actor,
        source=source,
        target=target,
        source_code=source_code,
        target_code=target_code,
        country=country,
        sector=sector,
        plover=plover,
        cameo=cameo,
        quad_class=quad_class,
        conflict=conflict,
        modality=modality,
        min_confidence=min_confidence,
        location=location,
        q=q,
        doc_id=doc_id,
    )


def quote_filters(
    speaker: ActorText = None,
    role: Annotated[str | None, Query(max_length=100, description="Speaker's role.")] = None,
    q: Annotated[str | None, Query(max_length=TEXT, description="Words said.")] = None,
    about: ActorText = None,
    kind: Annotated[Literal["direct", "indirect", "mixed"] | None, Query()] = None,
    date_from: Day = None,
    date_to: Day = None,
    doc_id: Annotated[str | None, Query(max_length=TEXT)] = None,
) -> QuoteFilters:
    return QuoteFilters(
        speaker=speaker,
        role=role,
        q=q,
        about=about,
        kind=kind,
        date_from=date_from,
        date_to=date_to,
        doc_id=doc_id,
    )
