"""`tacitus bench ...`: speed measured as ratios against a baseline in the same run."""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["bench_group"]

_OUT = click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the results as JSON to this file.",
)


@click.group("bench")
def bench_group() -> None:
    """Benchmarks: what each stage costs, as ratios against a baseline run alongside."""


@bench_group.command("stages")
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("samples/articles.jsonl"),
    show_default=True,
)
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True)
@_OUT
def stages_command(corpus: Path, repeat: int, out: Path | None) -> None:
    """Time of each Tacitus component against the bare spaCy pipeline on the same texts."""
    from rich.console import Console
    from rich.table import Table

    from tacitus.eval.bench import bench_stages, load_texts, write_json

    times = bench_stages(load_texts(corpus), repeat=repeat)
    payload = {"benchmark": "stages", "corpus": str(corpus), **times.to_dict()}
    table = Table(
        "stage",
        f"seconds (best of {repeat})",
        "ratio to spaCy",
        title=f"{times.articles} articles, {times.words:,} words",
        title_justify="left",
    )
    for name, seconds in times.seconds.items():
        table.add_row(name, f"{seconds:.3f}", f"{seconds / times.spacy:.3f}")
    Console().print(table)
    if out is not None:
        write_json(out, payload)
        click.echo(f"results: {out}")


@bench_group.command("kb")
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True)
@_OUT
def kb_command(repeat: int, out: Path | None) -> None:
    """Time to read and index the knowledge tables from disk."""
    from tacitus.eval.bench import bench_kb, write_json

    result = {"benchmark": "kb", **bench_kb(repeat)}
    click.echo(json.dumps(result, indent=2))
    if out is not None:
        write_json(out, result)


@bench_group.command("quotes")
@click.option(
    "--gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("gold/quotes.jsonl"),
    show_default=True,
)
@_OUT
def quotes_command(gold: Path, out: Path | None) -> None:
    """Tacitus against textacy's direct_quotations on the gold direct quotes (needs textacy,
    a development extra)."""
    from rich.console import Console
    from rich.table import Table

    from tacitus.eval.bench import write_json
    from tacitus.eval.compare import compare_direct_quotes

    result = compare_direct_quotes(gold).to_dict()
    table = Table(
        "extractor",
        "precision",
        "recall",
        "F1",
        "speaker found",
        "articles given up",
        title=f"Direct quotes: {result['gold_direct_quotes']} in {result['articles']} articles",
        title_justify="left",
    )
    for name, score in result["systems"].items():
        table.add_row(
            name,
            f"{score['precision']:.3f}",
            f"{score['recall']:.3f}",
            f"{score['f1']:.3f}",
            "-" if score["speaker_found"] is None else f"{score['speaker_found']:.3f}",
            str(score["articles_given_up"]),
        )
    Console().print(table)
    if out is not None:
        write_json(out, {"benchmark": "quotes", "gold": str(gold), **result})
        click.echo(f"results: {out}")


@bench_group.command("web")
@click.option(
    "--store",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Time this store instead of a synthetic one.",
)
@click.option(
    "--events",
    type=click.IntRange(1000, 50_000_000),
    default=1_000_000,
    show_default=True,
    help="Size of the synthetic store made (once) when no --store is given.",
)
@click.option(
    "--synthetic-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the synthetic store is kept and reused [default: build/bench-store-EVENTS].",
)
@click.option("--repeat", type=click.IntRange(1, 50), default=5, show_default=True)
@_OUT
def web_command(
    store: Path | None, events: int, synthetic_dir: Path | None, repeat: int, out: Path | None
) -> None:
    """Time every dashboard page and API endpoint over HTTP (budget: 500 ms each)."""
    from rich.console import Console
    from rich.table import Table

    from tacitus.eval.bench import write_json
    from tacitus.web.bench import BUDGET_MS, bench_web, synthetic_store

    console = Console(stderr=True)
    if store is None:
        folder = synthetic_dir or Path("build") / f"bench-store-{events}"
        console.print(f"synthetic store of {events:,} events: {folder}")
        store = synthetic_store(folder, events=events)
    result = bench_web(store, repeat=repeat)
    table = Table(
        "endpoint", "status", "first ms", "median ms", "max ms",
        title=f"{result['events']:,} events; store opened in {result['open_ms']:.0f} ms",
        title_justify="left",
    )  # fmt: skip
    for row in result["urls"]:
        slow = max(row["first_ms"], row["max_ms"]) >= BUDGET_MS
        name = f"[red]{row['name']}[/red]" if slow else row["name"]
        table.add_row(
            name,
            str(row["status"]),
            *(f"{row[k]:.1f}" for k in ("first_ms", "median_ms", "max_ms")),
        )
    Console().print(table)
    verdict = "within" if result["within_budget"] else "OVER"
    click.echo(f"slowest: {result['slowest_ms']:.1f} ms ({verdict} the {BUDGET_MS:.0f} ms budget)")
    if out is not None:
        write_json(out, result)
        click.echo(f"results: {out}")


@bench_group.command("ingest")
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("samples/articles.jsonl"),
    show_default=True,
)
@click.option(
    "--copies",
    type=click.IntRange(1, 100),
    default=4,
    show_default=True,
    help="Code each article this many times (distinct texts) for steadier figures.",
)
@click.option(
    "--workers",
    type=click.IntRange(2, 64),
    default=2,
    show_default=True,
    help="Workers compared against --workers 1.",
)
@click.option("--repeat", type=click.IntRange(1, 20), default=1, show_default=True)
@_OUT
def ingest_command(corpus: Path, copies: int, workers: int, repeat: int, out: Path | None) -> None:
    """Ingest throughput: --workers 1 against `tacitus code`, --workers N against 1, peak RSS."""
    from tacitus.eval.bench import bench_ingest, load_texts, write_json
    from tacitus.eval.bench import copies as multiply

    articles = multiply(load_texts(corpus), copies)
    result = {"benchmark": "ingest", "corpus": str(corpus), "copies": copies,
              **bench_ingest(articles, repeat=repeat, workers=workers)}  # fmt: skip
    click.echo(json.dumps(result, indent=2))
    if out is not None:
        write_json(out, result)
