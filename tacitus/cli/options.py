"""Options shared by several commands, defined once so their help reads the same."""

from __future__ import annotations

import click

__all__ = ["kb_option", "max_chars_option", "published_option"]

kb_option = click.option(
    "--kb",
    "kb_paths",
    multiple=True,
    metavar="PATH",
    help="Extra knowledge tables (a .tsv file or a folder); repeatable.",
)
max_chars_option = click.option(
    "--max-chars",
    type=click.IntRange(1),
    default=200_000,
    show_default=True,
    help="Articles longer than this are reported as failures, not coded.",
)
published_option = click.option(
    "--published",
    metavar="YYYY-MM-DD",
    help="Publication date for articles that do not carry one (resolves 'on Tuesday').",
)
