"""`tacitus ingest`: read sources, code new articles, commit them to the store in batches.

Idempotent and resumable: an article whose text (content hash) is already stored is skipped,
so a rerun after a crash codes only what was not committed. Batches are committed as they
are coded; a batch is reported (to `on_batch`) only once it is on disk.

Workers: a process pool whose workers load the pipeline once for the whole run and return
plain records, which this process commits batch by batch while the workers code the next
ones. On two CPUs that run in parallel, two workers code at 2.0x one worker's marginal rate
(`tacitus bench speed`, docs/benchmarks.md); where virtual CPUs share a core the gain is
capped by the machine (`machine_parallel_ceiling` in the same report). The pool uses spawn so
workers never inherit the writer's lock or DuckDB state. `cluster` runs the same batches on
Dask workers instead (run/cluster.py).
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tacitus.errors import InputError, TacitusError
from tacitus.ingest.dedup import minhash_signature
from tacitus.records import Article, CodedDocument, Failure, StoreItem
from tacitus.run.local import _chunks
from tacitus.store import StoredKeys, StoreWriter, stored_keys
from tacitus.store.rows import content_hash

__all__ = ["IngestReport", "code_chunk", "ingest"]

Item = tuple[str, Article | Failure]


@dataclass
class IngestReport:
    """What an ingest run did; `on_batch` receives it after every committed batch."""

    stored: int = 0
    skipped: int = 0
    failures: Counter = field(default_factory=Counter)
    events: int = 0
    quotes: int = 0
    batches: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    renamed: int = 0

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    def add(self, items: list[StoreItem]) -> None:
        self.batches += 1
        for item in items:
            if isinstance(item.result, Failure):
                self.failures[item.result.reason] += 1
            else:
                self.stored += 1
                self.events += len(item.result.events)
                self.quotes += len(item.result.quotes)

    def add_counts(self, stored: int, failures: dict[str, int], events: int, quotes: int) -> None:
        """A batch coded and stored elsewhere (a cluster worker), by its counts."""
        self.batches += 1
        self.stored += stored
        self.failures.update(failures)
        self.events += events
        self.quotes += quotes


def ingest(
    sources: Iterable[tuple[str, Article | InputError]],
    store: Path | str,
    *,
    workers: int = 1,
    batch_size: int = 64,
    kb_paths: Iterable[str] = (),
    on_batch: Callable[[IngestReport], None] | None = None,
    on_items: Callable[[list[StoreItem]], None] | None = None,
    cluster: str | None = None,
    on_cluster: Callable[[Any], None] | None = None,
) -> IngestReport:
    """Code and store every new article of `sources`; returns the run's report.

    `on_batch` gets the report after each committed batch (progress); `on_items` the batch's
    items themselves, once they are safely stored (`tacitus demo` writes them as JSONL).

    `cluster` (`local:N` or `tcp://HOST:PORT`) codes the batches on Dask workers instead of
    `workers` local processes (run/cluster.py); `on_cluster` gets the Dask client once it is
    connected (the CLI prints its dashboard link). `on_items` is not called for cluster runs:
    the coded records stay on the workers.

    Raises StoreError when the store cannot be written (another writer, newer version).
    """
    started = time.perf_counter()
    report = IngestReport()
    kb = tuple(str(p) for p in kb_paths)
    with StoreWriter(store) as writer:
        keys = stored_keys(writer.path)
        chunks = _chunks(_new_items(sources, keys, report), batch_size)  # from run.local

        def commit(items: list[StoreItem], rss_mb: float) -> None:
            writer.write_batch(items)
            report.add(items)
            if on_items is not None:
                on_items(items)
            report.peak_rss_mb = max(report.peak_rss_mb, rss_mb)
            report.seconds = time.perf_counter() - started
            if on_batch is not None:
                on_batch(report)

        if cluster is not None:
            _run_cluster(cluster, chunks, writer, kb, report, started, on_batch, on_cluster)
        elif workers <= 1:
            for chunk in chunks:
                commit(*code_chunk(chunk, kb))
        else:
            _run_pool(chunks, workers, kb, commit)
    report.seconds = time.perf_counter() - started
    return report


def _run_cluster(
    address: str,
    chunks: Iterator[list[Item]],
    writer: StoreWriter,
    kb: tuple[str, ...],
    report: IngestReport,
    started: float,
    on_batch: Callable[[IngestReport], None] | None,
    on_cluster: Callable[[Any], None] | None,
) -> None:
    from tacitus.run.cluster import BatchResult, connect, run_on_cluster

    def done(result: BatchResult) -> None:
        report.add_counts(result.stored, result.failures, result.events, result.quotes)
        report.peak_rss_mb = max(report.peak_rss_mb, result.peak_rss_mb)
        report.seconds = time.perf_counter() - started
        if on_batch is not None:
            on_batch(report)

    with connect(address) as client:
        if on_cluster is not None:
            on_cluster(client)
        run_on_cluster(
            client,
            chunks,
            store=writer.path,
            kb_paths=kb,
            batch_name=writer.next_batch_name,
            commit_tables=writer.commit_tables,
            done=done,
        )


def _new_items(
    sources: Iterable[tuple[str, Article | InputError]], keys: StoredKeys, report: IngestReport
) -> Iterator[Item]:
    """Items not yet stored; a taken id with another text gets the text's hash appended."""
    for name, result in sources:
        if isinstance(result, InputError):
            if (name, str(result)) in keys.failures:
                report.skipped += 1
                continue
            keys.failures.add((name, str(result)))
            yield name, Failure(None, name, "read", result.reason, str(result))
            continue
        digest = content_hash(result.text)
        if digest in keys.hashes:
            report.skipped += 1
            continue
        if result.id in keys.doc_ids:
            result = replace(result, id=f"{result.id}~{digest[:8]}")
            report.renamed += 1
        keys.hashes[digest] = result.id
        keys.doc_ids.add(result.id)
        yield name, result


def code_chunk(chunk: list[Item], kb_paths: tuple[str, ...] = ()) -> tuple[list[StoreItem], float]:
    """Code a chunk (in this process or a worker): store items in order, and peak RSS in MB."""
    articles = [a for _, a in chunk if isinstance(a, Article)]
    coded: Iterator[CodedDocument | Failure] = iter(())
    if articles:
        from tacitus.run.local import code_articles

        coded = code_articles(articles, kb_paths=kb_paths)
    items = []
    for name, entry in chunk:
        if isinstance(entry, Failure):
            items.append(StoreItem(name, entry))
            continue
        result = next(coded)
        if isinstance(result, Failure):
            items.append(StoreItem(name, replace(result, source=name)))
        else:
            items.append(StoreItem(name, result, entry.text, minhash_signature(entry.text)))
    return items, _peak_rss_mb()


def _peak_rss_mb() -> float:
    # VmHWM is this process's own high-water mark; ru_maxrss would carry over the parent's
    # from before a spawned worker's exec.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def _init_worker(kb_paths: tuple[str, ...]) -> None:
    from tacitus.nlp.pipeline import default_pipeline

    default_pipeline(kb_paths)  # load once per worker, before the first chunk arrives


def _run_pool(
    chunks: Iterator[list[Item]],
    workers: int,
    kb_paths: tuple[str, ...],
    commit: Callable[[list[StoreItem], float], None],
) -> None:
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    # spawn: the parent holds DuckDB and file handles that a forked child should not share.
    context = multiprocessing.get_context("spawn")
    pending: set[Future] = set()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(kb_paths,)
    ) as pool:
        try:
            for chunk in chunks:
                pending.add(pool.submit(code_chunk, chunk, kb_paths))
                if len(pending) >= 2 * workers:  # bounded: memory stays flat on any corpus
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        commit(*future.result())
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    commit(*future.result())
        except BrokenProcessPool as e:
            raise TacitusError(
                "a worker process died (out of memory?); batches committed so far are kept: "
                "rerun the same command to resume, perhaps with fewer --workers"
            ) from e
