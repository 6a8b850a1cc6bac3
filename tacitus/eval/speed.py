"""`tacitus bench speed` and `tacitus bench scaling`: throughput, memory and cost per article.

Every configuration runs on the same texts in the same command, each in a fresh process of its
own (spawned), so its peak memory is its own and no configuration inherits another's caches.
Figures are reported as ratios to the bare spaCy pipeline run alongside, so they carry over
from machine to machine; the absolute rates are for this machine only.

What each figure times:
- `spacy`: the bare spaCy pipeline (tokeniser to NER) over the texts, pipeline loaded and
  warmed up first: the ceiling any spaCy-based coder works under.
- `code`: what `tacitus code` does per article (the full pipeline, records, JSON), warmed up.
- `ingest_*`: a whole `tacitus ingest` run into a new store from a cold start, as a user sees
  it: pipeline loading, worker start-up and store writes included (story and event clusters,
  which run once after coding, are timed by `scaling`). Each is also run on the first half of
  the articles: the extra articles over the extra seconds give its marginal rate, free of the
  fixed start-up cost, and the ingest targets compare those rates.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tacitus.records import Article

__all__ = [
    "STAGE_NOTES",
    "bench_scaling",
    "bench_speed",
    "profile_stages",
    "synthetic_corpus",
    "words",
]

# What each stage does, for the report's list of stages costing over 10% of the total.
STAGE_NOTES = {
    "tokenizer": "spaCy's tokeniser: splits the text into tokens",
    "tok2vec": "spaCy's shared CNN: a vector for every token, used by the tagger and parser",
    "tagger": "spaCy's part-of-speech tagger",
    "parser": "spaCy's dependency parser (and sentence boundaries): the syntax that roles, "
    "cues and event arguments are read from",
    "attribute_ruler": "spaCy's rule-based token attributes",
    "lemmatizer": "spaCy's rule-based lemmatiser: base forms the lexicons are keyed on",
    "ner": "spaCy's named-entity recogniser (its own CNN and transition model)",
    "tacitus_actors": "Tacitus actor finding: entity and role spans resolved against the "
    "knowledge base, with dates of office",
    "tacitus_quotes": "Tacitus quotes: direct, indirect and mixed quotations with speakers",
    "tacitus_events": "Tacitus events: verb and noun triggers, arguments, CAMEO/PLOVER codes, "
    "modality, places and dates",
    "records": "turning the annotated Doc into output records (and JSON)",
    "minhash": "MinHash signature of the text for near-duplicate stories",
    "store_write": "Arrow tables and zstd Parquet files of one batch, fsynced",
}
THRESHOLD = 0.10


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def _peak_rss_mb() -> float:
    from tacitus.run.ingest import _peak_rss_mb as peak

    return round(peak(), 1)


# --- the measurements, each run in a spawned process of its own -------------------------------


def _child_spacy(articles: list[Article]) -> tuple[float, float]:
    from tacitus.nlp.pipeline import default_pipeline, make_doc
    from tacitus.run.local import PIPE_BATCH

    nlp = default_pipeline()
    names = [n for n in nlp.pipe_names if not n.startswith("tacitus_")]
    with nlp.select_pipes(enable=names):
        list(nlp.pipe(make_doc(nlp, a) for a in articles[:8]))  # warm-up
        start = time.perf_counter()
        # The batch size `tacitus code` uses (run.local.code_articles), so the two differ only
        # in what Tacitus adds: spaCy's default of 1,000 documents a batch takes 2.5x the memory.
        for _ in nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=PIPE_BATCH):
            pass
        seconds = time.perf_counter() - start
    return seconds, _peak_rss_mb()


def _child_code(articles: list[Article]) -> tuple[float, float]:
    from tacitus.records import CodedDocument
    from tacitus.run.local import code_articles

    list(code_articles(articles[:8]))  # loads and warms the pipeline
    start = time.perf_counter()
    for result in code_articles(articles):
        if isinstance(result, CodedDocument):
            json.dumps(result.to_dict(), ensure_ascii=False)  # what `tacitus code` prints
    return time.perf_counter() - start, _peak_rss_mb()


def _child_ingest(
    articles: list[Article], workers: int, cluster: str | None, batch_size: int
) -> tuple[float, float, float]:
    """Wall-clock seconds of a cold ingest run, peak MB of this process and of the workers."""
    from tacitus.run.ingest import ingest

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        report = ingest(
            [(a.id, a) for a in articles],
            Path(folder) / "store",
            workers=workers,
            cluster=cluster,
            batch_size=batch_size,
        )
        seconds = time.perf_counter() - start
    if report.stored != len(articles):
        raise RuntimeError(f"ingest stored {report.stored} of {len(articles)} articles")
    return seconds, _peak_rss_mb(), round(report.peak_rss_mb, 1)


def _in_own_process(function: Callable, *args) -> tuple:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def bench_speed(
    articles: list[Article],
    *,
    workers: int = 2,
    cluster: bool = True,
    batch_size: int = 16,
    progress: Callable[[str], None] = lambda _: None,
) -> dict:
    """Throughput of the bare spaCy pipeline, `tacitus code` and `tacitus ingest` (1 and
    `workers` processes, and a local Dask cluster of `workers`) on the same articles."""
    runs: dict[str, dict] = {}

    def record(
        name: str,
        seconds: float,
        rss: float,
        worker_rss: float | None = None,
        half_seconds: float | None = None,
    ) -> None:
        runs[name] = {
            "seconds": round(seconds, 3),
            "articles_per_second": round(len(articles) / seconds, 2),
            "words_per_second": round(words(articles) / seconds, 1),
            "peak_rss_mb": rss,
            "worker_peak_rss_mb": worker_rss,
            **_marginal(len(articles), seconds, half_seconds),
        }

    progress("bare spaCy pipeline")
    record("spacy", *_in_own_process(_child_spacy, articles))
    progress("tacitus code")
    record("code", *_in_own_process(_child_code, articles))
    configs: list[tuple[str, int, str | None]] = [
        ("ingest_workers_1", 1, None),
        (f"ingest_workers_{workers}", workers, None),
    ]
    if cluster:
        configs.append((f"ingest_dask_local_{workers}", 1, f"local:{workers}"))
    half = articles[: len(articles) // 2]
    for name, count, address in configs:
        progress(name.replace("_", " "))
        seconds, rss, worker_rss = _in_own_process(
            _child_ingest, articles, count, address, batch_size
        )
        progress(name.replace("_", " ") + ", half the articles")
        half_seconds = _in_own_process(_child_ingest, half, count, address, batch_size)[0]
        record(name, seconds, rss, worker_rss if (count > 1 or address) else None, half_seconds)
    rate = {name: run["articles_per_second"] for name, run in runs.items()}
    for run in runs.values():
        run["ratio_to_spacy"] = round(run["articles_per_second"] / rate["spacy"], 3)
    # Ingest configurations are compared on their marginal rates: start-up (loading a
    # pipeline per worker, starting a cluster) is a fixed cost per run, which a corpus of any
    # size amortises and which is reported on its own; wall-clock ratios are given beside.
    steady = {n: r["marginal_articles_per_second"] for n, r in runs.items()}
    many = f"ingest_workers_{workers}"
    targets = {
        "code_to_spacy": _target(rate["code"] / rate["spacy"], 0.75),
        f"workers_{workers}_to_1": _target(_ratio(steady[many], steady["ingest_workers_1"]), 1.6),
    }
    wall = {f"workers_{workers}_to_1": round(rate[many] / rate["ingest_workers_1"], 3)}
    if cluster:
        dask = f"ingest_dask_local_{workers}"
        targets[f"dask_local_{workers}_to_workers_{workers}"] = _target(
            _ratio(steady[dask], steady[many]), 0.85
        )
        wall[f"dask_local_{workers}_to_workers_{workers}"] = round(rate[dask] / rate[many], 3)
    from tacitus.eval.bench import parallel_ceiling

    progress("machine's parallel ceiling")
    return {
        "articles": len(articles),
        "words": words(articles),
        "batch_size": batch_size,
        "runs": runs,
        "targets": targets,
        "wall_clock_ratios": wall,
        "machine_parallel_ceiling": parallel_ceiling(workers),
    }


def _marginal(n: int, seconds: float, half_seconds: float | None) -> dict:
    """The rate of the second half of the articles (n - n//2 more articles over the extra
    seconds the full run took) and the fixed start-up cost it leaves: a run of n articles
    takes start-up + n / rate."""
    if half_seconds is None or seconds <= half_seconds:
        return {"startup_seconds": None, "marginal_articles_per_second": None}
    rate = (n - n // 2) / (seconds - half_seconds)
    return {
        "startup_seconds": round(max(0.0, seconds - n / rate), 3),
        "marginal_articles_per_second": round(rate, 2),
    }


def _ratio(value: float | None, base: float | None) -> float | None:
    return value / base if value and base else None


def _target(value: float | None, floor: float) -> dict:
    """A ratio against its target; None (not met) when a run was too short to measure."""
    if value is None:
        return {"value": None, "target": floor, "met": False}
    return {"value": round(value, 3), "target": floor, "met": value >= floor}


# --- where the time goes ---------------------------------------------------------------------


def profile_stages(articles: list[Article], *, nlp=None, repeat: int = 1) -> dict:
    """Seconds of every stage of coding and storing the articles, run one after another on
    the same documents (best of `repeat`), and the stages costing over 10% of the total."""
    from datetime import UTC, datetime

    from tacitus.ingest.dedup import minhash_signature
    from tacitus.nlp.pipeline import default_pipeline, make_doc
    from tacitus.nlp.serialize import to_record
    from tacitus.records import StoreItem
    from tacitus.store.rows import batch_tables
    from tacitus.store.writer import _write_tables

    nlp = nlp if nlp is not None else default_pipeline()
    list(nlp.pipe(make_doc(nlp, a) for a in articles[:8]))  # warm-up
    best: dict[str, float] = {}
    clock = time.perf_counter

    def took(name: str, start: float) -> None:
        best[name] = min(best.get(name, float("inf")), clock() - start)

    for _ in range(repeat):
        start = clock()
        docs = [make_doc(nlp, a) for a in articles]
        took("tokenizer", start)
        for name, component in nlp.pipeline:
            start = clock()
            if hasattr(component, "pipe"):  # spaCy's components work in batches
                docs = list(component.pipe(docs))
            else:
                docs = [component(doc) for doc in docs]
            took(name, start)
        start = clock()
        records = [to_record(doc, a) for doc, a in zip(docs, articles, strict=True)]
        took("records", start)
        start = clock()
        signatures = [minhash_signature(a.text) for a in articles]
        took("minhash", start)
        items = [
            StoreItem(a.id, record, a.text, signature)
            for a, record, signature in zip(articles, records, signatures, strict=True)
        ]
        with tempfile.TemporaryDirectory() as folder:
            start = clock()
            tables = batch_tables(items, batch="bench", now=datetime.now(UTC))
            _write_tables(Path(folder) / "batch", tables)
            took("store_write", start)
    total = sum(best.values())
    stages = [
        {
            "stage": name,
            "seconds": round(seconds, 4),
            "share": round(seconds / total, 4),
            "does": STAGE_NOTES.get(name, ""),
        }
        for name, seconds in best.items()
    ]
    return {
        "articles": len(articles),
        "repeat": repeat,
        "total_seconds": round(total, 3),
        "stages": stages,
        "over_10_percent": [name for name, sec in best.items() if sec / total > THRESHOLD],
    }


# --- cost per article as the corpus grows ----------------------------------------------------

# Sentence ends for recombining: good enough for a timing corpus (a split after "Mr." only
# makes a shorter sentence), and no spaCy run is needed to build the corpus.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019)]))\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])"
)


def synthetic_corpus(articles: list[Article], n: int, *, seed: int = 13) -> list[Article]:
    """`n` articles made by recombining the sentences of `articles` (seeded, so the same `n`
    gives the same corpus): each takes the length of a random source article, its sentences
    drawn from the whole pool, and that article's date."""
    rng = random.Random(seed)
    pool = [s for a in articles for s in _SENTENCE_END.split(a.text.strip()) if len(s) > 20]
    if len(pool) < 2:
        raise ValueError("too few sentences to recombine")
    made = []
    for k in range(n):
        model = rng.choice(articles)
        count = max(3, min(40, len(_SENTENCE_END.split(model.text.strip()))))
        text = " ".join(rng.choice(pool) for _ in range(count))
        made.append(Article(f"synthetic-{n}-{k:06d}", text, published=model.published))
    return made


def bench_scaling(
    articles: list[Article],
    sizes: tuple[int, ...] = (100, 1000, 10_000),
    *,
    batch_size: int = 64,
    progress: Callable[[str], None] = lambda _: None,
) -> dict:
    """Cost per article of `tacitus ingest` (one process, into a new store) and of the story
    and event clustering after it, at each corpus size: flat costs mean linear growth."""
    from tacitus.nlp.pipeline import default_pipeline
    from tacitus.run.ingest import ingest
    from tacitus.store import StoreWriter
    from tacitus.store.clusters import recluster

    default_pipeline()  # loaded once, outside the timings: the cost per article is measured
    rows = []
    for n in sorted(sizes):
        corpus = synthetic_corpus(articles, n)
        progress(f"{n:,} articles")
        with tempfile.TemporaryDirectory() as folder:
            store = Path(folder) / "store"
            start = time.perf_counter()
            report = ingest([(a.id, a) for a in corpus], store, batch_size=batch_size)
            coding = time.perf_counter() - start
            start = time.perf_counter()
            with StoreWriter(store) as writer:
                recluster(writer)
            clustering = time.perf_counter() - start
        rows.append(
            {
                "articles": n,
                "stored": report.stored,
                "words": words(corpus),
                "ingest_seconds": round(coding, 3),
                "cluster_seconds": round(clustering, 3),
                "ingest_ms_per_article": round(1000 * coding / n, 2),
                "cluster_ms_per_article": round(1000 * clustering / n, 3),
                "peak_rss_mb": _peak_rss_mb(),
            }
        )
    base = rows[0]["ingest_ms_per_article"] + rows[0]["cluster_ms_per_article"]
    for row in rows:
        total = row["ingest_ms_per_article"] + row["cluster_ms_per_article"]
        row["cost_ratio_to_smallest"] = round(total / base, 3)
    return {"sizes": rows, "batch_size": batch_size}


# --- accuracy in one table ---------------------------------------------------------------------


def bench_accuracy(gold: dict[str, Path] | None = None, *, nlp=None) -> dict:
    """The headline `tacitus eval` scores on our gold sets, as rows of (set, metric, value)."""
    from tacitus.eval.run import DEFAULT_GOLD, eval_actors, eval_events, eval_quotes

    paths = {k: Path(v) for k, v in (gold or DEFAULT_GOLD).items()}
    rows: list[dict] = []

    def add(kind: str, metric: str, value: float | None, n: int | None = None) -> None:
        if value is not None:
            rows.append({"set": kind, "metric": metric, "value": round(value, 4), "n": n})

    actors = eval_actors(paths["actors"], nlp=nlp).to_dict()
    overall = actors["overall"]
    for metric in ("found", "country_org", "sector", "kb_id"):
        add("actors", metric, overall[metric], overall["mentions"])
    add("actors", "places_not_actors", actors["places_not_actors"], actors["places"])
    for by in ("plover", "cameo"):
        events = eval_events(paths["events"], by=by, nlp=nlp).to_dict()
        for metric in ("precision", "recall", "f1"):
            add("events", f"{by}_{metric}", events["overall"][metric], events["overall"]["gold"])
        if by == "plover":
            add("events", "modality_agreement", events.get("modality_agreement"))
            calibration = events.get("calibration", {})
            high = calibration.get("precision_at_or_above_0.8")
            add("events", "precision_at_confidence_0.8", high, calibration.get(
                "events_at_or_above_0.8"))  # fmt: skip
    quotes = eval_quotes(paths["quotes"], nlp=nlp).to_dict()
    for metric in ("precision", "recall", "f1"):
        add("quotes", f"content_{metric}", quotes["content"][metric], quotes["content"]["gold"])
    add("quotes", "speaker_accuracy", quotes["speaker_accuracy"])
    return {"gold": {k: str(v) for k, v in paths.items()}, "scores": rows}
