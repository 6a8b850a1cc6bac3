"""`tacitus kb ...`: look up, import and check knowledge-base tables."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from tacitus.errors import UsageError

__all__ = ["kb_group"]


def _day(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--on: '{value}' is not a date in the form YYYY-MM-DD") from None


@click.group("kb")
def kb_group() -> None:
    """Look up, import and check the actor knowledge base."""


@kb_group.command("lookup")
@click.argument("query")
@click.option(
    "--on", "on", metavar="YYYY-MM-DD", help="The date that decides offices [default: today]."
)
@click.option(
    "--kb",
    "kb_paths",
    multiple=True,
    metavar="PATH",
    help="Extra knowledge tables (a .tsv file or a folder); repeatable.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def lookup_command(query: str, on: str | None, kb_paths: tuple[str, ...], fmt: str) -> None:
    """Who or what QUERY is on a date: a person ("Stoltenberg"), an office ("NATO
    Secretary-General"), a state, organisation or metonym ("the Kremlin").

    Exit code 1 when nothing in the knowledge base matches.
    """
    from tacitus.config import load_config
    from tacitus.kb import load_kb
    from tacitus.kb.lookup import lookup

    day = _day(on)
    kb = load_kb(load_config().with_kb(kb_paths).kb_paths)
    answers = lookup(kb, query, day)
    if fmt == "json":
        click.echo(json.dumps([a.to_dict() for a in answers], ensure_ascii=False, indent=2))
    else:
        _print_answers(query, day, answers)
    if not answers:
        click.echo(f"tacitus: nothing in the knowledge base matches '{query}'", err=True)
        sys.exit(1)


def _print_answers(query: str, day: date, answers: list) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        "kind",
        "name",
        "role on that date",
        "code",
        "kb id",
        "term",
        title=f"{query!r} on {day.isoformat()}",
        title_justify="left",
    )
    for a in answers:
        term = f"{a.start or ''} - {a.end or ''}" if a.start else ""
        table.add_row(a.kind, a.name, a.role or "", a.code or "", a.kb_id or "", term)
    Console().print(table)


@kb_group.command("import-petrarch")
@click.argument(
    "dictionaries",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the tables to (then use it with --kb).",
)
@click.option(
    "--agents",
    "agent_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="PETRARCH agent dictionaries (role words); repeatable.",
)
def import_petrarch_command(
    dictionaries: tuple[Path, ...], out_dir: Path, agent_files: tuple[Path, ...]
) -> None:
    """Convert PETRARCH/TABARI actor DICTIONARIES (and --agents files) into Tacitus tables.

    People with dated codes become people.tsv rows, names of states and their bodies
    metonyms.tsv rows, international and non-state actors organisations.tsv rows, agents
    roles.tsv rows. Lines that cannot be read are reported and skipped.
    """
    from tacitus.kb import load_kb
    from tacitus.kb.petrarch import convert, parse_actors, parse_agents
    from tacitus.kb.tables import METONYMS, ORGANISATIONS, PEOPLE, ROLES
    from tacitus.resources import write_table

    problems: list[str] = []
    records, agents = [], []
    for path in dictionaries:
        records += parse_actors(_read(path), source=path.name, problems=problems)
    for path in agent_files:
        agents += parse_agents(_read(path), source=path.name, problems=problems)
    imported = convert(records, agents, load_kb())
    out_dir.mkdir(parents=True, exist_ok=True)
    note = (
        f"Imported by `tacitus kb import-petrarch` from {', '.join(p.name for p in dictionaries)}"
    )
    written = {
        "people.tsv": write_table(out_dir / "people.tsv", PEOPLE, imported.people, comment=note),
        "metonyms.tsv": write_table(
            out_dir / "metonyms.tsv", METONYMS, imported.metonyms, comment=note
        ),
        "organisations.tsv": write_table(
            out_dir / "organisations.tsv", ORGANISATIONS, imported.organisations, comment=note
        ),
    }
    if agent_files:
        written["roles.tsv"] = write_table(
            out_dir / "roles.tsv", ROLES, imported.roles, comment=note
        )
    for name, count in written.items():
        click.echo(f"{out_dir / name}: {count} rows")
    for reason, count in imported.skipped.most_common():
        click.echo(f"skipped {count} records: {reason}")
    for problem in problems:
        click.echo(f"tacitus: skipped: {problem}", err=True)


@kb_group.command("import-wikidata")
@click.argument("result", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write people.tsv to (then use it with --kb).",
)
def import_wikidata_command(result: Path, out_dir: Path) -> None:
    """Convert a Wikidata "position held" SPARQL JSON RESULT into a people table.

    See docs/kb.md for the query to run at query.wikidata.org.
    """
    from tacitus.kb.tables import PEOPLE
    from tacitus.kb.wikidata import read_positions
    from tacitus.resources import write_table

    rows = read_positions(result)
    out_dir.mkdir(parents=True, exist_ok=True)
    count = write_table(
        out_dir / "people.tsv",
        PEOPLE,
        rows,
        comment=f"Imported by `tacitus kb import-wikidata` from {result.name}",
    )
    click.echo(f"{out_dir / 'people.tsv'}: {count} rows")


@kb_group.command("check")
@click.argument("paths", nargs=-1, required=True)
def check_command(paths: tuple[str, ...]) -> None:
    """Check user tables (files or folders): they load and agree with the bundled ones."""
    from tacitus.kb import load_kb
    from tacitus.kb.base import user_table_paths

    kb = load_kb(paths)
    for path in user_table_paths(paths):
        click.echo(f"{path}: ok")
    people = sum(len(t) for t in kb.terms.values())
    click.echo(
        f"knowledge base: {len(kb.countries)} countries, {len(kb.names)} names, "
        f"{len(kb.roles)} roles, {people} office terms, {len(kb.places)} place names"
    )


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # the 2015 dictionaries are not all UTF-8
