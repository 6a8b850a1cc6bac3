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
from tacitus.cli.common import coded_documents, input_options
from tacitus.cli.options import kb_option
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default=None,
    help="Output format [default: table on a terminal, else jsonl].",
)
@input_options
def code_command(paths: tuple[str, ...], fmt: str | None, **options) -> None:
    """Code articles from PATHS (.txt, .html, .jsonl; '-' reads standard input).

    JSONL output has one line per coded article, in input order, following the output
    contract (docs/output.md). Articles that cannot be read or coded are reported on
    standard error; the exit code is then 1.
    """
    from rich.console import Console

    from tacitus.cli.render import print_table, to_json_line

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    console = Console()
    collected = []
    docs = coded_documents(paths, **options)
    for doc in docs:
        if fmt == "jsonl":
            click.echo(to_json_line(doc))
        elif fmt == "json":
            collected.append(doc.to_dict())
        else:
            print_table(doc, console)
    if fmt == "json":
        click.echo(json.dumps(collected, ensure_ascii=False, indent=2))
    docs.exit_on_failures()


@main.command("demo")
@click.option(
    "--corpus",
    type=click.Path(exists=True, path_type=Path),
    default=Path("samples"),
    show_default=True,
    help="The corpus to code: a file or folder `tacitus ingest` reads.",
)
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(DEFAULT_STORE),
    show_default=True,
    help="The store the corpus is coded into.",
)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@kb_option
def demo_command(corpus: Path, store: Path, workers: int, kb_paths: tuple[str, ...]) -> None:
    """Code the bundled sample corpus into the store and print a summary of what is there.

    Articles already in the store are not coded again. The newly coded articles are also
    written as JSONL in the output contract (docs/output.md) under STORE/demo/.
    """
    import shutil
    import tempfile

    from rich.console import Console

    from tacitus.cli.progress import IngestProgress
    from tacitus.cli.render import print_summary, to_json_line
    from tacitus.config import load_config
    from tacitus.ingest.sources import ReadOptions, read_sources
    from tacitus.records import CodedDocument
    from tacitus.run.ingest import ingest
    from tacitus.run.summary import summarize_store
    from tacitus.store import StoreWriter
    from tacitus.store.clusters import recluster

    out_path = store / "demo" / f"{corpus.stem}.coded.jsonl"
    # written beside the store until the run ends: a new store must start in an empty folder
    tmp_path = Path(tempfile.mkstemp(prefix="tacitus-demo-", suffix=".jsonl")[1])
    console = Console(stderr=True)
    kb = load_config().with_kb(kb_paths).kb_paths
    items = read_sources([str(corpus)], ReadOptions())
    with tmp_path.open("w", encoding="utf-8") as out, IngestProgress(console, None) as progress:

        def write(stored) -> None:
            for item in stored:
                if isinstance(item.result, CodedDocument):
                    out.write(to_json_line(item.result) + "\n")

        report = ingest(
            items, store, workers=workers, kb_paths=kb, on_batch=progress.update, on_items=write
        )
    if report.stored:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(tmp_path, out_path)
    else:
        tmp_path.unlink()
    with StoreWriter(store) as writer:
        clusters = recluster(writer)
    print_summary(summarize_store(store), Console())
    click.echo(
        f"coded {report.stored} new articles ({report.skipped} already in the store); "
        f"{clusters.events} events in {clusters.event_clusters} event clusters"
    )
    if out_path.exists():
        click.echo(f"coded JSONL: {out_path}")
    click.echo(f'store: {store}  (try: tacitus query --store {store} "SELECT * FROM events")')
    click.echo(f"dashboard: tacitus serve --store {store}")


def _register() -> None:
    from tacitus.cli.bench import bench_group
    from tacitus.cli.evaluate import eval_group
    from tacitus.cli.kb import kb_group
    from tacitus.cli.quotes import quotes_command
    from tacitus.cli.serve import serve_command
    from tacitus.cli.store import dedupe_command, export_command, ingest_command, query_command

    for command in (ingest_command, dedupe_command, query_command, export_command):
        main.add_command(command)
    main.add_command(bench_group)
    main.add_command(eval_group)
    main.add_command(kb_group)
    main.add_command(quotes_command)
    main.add_command(serve_command)


_register()
