"""Actors, articles and quotes: lists, search and the detail behind each page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tacitus.web.db import (
    ACTOR_CODES,
    ACTOR_NAMES,
    ACTOR_ROLES,
    ACTORS,
    ARTICLES,
    EVENTS,
    HIDDEN,
    QUOTES,
    Database,
)
from tacitus.web.filters import EventFilters, Where, actor_condition, like
from tacitus.web.labels import actor_label, root_names
from tacitus.web.queries import page, timeline, type_row

__all__ = [
    "QuoteFilters",
    "actor_detail",
    "actor_list",
    "article_detail",
    "article_list",
    "quote_list",
]

QUOTE_COLUMNS = (
    "uid, doc_id, quote_id, published, speaker_name, speaker_code, speaker_country, "
    'speaker_sector, speaker_role, speaker_text, content, start, "end", cue_text, kind'
)


def actor_list(db: Database, *, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Actor codes by number of events (as source or target), optionally matching `q`."""
    where = Where()
    if q:
        where.add("contains(search_text, ?)", q.lower())
    total = db.value(f"SELECT count(*) FROM {ACTORS} {where.sql()}", where.params)
    rows = db.rows(
        f"SELECT code, name, country, sector, events, as_source FROM {ACTORS} {where.sql()} "
        "ORDER BY events DESC, code LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
    )
    for row in rows:
        row["label"] = actor_label(row["code"])
        row["as_target"] = row["events"] - row["as_source"]
    return page(rows, total, limit, offset)


def actor_detail(db: Database, code: str, filters: EventFilters) -> dict[str, Any] | None:
    """Who an actor code stands for, its roles over time, what it did and what was done to it,
    what it said, and its most frequent partners. None when no event or quote has the code."""
    did, received = _event_roots(db, code, filters)
    counts = {
        "as_source": sum(r["n"] for r in did),
        "as_target": sum(r["n"] for r in received),
        "quotes": db.value(f"SELECT count(*) FROM {QUOTES} WHERE speaker_code = ?", [code]),
    }
    if not any(counts.values()):
        return None
    return {
        "code": code,
        "label": actor_label(code),
        "counts": counts,
        "names": _names(db, code),
        "roles": _roles(db, code),
        "timeline": timeline(db, filters.narrowed(source_code=code)),
        "did": did,
        "received": received,
        "partners": _partners(db, code, filters),
        "quotes": quote_list(db, QuoteFilters(speaker=code), limit=10, offset=0)["items"],
    }


def _event_roots(db: Database, code: str, filters: EventFilters) -> tuple[list, list]:
    """CAMEO roots of the actor's events as source and as target (one scan for both)."""
    actor = db.actor_id(code)
    where = filters.where()
    where.add("(source_id = ? OR target_id = ?)", actor, actor)
    rows = db.rows(
        f"SELECT source_id = ? AS did, target_id = ? AS received, cameo_root, "
        f"count(*) AS n, sum(goldstein) AS g FROM {EVENTS} {where.sql()} GROUP BY ALL",
        [actor, actor, *where.params],
    )
    names = root_names()
    found = []
    for side in ("did", "received"):
        groups: dict[str, list[dict]] = {}
        for row in rows:
            if row[side]:
                groups.setdefault(row["cameo_root"], []).append(row)
        found.append(
            sorted(
                (type_row(root, names.get(root, ""), members) for root, members in groups.items()),
                key=lambda t: t["code"],
            )
        )
    return found[0], found[1]


def _names(db: Database, code: str) -> list[dict[str, Any]]:
    return db.rows(
        f"SELECT name, country, org, sector, mentions FROM {ACTOR_NAMES} "
        "WHERE code = ? ORDER BY mentions DESC, name LIMIT 12",
        [code],
    )


def _roles(db: Database, code: str) -> list[dict[str, Any]]:
    """Each (name, role) seen under the code, with the first and last day it was seen."""
    return db.rows(
        f"SELECT name, role, first_seen, last_seen, mentions FROM {ACTOR_ROLES} "
        "WHERE code = ? ORDER BY first_seen, name, role LIMIT 50",
        [code],
    )


def _partners(db: Database, code: str, filters: EventFilters) -> list[dict[str, Any]]:
    actor = db.actor_id(code)
    where = filters.where()
    where.add("(source_id = ? OR target_id = ?)", actor, actor)
    rows = db.rows(
        f"""SELECT c.code AS partner, g.n, g.outgoing, g.mean_goldstein FROM (
            SELECT CASE WHEN source_id = ? THEN target_id ELSE source_id END AS partner_id,
                   count(*) AS n, count(*) FILTER (WHERE source_id = ?) AS outgoing,
                   avg(goldstein) AS mean_goldstein
            FROM {EVENTS} {where.sql()} GROUP BY partner_id
        ) g JOIN {ACTOR_CODES} c ON c.id = g.partner_id
        ORDER BY g.n DESC, c.code LIMIT 15""",
        [actor, actor, *where.params],
    )
    for row in rows:
        row["label"] = actor_label(row["partner"])
        row["mean_goldstein"] = round(row["mean_goldstein"], 2)
    return rows


def article_list(
    db: Database,
    *,
    q: str | None,
    source: str | None,
    date_from: date | None,
    date_to: date | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """Articles (newest first), by words of the title, outlet and publication date."""
    where = Where()
    if q:
        where.add("contains(search_text, ?)", q.lower())
    if source:
        where.add("source = ?", source)
    if date_from:
        where.add("published >= ?", date_from)
    if date_to:
        where.add("published <= ?", date_to)
    total = db.value(f"SELECT count(*) FROM {ARTICLES} {where.sql()}", where.params)
    items = db.rows(
        f"SELECT doc_id, title, url, source, published, n_chars FROM {ARTICLES} "
        f"{where.sql()} ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
    )
    return page(items, total, limit, offset)


def article_detail(db: Database, doc_id: str) -> dict[str, Any] | None:
    """An article with its text, events, quotes and actor mentions; None if unknown."""
    found = db.rows(
        "SELECT doc_id, title, url, source, published, text, n_chars, input, ingested_at, "
        "batch, story_id FROM documents WHERE doc_id = ? LIMIT 1",
        [doc_id],
    )
    if not found:
        return None
    article = found[0]
    article["events"] = db.rows(
        f"SELECT * EXCLUDE ({HIDDEN}) FROM {EVENTS} WHERE doc_id = ? "
        "ORDER BY sentence_index, trigger_start, uid",
        [doc_id],
    )
    article["quotes"] = db.rows(
        f"SELECT {QUOTE_COLUMNS}, event_ids FROM {QUOTES} WHERE doc_id = ? ORDER BY start",
        [doc_id],
    )
    article["mentions"] = db.rows(
        'SELECT mention, text, start, "end", name, code, country, sector, role '
        "FROM actor_mentions WHERE doc_id = ? ORDER BY start",
        [doc_id],
    )
    return article


@dataclass(frozen=True)
class QuoteFilters:
    """'What did X say about Y': speaker, role, words, subject, kind and date."""

    speaker: str | None = None
    role: str | None = None
    q: str | None = None
    about: str | None = None
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    doc_id: str | None = None

    def where(self) -> Where:
        where = Where()
        if self.speaker:
            condition, params = actor_condition("speaker", self.speaker)
            where.add(condition, *params)
        if self.role:
            where.add("speaker_role ILIKE ? ESCAPE '\\'", like(self.role))
        for word in (self.q or "").lower().split()[:8]:
            where.add("contains(search_text, ?)", word)
        if self.about:
            self._about(where, self.about)
        if self.kind:
            where.add("kind = ?", self.kind)
        if self.date_from:
            where.add("published >= ?", self.date_from)
        if self.date_to:
            where.add("published <= ?", self.date_to)
        if self.doc_id:
            where.add("doc_id = ?", self.doc_id)
        return where

    @staticmethod
    def _about(where: Where, about: str) -> None:
        # About Y: Y is named in what was said, or is the target of an event coded in it.
        condition, params = actor_condition("target", about)
        where.add(
            f"(contains(search_text, ?) OR uid IN (SELECT doc_id || ':' || quote_id "
            f"FROM {EVENTS} WHERE quote_id IS NOT NULL AND {condition}))",
            about.lower(),
            *params,
        )


def quote_list(db: Database, filters: QuoteFilters, *, limit: int, offset: int) -> dict:
    where = filters.where()
    total = db.value(f"SELECT count(*) FROM {QUOTES} {where.sql()}", where.params)
    items = db.rows(
        f"SELECT {QUOTE_COLUMNS} FROM {QUOTES} {where.sql()} "
        "ORDER BY published DESC NULLS LAST, uid LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
    )
    return page(items, total, limit, offset)
