"""`tacitus bench`: what each stage costs, measured side by side in one process.

Figures are ratios against a baseline run on the same texts in the same run (the bare spaCy
pipeline), so they mean the same on a fast or a slow machine. Timings use the best of
`repeat` runs to keep one-off noise (a page fault, another process) out.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.records import Article

__all__ = ["StageTimes", "bench_kb", "bench_stages", "load_texts"]


@dataclass
class StageTimes:
    articles: int
    words: int
    repeat: int
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def spacy(self) -> float:
        return self.seconds["spacy"]

    def ratios(self) -> dict[str, float]:
        return {name: round(value / self.spacy, 4) for name, value in self.seconds.items()}

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "words": self.words,
            "repeat": self.repeat,
            "seconds": {k: round(v, 4) for k, v in self.seconds.items()},
            "ratio_to_spacy": self.ratios(),
            "words_per_second_spacy": round(self.words / self.spacy, 1) if self.spacy else None,
        }


def load_texts(path: Path, limit: int | None = None) -> list[Article]:
    from tacitus.ingest import read_paths

    articles = [a for a in read_paths([str(path)]) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def bench_stages(articles: list[Article], *, repeat: int = 3, nlp=None) -> StageTimes:
    """Time the bare spaCy pipeline, then each Tacitus component on the parsed docs."""
    from tacitus.nlp.pipeline import default_pipeline, make_doc

    nlp = nlp if nlp is not None else default_pipeline()
    spacy_names = [n for n in nlp.pipe_names if not n.startswith("tacitus_")]
    times = StageTimes(len(articles), sum(len(a.text.split()) for a in articles), repeat)
    parsed: list = []

    def parse() -> None:
        parsed.clear()
        docs = [make_doc(nlp, a) for a in articles]
        with nlp.select_pipes(enable=spacy_names):
            parsed.extend(nlp.pipe(docs))

    times.seconds["spacy"] = _best(parse, repeat)
    for name in nlp.pipe_names:
        if name.startswith("tacitus_"):
            times.seconds[name] = _best(_runner(nlp.get_pipe(name), parsed), repeat)
    times.seconds["tacitus_total"] = sum(
        v for k, v in times.seconds.items() if k.startswith("tacitus_") and k != "tacitus_total"
    )
    return times


def _runner(component: Callable, docs: list) -> Callable[[], object]:
    return lambda: [component(doc) for doc in docs]


def bench_kb(repeat: int = 3) -> dict:
    """Seconds to read and index every knowledge table from disk (caches cleared)."""
    from tacitus.kb.base import _load_kb
    from tacitus.resources import load_bundled

    def load() -> None:
        load_bundled.cache_clear()
        _load_kb.cache_clear()
        _load_kb(())

    seconds = _best(load, repeat)
    kb = _load_kb(())
    return {
        "seconds": round(seconds, 4),
        "repeat": repeat,
        "names": len(kb.names),
        "office_terms": sum(len(t) for t in kb.terms.values()),
        "roles": len(kb.roles),
    }


def write_json(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def _burn(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def parallel_ceiling(workers: int, n: int = 10_000_000) -> float:
    """Speed-up of `workers` processes over one on pure CPU work: what any pool can reach
    on this machine (2.0 on two free cores; less where virtual CPUs share a core)."""
    from concurrent.futures import ProcessPoolExecutor

    one = _burn(n)
    with ProcessPoolExecutor(workers) as pool:
        start = time.perf_counter()
        list(pool.map(_burn, [n] * workers))
        many = time.perf_counter() - start
    return round(workers * one / many, 3)


def copies(articles: list[Article], n: int) -> list[Article]:
    """`n` copies of each article, each with a distinct text (a numbered last line), so an
    ingest codes every one: a bigger corpus from the samples for throughput figures."""
    from dataclasses import replace

    return [
        replace(a, id=f"{a.id}#{k}", text=f"{a.text}\n\n(Copy {k}.)") if k else a
        for k in range(n)
        for a in articles
    ]
