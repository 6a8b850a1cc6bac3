"""The store folder: its layout, store.json, schema versions and migrations (docs/store.md).

Opening a store checks its schema version first, so a store written by another Tacitus is
upgraded (when opened for writing) or refused with a clear message, never misread.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tacitus.errors import StoreError
from tacitus.store import schema

__all__ = [
    "CLUSTERS",
    "CURRENT",
    "LOCK",
    "MIGRATIONS",
    "PARTS",
    "SCHEMA_BATCH",
    "STORE_JSON",
    "TMP",
    "atomic_write_text",
    "fsync_dir",
    "prepare_store",
    "read_meta",
]

STORE_JSON = "store.json"
PARTS = "parts"
TMP = "tmp"
CLUSTERS = "clusters"
CURRENT = "CURRENT"
LOCK = ".lock"
# An empty batch written when the store is created: every table then has at least one part
# file, so the views bind (and show the full schema) before the first real batch lands.
SCHEMA_BATCH = "00000000T000000000000-schema"

# MIGRATIONS[v] upgrades a store in place from schema version v to v + 1. Each step must be
# safe to rerun (a crash during an upgrade leaves store.json at the old version). Version 1 is
# the first, so there is none yet; a step that only adds columns writes a new schema batch.
MIGRATIONS: dict[int, Callable[[Path], None]] = {}


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in `path` durable (a no-op where dirs cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str) -> None:
    """Write a small file whole or not at all: temp file, fsync, rename, fsync the folder."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def read_meta(path: Path) -> dict[str, Any] | None:
    """store.json as a dict, None when the folder holds no store.json."""
    meta_path = path / STORE_JSON
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise StoreError(f"{meta_path}: not valid JSON ({e}); is this a Tacitus store?") from e
    if not isinstance(meta, dict) or not isinstance(meta.get("schema_version"), int):
        raise StoreError(f"{meta_path}: no integer 'schema_version'; is this a Tacitus store?")
    return meta


def prepare_store(path: Path, *, writable: bool) -> dict[str, Any]:
    """Check (and, when `writable`, create or upgrade) the store at `path`; its store.json.

    Raises StoreError when there is no store (read-only), when the folder is something else,
    and when the schema version is newer than this Tacitus or has no upgrade path.
    """
    meta = read_meta(path)
    if meta is None:
        if not writable:
            raise StoreError(
                f"no Tacitus store at {path} (no {STORE_JSON}): "
                f"create one with `tacitus ingest SOURCE --store {path}`"
            )
        if path.exists() and any(p.name != LOCK for p in path.iterdir()):
            raise StoreError(
                f"{path} is not empty and holds no {STORE_JSON}: "
                "give an empty or new folder for a new store"
            )
        return _create(path)
    version = meta["schema_version"]
    if version > schema.SCHEMA_VERSION:
        raise StoreError(
            f"the store at {path} has schema version {version}, written by a newer Tacitus "
            f"({meta.get('created_by', 'unknown')}); this one reads up to version "
            f"{schema.SCHEMA_VERSION}: upgrade Tacitus (pip install -U tacitus)"
        )
    if version < schema.SCHEMA_VERSION:
        return _upgrade(path, meta, writable=writable)
    return meta


def _create(path: Path) -> dict[str, Any]:
    from tacitus import __version__

    for folder in (PARTS, TMP, CLUSTERS):
        (path / folder).mkdir(parents=True, exist_ok=True)
    meta = {
        "schema_version": schema.SCHEMA_VERSION,
        "created_by": f"tacitus {__version__}",
        "created_at": _now_text(),
    }
    write_schema_batch(path)
    atomic_write_text(path / STORE_JSON, json.dumps(meta, indent=2) + "\n")
    return meta


def write_schema_batch(path: Path, name: str = SCHEMA_BATCH) -> None:
    """An empty batch with every table in the current schema (see SCHEMA_BATCH)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    final = path / PARTS / name
    if final.exists():
        return
    tmp = path / TMP / name
    tmp.mkdir(parents=True, exist_ok=True)
    for table, table_schema in schema.TABLES.items():
        pq.write_table(pa.Table.from_pylist([], schema=table_schema), tmp / f"{table}.parquet")
    fsync_dir(tmp)
    os.rename(tmp, final)
    fsync_dir(final.parent)


def _upgrade(path: Path, meta: dict[str, Any], *, writable: bool) -> dict[str, Any]:
    version = meta["schema_version"]
    missing = [v for v in range(version, schema.SCHEMA_VERSION) if v not in MIGRATIONS]
    if missing:
        raise StoreError(
            f"the store at {path} has schema version {version}, which this Tacitus cannot "
            f"upgrade to version {schema.SCHEMA_VERSION}: ingest its sources into a new store"
        )
    if not writable:
        raise StoreError(
            f"the store at {path} has schema version {version} and needs an upgrade to "
            f"version {schema.SCHEMA_VERSION}: run `tacitus dedupe --store {path}` once "
            "(it upgrades the store), then read it again"
        )
    for step in range(version, schema.SCHEMA_VERSION):
        MIGRATIONS[step](path)
        meta = {**meta, "schema_version": step + 1, "upgraded_at": _now_text()}
        atomic_write_text(path / STORE_JSON, json.dumps(meta, indent=2) + "\n")
    return meta


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
