"""The command line: formats, inputs, failures, exit codes, the demo."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tacitus.cli.main import main

pytestmark = pytest.mark.slow

TEXT = "Lithuania expelled Russia's ambassador on Monday, the foreign ministry said."


def run(*args, input=None):
    # A wide terminal, so the table cells are not wrapped mid-word.
    return CliRunner().invoke(main, list(args), input=input, env={"COLUMNS": "200"})


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    assert "code" in result.output and "demo" in result.output


def test_jsonl_one_line_per_article_in_input_order(tmp_path, nlp):
    first, second = tmp_path / "b-first.txt", tmp_path / "a-second.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text("Egypt and Qatar signed an agreement on gas supplies.", encoding="utf-8")
    result = run("code", str(first), str(second), "--published", "2024-03-20", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert [d["id"] for d in docs] == ["b-first", "a-second"]
    expel = next(e for e in docs[0]["events"] if e["cameo"] == "166")
    assert expel["date"] == "2024-03-18" and expel["source"]["country"] == "LTU"


def test_json_is_one_document(tmp_path, nlp):
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run("code", str(path), "--format", "json")
    assert result.exit_code == 0
    assert [d["id"] for d in json.loads(result.output)] == ["x"]


def test_table_shows_events_and_quotes(tmp_path, nlp):
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run("code", str(path), "--format", "table", "--published", "2024-03-20")
    assert result.exit_code == 0
    for words in ("Expel or withdraw", "[166]", "expelled", "quotes", "asserted"):
        assert words in result.output


def test_stdin_and_jsonl_input(nlp):
    line = json.dumps({"id": "s1", "text": TEXT, "published": "2024-03-20", "title": "T"})
    result = run("code", "-", "--format", "jsonl", input=line + "\n")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert (doc["id"], doc["title"], doc["published"]) == ("s1", "T", "2024-03-20")


def test_bad_inputs_are_reported_and_the_rest_is_coded(tmp_path, nlp):
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "bin.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    binary.write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(
        main, ["code", str(empty), str(good), str(binary), "--format", "jsonl"]
    )
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good"]
    assert f"{empty}: no text to code" in result.stderr
    assert f"{binary}: binary data" in result.stderr
    assert "2 article(s) failed" in result.stderr


def test_usage_errors_exit_with_2(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(path), "--published", "20-03-2024"])
    assert result.exit_code == 2
    assert "--published: '20-03-2024' is not a date in the form YYYY-MM-DD" in result.stderr
    assert run("code").exit_code == 2  # no PATH


def test_demo_codes_the_samples_and_writes_jsonl(tmp_path, nlp):
    from conftest import ROOT

    corpus = tmp_path / "mini.jsonl"
    lines = (ROOT / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("demo", "--corpus", str(corpus), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0, result.output
    out = tmp_path / "store" / "demo" / "mini.coded.jsonl"
    assert f"coded JSONL: {out}" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    for words in (
        "3 articles coded",
        "Events by PLOVER type",
        "Events by QuadClass",
        "Top 10 dyads",
        "quotes",
    ):
        assert words in result.output
    # the store holds them; a second run codes nothing again and summarises the store
    again = run("demo", "--corpus", str(corpus), "--store", str(tmp_path / "store"))
    assert again.exit_code == 0, again.output
    assert "coded 0 new articles (3 already in the store)" in again.output
    assert "3 articles coded" in again.output


def test_eval_and_bench_commands(tmp_path, nlp):
    gold = tmp_path / "actors.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "published": "2024-03-20",
                "text": TEXT,
                "mentions": [
                    {
                        "text": "Lithuania",
                        "construction": "country_name",
                        "country": "LTU",
                        "org": None,
                        "sector": None,
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = run("eval", "actors", str(gold), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["overall"]["mentions"] == 1 and report["overall"]["country_org"] == 1.0

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "c1", "text": TEXT}) + "\n", encoding="utf-8")
    out = tmp_path / "bench.json"
    result = run("bench", "stages", "--corpus", str(corpus), "--repeat", "1", "--out", str(out))
    assert result.exit_code == 0, result.output
    bench = json.loads(out.read_text())
    assert set(bench["ratio_to_spacy"]) >= {"spacy", "tacitus_actors", "tacitus_events"}
    assert bench["ratio_to_spacy"]["spacy"] == 1.0


def test_eval_calibrate_writes_a_table_the_loader_reads(tmp_path, nlp):
    from tacitus.ontology.calibration import CALIBRATION
    from tacitus.resources import load_table

    gold = tmp_path / "events.jsonl"
    event = {
        "source": {"text": "Lithuania", "country": "LTU", "org": None, "sector": None},
        "target": None,
        "cameo": "010",
        "root": "01",
        "plover": None,
        "modality": "asserted",
        "trigger": "said",
        "sentence": 0,
    }
    gold.write_text(
        json.dumps({"id": "g1", "published": "2024-03-20", "text": TEXT, "events": [event]}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "calibration.tsv"
    result = run("eval", "calibrate", str(gold), "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = load_table(out, CALIBRATION)
    assert sum(int(r["events"]) for r in rows) >= 1
    assert all(0.0 <= float(r["confidence"]) <= 1.0 for r in rows)
    assert "readings written to" in result.output
