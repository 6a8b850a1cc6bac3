"""The dashboard's one read-only DuckDB connection to the store, kept fresh.

All SQL that reaches DuckDB from the web goes through `Database.rows`, with `?` parameters:
user input is only ever a parameter value, never SQL text.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["Database"]

log = logging.getLogger("tacitus.web")

# How often (seconds) to look whether a batch or a cluster generation was committed.
CHECK_EVERY = 1.0
# The events view joins each event to its cluster, which costs ~0.1 s per query at a million
# events; the dashboard reads a copy of the view held in memory instead, with a lower-case
# search column, and a few small aggregates, all made again whenever a batch or a cluster
# generation is committed (so they are never older than the store's committed parts).
EVENTS = "events_snapshot"
ACTORS = "actors_snapshot"
ACTOR_NAMES = "actor_names_snapshot"
ACTOR_ROLES = "actor_roles_snapshot"
ACTOR_CODES = "actor_codes"  # code -> id, ids in the order of the codes
QUOTES = "quotes_snapshot"
ARTICLES = "articles_snapshot"  # documents without their text
SEARCHED = (
    "trigger_text", "source_name", "target_name", "cameo_name", "location_name",
    "source_role", "target_role",
)  # fmt: skip
# Columns the snapshot adds to the events view: not shown, for searching and grouping.
HIDDEN = "search_text, source_id, target_id"
SNAPSHOT = (
    "CREATE TEMP TABLE events_read AS SELECT * FROM events",
    # Integer ids of the actor codes: grouping by them is several times faster than by text.
    f"""CREATE TEMP TABLE {ACTOR_CODES} AS
    SELECT code, (row_number() OVER (ORDER BY code))::INTEGER AS id FROM (
        SELECT source_code AS code FROM events_read UNION SELECT target_code FROM events_read
    ) WHERE code IS NOT NULL""",
    f"""CREATE TEMP TABLE {EVENTS} AS
    SELECT e.*, lower(concat_ws(' ', {", ".join(SEARCHED)})) AS search_text,
           s.id AS source_id, t.id AS target_id
    FROM events_read e
    LEFT JOIN {ACTOR_CODES} s ON s.code = e.source_code
    LEFT JOIN {ACTOR_CODES} t ON t.code = e.target_code""",
    "DROP TABLE events_read",
    f"""CREATE TEMP TABLE {QUOTES} AS
    SELECT *, lower(content) AS search_text FROM quotes""",
    f"""CREATE TEMP TABLE {ARTICLES} AS
    SELECT doc_id, title, lower(title) AS search_text, url, source, published, n_chars
    FROM documents""",
    f"""CREATE TEMP TABLE {ACTORS} AS
    SELECT code, mode(name) AS name, any_value(country) AS country, any_value(sector) AS sector,
           count(*) AS events, count(*) FILTER (WHERE is_source) AS as_source,
           lower(code || ' ' || string_agg(DISTINCT name, ' ')) AS search_text
    FROM (
        SELECT source_code AS code, source_name AS name, source_country AS country,
               source_sector AS sector, true AS is_source FROM {EVENTS}
        UNION ALL
        SELECT target_code, target_name, target_country, target_sector, false FROM {EVENTS}
    ) WHERE code IS NOT NULL GROUP BY code""",
    f"""CREATE TEMP TABLE {ACTOR_NAMES} AS
    SELECT code, name, any_value(country) AS country, any_value(org) AS org,
           any_value(sector) AS sector, count(*) AS mentions
    FROM actor_mentions WHERE code IS NOT NULL GROUP BY code, name""",
    f"""CREATE TEMP TABLE {ACTOR_ROLES} AS
    SELECT code, name, role, min(published) AS first_seen, max(published) AS last_seen,
           count(*) AS mentions
    FROM actor_mentions WHERE code IS NOT NULL AND role IS NOT NULL GROUP BY code, name, role""",
)


class Database:
    """A store opened read-only, opened again when its committed parts or clusters change.

    At most once a second a query looks at the store's signature (the batch names in parts/
    and clusters/CURRENT); when it changed, a new connection with a new snapshot is made in
    a background thread and swapped in when ready, so no request waits for it and the
    dashboard shows a new batch a moment (the snapshot's making) after its commit.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._checked = 0.0
        self._signature = self._current_signature()
        self._con = _open(self.path)
        self.totals = _totals(self._con)
        self.generation = 0
        self._reloading: threading.Thread | None = None

    def _current_signature(self) -> tuple:
        parts = self.path / "parts"
        names = sorted(e.name for e in os.scandir(parts)) if parts.is_dir() else []
        pointer = self.path / "clusters" / "CURRENT"
        current = pointer.read_text(encoding="utf-8") if pointer.is_file() else ""
        return (tuple(names), current)

    def _refresh(self) -> None:
        """Start a reload when the store changed (called with the lock held)."""
        now = time.monotonic()
        if now - self._checked < CHECK_EVERY or self._reloading is not None:
            return
        self._checked = now
        signature = self._current_signature()
        if signature != self._signature:
            self._reloading = threading.Thread(target=self._reload, args=(signature,), daemon=True)
            self._reloading.start()

    def _reload(self, signature: tuple) -> None:
        try:
            con = _open(self.path)
            totals = _totals(con)
        except Exception:  # keep serving what was read; try again at the next change
            log.exception("could not read the store at %s again", self.path)
            with self._lock:
                self._signature, self._reloading = signature, None
            return
        with self._lock:
            old, self._con, self.totals = self._con, con, totals
            self._signature, self._reloading = signature, None
            self.generation += 1
        old.close()

    def wait_for_reload(self, timeout: float = 30.0) -> None:
        """Block until a reload under way (if any) has finished; for tests and tools."""
        thread = self._reloading
        if thread is not None:
            thread.join(timeout)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one parameterised query; rows as dicts."""
        with self._lock:
            self._refresh()
            cursor = self._con.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> dict[str, int]:
        """Articles, events, quotes and failures in the store (as of the last refresh)."""
        with self._lock:
            self._refresh()
            return dict(self.totals)

    def actor_id(self, code: str) -> int:
        """The integer id of an actor code in the snapshot (-1, matching nothing, if absent)."""
        found = self.value(f"SELECT id FROM {ACTOR_CODES} WHERE code = ?", [code])
        return -1 if found is None else found

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        found = self.rows(sql, params)
        return next(iter(found[0].values())) if found else None

    def close(self) -> None:
        with self._lock:
            self._con.close()


def _open(path: Path):
    con = _open_views(path)
    for sql in SNAPSHOT:
        con.execute(sql)
    return con


def _totals(con) -> dict[str, int]:
    found = con.execute(
        f"""SELECT (SELECT count(*) FROM {ARTICLES}), (SELECT count(*) FROM {EVENTS}),
        (SELECT count(*) FROM {QUOTES}), (SELECT count(*) FROM failures)"""
    ).fetchone()
    return dict(zip(("articles", "events", "quotes", "failures"), found, strict=True))


def _open_views(path: Path):
    from tacitus.store import open_store

    return open_store(path)
