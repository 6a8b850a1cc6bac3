"""`tacitus ingest --cluster`: coding batches on Dask distributed workers.

The driver (the `tacitus ingest` process) keeps what must be done once: reading the sources,
skipping what is stored, holding the store's lock and recomputing clusters afterwards. Each
batch gets its final part name from the driver before it is sent, and a worker codes it and
commits it itself as parts/<name>/ (`store.writer.write_part`). A worker that dies has its
batches retried on another worker by the Dask scheduler; because the name was fixed up front
and the final rename succeeds only once, a batch is stored once even when the dead worker had
already written it. A worker that cannot see the store (no shared file system) sends the
batch's Arrow tables back, and the driver commits them.

Each worker loads the pipeline once, through a worker plugin, so restarted workers do too.
Dask is an optional extra: `pip install 'tacitus[dask]'`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tacitus.errors import TacitusError, UsageError
from tacitus.store.base import TMP

__all__ = ["BatchResult", "code_and_write", "connect", "run_on_cluster"]

# Batches in flight per worker: enough that a worker never waits for the driver, few enough
# that memory stays flat on any corpus and a dying worker takes little work with it.
IN_FLIGHT_PER_WORKER = 2


@dataclass
class BatchResult:
    """What a worker sends back for one batch: counts, not the coded records."""

    name: str
    stored: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    events: int = 0
    quotes: int = 0
    peak_rss_mb: float = 0.0
    written_by_worker: bool = False
    tables: dict[str, Any] | None = None  # when the worker could not see the store


def code_and_write(
    chunk: list, kb_paths: tuple[str, ...], store: str, name: str, token: str
) -> BatchResult:
    """A worker's task: code one batch, then commit it to the store as parts/<name>/.

    `token` names a marker file the driver made in the store's tmp/ folder: seeing it proves
    this worker sees the very store the driver holds, not a folder of the same name on
    another machine. Without it the tables go back to the driver.
    """
    from tacitus.run.ingest import IngestReport, code_chunk
    from tacitus.store.rows import batch_tables
    from tacitus.store.writer import write_part

    items, rss = code_chunk(chunk, kb_paths)
    tally = IngestReport()
    tally.add(items)
    result = BatchResult(
        name, tally.stored, dict(tally.failures), tally.events, tally.quotes, peak_rss_mb=rss
    )
    tables = batch_tables(items, batch=name, now=datetime.now(UTC))
    if (Path(store) / TMP / _marker(token)).exists():
        # False when an earlier attempt at this batch (a worker that died) had written it:
        # the batch is stored either way, with these same counts
        write_part(store, name, tables)
        result.written_by_worker = True
    else:
        result.tables = tables
    return result


def _marker(token: str) -> str:
    return f"cluster-run-{token}"


@contextmanager
def connect(address: str, *, dashboard: bool = True) -> Iterator[Any]:
    """A Dask client for `local:N` (a cluster of N worker processes on loopback, started
    here and stopped afterwards) or `tcp://HOST:PORT` (an existing scheduler)."""
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        raise UsageError(
            "--cluster needs Dask: pip install 'tacitus[dask]' (on the driver and every worker)"
        ) from e
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or not 1 <= int(count) <= 256:
            raise UsageError(f"--cluster {address!r}: write local:N with N workers, e.g. local:2")
        # Kept for the cluster's lifetime: restarted workers get the same settings.
        with dask.config.set({_ENVIRON: _worker_environ(), _PROFILE: False}):
            cluster = LocalCluster(
                n_workers=int(count),
                threads_per_worker=1,  # spaCy holds the GIL: one coding thread per process
                processes=True,
                host="127.0.0.1",  # loopback only
                dashboard_address="127.0.0.1:0" if dashboard else None,
            )
            try:
                with Client(cluster) as client:
                    yield client
            finally:
                cluster.close()
        return
    if not address.startswith(("tcp://", "tls://")):
        raise UsageError(
            f"--cluster {address!r}: give a scheduler address (tcp://HOST:PORT) or local:N"
        )
    try:
        client = Client(address, timeout="20s")
    except OSError as e:
        raise TacitusError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    with client:
        yield client


_ENVIRON = "distributed.nanny.pre-spawn-environ"
# Dask's statistical profiler samples each worker's stacks every 10 ms (for the dashboard's
# Profile page); on coding batches it cost 9% here (6 batches: 5.62 s on, 5.12 s off). Task
# stream, progress and memory pages work without it.
_PROFILE = "distributed.worker.profile.enabled"


def _worker_environ() -> dict:
    """The environment Dask's nanny gives the workers it starts, without
    MALLOC_TRIM_THRESHOLD_: setting it at all turns off glibc's dynamic mmap threshold, so
    spaCy's large short-lived arrays are mmapped and unmapped every time; measured here,
    coding a batch took 12% longer with it (same texts, same process, with and without)."""
    import dask

    environ = dict(dask.config.get(_ENVIRON, default={}) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


def run_on_cluster(
    client: Any,
    chunks: Iterator[list],
    *,
    store: Path,
    kb_paths: tuple[str, ...],
    batch_name: Callable[[], str],
    commit_tables: Callable[[str, dict], bool],
    done: Callable[[BatchResult], None],
) -> None:
    """Send every chunk to the cluster and report each finished batch to `done`.

    `batch_name` gives the next batch's final name; `commit_tables` commits a batch whose
    worker could not see the store. Raises TacitusError when a batch kept killing workers
    (the batches committed so far are kept: a rerun resumes).
    """
    from dask.distributed import as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    from tacitus.run.worker_plugin import LoadPipeline

    token = uuid.uuid4().hex
    marker = store / TMP / _marker(token)
    marker.parent.mkdir(exist_ok=True)
    marker.write_text("a Tacitus cluster run writes to this store\n", encoding="utf-8")
    client.register_plugin(LoadPipeline(kb_paths))
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending = as_completed()

    def submit(chunk: list) -> None:
        name = batch_name()
        pending.add(
            client.submit(
                code_and_write, chunk, kb_paths, str(store), name, token, key=f"tacitus-{name}"
            )
        )

    try:
        for chunk in chunks:
            submit(chunk)
            if pending.count() >= IN_FLIGHT_PER_WORKER * workers:
                _finish(next(pending), commit_tables, done)
        for future in pending:
            _finish(future, commit_tables, done)
    except (KilledWorker, FutureCancelledError) as e:
        raise TacitusError(
            f"the cluster gave up on a batch ({e}); batches committed so far are kept: rerun "
            "the same command to resume"
        ) from e
    finally:
        marker.unlink(missing_ok=True)


def _finish(
    future: Any, commit_tables: Callable[[str, dict], bool], done: Callable[[BatchResult], None]
) -> None:
    result: BatchResult = future.result()
    future.release()
    if result.tables is not None:
        commit_tables(result.name, result.tables)  # False: stored already, by an earlier try
        result.tables = None
    done(result)
