"""`tacitus bench web`: how long each page and API endpoint takes over HTTP on a store.

The app is served by uvicorn on a free loopback port in this process, and each URL is asked
`repeat` times after one warm-up request; the report gives the first (cold) time, the median
and the slowest of the repeats. Requests go only to 127.0.0.1.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tacitus.errors import UsageError

__all__ = ["BUDGET_MS", "bench_urls", "bench_web", "serving", "synthetic_store"]

BUDGET_MS = 500.0


def bench_urls(sample: dict[str, str]) -> list[tuple[str, str]]:
    """(name, URL) of every page and endpoint, with filters typical of an analyst's session.

    `sample` gives an article id, an event uid, an actor code and a partner found in the store.
    """
    doc, uid, actor, partner = sample["doc_id"], sample["uid"], sample["actor"], sample["partner"]
    year = sample["year"]
    return [
        ("page /", "/"),
        ("page / (root 19)", "/?root=19"),
        ("page /events", "/events"),
        ("page /events (filtered)", f"/events?actor={actor}&quad_class=4&sort=-goldstein"),
        ("page /events (text)", "/events?q=sanction&min_confidence=0.5"),
        ("page /articles", "/articles"),
        ("page /articles/{id}", f"/articles/{doc}"),
        ("page /actors", "/actors"),
        ("page /actors/{code}", f"/actors/{actor}"),
        ("page /dyads", "/dyads"),
        ("page /dyads/{s}/{t}", f"/dyads/{actor}/{partner}"),
        ("page /network", "/network"),
        ("page /network (year)", f"/network?date_from={year}-01-01&date_to={year}-12-31"),
        ("page /map", "/map"),
        ("page /map (conflict)", "/map?quad_class=4"),
        ("page /quotes", "/quotes"),
        ("page /quotes (X about Y)", f"/quotes?speaker={actor}&about={partner}"),
        ("page /api", "/api"),
        ("api /api/stats", "/api/stats"),
        ("api /api/timeline", "/api/timeline"),
        ("api /api/event-types", "/api/event-types?root=04"),
        ("api /api/events", "/api/events?limit=500"),
        ("api /api/events (deep page)", "/api/events?limit=100&offset=100000"),
        ("api /api/events (filtered)", "/api/events?country=USA&cameo=19&modality=asserted"),
        ("api /api/events/{uid}", f"/api/events/{uid}"),
        ("api /api/dyads", "/api/dyads"),
        ("api /api/dyads/{s}/{t}", f"/api/dyads/{actor}/{partner}?interval=week"),
        ("api /api/actors", "/api/actors?q=gov"),
        ("api /api/actors/{code}", f"/api/actors/{actor}"),
        ("api /api/quotes", "/api/quotes?q=ceasefire talks"),
        ("api /api/articles", "/api/articles?q=aid"),
        ("api /api/articles/{id}", f"/api/articles/{doc}"),
        ("api /api/network", "/api/network?nodes=150&edges=600"),
        ("api /api/map", "/api/map?limit=5000"),
        ("api /openapi.json", "/openapi.json"),
    ]


def sample_of(db: Any) -> dict[str, str]:
    """An article, an event, the busiest actor and its busiest partner, the busiest year."""
    from tacitus.web.db import EVENTS

    top = db.rows(
        f"SELECT source_code, target_code, any_value(doc_id) AS doc_id, any_value(uid) AS uid "
        f"FROM {EVENTS} WHERE source_code IS NOT NULL AND target_code IS NOT NULL "
        "GROUP BY ALL ORDER BY count(*) DESC LIMIT 1"
    )
    year = db.value(f"SELECT year(date) FROM {EVENTS} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    if not top:
        raise ValueError("the store has no event with a source and a target to time")
    row = top[0]
    return {
        "doc_id": row["doc_id"],
        "uid": row["uid"],
        "actor": row["source_code"],
        "partner": row["target_code"],
        "year": str(year),
    }


def synthetic_store(folder: Path, *, events: int) -> Path:
    """A synthetic store of `events` events in `folder`, made unless it is already there."""
    import json

    from tacitus.store.synthetic import generate_store

    manifest = folder / "store.json"
    if manifest.is_file():
        made = json.loads(manifest.read_text(encoding="utf-8")).get("synthetic", {})
        if made.get("events") == events:
            return folder
        raise UsageError(f"{folder} holds another store: give a new --synthetic-dir")
    generate_store(folder, events=events)
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free 127.0.0.1 port in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        if not server.started:
            raise RuntimeError("the web server did not start within 30 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def bench_web(store: Path, *, repeat: int = 5) -> dict[str, Any]:
    """Serve the store on 127.0.0.1 and time every URL of `bench_urls`; milliseconds."""
    import httpx

    from tacitus.web.app import create_app
    from tacitus.web.db import Database

    opened = time.perf_counter()
    db = Database(store)
    open_ms = (time.perf_counter() - opened) * 1000
    counts = {"events": db.value("SELECT count(*) FROM events")}
    urls = bench_urls(sample_of(db))
    with serving(create_app(db)) as base, httpx.Client(base_url=base, timeout=60) as client:
        results = [_time(client, name, url, repeat) for name, url in urls]
    slowest = max(max(r["first_ms"], r["max_ms"]) for r in results)
    return {
        "benchmark": "web",
        "store": str(store),
        "events": counts["events"],
        "repeat": repeat,
        "open_ms": round(open_ms, 1),
        "budget_ms": BUDGET_MS,
        "slowest_ms": slowest,
        "within_budget": slowest < BUDGET_MS,
        "urls": results,
    }


def _time(client: Any, name: str, url: str, repeat: int) -> dict[str, Any]:
    times = []
    status = 0
    for _ in range(repeat + 1):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    rest = times[1:]
    return {
        "name": name,
        "url": url,
        "status": status,
        "bytes": len(response.content),
        "first_ms": round(times[0], 1),
        "median_ms": round(statistics.median(rest), 1),
        "max_ms": round(max(rest), 1),
    }
