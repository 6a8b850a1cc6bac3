"""What the dashboard shows about events: counts, timelines, types, dyads, network, map.

Every function takes the Database and the filters and returns plain data (dicts and lists)
for both the JSON API and the HTML pages. SQL text is fixed here; values are parameters.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tacitus.web.db import ACTOR_CODES, EVENTS, Database
from tacitus.web.filters import EVENT_SORTS, EventFilters
from tacitus.web.labels import QUAD_CLASSES, actor_label, cameo_name, root_names

__all__ = [
    "EVENT_COLUMNS",
    "dyad_summary",
    "event_list",
    "event_types",
    "interval_for",
    "map_points",
    "network",
    "overview_counts",
    "timeline",
    "top_dyads",
    "type_row",
]

# The columns of an event row in lists (the article view shows all of them).
EVENT_COLUMNS = (
    "uid, doc_id, event_id, date, published, source_name, source_code, source_country, "
    "target_name, target_code, target_country, cameo, cameo_name, cameo_root, goldstein, "
    "quad_class, plover, plover_mode, modality, asserted, attributed_name, trigger_text, "
    "location_name, lat, lon, confidence"
)
INTERVALS = ("day", "week", "month", "year")


def page(items: list[dict], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def overview_counts(db: Database, filters: EventFilters) -> dict[str, int]:
    """Articles, events (filtered), quotes and failures in the store."""
    counts = db.counts()
    if filters.active():
        where = filters.where()
        counts["events"] = db.value(f"SELECT count(*) FROM {EVENTS} {where.sql()}", where.params)
    return counts


def interval_for(db: Database, filters: EventFilters) -> str:
    """Bars of a sensible width for the period shown: days, weeks, months or years."""
    where = filters.where()
    found = db.rows(
        f"SELECT min(date) AS first, max(date) AS last FROM {EVENTS} {where.sql()}", where.params
    )
    first, last = found[0]["first"], found[0]["last"]
    if first is None or last is None:
        return "month"
    span = (last - first).days
    return "day" if span <= 62 else "week" if span <= 548 else "month" if span <= 3660 else "year"


def timeline(db: Database, filters: EventFilters, interval: str | None = None) -> dict[str, Any]:
    """Events per period and QuadClass, with the mean Goldstein value of each period."""
    interval = interval or interval_for(db, filters)
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
    where = filters.where()
    where.add("date IS NOT NULL")
    rows = db.rows(
        f"SELECT CAST(date_trunc(?, date) AS DATE) AS period, quad_class, count(*) AS n, "
        f"sum(goldstein) AS g FROM {EVENTS} {where.sql()} GROUP BY ALL ORDER BY period",
        [interval, *where.params],
    )
    periods: dict[date, dict[str, Any]] = {}
    for row in rows:
        entry = periods.setdefault(
            row["period"], {"period": row["period"], "counts": {q: 0 for q in QUAD_CLASSES}}
        )
        entry["counts"][row["quad_class"]] = row["n"]
        entry["goldstein_sum"] = entry.get("goldstein_sum", 0.0) + (row["g"] or 0.0)
    _fill_gaps(periods, interval)
    items = []
    for entry in sorted(periods.values(), key=lambda e: e["period"]):
        total = sum(entry["counts"].values())
        mean = entry.pop("goldstein_sum", 0.0) / total if total else None
        end = period_end(entry["period"], interval)
        items.append({**entry, "period_end": end, "total": total, "mean_goldstein": _round(mean)})
    return {"interval": interval, "items": items}


def _fill_gaps(periods: dict[date, dict[str, Any]], interval: str) -> None:
    """Add the empty periods between the first and the last, so the time axis is even."""
    if not periods:
        return
    day, last = min(periods), max(periods)
    while day < last:
        day = period_end(day, interval) + timedelta(days=1)
        periods.setdefault(day, {"period": day, "counts": {q: 0 for q in QUAD_CLASSES}})


def period_end(start: date, interval: str) -> date:
    """The last day of the period that begins on `start`."""
    if interval == "day":
        return start
    if interval == "week":
        return start + timedelta(days=6)
    if interval == "month":
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    else:
        following = date(start.year + 1, 1, 1)
    return following - timedelta(days=1)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def event_types(
    db: Database, filters: EventFilters, *, root: str | None = None, plover: bool = True
) -> dict:
    """Counts by PLOVER type (unless `plover` is false) and by CAMEO root, or by code in a root.

    One scan grouped by (PLOVER type, code); types, roots and codes are summed from it.
    """
    where = filters.where()
    rows = db.rows(
        f"SELECT plover, cameo, count(*) AS n, sum(goldstein) AS g FROM {EVENTS} "
        f"{where.sql()} GROUP BY plover, cameo",
        where.params,
    )
    by_type: dict[str | None, int] = {}
    for r in rows:
        by_type[r["plover"]] = by_type.get(r["plover"], 0) + r["n"]
    ranked = sorted(by_type.items(), key=lambda item: (-item[1], item[0] or ""))
    types = [{"plover": k, "n": n} for k, n in ranked] if plover else []
    groups: dict[str, list[dict]] = {}
    for r in rows:
        key = r["cameo"][:2] if root is None else r["cameo"]
        if root is None or r["cameo"][:2] == root:
            groups.setdefault(key, []).append(r)
    names = root_names() if root is None else {}
    found = [
        type_row(code, names.get(code, "") if root is None else cameo_name(code), members)
        for code, members in groups.items()
    ]
    found.sort(key=lambda t: t["code"])
    return {"root": root, "plover": types, "cameo": found}


def type_row(code: str, name: str, members: list[dict]) -> dict[str, Any]:
    n = sum(m["n"] for m in members)
    total = sum(m["g"] or 0.0 for m in members)
    return {"code": code, "name": name, "n": n, "goldstein": _round(total / n if n else None)}


def event_list(
    db: Database, filters: EventFilters, *, sort: str = "-date", limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """One page of events, sorted by a key of EVENT_SORTS (`-key` for descending)."""
    key = sort.removeprefix("-")
    if key not in EVENT_SORTS:
        raise ValueError(f"sort must be one of {', '.join(EVENT_SORTS)} (with - for descending)")
    direction = "DESC" if sort.startswith("-") else "ASC"
    where = filters.where()
    total = db.value(f"SELECT count(*) FROM {EVENTS} {where.sql()}", where.params)
    order = f"ORDER BY {EVENT_SORTS[key]} {direction} NULLS LAST, uid"
    # Find the page's rows by row id first: sorting narrow rows is much faster on deep pages.
    items = db.rows(
        f"SELECT {EVENT_COLUMNS} FROM {EVENTS} WHERE rowid IN ("
        f"SELECT rowid FROM {EVENTS} {where.sql()} {order} LIMIT ? OFFSET ?) {order}",
        [*where.params, limit, offset],
    )
    return page(items, total, limit, offset)


def top_dyads(
    db: Database, filters: EventFilters, *, limit: int = 20, offset: int = 0
) -> dict[str, Any]:
    """Directed source -> target pairs of actor codes with the most events."""
    where = filters.where()
    where.add("source_id IS NOT NULL AND target_id IS NOT NULL")
    rows = db.rows(
        f"""SELECT s.code AS source_code, t.code AS target_code, g.* EXCLUDE (source_id, target_id)
        FROM (
            SELECT source_id, target_id, count(*) AS n, avg(goldstein) AS mean_goldstein,
                   count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
                   count(*) FILTER (WHERE quad_class >= 3) AS conflict, count(*) OVER () AS total
            FROM {EVENTS} {where.sql()} GROUP BY source_id, target_id
            ORDER BY n DESC, source_id, target_id LIMIT ? OFFSET ?
        ) g
        JOIN {ACTOR_CODES} s ON s.id = g.source_id JOIN {ACTOR_CODES} t ON t.id = g.target_id
        ORDER BY g.n DESC, g.source_id, g.target_id""",
        [*where.params, limit, offset],
    )
    total = rows[0].pop("total") if rows else 0
    for row in rows[1:]:
        row.pop("total")
    for row in rows:
        row["mean_goldstein"] = _round(row["mean_goldstein"])
        row["source_label"] = actor_label(row["source_code"])
        row["target_label"] = actor_label(row["target_code"])
    return page(rows, total, limit, offset)


def dyad_summary(
    db: Database, source: str, target: str, filters: EventFilters, interval: str | None = None
) -> dict[str, Any]:
    """Cooperation and conflict over time for one directed pair of actor codes."""
    scoped = filters.narrowed(source_code=source, target_code=target)
    where = scoped.where()
    total = db.value(f"SELECT count(*) FROM {EVENTS} {where.sql()}", where.params)
    return {
        "source": {"code": source, "label": actor_label(source)},
        "target": {"code": target, "label": actor_label(target)},
        "events": total,
        "timeline": timeline(db, scoped, interval) if total else {"interval": None, "items": []},
        "types": event_types(db, scoped, plover=False)["cameo"] if total else [],
    }


def network(
    db: Database, filters: EventFilters, *, nodes: int = 40, edges: int = 150
) -> dict[str, Any]:
    """The most active actors (by events in either role) and the dyads among them."""
    where = filters.where()
    where.add("source_id IS NOT NULL AND target_id IS NOT NULL")
    rows = db.rows(
        f"""WITH e AS (SELECT source_id, target_id, goldstein FROM {EVENTS} {where.sql()}),
        top AS (
            SELECT id, count(*) AS n FROM (
                SELECT source_id AS id FROM e UNION ALL SELECT target_id FROM e
            ) GROUP BY id ORDER BY n DESC, id LIMIT ?
        ),
        edges AS (
            SELECT source_id, target_id, count(*) AS n, avg(goldstein) AS mean_goldstein
            FROM e WHERE source_id IN (SELECT id FROM top) AND target_id IN (SELECT id FROM top)
              AND source_id <> target_id
            GROUP BY source_id, target_id ORDER BY n DESC, source_id, target_id LIMIT ?
        )
        SELECT s.code AS source_code, t.code AS target_code, edges.n, edges.mean_goldstein
        FROM edges JOIN {ACTOR_CODES} s ON s.id = edges.source_id
        JOIN {ACTOR_CODES} t ON t.id = edges.target_id
        ORDER BY edges.n DESC, edges.source_id, edges.target_id""",
        [*where.params, nodes, edges],
    )
    degree: dict[str, int] = {}
    for row in rows:
        row["mean_goldstein"] = _round(row["mean_goldstein"])
        for code in (row["source_code"], row["target_code"]):
            degree[code] = degree.get(code, 0) + row["n"]
    node_list = [
        {"code": code, "label": actor_label(code), "n": n}
        for code, n in sorted(degree.items(), key=lambda item: (-item[1], item[0]))
    ]
    return {"nodes": node_list, "edges": rows}


def map_points(db: Database, filters: EventFilters, *, limit: int = 1000) -> dict[str, Any]:
    """Event locations with their counts and mean Goldstein value, largest first."""
    where = filters.where()
    where.add("lat IS NOT NULL AND lon IS NOT NULL")
    rows = db.rows(
        f"SELECT location_name, location_country, lat, lon, count(*) AS n, "
        f"avg(goldstein) AS mean_goldstein FROM {EVENTS} {where.sql()} "
        "GROUP BY location_name, location_country, lat, lon "
        "ORDER BY n DESC, location_name LIMIT ?",
        [*where.params, limit],
    )
    for row in rows:
        row["mean_goldstein"] = _round(row["mean_goldstein"])
    return {"items": rows}
