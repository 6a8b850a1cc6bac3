"""`tacitus export`: the store's events in the formats analysts load (docs/ingest.md).

gdelt: GDELT 2.0 event table (61 columns, tab-separated, no header) plus its Mentions table;
plover: PLOVER JSON records, one per line; csv / jsonl / parquet: rows of a view (parquet
partitioned by month); graphml: the actor network for Gephi. `where` is a SQL filter on the
rows exported (the events view, or the --table chosen for csv/jsonl/parquet).
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from tacitus.errors import UsageError
from tacitus.query import where_clause
from tacitus.store.views import CLUSTER_FIRSTS, cluster_select

__all__ = [
    "GDELT_EVENT_COLUMNS",
    "GDELT_MENTION_COLUMNS",
    "PLOVER_FIELDS",
    "TABLE_FORMATS",
    "export_gdelt",
    "export_graphml",
    "export_plover",
    "export_table",
]

TABLE_FORMATS = ("csv", "jsonl", "parquet")
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_EVENT_COLUMNS = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )  # fmt: skip
    + tuple(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
GDELT_MENTION_COLUMNS = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
# The top-level fields of a PLOVER record (PLOVER manual, "PLOVER JSON"); records carry
# Tacitus's own extras under "tacitus", as the manual allows.
PLOVER_FIELDS = (
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
    "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
    "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment",
)  # fmt: skip

_ACTOR_MORE = ("org", "sector", "role", "kb_id", "text")
_FIRSTS = CLUSTER_FIRSTS + tuple(
    f"{side}_{c}" for side in ("source", "target") for c in _ACTOR_MORE
) + ("location_country", "geonameid", "location_text", "sentence_index", "sentence_start",
     "sentence_end", "trigger_text", "plover_mode", "modality", "doc_id")  # fmt: skip


def _clusters(con: duckdb.DuckDBPyConnection, where: str | None) -> Iterator[dict[str, Any]]:
    """Event clusters of the filtered mentions (an unclustered mention is its own event)."""
    events = f"(SELECT * FROM events{where_clause(con, where)})"
    sql = cluster_select(
        events,
        key="coalesce(e.cluster_id, e.uid)",
        firsts=(*_FIRSTS, "url"),
        extra="min(ingested_at) AS added,",
    )
    cursor = con.execute(sql + " ORDER BY date NULLS LAST, cluster_id")
    names = [d[0] for d in cursor.description or ()]
    while rows := cursor.fetchmany(2048):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def gdelt_id(cluster_id: str) -> int:
    """A stable integer id (GDELT's are integers) from the cluster id: 60 bits of its hash."""
    import hashlib

    return int(hashlib.sha256(cluster_id.encode("utf-8")).hexdigest()[:15], 16)


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value).replace("\t", " ").replace("\n", " ")


def export_gdelt(con: duckdb.DuckDBPyConnection, out: Path, *, where: str | None = None) -> dict:
    """`out/events.tsv` (GDELT 2.0 event table) and `out/mentions.tsv`; returns row counts."""
    out.mkdir(parents=True, exist_ok=True)
    ids: dict[str, int] = {}
    with (out / "events.tsv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        for cluster in _clusters(con, where):
            ids[cluster["cluster_id"]] = gdelt_id(cluster["cluster_id"])
            writer.writerow(_clean(v) for v in _gdelt_row(ids[cluster["cluster_id"]], cluster))
    mentions = _gdelt_mentions(con, out / "mentions.tsv", ids, where)
    return {"events": len(ids), "mentions": mentions}


def _gdelt_row(event_id: int, c: dict[str, Any]) -> list[Any]:
    day: date = c["date"] or c["first_seen"] or date(1970, 1, 1)
    cameo = c["cameo"]
    place = _gdelt_geo(c)
    return [
        event_id, day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
        round(day.year + (day.month * 30 + day.day) / 365, 4),
        *_gdelt_actor(c, "source"), *_gdelt_actor(c, "target"),
        int(c["sentence_index"] == 0), cameo, cameo[:3], cameo[:2], c["quad_class"],
        c["goldstein"], c["num_mentions"], c["num_sources"], c["num_articles"], None,
        *[None] * 16, *place,
        c["added"].strftime("%Y%m%d%H%M%S") if c["added"] else None, c["url"] or c["doc_id"],
    ]  # fmt: skip


def _gdelt_actor(c: dict[str, Any], side: str) -> list[Any]:
    # Country codes are ISO 3166 alpha-3 (GDELT's CAMEO country codes are the same for states).
    return [
        c[f"{side}_code"], c[f"{side}_name"], c[f"{side}_country"], c[f"{side}_org"],
        None, None, None, c[f"{side}_sector"], None, None,
    ]  # fmt: skip


def _gdelt_geo(c: dict[str, Any]) -> list[Any]:
    if c["location_name"] is None:
        return [0] + [None] * 7
    # Type 1 is a country; 4 a place within one (GDELT's "world city").
    kind = 1 if c["location_name"] == c["location_country"] else 4
    return [kind, c["location_name"], c["location_country"], None, None, c["lat"], c["lon"],
            c["geonameid"]]  # fmt: skip


def _gdelt_mentions(con, path: Path, ids: dict[str, int], where: str | None) -> int:
    sql = f"""SELECT coalesce(e.cluster_id, e.uid), d.ingested_at, e.published,
        coalesce(d.source, regexp_extract(d.url, '://([^/]+)', 1)), coalesce(d.url, d.doc_id),
        e.sentence_index + 1, coalesce(e.source_start, -1), coalesce(e.target_start, -1),
        e.trigger_start, round(e.confidence * 100)::INTEGER, d.n_chars, e.uid
        FROM (SELECT * FROM events{where_clause(con, where)}) e
        JOIN documents d ON d.doc_id = e.doc_id ORDER BY e.uid"""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        cursor = con.execute(sql)
        while rows := cursor.fetchmany(2048):
            for key, added, published, outlet, ident, sent, a1, a2, act, conf, n, uid in rows:
                seen = datetime.combine(published, datetime.min.time()) if published else added
                stamp = added.strftime("%Y%m%d%H%M%S") if added else ""
                row = [ids[key], stamp, seen.strftime("%Y%m%d%H%M%S") if seen else "", 1,
                       outlet, ident, sent, a1, a2, act, 1, conf, n, None, None, uid]  # fmt: skip
                writer.writerow(_clean(v) for v in row)
                count += 1
    return count


def export_plover(
    con: duckdb.DuckDBPyConnection, out: Path, *, where: str | None = None, coder: str
) -> dict:
    """PLOVER JSON records (one a line) for events with a PLOVER type, a date and an actor."""
    written = skipped = 0
    coded = date.today().isoformat()
    with out.open("w", encoding="utf-8") as f:
        for c in _clusters(con, where):
            if c["plover"] is None or c["date"] is None or c["source_code"] is None:
                skipped += 1
                continue
            f.write(json.dumps(_plover_record(c, coder, coded), ensure_ascii=False) + "\n")
            written += 1
    return {"records": written, "skipped": skipped}


def _plover_entity(c: dict[str, Any], side: str) -> dict[str, Any]:
    return {
        "code": c[f"{side}_country"] or c[f"{side}_org"] or c[f"{side}_code"],
        "sector": c[f"{side}_sector"],
        "entity_text": c[f"{side}_text"],
        "identifier_id": c[f"{side}_kb_id"],
        "identifier_text": c[f"{side}_name"],
        "office": c[f"{side}_role"],
    }


def _plover_record(c: dict[str, Any], coder: str, coded: str) -> dict[str, Any]:
    place = None
    if c["location_name"] is not None:
        place = {
            "extracted_place": c["location_text"],
            "resolved_place": c["location_name"],
            "geonameid": c["geonameid"],
            "lat": c["lat"],
            "lon": c["lon"],
            "country_code": c["location_country"],
        }
    return {
        "id": c["cluster_id"],
        "has_event": True,
        "date": c["date"].isoformat(),
        "actor": [_plover_entity(c, "source")],
        "recipient": [_plover_entity(c, "target")] if c["target_code"] else [],
        "event": [c["plover"]],
        "mode": [c["plover_mode"]] if c["plover_mode"] else [],
        "event_loc": place,
        "event_text": [c["trigger_text"]],
        "quad_code": c["quad_class"],
        "event_scale": c["goldstein"],
        "text_info": {
            "sequence": c["sentence_index"],
            "start": c["sentence_start"],
            "end": c["sentence_end"],
        },
        "cite_info": {"url": c["url"], "language": "en", "coder": coder, "codebook": "PLOVER"},
        "coder": coder,
        "coded_date": coded,
        "tacitus": {
            "cameo": c["cameo"],
            "modality": c["modality"],
            "asserted": c["asserted"],
            "num_mentions": c["num_mentions"],
            "num_articles": c["num_articles"],
            "num_sources": c["num_sources"],
            "first_seen": c["first_seen"].isoformat() if c["first_seen"] else None,
            "last_seen": c["last_seen"].isoformat() if c["last_seen"] else None,
            "doc_id": c["doc_id"],
        },
    }


def export_table(
    con: duckdb.DuckDBPyConnection, fmt: str, out: Path, *, table: str, where: str | None = None
) -> int:
    """Rows of a view as CSV (every value quoted), JSON lines, or Parquet by month."""
    from tacitus.store.views import VIEWS

    if table not in VIEWS:
        raise UsageError(f"--table {table}: use one of {', '.join(VIEWS)}")
    filtered = f"SELECT * FROM {table}{where_clause(con, where, table=table)}"
    (count,) = con.execute(f"SELECT count(*) FROM ({filtered})").fetchone() or (0,)
    target = str(out).replace("'", "''")
    if fmt == "csv":
        options = "FORMAT csv, HEADER, FORCE_QUOTE *"
    elif fmt == "jsonl":
        options = "FORMAT json"
    elif fmt == "parquet":
        day = "coalesce(date, published)" if table == "events" else _month_column(table)
        filtered = (
            f"SELECT *, coalesce(strftime({day}, '%Y-%m'), 'unknown') AS month FROM ({filtered})"
        )
        options = "FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE"
    else:
        raise UsageError(f"unknown table format '{fmt}': use one of {', '.join(TABLE_FORMATS)}")
    con.execute(f"COPY ({filtered}) TO '{target}' ({options})")
    return count


def _month_column(table: str) -> str:
    return {"event_clusters": "date", "failures": "failed_at"}.get(table, "published")


def export_graphml(con: duckdb.DuckDBPyConnection, out: Path, *, where: str | None = None) -> dict:
    """The actor network: nodes are actor codes, edges directed dyads with event counts,
    mentions and mean Goldstein (over distinct events), for Gephi and networkx."""
    filtered = f"(SELECT * FROM events{where_clause(con, where)})"
    events = f"""SELECT coalesce(cluster_id, uid) AS cid, first(source_code) AS s,
        first(target_code) AS t, first(goldstein) AS g, first(quad_class) AS q, count(*) AS m
        FROM {filtered} WHERE source_code IS NOT NULL AND target_code IS NOT NULL
        GROUP BY cid"""
    edges = con.execute(
        f"""SELECT s, t, count(*), sum(m), avg(g), count(*) FILTER (q = 1),
        count(*) FILTER (q = 2), count(*) FILTER (q = 3), count(*) FILTER (q = 4)
        FROM ({events}) GROUP BY s, t ORDER BY s, t"""
    ).fetchall()
    nodes = con.execute(
        f"""SELECT code, mode(name), mode(country), count(*) FROM (
            SELECT source_code AS code, source_name AS name, source_country AS country
            FROM {filtered} WHERE source_code IS NOT NULL AND target_code IS NOT NULL
            UNION ALL
            SELECT target_code, target_name, target_country
            FROM {filtered} WHERE source_code IS NOT NULL AND target_code IS NOT NULL
        ) GROUP BY code ORDER BY code"""
    ).fetchall()
    _write_graphml(out, nodes, edges)
    return {"nodes": len(nodes), "edges": len(edges)}


_NODE_KEYS = (("label", "string"), ("country", "string"), ("mentions", "int"))
_EDGE_KEYS = (("events", "int"), ("mentions", "int"), ("goldstein_mean", "double"),
              ("quad1", "int"), ("quad2", "int"), ("quad3", "int"), ("quad4", "int"))  # fmt: skip


def _write_graphml(out: Path, nodes: list[tuple], edges: list[tuple]) -> None:
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    for kind, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, type_ in keys:
            attrs = {"id": f"{kind}_{name}", "for": kind, "attr.name": name, "attr.type": type_}
            ET.SubElement(root, f"{{{ns}}}key", attrs)
    graph = ET.SubElement(root, f"{{{ns}}}graph", {"id": "actors", "edgedefault": "directed"})
    for code, *values in nodes:
        node = ET.SubElement(graph, f"{{{ns}}}node", {"id": code})
        _data(node, ns, "node", _NODE_KEYS, values)
    for k, (source, target, *values) in enumerate(edges):
        attrs = {"id": f"e{k}", "source": source, "target": target}
        edge = ET.SubElement(graph, f"{{{ns}}}edge", attrs)
        _data(edge, ns, "edge", _EDGE_KEYS, values)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)


def _data(parent: ET.Element, ns: str, kind: str, keys: tuple, values: list) -> None:
    for (name, _), value in zip(keys, values, strict=True):
        if value is not None:
            element = ET.SubElement(parent, f"{{{ns}}}data", {"key": f"{kind}_{name}"})
            element.text = f"{value:.4f}" if isinstance(value, float) else str(value)
