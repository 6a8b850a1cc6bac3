"""`tacitus query` and `tacitus export`: read-only SQL, and files that open in their tools."""

from __future__ import annotations

import csv
import json
import re

import duckdb
import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner

from tacitus.cli.main import main
from tacitus.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, PLOVER_FIELDS
from tacitus.ingest.dedup import minhash_signature
from tacitus.records import StoreItem
from tacitus.store import StoreWriter
from tacitus.store.clusters import recluster

from conftest import make_coded, shared_path

TEXT = "Russian forces shelled the city again on Monday, officials in Kyiv said. "


@pytest.fixture
def store(tmp_path):
    """Three articles: two report the same RUS->UKR 190 event, one a UKR->RUS 112."""
    path = tmp_path / "store"
    rows = [
        ("a", "2024-03-01", "Wire", (("RUS", "UKR", "190"),)),
        ("b", "2024-03-02", "Daily", (("RUS", "UKR", "190"), ("UKR", "RUS", "112"))),
        ("c", "2024-04-10", "Daily", (("UKR", "RUS", "112"),)),
    ]
    items = [
        StoreItem(f"in/{d}.txt", make_coded(d, published=day, source=src, events=ev),
                  TEXT + d, minhash_signature(TEXT + d))
        for d, day, src, ev in rows
    ]  # fmt: skip
    with StoreWriter(path) as writer:
        writer.write_batch(items)
        recluster(writer)
    return path


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_query_prints_csv_and_json(store):
    sql = "SELECT doc_id, published, num FROM (SELECT doc_id, published, 1 AS num FROM documents)"
    result = run("query", sql + " ORDER BY doc_id", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "doc_id,published,num", "a,2024-03-01,1", "b,2024-03-02,1", "c,2024-04-10,1",
    ]  # fmt: skip
    result = run("query", "SELECT cameo, num_mentions, num_sources FROM event_clusters "
                 "ORDER BY date", "--store", store, "--format", "json")  # fmt: skip
    assert json.loads(result.output) == [
        {"cameo": "190", "num_mentions": 2, "num_sources": 2},
        {"cameo": "112", "num_mentions": 1, "num_sources": 1},
        {"cameo": "112", "num_mentions": 1, "num_sources": 1},
    ]


@pytest.mark.parametrize(
    "sql,message",
    [
        ("CREATE TABLE t AS SELECT 1", "a CREATE statement would write or change state"),
        ("COPY events TO 'x.csv'", "a COPY statement would write"),
        ("SELECT 1; SELECT 2", "give exactly one SQL statement (found 2)"),
        ("SELEC 1", "not valid SQL"),
        ("SELECT nope FROM events", 'query failed: Binder Error: Referenced column "nope"'),
    ],
)
def test_query_refuses_writes_and_reports_bad_sql(store, sql, message):
    result = run("query", sql, "--store", store)
    assert result.exit_code == 2
    assert message in result.stderr


def test_query_on_a_missing_store_says_how_to_make_one(tmp_path):
    result = run("query", "SELECT 1", "--store", tmp_path / "none")
    assert result.exit_code == 1
    assert (
        "no Tacitus store at" in result.stderr and "tacitus ingest SOURCE --store" in result.stderr
    )


def test_gdelt_export_parses_with_the_gdelt_columns(store, tmp_path):
    out = tmp_path / "gdelt"
    result = run("export", "--store", store, "--format", "gdelt", "--out", out)
    assert result.exit_code == 0, result.output
    assert "3 events, 4 mentions" in result.output
    assert len(GDELT_EVENT_COLUMNS) == 61 and len(GDELT_MENTION_COLUMNS) == 16
    with (out / "events.tsv").open(encoding="utf-8") as f:
        events = [
            dict(zip(GDELT_EVENT_COLUMNS, row, strict=True))
            for row in csv.reader(f, delimiter="\t")
        ]
    first = events[0]
    assert (first["Day"], first["MonthYear"], first["Year"], first["FractionDate"]) == (
        "20240301",
        "202403",
        "2024",
        "2024.2493",
    )
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "RUSGOV",
        "RUS",
        "GOV",
    )
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "190",
        "190",
        "19",
    )
    assert (first["NumMentions"], first["NumArticles"], first["NumSources"]) == ("2", "2", "2")
    assert (first["QuadClass"], first["GoldsteinScale"], first["ActionGeo_FullName"]) == (
        "3",
        "-2",
        "Tokyo",
    )
    assert first["SOURCEURL"] == "https://example.org/a" and re.fullmatch(
        r"\d{14}", first["DATEADDED"]
    )
    with (out / "mentions.tsv").open(encoding="utf-8") as f:
        mentions = [
            dict(zip(GDELT_MENTION_COLUMNS, row, strict=True))
            for row in csv.reader(f, delimiter="\t")
        ]
    ids = {e["GlobalEventID"] for e in events}
    assert len(mentions) == 4 and {m["GlobalEventID"] for m in mentions} == ids
    by_uid = {m["Extras"]: m for m in mentions}
    assert (
        by_uid["a:e1"]["GlobalEventID"] == by_uid["b:e1"]["GlobalEventID"] == first["GlobalEventID"]
    )
    assert (by_uid["b:e2"]["Actor1CharOffset"], by_uid["b:e2"]["ActionCharOffset"]) == ("10", "4")


def test_plover_records_have_the_manuals_fields(store, tmp_path):
    out = tmp_path / "plover.jsonl"
    result = run("export", "--store", store, "--format", "plover", "--out", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    for record in records:
        assert set(record) - {"tacitus"} <= set(PLOVER_FIELDS)
        for required in ("id", "date", "actor", "event"):
            assert record[required], required
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
        assert record["quad_code"] in (1, 2, 3, 4)
        for entity in record["actor"] + record["recipient"]:
            assert set(entity) <= {"code", "sector", "entity_text", "identifier_id",
                                   "identifier_text", "office"}  # fmt: skip
    assert records[0]["actor"][0]["code"] == "RUS" and records[0]["event"] == ["ACCUSE"]
    assert records[0]["tacitus"]["num_mentions"] == 2


def test_plover_field_names_are_those_of_the_manual():
    manual = shared_path("data", "plover", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    table = manual.split("caption{PLOVER JSON }", 1)[1].split("end{tabular}", 1)[0]
    names = {
        line.split("&")[0].strip().replace("\\_", "_") for line in table.splitlines() if "&" in line
    }
    assert set(PLOVER_FIELDS) == names - {"Name"}


def test_graphml_loads_in_networkx(store, tmp_path):
    nx = pytest.importorskip("networkx")
    out = tmp_path / "actors.graphml"
    result = run("export", "--store", store, "--format", "graphml", "--out", out)
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert sorted(graph.nodes) == ["RUSGOV", "RUSMIL", "UKRGOV", "UKRMIL"]
    assert (
        graph.nodes["RUSGOV"]["label"] == "RUS name" and graph.nodes["RUSGOV"]["country"] == "RUS"
    )
    edge = graph.edges["RUSGOV", "UKRMIL"]
    assert (edge["events"], edge["mentions"], edge["goldstein_mean"], edge["quad3"]) == (
        1,
        2,
        -2.0,
        1,
    )
    assert graph.edges["UKRGOV", "RUSMIL"]["events"] == 2


def test_parquet_by_month_opens_in_duckdb_and_pyarrow(store, tmp_path):
    out = tmp_path / "parquet"
    result = run("export", "--store", store, "--format", "parquet", "--out", out)
    assert result.exit_code == 0 and "4 events rows" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["month=2024-03", "month=2024-04"]
    table = ds.dataset(out, partitioning="hive").to_table()
    assert table.num_rows == 4 and "cluster_id" in table.column_names
    rows = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{out}/*/*.parquet', hive_partitioning = true) "
        "GROUP BY month ORDER BY month"
    ).fetchall()
    assert rows == [("2024-03", 3), ("2024-04", 1)]


def test_csv_quotes_every_value_and_where_filters(store, tmp_path):
    out = tmp_path / "e.csv"
    where = "cameo = '112' AND published >= DATE '2024-04-01'"
    result = run("export", "--store", store, "--format", "csv", "--out", out, "--where", where)
    assert result.exit_code == 0 and "1 events rows" in result.output
    header, row = out.read_text(encoding="utf-8").splitlines()
    assert header.startswith('"uid","doc_id","event_id"') and row.startswith('"c:e1","c","e1"')
    [parsed] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (parsed["cameo"], parsed["goldstein"]) == ("112", "-2.0")
    result = run("export", "--store", store, "--format", "jsonl", "--out", tmp_path / "d.jsonl",
                 "--table", "documents", "--where", "source = 'Daily'")  # fmt: skip
    docs = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text().splitlines()]
    assert sorted(d["doc_id"] for d in docs) == ["b", "c"]


def test_bad_where_is_a_usage_error(store, tmp_path):
    result = run("export", "--store", store, "--format", "csv", "--out", tmp_path / "x.csv",
                 "--where", "no_such_column = 1")  # fmt: skip
    assert result.exit_code == 2
    assert "--where 'no_such_column = 1': Binder Error" in result.stderr
    assert not (tmp_path / "x.csv").exists()
