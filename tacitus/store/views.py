"""Reading a store: a DuckDB connection with the views of docs/store.md.

The views read the Parquet parts through a glob, so each query sees every batch committed
before it started, also while an ingest writes. Cluster tables are those of the generation
named by clusters/CURRENT when the store was opened: reopen (it is cheap) to see a newer one.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb

from tacitus.errors import StoreError
from tacitus.store.base import CLUSTERS, CURRENT, PARTS, prepare_store
from tacitus.store.schema import TABLES

__all__ = ["VIEWS", "current_generation", "open_store", "parts_relation", "view_sql"]

VIEWS = ("documents", "events", "quotes", "actor_mentions", "failures", "event_clusters")


def open_store(path: Path | str, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the store's views.

    Read-only (the default): the store must exist; the connection refuses CREATE, INSERT and
    the like. `read_only=False` creates or upgrades the store and gives a plain in-memory
    connection (for Tacitus's own computations, and for users who want scratch tables).
    """
    path = Path(path)
    prepare_store(path, writable=not read_only)
    statements = view_sql(path)
    if not read_only:
        con = duckdb.connect()
        for sql in statements:
            con.execute(sql)
        return con
    # DuckDB makes only a database file read-only: define the views in a scratch file, then
    # reopen it read-only. The file can go once open (the views live in the catalog).
    scratch = Path(tempfile.mkdtemp(prefix="tacitus-views-"))
    try:
        builder = duckdb.connect(str(scratch / "views.duckdb"))
        for sql in statements:
            builder.execute(sql)
        builder.close()
        return duckdb.connect(str(scratch / "views.duckdb"), read_only=True)
    except duckdb.Error as e:
        raise StoreError(f"cannot read the store at {path}: {e}") from e
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def current_generation(path: Path) -> Path | None:
    """The folder of the cluster generation readers use, or None before the first one."""
    pointer = Path(path) / CLUSTERS / CURRENT
    if not pointer.is_file():
        return None
    folder = pointer.parent / pointer.read_text(encoding="utf-8").strip()
    return folder if folder.is_dir() else None


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def parts_relation(path: Path, table: str) -> str:
    """DuckDB SQL reading every committed part of `table` as one relation."""
    glob = path.resolve() / PARTS / "*" / f"{table}.parquet"
    return f"read_parquet({_quote(glob)}, union_by_name = true)"


def view_sql(path: Path) -> list[str]:
    """The CREATE VIEW statements for the store at `path` (in dependency order)."""
    generation = current_generation(path)
    if generation is None:
        stories = "(SELECT NULL::VARCHAR AS doc_id, NULL::VARCHAR AS story_id WHERE false)"
        members = "(SELECT NULL::VARCHAR AS uid, NULL::VARCHAR AS cluster_id WHERE false)"
    else:
        stories = f"read_parquet({_quote(generation.resolve() / 'stories.parquet')})"
        members = f"read_parquet({_quote(generation.resolve() / 'event_clusters.parquet')})"
    sql = [
        f"""CREATE VIEW documents AS
            SELECT d.* EXCLUDE (minhash), coalesce(s.story_id, d.doc_id) AS story_id
            FROM {parts_relation(path, "documents")} d
            LEFT JOIN {stories} s ON s.doc_id = d.doc_id""",
        f"""CREATE VIEW events AS
            SELECT e.*, m.cluster_id
            FROM {parts_relation(path, "events")} e LEFT JOIN {members} m ON m.uid = e.uid""",
    ]
    sql += [
        f"CREATE VIEW {table} AS SELECT * FROM {parts_relation(path, table)}"
        for table in TABLES
        if table not in ("documents", "events")
    ]
    sql.append(EVENT_CLUSTERS_VIEW)
    return sql


# The columns an event cluster takes from its earliest mention (by event day, then uid).
CLUSTER_FIRSTS = (
    "source_code",
    "target_code",
    "source_name",
    "target_name",
    "source_country",
    "target_country",
    "cameo",
    "cameo_root",
    "plover",
    "quad_class",
    "goldstein",
)


def cluster_select(
    events: str, *, key: str, firsts: tuple[str, ...] = CLUSTER_FIRSTS, extra: str = ""
) -> str:
    """SELECT of one row per event cluster over the relation `events` (its mentions).

    `key` is the SQL of a mention's cluster; `firsts` the columns taken from the earliest
    mention; `extra` more aggregates (SQL ending in a comma). An article without a source
    name counts as an outlet of its own (its URL's host if known).
    """
    first = ",\n    ".join(f"first({c} ORDER BY day, uid) AS {c}" for c in firsts)
    return f"""WITH mentions AS (
    SELECT e.*, d.url, d.ingested_at, {key} AS cluster_key,
           coalesce(e.date, e.published) AS day, d.story_id,
           coalesce(d.source, regexp_extract(d.url, '://([^/]+)', 1), 'article ' || d.doc_id)
               AS outlet
    FROM {events} e JOIN documents d ON d.doc_id = e.doc_id
)
SELECT
    cluster_key AS cluster_id,
    {first},
    {extra}
    min(date) AS date,
    min(published) AS first_seen,
    max(published) AS last_seen,
    count(*)::INTEGER AS num_mentions,
    count(DISTINCT doc_id)::INTEGER AS num_articles,
    count(DISTINCT outlet)::INTEGER AS num_sources,
    count(DISTINCT story_id)::INTEGER AS num_stories,
    bool_or(asserted) AS asserted,
    max(confidence) AS confidence,
    first(lat ORDER BY day, uid) FILTER (WHERE lat IS NOT NULL) AS lat,
    first(lon ORDER BY day, uid) FILTER (WHERE lat IS NOT NULL) AS lon,
    first(location_name ORDER BY day, uid) FILTER (WHERE location_name IS NOT NULL)
        AS location_name
FROM mentions
WHERE cluster_key IS NOT NULL
GROUP BY cluster_key"""


EVENT_CLUSTERS_VIEW = "CREATE VIEW event_clusters AS\n" + cluster_select(
    "events", key="e.cluster_id"
)
