"""The bundled sample corpus: enough articles, well formed, readable by the readers."""

from __future__ import annotations

import json
from datetime import date

from tacitus.ingest import read_paths
from tacitus.records import Article

from conftest import ROOT

CORPUS = ROOT / "samples" / "articles.jsonl"


def test_at_least_thirty_articles_with_their_fields():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 30
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["title"] and row["text"]
        assert date(2014, 1, 1) <= date.fromisoformat(row["published"]) <= date(2025, 12, 31)


def test_every_sample_reads_cleanly():
    results = list(read_paths([str(CORPUS)]))
    assert all(isinstance(r, Article) for r in results), [
        r for r in results if not isinstance(r, Article)
    ]
