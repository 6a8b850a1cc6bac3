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


def _web_events(name: str, help: str):
    return click.option(
        name, type=click.IntRange(1000, 50_000_000), default=1_000_000, show_default=True,
        help=help,
    )  # fmt: skip


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
@_web_events("--events", "Size of the synthetic store made (once) when no --store is given.")
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
    from tacitus.cli.bench_tables import print_web

    _emit(_web(store, events, synthetic_dir, repeat), print_web, out)


def _emit(result: dict, show, out: Path | None) -> None:
    """Print a benchmark's table and, with --out, write its JSON."""
    from rich.console import Console

    from tacitus.eval.bench import write_json

    show(Console(), result)
    if out is not None:
        write_json(out, result)
        click.echo(f"results: {out}")


def _web(store: Path | None, events: int, synthetic_dir: Path | None, repeat: int) -> dict:
    from rich.console import Console

    from tacitus.web.bench import BUDGET_MS, bench_web, synthetic_store

    if store is None:
        folder = synthetic_dir or Path("build") / f"bench-store-{events}"
        Console(stderr=True).print(f"synthetic store of {events:,} events: {folder}")
        store = synthetic_store(folder, events=events)
    return {"benchmark": "web", "budget_ms": BUDGET_MS, **bench_web(store, repeat=repeat)}


_CORPUS = click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("samples/articles.jsonl"),
    show_default=True,
    help="The articles timed (and, for scaling, recombined).",
)


def _say(message: str) -> None:
    click.echo(f"  ... {message}", err=True)


def _speed(corpus: Path, copies: int, workers: int, cluster: bool, batch_size: int) -> dict:
    from tacitus.eval.bench import copies as multiply
    from tacitus.eval.bench import load_texts
    from tacitus.eval.speed import bench_speed, profile_stages

    articles = multiply(load_texts(corpus), copies)
    result = bench_speed(
        articles, workers=workers, cluster=cluster, batch_size=batch_size, progress=_say
    )
    _say("stage profile")
    result["profile"] = profile_stages(articles)
    return {"benchmark": "speed", "corpus": str(corpus), "copies": copies, **result}


def _speed_options(function):
    for option in reversed(
        [
            _CORPUS,
            click.option(
                "--copies",
                type=click.IntRange(1, 100),
                default=2,
                show_default=True,
                help="Code each article this many times (distinct texts): steadier figures.",
            ),
            click.option(
                "--workers",
                type=click.IntRange(2, 64),
                default=2,
                show_default=True,
                help="Processes (and Dask workers) compared against one.",
            ),
            click.option(
                "--cluster/--no-cluster",
                default=True,
                show_default=True,
                help="Also time a local Dask cluster (needs tacitus[dask]).",
            ),
            click.option(
                "--batch-size", type=click.IntRange(1, 10_000), default=16, show_default=True
            ),
        ]
    ):
        function = option(function)
    return function


@bench_group.command("speed")
@_speed_options
@_OUT
def speed_command(
    corpus: Path, copies: int, workers: int, cluster: bool, batch_size: int, out: Path | None
) -> None:
    """Articles/s, words/s and peak memory of the bare spaCy pipeline, `tacitus code` and
    `tacitus ingest` (1 and N workers, a local Dask cluster of N) on the same texts, with
    their ratios to spaCy and where the time goes (stages over 10% named)."""
    from tacitus.cli.bench_tables import print_speed

    _emit(_speed(corpus, copies, workers, cluster, batch_size), print_speed, out)


def _sizes(value: str) -> tuple[int, ...]:
    try:
        sizes = tuple(sorted({int(v) for v in value.split(",") if v.strip()}))
    except ValueError:
        sizes = ()
    if not sizes or sizes[0] < 10:
        raise click.BadParameter(f"{value!r}: give article counts of 10 or more, e.g. 100,1000")
    return sizes


_SIZES = click.option(
    "--sizes",
    default="100,1000,10000",
    show_default=True,
    help="Corpus sizes (articles), comma-separated.",
)


@bench_group.command("scaling")
@_CORPUS
@_SIZES
@_OUT
def scaling_command(corpus: Path, sizes: str, out: Path | None) -> None:
    """Cost per article of `tacitus ingest` and of clustering as a synthetic corpus (the
    samples' sentences recombined) grows: a flat cost ratio means linear growth."""
    from tacitus.cli.bench_tables import print_scaling

    _emit(_scaling(corpus, sizes), print_scaling, out)


def _scaling(corpus: Path, sizes: str) -> dict:
    from tacitus.eval.bench import load_texts
    from tacitus.eval.speed import bench_scaling

    result = bench_scaling(load_texts(corpus), _sizes(sizes), progress=_say)
    return {"benchmark": "scaling", "corpus": str(corpus), **result}


@bench_group.command("accuracy")
@_OUT
def accuracy_command(out: Path | None) -> None:
    """The `tacitus eval` headline scores on the gold sets in gold/, in one table."""
    from tacitus.cli.bench_tables import print_accuracy

    _emit(_accuracy(), print_accuracy, out)


def _accuracy() -> dict:
    from tacitus.eval.speed import bench_accuracy

    return {"benchmark": "accuracy", **bench_accuracy()}


@bench_group.command("all")
@_speed_options
@_SIZES
@_web_events("--web-events", "Events of the synthetic store the dashboard is timed on.")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build/bench"),
    show_default=True,
    help="Where speed.json, scaling.json, accuracy.json and web.json are written.",
)
def all_command(
    corpus: Path,
    copies: int,
    workers: int,
    cluster: bool,
    batch_size: int,
    sizes: str,
    web_events: int,
    out_dir: Path,
) -> None:
    """speed, scaling, accuracy and web in one run, each written as JSON to --out-dir."""
    from rich.console import Console

    from tacitus.cli import bench_tables
    from tacitus.eval.bench import write_json

    console = Console()
    steps = (
        ("speed", lambda: _speed(corpus, copies, workers, cluster, batch_size),
         bench_tables.print_speed),
        ("scaling", lambda: _scaling(corpus, sizes), bench_tables.print_scaling),
        ("accuracy", _accuracy, bench_tables.print_accuracy),
        ("web", lambda: _web(None, web_events, None, 5), bench_tables.print_web),
    )  # fmt: skip
    for name, run, show in steps:
        click.echo(f"{name}:", err=True)
        result = run()
        show(console, result)
        write_json(out_dir / f"{name}.json", result)
    click.echo(f"results: {out_dir}/{{speed,scaling,accuracy,web}}.json")
