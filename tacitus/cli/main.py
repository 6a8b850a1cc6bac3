"""`tacitus`: code news articles into events, quotes and actors.

Imports here stay light (click only) so `tacitus --help` is instant; spaCy and the
pipeline load inside the commands that need them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tacitus import __version__
from tacitus.cli.options import kb_option, max_chars_option, published_option
from tacitus.errors import TacitusError, UsageError

__all__ = ["main"]

DEFAULT_STORE = "tacitus-data"


class _Group(click.Group):
    """Maps our errors to one clear line and an exit code (1 failure, 2 usage)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UsageError as e:
            click.echo(f"tacitus: usage error: {e}", err=True)
            sys.exit(2)
        except TacitusError as e:
            click.echo(f"tacitus: error: {e}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tacitus")
def main() -> None:
    """Tacitus turns news articles into political event data: actors, CAMEO/PLOVER events,
    quotes with their speakers, places and dates."""


@main.command("code")
@click.argument("paths", nargs=-1, required=True)
@published_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default=None,
    help="Output format [default: table on a terminal, else jsonl].",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "txt", "html", "jsonl"]),
    default="auto",
    show_default=True,
    help="How to read the inputs; auto goes by file extension (stdin: sniffed).",
)
@click.option(
    "--n-process",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes for spaCy's nlp.pipe.",
)
@max_chars_option
@kb_option
def code_command(
    paths: tuple[str, ...],
    published: str | None,
    fmt: str | None,
    input_format: str,
    n_process: int,
    max_chars: int,
    kb_paths: tuple[str, ...],
) -> None:
    """Code articles from PATHS (.txt, .html, .jsonl; '-' reads standard input).

    JSONL output has one line per coded article, in input order, following the output
    contract (docs/output.md). Articles that cannot be read or coded are reported on
    standard error; the exit code is then 1.
    """
    from rich.console import Console

    from tacitus.cli.render import print_table, to_json_line
    from tacitus.config import load_config
    from tacitus.ingest import read_paths
    from tacitus.records import Failure
    from tacitus.run.local import code_articles

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    stdin = [sys.stdin.buffer.read()] if "-" in paths else None
    items = read_paths(
        paths, fmt=input_format, published=published, max_chars=max_chars, stdin=stdin
    )
    console = Console()
    failures = 0
    collected = []
    kb = load_config().with_kb(kb_paths).kb_paths
    for result in code_articles(items, n_process=n_process, kb_paths=kb):
        if isinstance(result, Failure):
            failures += 1
            click.echo(f"tacitus: failed: {result.message}", err=True)
        elif fmt == "jsonl":
            click.echo(to_json_line(result))
        elif fmt == "json":
            collected.append(result.to_dict())
        else:
            print_table(result, console)
    if fmt == "json":
        click.echo(json.dumps(collected, ensure_ascii=False, indent=2))
    if failures:
        click.echo(f"tacitus: {failures} article(s) failed", err=True)
        sys.exit(1)


@main.command("demo")
@click.option(
    "--corpus",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=Path("samples/articles.jsonl"),
    show_default=True,
    help="The corpus to code (JSONL).",
)
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(DEFAULT_STORE),
    show_default=True,
    help="Folder the coded JSONL is written to.",
)
@click.option("--n-process", type=click.IntRange(1, 64), default=1, show_default=True)
@kb_option
def demo_command(corpus: Path, store: Path, n_process: int, kb_paths: tuple[str, ...]) -> None:
    """Code the bundled sample corpus and print a summary of what was found."""
    from rich.console import Console

    from tacitus.cli.render import print_summary, to_json_line
    from tacitus.config import load_config
    from tacitus.ingest import read_paths
    from tacitus.records import Failure
    from tacitus.run.local import code_articles
    from tacitus.run.summary import Summary

    out_dir = store / "demo"
    out_dir.mkdir(parents=True, exist_ok=True)
    out_path = out_dir / f"{corpus.stem}.coded.jsonl"
    tmp_path = out_path.with_suffix(".jsonl.tmp")
    items = list(read_paths([str(corpus)]))
    console = Console(stderr=True)
    summary = Summary()
    with tmp_path.open("w", encoding="utf-8") as out, _progress(console, len(items)) as advance:
        kb = load_config().with_kb(kb_paths).kb_paths
        for result in code_articles(items, n_process=n_process, kb_paths=kb):
            summary.add(result)
            if isinstance(result, Failure):
                console.print(f"[red]failed[/red] {result.message}")
            else:
                out.write(to_json_line(result) + "\n")
            advance()
    tmp_path.replace(out_path)
    print_summary(summary, Console())
    click.echo(f"coded JSONL: {out_path}")


class _progress:
    """A progress bar on a terminal; nothing when the output is redirected."""

    def __init__(self, console, total: int) -> None:
        self.console, self.total = console, total
        self.bar = None

    def __enter__(self):
        if not self.console.is_terminal:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress(
            "coding",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        task = self.bar.add_task("coding", total=self.total)
        self.bar.start()
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _register() -> None:
    from tacitus.cli.bench import bench_group
    from tacitus.cli.evaluate import eval_group
    from tacitus.cli.kb import kb_group
    from tacitus.cli.serve import serve_command
    from tacitus.cli.store import dedupe_command, export_command, ingest_command, query_command

    for command in (ingest_command, dedupe_command, query_command, export_command):
        main.add_command(command)
    main.add_command(bench_group)
    main.add_command(eval_group)
    main.add_command(kb_group)
    main.add_command(serve_command)


_register()
