"""Duplicates: story clusters of near-duplicate articles, and event clusters across them.

Recomputed over the whole store (after each ingest run, or by `tacitus dedupe`) and
published as a new cluster generation, so a result never depends on the order articles came
in. Story clusters: MinHash LSH over the signatures stored with each document, candidates
kept when their estimated Jaccard similarity of word trigrams reaches `threshold`. Event
clusters: the same source, target and CAMEO code (negated events apart) within `window_days`
of the cluster's first event, whichever articles and stories report them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from tacitus.ingest.dedup import NUM_PERM, SCHEME, SEED
from tacitus.store.schema import EVENT_CLUSTER_MEMBERS, STORIES
from tacitus.store.views import parts_relation
from tacitus.store.writer import StoreWriter

__all__ = ["DEFAULT_THRESHOLD", "DEFAULT_WINDOW_DAYS", "ClusterReport", "recluster"]

# On the samples a wire copy scores 0.88 and light rewrites 0.38-0.50 against their originals,
# while no two distinct articles reach 0.07 (docs/ingest.md).
DEFAULT_THRESHOLD = 0.3
DEFAULT_WINDOW_DAYS = 3


@dataclass(frozen=True)
class ClusterReport:
    """What a clustering run found: articles and stories, raw events and event clusters."""

    generation: str
    documents: int
    stories: int
    duplicate_documents: int
    events: int
    event_clusters: int

    @property
    def event_reduction(self) -> float:
        """Share of raw events merged away (0.25: four mentions became three events)."""
        return 1 - self.event_clusters / self.events if self.events else 0.0


def recluster(
    writer: StoreWriter,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> ClusterReport:
    """Recompute both kinds of cluster over the store and publish them as one generation."""
    con = duckdb.connect()
    try:
        stories = _stories(con, writer.path, threshold)
        con.register("stories", stories)
        members = _event_clusters(con, writer.path, window_days)
    finally:
        con.close()
    generation = writer.write_clusters({"stories": stories, "event_clusters": members})
    story_ids = stories.column("story_id").to_pylist()
    return ClusterReport(
        generation=generation,
        documents=len(story_ids),
        stories=len(set(story_ids)),
        duplicate_documents=sum(
            1
            for d, s in zip(stories.column("doc_id").to_pylist(), story_ids, strict=True)
            if d != s
        ),
        events=members.num_rows,
        event_clusters=len(set(members.column("cluster_id").to_pylist())),
    )


def _stories(con: duckdb.DuckDBPyConnection, path: Path, threshold: float) -> pa.Table:
    from datasketch import LeanMinHash, MinHashLSH

    rows = con.execute(
        f"SELECT doc_id, minhash FROM {parts_relation(path, 'documents')} "
        "ORDER BY published NULLS LAST, doc_id"
    ).fetchall()
    doc_ids = [doc_id for doc_id, _ in rows]
    parent = list(range(len(rows)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[int, np.ndarray] = {}
    for k, (_, values) in enumerate(rows):
        if not values or len(values) != NUM_PERM:
            continue  # no signature: the article stays a story of its own
        signature = np.asarray(values, dtype=np.uint32)
        minhash = LeanMinHash(seed=SEED, hashvalues=signature, scheme=SCHEME)
        for other in lsh.query(minhash):
            if np.mean(signatures[other] == signature) >= threshold:
                a, b = root(k), root(other)
                parent[max(a, b)] = min(a, b)  # the earliest article names the story
        lsh.insert(k, minhash)
        signatures[k] = signature
    story_ids = [doc_ids[root(k)] for k in range(len(rows))]
    return pa.Table.from_pydict({"doc_id": doc_ids, "story_id": story_ids}, schema=STORIES)


def _event_clusters(con: duckdb.DuckDBPyConnection, path: Path, window_days: int) -> pa.Table:
    # Actorless events, and events with no date at all, only merge within their story.
    rows = con.execute(
        f"""
        WITH e AS (
            SELECT e.uid, coalesce(e.source_code, e.source_name) AS src,
                   coalesce(e.target_code, e.target_name) AS tgt, e.cameo,
                   e.modality = 'negated' AS negated, coalesce(e.date, e.published) AS day,
                   coalesce(s.story_id, e.doc_id) AS story
            FROM {parts_relation(path, "events")} e
            LEFT JOIN stories s ON s.doc_id = e.doc_id
        )
        SELECT uid, src, tgt, cameo, negated,
               CASE WHEN (src IS NULL AND tgt IS NULL) OR day IS NULL THEN story END AS scope,
               day
        FROM e ORDER BY src, tgt, cameo, negated, scope, day NULLS LAST, uid
        """
    ).fetchall()
    uids: list[str] = []
    cluster_ids: list[str] = []
    key: tuple | None = None
    start: date | None = None
    cluster = ""
    for uid, *row_key, day in rows:
        new_key = tuple(row_key)
        if new_key != key or (
            day is not None and start is not None and (day - start).days > window_days
        ):
            key, start = new_key, day
            cluster = "ev-" + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:16]
        uids.append(uid)
        cluster_ids.append(cluster)
    return pa.Table.from_pydict(
        {"uid": uids, "cluster_id": cluster_ids}, schema=EVENT_CLUSTER_MEMBERS
    )
