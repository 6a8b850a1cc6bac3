"""`tacitus ingest`: idempotent, crash-safe (kill -9), bad inputs in failures, duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from tacitus.cli.main import main
from tacitus.store import open_store

from conftest import ROOT

pytestmark = pytest.mark.slow

SAMPLES = ROOT / "samples"
N_SAMPLES = sum(
    1 for p in SAMPLES.glob("*.jsonl") for line in p.read_text().splitlines() if line.strip()
)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def counts(store) -> tuple[int, int, int, int]:
    """Documents, distinct content hashes, distinct doc ids, events (with distinct uids)."""
    con = open_store(store)
    docs = con.execute(
        "SELECT count(*), count(DISTINCT content_hash), count(DISTINCT doc_id) FROM documents"
    ).fetchone()
    events, uids = con.execute("SELECT count(*), count(DISTINCT uid) FROM events").fetchone()
    assert events == uids
    return (*docs, events)


def test_ingesting_the_samples_twice_stores_each_article_once(tmp_path, nlp):
    store = tmp_path / "store"
    first = run("ingest", SAMPLES, "--store", store)
    assert first.exit_code == 0, first.output
    assert f"stored {N_SAMPLES} articles" in first.output
    assert "skipped 0 already stored" in first.output
    stored = counts(store)
    assert stored[:3] == (N_SAMPLES, N_SAMPLES, N_SAMPLES) and stored[3] > 500
    second = run("ingest", SAMPLES / "articles.jsonl", SAMPLES, "--store", store)
    assert second.exit_code == 0, second.output
    assert "stored 0 articles (0 events, 0 quotes) in 0 batches" in second.output
    assert (
        f"skipped {2 * N_SAMPLES - len(SAMPLES.glob('near-*').__next__().read_text().splitlines())}"
        in second.output
    )
    assert counts(store) == stored
    con = open_store(store)
    groups = con.execute(
        "SELECT list(doc_id ORDER BY doc_id) FROM documents GROUP BY story_id "
        "HAVING count(*) > 1 ORDER BY 1"
    ).fetchall()
    assert groups == [
        (
            [
                "2018-03-26-western-nations-expel-russian-diplomats-skripal",
                "2018-03-27-rewrite-russian-diplomats-expelled-over-skripal",
            ],
        ),
        (
            [
                "2022-10-04-north-korea-fires-missile-over-japan",
                "2022-10-04-wire-copy-pyongyang-missile-overflies-japan",
                "2022-10-05-rewrite-north-korea-missile-crosses-japan",
            ],
        ),
    ]
    raw, clusters, merged = con.execute(
        "SELECT count(*), count(DISTINCT cluster_id), "
        "(SELECT count(*) FROM event_clusters WHERE num_articles = 3 AND num_sources = 3) "
        "FROM events"
    ).fetchone()
    assert f"{raw} events -> {clusters} event clusters" in first.output
    assert clusters < raw and merged > 0


PLANTED = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", "binary"),
    "latin1.txt": ("Le ministre a dit caf\xe9".encode("latin-1"), "binary"),
    "french.txt": (
        "Le ministre des affaires étrangères a rencontré son homologue australien à Tokyo mardi "
        "pour signer un accord sur la sécurité maritime dans la région.".encode(),
        "not_english",
    ),
    "huge.txt": (b"The minister said the talks went well. " * 200, "too_large"),
    "page.html": (b"<html><body><script>var a = 1;</script></body></html>", "malformed"),
}


def test_planted_bad_files_end_in_failures_and_the_rest_is_stored(tmp_path, nlp):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    lines.insert(1, '{"id": "broken", "text": "no closing quote}')
    (corpus / "good.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "good.txt").write_text(
        "Lithuania expelled Russia's ambassador on Monday, the foreign ministry said.",
        encoding="utf-8",
    )
    for name, (data, _) in PLANTED.items():
        (corpus / name).write_bytes(data)
    store = tmp_path / "store"
    result = run("ingest", corpus, "--store", store, "--max-chars", 5000)
    assert result.exit_code == 0, result.output
    assert "stored 4 articles" in result.output
    assert "failed 7: binary 2, malformed 2, empty 1, not_english 1, too_large 1" in result.output
    con = open_store(store)
    failures = dict(con.execute("SELECT input, reason FROM failures").fetchall())
    expected = {str(corpus / name): reason for name, (_, reason) in PLANTED.items()}
    expected[f"{corpus / 'good.jsonl'}:2"] = "malformed"
    assert failures == expected
    ids = {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}
    assert ids == {json.loads(line)["id"] for line in lines if "broken" not in line} | {"good"}
    message = con.execute("SELECT message FROM failures WHERE reason = 'too_large'").fetchone()[0]
    assert message.startswith(f"{corpus / 'huge.txt'}: 7,800 characters, over the limit of 5,000")
    again = run("ingest", corpus, "--store", store, "--max-chars", 5000)
    assert "stored 0 articles" in again.output and "skipped 11 already stored" in again.output
    assert con.execute("SELECT count(*) FROM failures").fetchone() == (7,)


def test_same_id_with_another_text_keeps_both(tmp_path, nlp):
    for folder, text in (
        ("a", "Egypt and Qatar signed a gas deal."),
        ("b", "Qatar praised Egypt."),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert run("ingest", tmp_path / "a", tmp_path / "b", "--store", store).exit_code == 0
    rows = open_store(store).execute("SELECT doc_id, text FROM documents ORDER BY 1").fetchall()
    assert rows[0] == ("story", "Egypt and Qatar signed a gas deal.")
    assert rows[1][0].startswith("story~") and rows[1][1] == "Qatar praised Egypt."


def _batches(store) -> int:
    parts = store / "parts"
    return (
        sum(1 for p in parts.iterdir() if not p.name.endswith("-schema")) if parts.exists() else 0
    )


def test_kill_9_loses_nothing_committed_and_a_rerun_resumes(tmp_path):
    store = tmp_path / "store"
    corpus = SAMPLES / "articles.jsonl"
    command = [
        sys.executable,
        "-c",
        "from tacitus.cli.main import main; main()",
        "ingest",
        str(corpus),
        "--store",
        str(store),
        "--batch-size",
        "4",
        "--no-dedupe",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _batches(store) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    batches = _batches(store)
    assert batches >= 2
    docs, hashes, ids, _ = counts(store)
    assert docs == hashes == ids == 4 * batches  # whole batches only, no duplicates
    per_batch = (
        open_store(store).execute("SELECT batch, count(*) FROM documents GROUP BY batch").fetchall()
    )
    assert sorted(n for _, n in per_batch) == [4] * batches
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {4 * batches} already stored" in rerun.stdout
    n_articles = len(corpus.read_text().splitlines())
    assert f"stored {n_articles - 4 * batches} articles" in rerun.stdout
    assert counts(store)[:3] == (n_articles, n_articles, n_articles)
    assert list((store / "tmp").iterdir()) == []


def test_two_workers_store_what_one_does(tmp_path, nlp):
    corpus = tmp_path / "c.jsonl"
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("ingest", corpus, "--store", one, "--batch-size", 2).exit_code == 0
    result = run("ingest", corpus, "--store", two, "--batch-size", 2, "--workers", 2)
    assert result.exit_code == 0, result.output
    sql = "SELECT uid, cameo, source_code, target_code FROM events ORDER BY uid"
    expected = open_store(one).execute(sql).fetchall()
    assert open_store(two).execute(sql).fetchall() == expected and len(expected) > 20
    assert counts(two)[:3] == (6, 6, 6)
