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
import uuid
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

__all__ = ["KEEP_GENERATIONS", "StoreWriter", "write_part"]

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
        name = self.next_batch_name(now)
        tables = batch_tables(items, batch=name, now=now)
        self._commit(name, tables, self.path / PARTS / name)
        return name

    def next_batch_name(self, now: datetime | None = None) -> str:
        """A new batch name, unique to this writer: time, process and sequence number (so
        parts sort in the order they were handed out)."""
        now = now or datetime.now(UTC)
        self._seq += 1
        return f"{now:%Y%m%dT%H%M%S%f}-{os.getpid()}-{self._seq:05d}"

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

    def commit_tables(self, name: str, tables: dict[str, pa.Table]) -> bool:
        """Commit a batch whose tables were built elsewhere (a cluster worker that cannot see
        the store); False when a batch of that name is already committed."""
        if self._lock is None:
            raise StoreError(f"the writer of {self.path} is closed")
        return write_part(self.path, name, tables)

    def _commit(self, name: str, tables: dict[str, pa.Table], final: Path) -> None:
        if self._lock is None:
            raise StoreError(f"the writer of {self.path} is closed")
        _write_tables(self.path / TMP / name, tables)
        os.rename(self.path / TMP / name, final)
        fsync_dir(final.parent)


def write_part(store: Path | str, name: str, tables: dict[str, pa.Table]) -> bool:
    """Commit one batch as parts/<name>/, on behalf of the store's writer; False when a batch
    of that name is already there.

    For processes the lock holder hands a batch to (cluster workers): they write without the
    lock, each attempt in its own tmp/ folder. The final rename succeeds for one attempt only
    (renaming onto a non-empty folder fails), so a batch retried after its worker died is
    never stored twice, whichever attempt finishes first.
    """
    store = Path(store)
    final = store / PARTS / name
    if final.exists():
        return False
    tmp = store / TMP / f"{name}.{uuid.uuid4().hex}"
    _write_tables(tmp, tables)
    try:
        os.rename(tmp, final)
    except OSError:
        if not final.is_dir():
            raise
        shutil.rmtree(tmp, ignore_errors=True)
        return False
    fsync_dir(final.parent)
    return True


def _write_tables(folder: Path, tables: dict[str, pa.Table]) -> None:
    folder.mkdir(parents=True)
    for table_name, table in tables.items():
        with (folder / f"{table_name}.parquet").open("wb") as f:
            pq.write_table(table, f, compression="zstd")
            f.flush()
            os.fsync(f.fileno())
    fsync_dir(folder)


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
