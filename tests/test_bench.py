"""`tacitus bench speed|scaling|accuracy`: the figures are there, consistent with each other,
and made on the texts they claim (no timing is asserted: speed is measured, not tested)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tacitus.cli.main import main
from tacitus.eval.bench import load_texts
from tacitus.eval.speed import STAGE_NOTES, profile_stages, synthetic_corpus, words

from conftest import ROOT

SAMPLES = ROOT / "samples" / "articles.jsonl"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_synthetic_corpus_recombines_sample_sentences_reproducibly():
    articles = load_texts(SAMPLES)
    corpus = synthetic_corpus(articles, 40)
    assert [a.text for a in corpus] == [a.text for a in synthetic_corpus(articles, 40)]
    assert len({a.text for a in corpus}) == 40 and len({a.id for a in corpus}) == 40
    pool = " ".join(a.text for a in articles)
    first = corpus[0].text.split(". ")[0]
    assert first in pool and corpus[0].text not in pool  # sample sentences, a new article
    dates = {a.published for a in articles}
    assert all(a.published in dates for a in corpus)


@pytest.mark.slow
def test_the_stage_profile_covers_every_stage_and_names_the_big_ones(nlp):
    articles = load_texts(SAMPLES, limit=4)
    profile = profile_stages(articles, nlp=nlp)
    names = [s["stage"] for s in profile["stages"]]
    assert names[0] == "tokenizer" and names[-3:] == ["records", "minhash", "store_write"]
    assert set(nlp.pipe_names) <= set(names)
    assert sum(s["share"] for s in profile["stages"]) == pytest.approx(1.0, abs=0.01)
    big = [s["stage"] for s in profile["stages"] if s["share"] > 0.10]
    assert profile["over_10_percent"] == big and big
    assert all(s["does"] == STAGE_NOTES[s["stage"]] for s in profile["stages"])


@pytest.mark.slow
def test_bench_scaling_reports_cost_per_article_at_each_size(tmp_path, nlp):
    out = tmp_path / "scaling.json"
    result = run("bench", "scaling", "--sizes", "20,10", "--out", out)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    rows = report["sizes"]
    assert [r["articles"] for r in rows] == [10, 20]
    assert [r["stored"] for r in rows] == [10, 20]
    assert rows[0]["cost_ratio_to_smallest"] == 1.0
    for row in rows:
        assert row["ingest_ms_per_article"] == pytest.approx(
            1000 * row["ingest_seconds"] / row["articles"], rel=0.01
        )
    assert "Scaling: cost per article" in result.output
    bad = run("bench", "scaling", "--sizes", "5")
    assert bad.exit_code != 0 and "article counts of 10 or more" in bad.output


@pytest.mark.slow
def test_bench_speed_times_every_configuration_on_the_same_texts(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(SAMPLES.read_text().splitlines()[:4]) + "\n", encoding="utf-8")
    out = tmp_path / "speed.json"
    result = run(
        "bench", "speed", "--corpus", corpus, "--copies", "1", "--batch-size", "1",
        "--no-cluster", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    runs = report["runs"]
    assert list(runs) == ["spacy", "code", "ingest_workers_1", "ingest_workers_2"]
    assert report["words"] == words(load_texts(corpus))
    for name, figures in runs.items():
        assert figures["articles_per_second"] == pytest.approx(4 / figures["seconds"], rel=0.02)
        assert figures["peak_rss_mb"] > 100, name  # each ran in its own process with spaCy
    assert runs["spacy"]["ratio_to_spacy"] == 1.0
    assert runs["ingest_workers_2"]["worker_peak_rss_mb"] > 100
    for name in ("ingest_workers_1", "ingest_workers_2"):
        figures = runs[name]
        rate, startup = figures["marginal_articles_per_second"], figures["startup_seconds"]
        assert rate > 0 and 0 <= startup < figures["seconds"]
        assert startup + 4 / rate == pytest.approx(figures["seconds"], abs=0.01)
    assert runs["code"]["marginal_articles_per_second"] is None
    two = report["targets"]["workers_2_to_1"]
    rates = [runs[f"ingest_workers_{n}"]["marginal_articles_per_second"] for n in (2, 1)]
    assert two["value"] == pytest.approx(rates[0] / rates[1], abs=0.005)
    assert two["met"] == (two["value"] >= 1.6)
    code = report["targets"]["code_to_spacy"]
    assert code["value"] == pytest.approx(runs["code"]["ratio_to_spacy"], abs=0.002)
    assert set(report["targets"]) == {"code_to_spacy", "workers_2_to_1"}
    assert report["profile"]["over_10_percent"]
    assert "Where the time goes" in result.output


@pytest.mark.slow
def test_bench_accuracy_gathers_the_eval_scores(tmp_path, nlp):
    out = tmp_path / "accuracy.json"
    result = run("bench", "accuracy", "--out", out)
    assert result.exit_code == 0, result.output
    scores = {(r["set"], r["metric"]): r["value"] for r in json.loads(out.read_text())["scores"]}
    from tacitus.eval.run import eval_quotes

    quotes = eval_quotes(ROOT / "gold" / "quotes.jsonl", nlp=nlp)
    assert scores[("quotes", "content_f1")] == round(quotes.overall.f1, 4)
    assert {("actors", "country_org"), ("events", "plover_f1"), ("events", "cameo_f1")} <= set(
        scores
    )
