"""The filters shared by the explorer, the charts, the map, the network and the API.

A filter becomes a SQL condition with `?` placeholders and a list of parameter values; the
condition text is fixed here, only values come from the request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from tacitus.web.db import ACTOR_CODES

__all__ = [
    "EVENT_SORTS",
    "MODALITIES",
    "EventFilters",
    "Where",
    "like",
]

MODALITIES = ("asserted", "reported", "negated", "hypothetical", "future")
# Sort keys the explorer accepts, and the SQL they stand for (`-key` sorts descending).
EVENT_SORTS = {
    "date": "date",
    "published": "published",
    "source": "source_name",
    "target": "target_name",
    "cameo": "cameo",
    "goldstein": "goldstein",
    "confidence": "confidence",
}
ACTOR_CODE = re.compile(r"[A-Z][A-Z0-9]{2,24}")


def like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Where:
    """Conditions joined by AND, with their parameters in order."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return "WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def actor_condition(prefix: str, value: str) -> tuple[str, list[Any]]:
    """Match an actor by its CAMEO code (`USAGOV`) or by a part of its name."""
    if ACTOR_CODE.fullmatch(value):
        return (
            f"({prefix}_code = ? OR {prefix}_name ILIKE ? ESCAPE '\\')",
            [value, like(value)],
        )
    return f"{prefix}_name ILIKE ? ESCAPE '\\'", [like(value)]


@dataclass(frozen=True)
class EventFilters:
    """What the explorer (and every chart drawn from events) can be narrowed by."""

    date_from: date | None = None
    date_to: date | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    source_code: str | None = None
    target_code: str | None = None
    country: str | None = None
    sector: str | None = None
    plover: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    conflict: bool | None = None
    modality: str | None = None
    min_confidence: float | None = None
    location: str | None = None
    q: str | None = None
    doc_id: str | None = None

    def where(self, extra: Where | None = None) -> Where:
        where = extra or Where()
        if self.date_from is not None:
            where.add("date >= ?", self.date_from)
        if self.date_to is not None:
            where.add("date <= ?", self.date_to)
        if self.actor:
            left, lp = actor_condition("source", self.actor)
            right, rp = actor_condition("target", self.actor)
            where.add(f"({left} OR {right})", *lp, *rp)
        for prefix, value in (("source", self.source), ("target", self.target)):
            if value:
                condition, params = actor_condition(prefix, value)
                where.add(condition, *params)
        for side, value in (("source", self.source_code), ("target", self.target_code)):
            if value:  # by the code's integer id: several times faster than comparing text
                where.add(f"{side}_id = (SELECT id FROM {ACTOR_CODES} WHERE code = ?)", value)
        if self.country:
            where.add("(source_country = ? OR target_country = ?)", self.country, self.country)
        if self.sector:
            where.add("(source_sector = ? OR target_sector = ?)", self.sector, self.sector)
        self._codes(where)
        if self.min_confidence is not None:
            where.add("confidence >= ?", self.min_confidence)
        if self.location:
            where.add("location_name = ?", self.location)
        if self.q:
            where.add("contains(search_text, ?)", self.q.lower())
        if self.doc_id:
            where.add("doc_id = ?", self.doc_id)
        return where

    def _codes(self, where: Where) -> None:
        if self.plover:
            where.add("plover = ?", self.plover)
        if self.cameo:
            where.add("cameo LIKE ?", self.cameo + "%")
        if self.quad_class is not None:
            where.add("quad_class = ?", self.quad_class)
        if self.conflict is not None:
            where.add("quad_class >= 3" if self.conflict else "quad_class <= 2")
        if self.modality:
            where.add("modality = ?", self.modality)

    def query(self, **changes: Any) -> str:
        """The URL query string of these filters with some changed (None drops one)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return urlencode({k: _text(v) for k, v in values.items() if v not in (None, "")})

    def narrowed(self, **changes: Any) -> EventFilters:
        return replace(self, **changes)

    def active(self) -> dict[str, Any]:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: value for name, value in values.items() if value not in (None, "")}


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
