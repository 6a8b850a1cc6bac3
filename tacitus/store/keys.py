"""What a store already holds, so an ingest skips it: resuming and idempotence."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from tacitus.store.base import prepare_store
from tacitus.store.views import parts_relation

__all__ = ["StoredKeys", "stored_keys"]


@dataclass
class StoredKeys:
    """Content hashes (-> doc_id), doc ids and failure keys (input, message) in a store.

    An ingest adds to these as it goes, so a text met twice in one run is coded once too.
    """

    hashes: dict[str, str] = field(default_factory=dict)
    doc_ids: set[str] = field(default_factory=set)
    failures: set[tuple[str, str]] = field(default_factory=set)


def stored_keys(path: Path | str) -> StoredKeys:
    """The keys of everything committed to the store at `path` (which must exist)."""
    path = Path(path)
    prepare_store(path, writable=False)
    con = duckdb.connect()
    try:
        docs = con.execute(
            f"SELECT content_hash, doc_id FROM {parts_relation(path, 'documents')}"
        ).fetchall()
        failures = con.execute(
            f"SELECT input, message FROM {parts_relation(path, 'failures')}"
        ).fetchall()
    finally:
        con.close()
    return StoredKeys(
        hashes=dict(docs),
        doc_ids={doc_id for _, doc_id in docs},
        failures={(i, m) for i, m in failures},
    )
