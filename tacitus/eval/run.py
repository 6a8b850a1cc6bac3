"""Coding gold items with the pipeline and dispatching to the scorers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from tacitus.errors import DataError
from tacitus.eval.actors import ActorReport, score_actors
from tacitus.eval.events import EventReport, score_gold_events, score_plover
from tacitus.eval.gold import read_jsonl, read_plover_records
from tacitus.eval.quotes import QuoteReport, score_quotes
from tacitus.records import Article, CodedDocument, Failure
from tacitus.run.local import code_articles

__all__ = ["DEFAULT_GOLD", "eval_actors", "eval_events", "eval_quotes", "is_plover"]

DEFAULT_GOLD = {
    "actors": "gold/actors.jsonl",
    "events": "gold/events.jsonl",
    "quotes": "gold/quotes.jsonl",
}


def code_all(
    articles: Iterable[Article], *, kb_paths: Iterable[str] = (), nlp=None
) -> dict[str, CodedDocument]:
    """Code gold items; a gold item the pipeline cannot code is an error in the gold set."""
    coded = {}
    for result in code_articles(articles, nlp=nlp, kb_paths=kb_paths):
        if isinstance(result, Failure):
            raise DataError(f"gold item {result.id} could not be coded: {result.message}")
        coded[result.id] = result
    return coded


def eval_actors(path: Path, *, kb_paths: Iterable[str] = (), nlp=None) -> ActorReport:
    items = read_jsonl(path, required=("mentions",))
    articles = [Article(i.id, i.text, published=i.published) for i in items]
    return score_actors(items, code_all(articles, kb_paths=kb_paths, nlp=nlp))


def eval_quotes(path: Path, *, kb_paths: Iterable[str] = (), nlp=None) -> QuoteReport:
    items = read_jsonl(path, required=("quotes",))
    articles = [Article(i.id, i.text, published=i.published) for i in items]
    return score_quotes(items, code_all(articles, kb_paths=kb_paths, nlp=nlp))


def is_plover(path: Path) -> bool:
    """A PLOVER gold file or folder, rather than our JSONL."""
    if path.is_dir():
        return True
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    return '"event"' in head and '"events"' not in head


def eval_events(
    path: Path, *, by: str = "plover", kb_paths: Iterable[str] = (), nlp=None
) -> EventReport:
    if is_plover(path):
        records, skipped = read_plover_records(path)
        articles = [Article(r.id, r.text, published="2000-01-01") for r in records]
        report = score_plover(records, code_all(articles, kb_paths=kb_paths, nlp=nlp))
        report.extra["skipped_records"] = skipped
        return report
    items = read_jsonl(path, required=("events",))
    articles = [Article(i.id, i.text, published=i.published) for i in items]
    return score_gold_events(items, code_all(articles, kb_paths=kb_paths, nlp=nlp), by=by)


def to_json(report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
