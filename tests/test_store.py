"""The store: atomic batches, views, versions, the writer lock, readers during writes."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import time
from datetime import UTC, datetime

import duckdb
import pyarrow as pa
import pytest

from tacitus.errors import StoreError
from tacitus.records import Actor, CodedDocument, Event, Failure, Location, Quote, StoreItem
from tacitus.store import StoreWriter, open_store, stored_keys
from tacitus.store import base as store_base
from tacitus.store.rows import batch_tables, content_hash
from tacitus.store.schema import SCHEMA_VERSION, TABLES

from conftest import ROOT, make_coded

TEXT = "The foreign minister accused them. Tokyo talks. They attacked, he said. " * 3


def item(doc_id: str, text: str = TEXT, **kwargs) -> StoreItem:
    return StoreItem(f"in/{doc_id}.txt", make_coded(doc_id, **kwargs), text + doc_id)


def failure(name: str, reason: str = "empty") -> StoreItem:
    message = f"{name}: no text to code (empty article)"
    return StoreItem(name, Failure("doc-" + name, name, "read", reason, message))


def test_schema_columns_agree_with_record_fields():
    tables = batch_tables(
        [item("d1"), failure("bad.txt")], batch="b", now=datetime(2024, 1, 1, tzinfo=UTC)
    )
    for name, table in tables.items():
        assert table.schema == TABLES[name]
        row = table.to_pylist()[0]
        empty = {column for column, value in row.items() if value is None}
        assert empty == ({"minhash"} if name == "documents" else set()), name
    events = tables["events"].column_names
    for prefix in ("source", "target"):
        for f in dataclasses.fields(Actor):
            assert f"{prefix}_{f.name}" in events
    nested = {"source", "target", "attributed_to", "trigger", "sentence", "location", "quote"}
    for f in dataclasses.fields(Event):
        if f.name not in nested:
            column = "event_id" if f.name == "id" else f.name
            assert column in events, f"Event.{f.name} has no column"
    for f in dataclasses.fields(Location):
        column = f.name if f.name in ("lat", "lon", "geonameid") else f"location_{f.name}"
        assert column in events, f"Location.{f.name} has no column"
    quote_columns = tables["quotes"].column_names
    for f in dataclasses.fields(Quote):
        expected = {"id": "quote_id", "speaker": "speaker_name", "cue": "cue_text"}
        assert expected.get(f.name, "event_ids" if f.name == "events" else f.name) in (
            quote_columns
        )
    assert set(tables["actor_mentions"].column_names) >= {f.name for f in dataclasses.fields(Actor)}
    documents = tables["documents"].column_names
    for f in dataclasses.fields(CodedDocument):
        if f.name not in ("actors", "events", "quotes"):
            assert ("doc_id" if f.name == "id" else f.name) in documents
    assert set(tables["failures"].column_names) >= {"input", "doc_id", "stage", "reason"}


def test_committed_batches_are_read_through_the_views(tmp_path):
    store = tmp_path / "store"
    with StoreWriter(store) as writer:
        first = writer.write_batch([item("d1"), failure("bad.txt")])
        writer.write_batch([item("d2", events=(("RUS", "UKR", "190"), ("UKR", "RUS", "190")))])
    con = open_store(store)
    docs = con.execute(
        "SELECT doc_id, story_id, batch, n_chars FROM documents ORDER BY 1"
    ).fetchall()
    assert docs == [("d1", "d1", first, len(TEXT) + 2), ("d2", "d2", docs[1][2], len(TEXT) + 2)]
    events = con.execute(
        "SELECT uid, source_code, target_code, cameo, cameo_root, cluster_id, location_text "
        "FROM events ORDER BY uid"
    ).fetchall()
    assert events == [
        ("d1:e1", "USAGOV", "IRNMIL", "112", "11", None, "Tokyo"),
        ("d2:e1", "RUSGOV", "UKRMIL", "190", "19", None, "Tokyo"),
        ("d2:e2", "UKRGOV", "RUSMIL", "190", "19", None, "Tokyo"),
    ]
    assert con.execute("SELECT count(*) FROM actor_mentions").fetchone() == (6,)
    assert con.execute("SELECT uid, event_ids FROM quotes WHERE doc_id = 'd2'").fetchall() == [
        ("d2:q1", ["e1", "e2"])
    ]
    assert con.execute("SELECT input, reason, batch FROM failures").fetchall() == [
        ("bad.txt", "empty", first)
    ]
    assert con.execute("SELECT count(*) FROM event_clusters").fetchone() == (0,)
    keys = stored_keys(store)
    assert keys.hashes == {content_hash(TEXT + "d1"): "d1", content_hash(TEXT + "d2"): "d2"}
    assert keys.failures == {("bad.txt", "bad.txt: no text to code (empty article)")}


def test_an_empty_store_has_every_view_and_column(tmp_path):
    with StoreWriter(tmp_path / "s"):
        pass
    con = open_store(tmp_path / "s")
    for view in ("documents", "events", "quotes", "actor_mentions", "failures", "event_clusters"):
        assert con.execute(f"SELECT count(*) FROM {view}").fetchone() == (0,)
    columns = [row[0] for row in con.execute("DESCRIBE documents").fetchall()]
    assert "story_id" in columns and "minhash" not in columns and "text" in columns
    assert [r[0] for r in con.execute("DESCRIBE events").fetchall()][-1] == "cluster_id"


def test_read_only_connection_refuses_writes(tmp_path):
    with StoreWriter(tmp_path / "s"):
        pass
    con = open_store(tmp_path / "s")
    with pytest.raises(duckdb.Error, match="read-only"):
        con.execute("CREATE TABLE t AS SELECT 1")


def test_missing_store_and_foreign_folder_are_refused(tmp_path):
    with pytest.raises(StoreError, match="no Tacitus store at .*create one with `tacitus ingest"):
        open_store(tmp_path / "nothing")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("x")
    with pytest.raises(StoreError, match="not empty and holds no store.json"):
        StoreWriter(tmp_path / "notes")


def test_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path):
    with (
        StoreWriter(tmp_path / "s"),
        pytest.raises(StoreError, match=r"being written by pid \d+"),
    ):
        StoreWriter(tmp_path / "s")
    with StoreWriter(tmp_path / "s"):  # released on close
        pass


def _set_version(store, version: int) -> None:
    meta = json.loads((store / "store.json").read_text())
    (store / "store.json").write_text(json.dumps({**meta, "schema_version": version}))


def test_newer_schema_version_is_refused(tmp_path):
    store = tmp_path / "s"
    with StoreWriter(store):
        pass
    _set_version(store, SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}.*newer Tacitus"):
        open_store(store)
    with pytest.raises(StoreError, match="upgrade Tacitus"):
        StoreWriter(store)


def test_older_schema_version_is_upgraded_by_a_writer_or_refused(tmp_path, monkeypatch):
    store = tmp_path / "s"
    with StoreWriter(store) as writer:
        writer.write_batch([item("d1")])
    _set_version(store, SCHEMA_VERSION - 1)
    with pytest.raises(StoreError, match="cannot upgrade to version"):
        open_store(store)
    steps = []
    monkeypatch.setitem(store_base.MIGRATIONS, SCHEMA_VERSION - 1, steps.append)
    with pytest.raises(StoreError, match=r"needs an upgrade.*tacitus dedupe --store"):
        open_store(store)
    with StoreWriter(store):
        pass
    assert steps == [store]
    assert json.loads((store / "store.json").read_text())["schema_version"] == SCHEMA_VERSION
    assert open_store(store).execute("SELECT doc_id FROM documents").fetchall() == [("d1",)]


def test_leftovers_of_a_killed_writer_are_ignored_then_cleared(tmp_path):
    store = tmp_path / "s"
    with StoreWriter(store) as writer:
        writer.write_batch([item("d1")])
    half = store / "tmp" / "20990101T000000000000-1-00001"
    half.mkdir(parents=True)
    (half / "documents.parquet").write_bytes(b"PAR1 truncated")
    assert open_store(store).execute("SELECT count(*) FROM documents").fetchone() == (1,)
    with StoreWriter(store):
        assert not half.exists()


def test_cluster_generation_sets_story_and_cluster_ids(tmp_path):
    store = tmp_path / "s"
    with StoreWriter(store) as writer:
        writer.write_batch([item("d1"), item("d2", source="Other")])
        for _ in range(5):
            writer.write_clusters(
                {
                    "stories": pa.table({"doc_id": ["d1", "d2"], "story_id": ["d1", "d1"]}),
                    "event_clusters": pa.table(
                        {"uid": ["d1:e1", "d2:e1"], "cluster_id": ["c"] * 2}
                    ),
                }
            )
    generations = [p for p in (store / "clusters").iterdir() if p.is_dir()]
    assert len(generations) == 4  # CURRENT and three before it
    con = open_store(store)
    assert con.execute("SELECT DISTINCT story_id FROM documents").fetchall() == [("d1",)]
    assert con.execute(
        "SELECT cluster_id, num_mentions, num_articles, num_sources, num_stories, source_code "
        "FROM event_clusters"
    ).fetchall() == [("c", 2, 2, 2, 1, "USAGOV")]


WRITER = """
import sys
from tacitus.store import StoreWriter
from tacitus.records import StoreItem
sys.path.insert(0, {tests!r})
from conftest import make_coded
with StoreWriter({store!r}) as writer:
    for b in range(12):
        writer.write_batch([StoreItem("x", make_coded(f"d{{b}}-{{k}}"), f"text {{b}} {{k}}")
                            for k in range(5)])
"""


def test_readers_see_whole_batches_while_another_process_writes(tmp_path):
    store = tmp_path / "s"
    with StoreWriter(store):
        pass
    code = WRITER.format(tests=str(ROOT / "tests"), store=str(store))
    writer = subprocess.Popen([sys.executable, "-c", code])
    seen = []
    while writer.poll() is None or len(seen) < 2:
        con = open_store(store)
        seen.append(con.execute("SELECT count(*), count(DISTINCT batch) FROM documents").fetchone())
        con.close()
        time.sleep(0.01)
    assert writer.wait() == 0
    for docs, batches in seen:
        assert docs == 5 * batches  # never half a batch
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)
    assert seen[-1] == (60, 12)
