"""The dashboard's one read-only DuckDB connection to the store, kept fresh.

All SQL that reaches DuckDB from the web goes through `Database.rows`, with `?` parameters:
user input is only ever a parameter value, never SQL text.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["Database"]

# How often (seconds) to look whether a batch or a cluster generation was committed.
CHECK_EVERY = 1.0
# The events view joins each event to its cluster, which costs ~0.1 s per query at a million
# events; the dashboard reads a copy of the view held in memory instead, made again whenever
# a batch or a cluster generation is committed.
EVENTS = "events_snapshot"


class Database:
    """A store opened read-only, reopened when its committed parts or clusters change.

    DuckDB's views read `parts/*/<table>.parquet` at each query, so a new batch shows at
    once; a new cluster generation needs the views redefined, which `rows` does when the
    store's signature (the names in parts/ and clusters/CURRENT) changes.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._checked = 0.0
        self._signature = self._current_signature()
        self._con = _open(self.path)
        self.generation = 0

    def _current_signature(self) -> tuple:
        parts = self.path / "parts"
        names = sorted(e.name for e in os.scandir(parts)) if parts.is_dir() else []
        pointer = self.path / "clusters" / "CURRENT"
        current = pointer.read_text(encoding="utf-8") if pointer.is_file() else ""
        return (tuple(names), current)

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < CHECK_EVERY:
            return
        self._checked = now
        signature = self._current_signature()
        if signature != self._signature:
            self._con.close()
            self._con = _open(self.path)
            self._signature = signature
            self.generation += 1

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one parameterised query; rows as dicts."""
        with self._lock:
            self._refresh()
            cursor = self._con.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        found = self.rows(sql, params)
        return next(iter(found[0].values())) if found else None

    def close(self) -> None:
        with self._lock:
            self._con.close()


def _open(path: Path):
    con = _open_views(path)
    con.execute(f"CREATE TEMP TABLE {EVENTS} AS SELECT * FROM events")
    return con


def _open_views(path: Path):
    from tacitus.store import open_store

    return open_store(path)
