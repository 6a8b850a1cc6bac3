"""`tacitus ingest --cluster`: Dask workers write the same store, and a dead worker's batches
are retried elsewhere without losing or doubling an article (all on loopback)."""

from __future__ import annotations

import os
import signal

import pytest
from click.testing import CliRunner

from tacitus.cli.main import main
from tacitus.records import Failure, StoreItem
from tacitus.run.cluster import code_and_write
from tacitus.run.ingest import ingest
from tacitus.store import StoreWriter, open_store
from tacitus.store.rows import batch_tables

from conftest import ROOT

distributed = pytest.importorskip("distributed", reason="cluster runs need pip install .[dask]")

SAMPLES = ROOT / "samples" / "articles.jsonl"


def _corpus(tmp_path, n):
    corpus = tmp_path / "corpus.jsonl"
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()[:n]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def _failure_chunk(n):
    return [(f"in{k}", Failure(None, f"in{k}", "read", "empty", f"in{k}: empty")) for k in range(n)]


def _documents(store):
    return (
        open_store(store)
        .execute(
            "SELECT count(*), count(DISTINCT content_hash), count(DISTINCT doc_id) FROM documents"
        )
        .fetchone()
    )


def test_a_batch_name_is_committed_once_whichever_attempt_finishes_first(tmp_path):
    from datetime import UTC, datetime

    from tacitus.store.writer import write_part

    store = tmp_path / "store"
    with StoreWriter(store) as writer:
        name = writer.next_batch_name()
        items = [StoreItem(i, f) for i, f in _failure_chunk(3)]
        tables = batch_tables(items, batch=name, now=datetime.now(UTC))
        assert write_part(store, name, tables) is True
        assert write_part(store, name, tables) is False  # the retried attempt
        assert writer.commit_tables(name, tables) is False
    assert list((store / "tmp").iterdir()) == []  # the losing attempt cleaned up
    assert open_store(store).execute("SELECT count(*) FROM failures").fetchone() == (3,)


def test_a_worker_that_cannot_see_the_store_sends_the_tables_back(tmp_path):
    store = tmp_path / "store"
    with StoreWriter(store) as writer:
        name = writer.next_batch_name()
        result = code_and_write(_failure_chunk(2), (), str(store), name, token="not-this-run")
        assert result.tables is not None and not result.written_by_worker
        assert result.failures == {"empty": 2} and result.stored == 0
        assert not (store / "parts" / name).exists()
        assert writer.commit_tables(name, result.tables) is True
    assert open_store(store).execute("SELECT count(*) FROM failures").fetchone() == (2,)


def test_unknown_cluster_addresses_are_refused_clearly(tmp_path):
    corpus = _corpus(tmp_path, 1)
    for address, message in (
        ("local:x", "write local:N"),
        ("http://x:1", "give a scheduler address"),
    ):
        result = CliRunner().invoke(
            main, ["ingest", str(corpus), "--store", str(tmp_path / "s"), "--cluster", address]
        )
        assert result.exit_code != 0 and message in result.output, result.output
    both = CliRunner().invoke(
        main, ["ingest", str(corpus), "--cluster", "local:2", "--workers", "2"]
    )
    assert both.exit_code != 0 and "exclude each other" in both.output


@pytest.mark.slow
def test_a_local_cluster_stores_what_one_process_does(tmp_path, nlp):
    corpus = _corpus(tmp_path, 6)
    one, many = tmp_path / "one", tmp_path / "many"
    args = ["ingest", str(corpus), "--batch-size", "2", "--no-dedupe", "--store"]
    assert CliRunner().invoke(main, [*args, str(one)]).exit_code == 0
    result = CliRunner().invoke(main, [*args, str(many), "--cluster", "local:2"])
    assert result.exit_code == 0, result.output
    assert "2 workers; dashboard: http://127.0.0.1:" in result.output
    assert "stored 6 articles" in result.output and "in 3 batches" in result.output
    sql = "SELECT uid, cameo, source_code, target_code, quote_id FROM events ORDER BY uid"
    expected = open_store(one).execute(sql).fetchall()
    assert open_store(many).execute(sql).fetchall() == expected and len(expected) > 20
    assert _documents(many) == (6, 6, 6)
    assert list((many / "tmp").iterdir()) == []


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path):
    from distributed import Client, LocalCluster

    from tacitus.ingest import read_paths

    n = 16
    articles = list(read_paths([str(_corpus(tmp_path, n))]))
    store = tmp_path / "store"
    killed: list[int] = []
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):

        def kill_a_busy_worker(report) -> None:
            if killed:
                return
            busy = [address for address, tasks in client.processing().items() if tasks]
            assert busy, "no batch was in flight when the first one was committed"
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

        report = ingest(
            [(a.id, a) for a in articles],
            store,
            batch_size=2,
            cluster=cluster.scheduler_address,
            on_batch=kill_a_busy_worker,
        )
        assert killed, "the run ended before a worker could be killed"
        assert killed[0] not in client.run(os.getpid).values()
    assert report.stored == n and report.failed == 0 and report.batches == n // 2
    assert _documents(store) == (n, n, n)
    per_batch = (
        open_store(store).execute("SELECT batch, count(*) FROM documents GROUP BY batch").fetchall()
    )
    assert sorted(count for _, count in per_batch) == [2] * (n // 2)
    again = ingest([(a.id, a) for a in articles], store)
    assert again.stored == 0 and again.skipped == n
