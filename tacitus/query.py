"""Read-only SQL over a store's views: what `tacitus query` and `--where` filters run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from tacitus.errors import UsageError
from tacitus.store import open_store

__all__ = ["QueryResult", "check_read_only", "run_query", "where_clause"]

_READS = ("SELECT", "EXPLAIN")


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def check_read_only(con: duckdb.DuckDBPyConnection, sql: str, *, what: str = "query") -> None:
    """UsageError unless `sql` is one statement that only reads (SELECT, EXPLAIN, DESCRIBE)."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as e:
        raise UsageError(f"{what}: not valid SQL: {_first_line(e)}") from e
    if len(statements) != 1:
        raise UsageError(f"{what}: give exactly one SQL statement (found {len(statements)})")
    kind = statements[0].type.name
    if kind not in _READS:
        raise UsageError(
            f"{what}: the store is read-only here, and a {kind} statement would write or change "
            "state: use SELECT (tacitus export writes files)"
        )


def run_query(store: Path | str, sql: str, *, limit: int | None = None) -> QueryResult:
    """Rows of a read-only query against the store's views (at most `limit` rows)."""
    con = open_store(store)
    try:
        check_read_only(con, sql)
        try:
            cursor = con.execute(sql)
            rows = cursor.fetchmany(limit) if limit is not None else cursor.fetchall()
        except duckdb.Error as e:
            raise UsageError(f"query failed: {_first_line(e)}") from e
        columns = tuple(d[0] for d in cursor.description or ())
        return QueryResult(columns, rows)
    finally:
        con.close()


def where_clause(
    con: duckdb.DuckDBPyConnection, where: str | None, *, table: str = "events"
) -> str:
    """` WHERE (...)` for a user's filter on a view (checked to be valid and read-only), or ''."""
    if not where:
        return ""
    check_read_only(con, f"SELECT * FROM {table} WHERE ({where})", what="--where")
    try:
        con.execute(f"SELECT * FROM {table} WHERE ({where}) LIMIT 0")
    except duckdb.Error as e:
        raise UsageError(f"--where {where!r}: {_first_line(e)}") from e
    return f" WHERE ({where})"


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]
