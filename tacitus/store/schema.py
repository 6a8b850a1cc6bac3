"""The Parquet schema of the store, version 1 (docs/store.md is its readable form).

Every part file of a table has exactly this schema, so DuckDB can read a table's parts as one
relation and other tools (pandas, Polars, R arrow) see the same columns. The actor columns are
the fields of `tacitus.records.Actor`, flattened with a prefix; a test checks they agree.
"""

from __future__ import annotations

import pyarrow as pa

__all__ = [
    "ACTOR_COLUMNS",
    "ACTOR_MENTIONS",
    "CLUSTER_TABLES",
    "DOCUMENTS",
    "EVENTS",
    "EVENT_CLUSTER_MEMBERS",
    "FAILURES",
    "QUOTES",
    "SCHEMA_VERSION",
    "STORIES",
    "TABLES",
    "actor_fields",
]

SCHEMA_VERSION = 1

# The Actor fields kept for each role an actor plays in an event or quote (text and offsets of
# the mention are kept for sources and targets, which the dashboard highlights).
ACTOR_COLUMNS = ("name", "code", "country", "org", "sector", "role", "kb_id")


def actor_fields(prefix: str, *, offsets: bool) -> list[pa.Field]:
    fields = [pa.field(f"{prefix}_{name}", pa.string()) for name in ACTOR_COLUMNS]
    if offsets:
        fields += [
            pa.field(f"{prefix}_text", pa.string()),
            pa.field(f"{prefix}_start", pa.int32()),
            pa.field(f"{prefix}_end", pa.int32()),
        ]
    return fields


DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("content_hash", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("url", pa.string()),
        pa.field("source", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("n_chars", pa.int32()),
        pa.field("input", pa.string()),
        pa.field("ingested_at", pa.timestamp("us", tz="UTC")),
        pa.field("batch", pa.string()),
        # MinHash signature of the text's shingles, kept so story clusters can be recomputed
        # over the whole store without re-reading or re-hashing every text.
        pa.field("minhash", pa.list_(pa.uint32())),
    ]
)

EVENTS = pa.schema(
    [
        pa.field("uid", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("published", pa.date32()),
        pa.field("date", pa.date32()),
        pa.field("date_text", pa.string()),
        pa.field("date_precision", pa.string()),
        *actor_fields("source", offsets=True),
        *actor_fields("target", offsets=True),
        pa.field("cameo", pa.string(), nullable=False),
        pa.field("cameo_name", pa.string()),
        pa.field("cameo_root", pa.string()),
        pa.field("goldstein", pa.float64()),
        pa.field("quad_class", pa.int8()),
        pa.field("plover", pa.string()),
        pa.field("plover_mode", pa.string()),
        pa.field("asserted", pa.bool_()),
        pa.field("modality", pa.string()),
        pa.field("attributed_name", pa.string()),
        pa.field("attributed_code", pa.string()),
        pa.field("attributed_country", pa.string()),
        pa.field("trigger_text", pa.string()),
        pa.field("trigger_start", pa.int32()),
        pa.field("trigger_end", pa.int32()),
        pa.field("sentence_index", pa.int32()),
        pa.field("sentence_start", pa.int32()),
        pa.field("sentence_end", pa.int32()),
        pa.field("location_name", pa.string()),
        pa.field("location_country", pa.string()),
        pa.field("lat", pa.float64()),
        pa.field("lon", pa.float64()),
        pa.field("geonameid", pa.int64()),
        # Added in version 1 beyond the first draft: the place words, for provenance.
        pa.field("location_text", pa.string()),
        pa.field("location_start", pa.int32()),
        pa.field("location_end", pa.int32()),
        pa.field("quote_id", pa.string()),
        pa.field("confidence", pa.float64()),
    ]
)

QUOTES = pa.schema(
    [
        pa.field("uid", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("quote_id", pa.string(), nullable=False),
        pa.field("published", pa.date32()),
        *actor_fields("speaker", offsets=False),
        pa.field("speaker_text", pa.string()),
        pa.field("content", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
        pa.field("cue_text", pa.string()),
        pa.field("cue_start", pa.int32()),
        pa.field("cue_end", pa.int32()),
        pa.field("kind", pa.string()),
        pa.field("event_ids", pa.list_(pa.string())),
    ]
)

ACTOR_MENTIONS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("mention", pa.int32(), nullable=False),
        pa.field("published", pa.date32()),
        pa.field("text", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
        pa.field("name", pa.string()),
        pa.field("kb_id", pa.string()),
        pa.field("country", pa.string()),
        pa.field("org", pa.string()),
        pa.field("sector", pa.string()),
        pa.field("role", pa.string()),
        pa.field("code", pa.string()),
    ]
)

FAILURES = pa.schema(
    [
        pa.field("input", pa.string()),
        pa.field("doc_id", pa.string()),
        pa.field("stage", pa.string()),
        pa.field("reason", pa.string()),
        pa.field("message", pa.string()),
        pa.field("batch", pa.string()),
        pa.field("failed_at", pa.timestamp("us", tz="UTC")),
    ]
)

STORIES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("story_id", pa.string(), nullable=False),
    ]
)

EVENT_CLUSTER_MEMBERS = pa.schema(
    [
        pa.field("uid", pa.string(), nullable=False),
        pa.field("cluster_id", pa.string(), nullable=False),
    ]
)

# Tables written in every committed batch, in parts/<batch>/<name>.parquet.
TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "events": EVENTS,
    "quotes": QUOTES,
    "actor_mentions": ACTOR_MENTIONS,
    "failures": FAILURES,
}

# Tables of a cluster generation, in clusters/<generation>/<name>.parquet.
CLUSTER_TABLES: dict[str, pa.Schema] = {
    "stories": STORIES,
    "event_clusters": EVENT_CLUSTER_MEMBERS,
}
