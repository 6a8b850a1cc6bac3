"""`tacitus quotes`: who said what, from coded articles."""

from __future__ import annotations

import json
import sys

import click

from tacitus.cli.common import coded_documents, input_options

__all__ = ["quotes_command"]


@click.command("quotes")
@click.argument("paths", nargs=-1, required=True)
@click.option("--speaker", metavar="NAME", help="Only quotes by this actor (name, code, id).")
@click.option(
    "--about",
    metavar="NAME",
    help="Only quotes that name this actor (or an event with it), or contain these words.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default=None,
    help="Output format [default: table on a terminal, else jsonl].",
)
@input_options
def quotes_command(
    paths: tuple[str, ...], speaker: str | None, about: str | None, fmt: str | None, **options
) -> None:
    """List the quotes in PATHS with their speaker, the speaker's role on that date, the
    article's date and source.

    --speaker matches the speaker's name or the words naming them in part ("Guterres"), or a
    code, country, organisation or knowledge-base id exactly ("CHNGOV", "NATO").
    """
    from tacitus.run.quotes import select_quotes

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    docs = coded_documents(paths, **options)
    rows = (row for doc in docs for row in select_quotes(doc, speaker=speaker, about=about))
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
    else:
        _print_rows(list(rows))
    docs.exit_on_failures()


def _print_rows(rows: list) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        "date",
        "source",
        "speaker",
        "role",
        "kind",
        "content",
        title=f"{len(rows)} quotes",
        title_justify="left",
        expand=True,
    )
    for row in rows:
        record = row.to_dict()
        speaker = record["speaker"] or record["speaker_text"] or "-"
        if record["speaker_code"] and record["speaker_code"] != speaker:
            speaker += f" ({record['speaker_code']})"
        table.add_row(
            record["published"] or "-",
            record["source"] or "-",
            speaker,
            record["speaker_role"] or "-",
            record["kind"],
            record["content"],
        )
    Console().print(table)
