"""Writing to a store: one batch at a time, each committed whole or not at all.

A batch is written to tmp/<batch>/ (every table, each file fsynced), then renamed to
parts/<batch>/ in one atomic rename. A process killed at any moment leaves whole batches and
leftovers in tmp/, which the next writer clears. One writer at a time holds the store's lock
(an OS file lock, released by the OS even on kill -9); readers never need it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.parquet as pq

from tacitus.errors import StoreError
from tacitus.records import StoreItem
from tacitus.store.base import (
    CLUSTERS,
    CURRENT,
    LOCK,
    PARTS,
    TMP,
    atomic_write_text,
    fsync_dir,
    prepare_store,
)
from tacitus.store.rows import batch_tables

__all__ = ["KEEP_GENERATIONS", "StoreWriter"]

# Cluster generations kept besides CURRENT, so a reader that opened the store before a new
# generation was published keeps working until it reopens.
KEEP_GENERATIONS = 3


class StoreWriter:
    """The one writer of a store: creates or upgrades it, then commits batches atomically.

    Use as a context manager; raises StoreError when another process is writing.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock: IO[str] | None = _acquire_lock(self.path)
        try:
            self.meta = prepare_store(self.path, writable=True)
        except BaseException:
            self.close()
            raise
        shutil.rmtree(self.path / TMP, ignore_errors=True)
        (self.path / TMP).mkdir()
        self._seq = 0

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    def write_batch(self, items: Iterable[StoreItem]) -> str:
        """Commit the items as one batch; returns its name. Nothing is visible until then."""
        now = datetime.now(UTC)
        self._seq += 1
        name = f"{now:%Y%m%dT%H%M%S%f}-{os.getpid()}-{self._seq:05d}"
        tables = batch_tables(items, batch=name, now=now)
        self._commit(name, tables, self.path / PARTS / name)
        return name

    def write_clusters(self, tables: dict[str, pa.Table]) -> str:
        """Publish a new cluster generation and point clusters/CURRENT at it."""
        name = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        clusters = self.path / CLUSTERS
        clusters.mkdir(exist_ok=True)
        self._commit(name, tables, clusters / name)
        atomic_write_text(clusters / CURRENT, name + "\n")
        generations = sorted(p for p in clusters.iterdir() if p.is_dir())
        for old in generations[: -(KEEP_GENERATIONS + 1)]:
            shutil.rmtree(old, ignore_errors=True)
        return name

    def _commit(self, name: str, tables: dict[str, pa.Table], final: Path) -> None:
        if self._lock is None:
            raise StoreError(f"the writer of {self.path} is closed")
        tmp = self.path / TMP / name
        tmp.mkdir(parents=True)
        for table_name, table in tables.items():
            with (tmp / f"{table_name}.parquet").open("wb") as f:
                pq.write_table(table, f, compression="zstd")
                f.flush()
                os.fsync(f.fileno())
        fsync_dir(tmp)
        os.rename(tmp, final)
        fsync_dir(final.parent)


def _acquire_lock(path: Path) -> IO[str]:
    lock = (path / LOCK).open("a+", encoding="utf-8")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        holder = lock.read().strip() or "another process"
        lock.close()
        raise StoreError(
            f"the store at {path} is being written by {holder}: wait for it to finish "
            "(readers such as `tacitus query` work meanwhile)"
        ) from None
    lock.seek(0)
    lock.truncate()
    lock.write(f"pid {os.getpid()}\n")
    lock.flush()
    return lock
