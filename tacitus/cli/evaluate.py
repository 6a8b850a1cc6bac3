"""`tacitus eval ...`: scores against gold sets."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["eval_group"]

_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
_KB = click.option(
    "--kb",
    "kb_paths",
    multiple=True,
    metavar="PATH",
    help="Extra knowledge tables (a .tsv file or a folder); repeatable.",
)


def _gold(kind: str):
    from tacitus.eval.run import DEFAULT_GOLD

    return click.argument(
        "gold",
        required=False,
        default=DEFAULT_GOLD[kind],
        type=click.Path(exists=True, path_type=Path),
    )


@click.group("eval")
def eval_group() -> None:
    """Score Tacitus against gold sets (ours in gold/, or the PLOVER gold records)."""


@eval_group.command("actors")
@_gold("actors")
@_FORMAT
@_KB
def eval_actors_command(gold: Path, fmt: str, kb_paths: tuple[str, ...]) -> None:
    """Actor resolution on GOLD [default: gold/actors.jsonl]: country/organisation, sector
    and knowledge-base id accuracy, overall and by construction."""
    from tacitus.config import load_config
    from tacitus.eval.run import eval_actors, to_json

    report = eval_actors(gold, kb_paths=load_config().with_kb(kb_paths).kb_paths)
    if fmt == "json":
        click.echo(to_json(report))
        return
    _print_actor_report(report)


@eval_group.command("events")
@_gold("events")
@click.option(
    "--by",
    type=click.Choice(["plover", "cameo"]),
    default="plover",
    show_default=True,
    help="Match event types by PLOVER type or by CAMEO root code (our gold only).",
)
@_FORMAT
@_KB
def eval_events_command(gold: Path, by: str, fmt: str, kb_paths: tuple[str, ...]) -> None:
    """Events on GOLD [default: gold/events.jsonl], or on the PLOVER gold records (a folder
    or file): precision, recall and F1 on (source root, target root, type), per type, a
    confusion table and the worst examples."""
    from tacitus.config import load_config
    from tacitus.eval.run import eval_events, to_json

    report = eval_events(gold, by=by, kb_paths=load_config().with_kb(kb_paths).kb_paths)
    if fmt == "json":
        click.echo(to_json(report))
        return
    _print_event_report(report)


@eval_group.command("quotes")
@_gold("quotes")
@_FORMAT
@_KB
def eval_quotes_command(gold: Path, fmt: str, kb_paths: tuple[str, ...]) -> None:
    """Quotes on GOLD [default: gold/quotes.jsonl]: content precision, recall and F1 (a match
    covers at least half the gold words), and speaker accuracy, by quote kind."""
    from tacitus.config import load_config
    from tacitus.eval.run import eval_quotes, to_json

    report = eval_quotes(gold, kb_paths=load_config().with_kb(kb_paths).kb_paths)
    if fmt == "json":
        click.echo(to_json(report))
        return
    _print_quote_report(report)


def _print_quote_report(report) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        "kind",
        "precision",
        "recall",
        "F1",
        "gold",
        "predicted",
        title="Quote content",
        title_justify="left",
    )
    for name, prf in [("ALL", report.overall), *sorted(report.by_kind.items())]:
        table.add_row(
            name,
            _pct(prf.precision),
            _pct(prf.recall),
            _pct(prf.f1),
            str(prf.gold),
            str(prf.predicted),
        )
    console = Console()
    console.print(table)
    console.print(f"speaker accuracy (matched quotes): {_pct(report.speaker_accuracy())}")
    for kind in sorted({k for k, _ in report.speaker}):
        console.print(f"  {kind}: {_pct(report.speaker_accuracy(kind))}")
    for error in report.errors[:15]:
        console.print(f"[dim]{error}[/dim]")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _print_actor_report(report) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        "construction",
        "mentions",
        "found",
        "country/org",
        "sector",
        "kb id",
        title="Actor resolution",
        title_justify="left",
    )
    rows = [("ALL", report.overall), *sorted(report.by_construction.items())]
    for name, tally in rows:
        d = tally.to_dict()
        table.add_row(
            name,
            str(d["mentions"]),
            _pct(d["found"]),
            _pct(d["country_org"]),
            _pct(d["sector"]),
            _pct(d["kb_id"]),
        )
    console = Console()
    console.print(table)
    if report.places:
        console.print(f"places not coded as actors: {report.places_ok}/{report.places}")
    for error in report.errors[:15]:
        console.print(f"[dim]{error}[/dim]")


def _print_calibration(calibration: dict, console) -> None:
    from rich.table import Table

    table = Table(
        "confidence",
        "events",
        "right",
        "precision",
        title="Calibration (right = matches a gold event on source, target and CAMEO root)",
        title_justify="left",
    )
    for row in calibration["bins"]:
        table.add_row(
            row["confidence"],
            str(row["events"]),
            str(row["correct"]),
            "-" if row["precision"] is None else f"{row['precision']:.3f}",
        )
    console.print(table)
    high = [k for k in calibration if k.startswith("precision_at_or_above")]
    for key in high:
        console.print(f"{key}: {calibration[key]}")


def _print_event_report(report) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    o = report.overall
    console.print(
        f"[bold]{report.name}[/bold]: precision {o.precision:.3f}, recall "
        f"{o.recall:.3f}, F1 {o.f1:.3f} ({o.matched} matched, {o.predicted} "
        f"predicted, {o.gold} gold)"
    )
    for key, value in report.extra.items():
        if key != "calibration":
            console.print(f"{key}: {value}")
    if "calibration" in report.extra:
        _print_calibration(report.extra["calibration"], console)
    table = Table(
        "type",
        "precision",
        "recall",
        "F1",
        "gold",
        "predicted",
        title="By type",
        title_justify="left",
    )
    for name, prf in sorted(report.by_type.items()):
        table.add_row(
            name,
            _pct(prf.precision),
            _pct(prf.recall),
            _pct(prf.f1),
            str(prf.gold),
            str(prf.predicted),
        )
    console.print(table)
    confusion = Table(
        "gold type",
        "predicted for the same dyad",
        "count",
        title="Confusion (unmatched gold events)",
        title_justify="left",
    )
    for (gold, predicted), count in report.confusion.most_common(15):
        confusion.add_row(gold, predicted, str(count))
    console.print(confusion)
    for worst in report.worst[:10]:
        console.print(f"[dim]{worst}[/dim]")


@eval_group.command("calibrate")
@_gold("events")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the table [default: the bundled tacitus/data/calibration.tsv].",
)
@_KB
def calibrate_command(gold: Path, out: Path | None, kb_paths: tuple[str, ...]) -> None:
    """Fit event confidence on GOLD [default: gold/events.jsonl]: for each way of reading an
    event, the share of such events that were right, written as calibration.tsv."""
    from tacitus.config import load_config
    from tacitus.eval.calibration import (
        HIGH,
        fit_calibration,
        held_out_precision,
        judged_events,
        write_calibration,
    )
    from tacitus.eval.gold import read_jsonl
    from tacitus.eval.run import code_all
    from tacitus.records import Article
    from tacitus.resources import data_path

    items = read_jsonl(gold, required=("events",))
    articles = [Article(i.id, i.text, published=i.published) for i in items]
    coded = code_all(articles, kb_paths=load_config().with_kb(kb_paths).kb_paths)
    rows = fit_calibration(judged_events(items, coded))
    path = out or data_path("calibration.tsv")
    count = write_calibration(path, rows, gold=str(gold))
    click.echo(f"{count} readings written to {path}")
    held_out = held_out_precision(items, coded)
    if held_out is not None:
        click.echo(
            f"held-out check (each half of the articles scored with the other half's table): "
            f"precision at or above {HIGH} is {held_out:.3f}"
        )
