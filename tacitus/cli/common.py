"""What the commands that read and code articles share: their options and their loop."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import click

from tacitus.cli.options import kb_option, max_chars_option, published_option
from tacitus.records import CodedDocument

__all__ = ["coded_documents", "input_options"]


def input_options(command: Callable) -> Callable:
    """--published, --input-format, --n-process, --max-chars and --kb, in this order."""
    options = [
        published_option,
        click.option(
            "--input-format",
            type=click.Choice(["auto", "txt", "html", "jsonl"]),
            default="auto",
            show_default=True,
            help="How to read the inputs; auto goes by file extension (stdin: sniffed).",
        ),
        click.option(
            "--n-process",
            type=click.IntRange(1, 64),
            default=1,
            show_default=True,
            help="Processes for spaCy's nlp.pipe.",
        ),
        max_chars_option,
        kb_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


class coded_documents:
    """Iterates the coded documents of PATHS, reporting each failure on standard error.

    `failures` counts them once the iteration is done, for the command's exit code.
    """

    def __init__(
        self,
        paths: tuple[str, ...],
        *,
        published: str | None,
        input_format: str,
        n_process: int,
        max_chars: int,
        kb_paths: tuple[str, ...],
    ) -> None:
        self.paths, self.published, self.input_format = paths, published, input_format
        self.n_process, self.max_chars, self.kb_paths = n_process, max_chars, kb_paths
        self.failures = 0

    def __iter__(self) -> Iterator[CodedDocument]:
        from tacitus.config import load_config
        from tacitus.ingest import read_paths
        from tacitus.records import Failure
        from tacitus.run.local import code_articles

        stdin = [sys.stdin.buffer.read()] if "-" in self.paths else None
        items = read_paths(
            self.paths,
            fmt=self.input_format,
            published=self.published,
            max_chars=self.max_chars,
            stdin=stdin,
        )
        kb = load_config().with_kb(self.kb_paths).kb_paths
        for result in code_articles(items, n_process=self.n_process, kb_paths=kb):
            if isinstance(result, Failure):
                self.failures += 1
                click.echo(f"tacitus: failed: {result.message}", err=True)
            else:
                yield result

    def exit_on_failures(self) -> None:
        if self.failures:
            click.echo(f"tacitus: {self.failures} article(s) failed", err=True)
            sys.exit(1)
