"""How coded documents look on a terminal and in files."""

from __future__ import annotations

import json
from typing import IO

from tacitus.records import Actor, CodedDocument, Event, Quote
from tacitus.run.summary import QUAD_NAMES, Summary

__all__ = ["actor_label", "print_summary", "print_table", "to_json_line"]


def to_json_line(doc: CodedDocument) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False)


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    code = actor.code or actor.country or actor.org or ""
    return f"{actor.name} ({code})" if code and code != actor.name else actor.name


def _event_row(event: Event) -> tuple[str, ...]:
    modality = event.modality
    if event.attributed_to is not None:
        modality += f" by {event.attributed_to.name}"
    return (
        event.date or "-",
        actor_label(event.source),
        f"{event.cameo_name} [{event.cameo}]",
        actor_label(event.target),
        event.trigger.text,
        modality,
        f"{event.confidence:.2f}",
    )


def _quote_row(quote: Quote) -> tuple[str, ...]:
    speaker = actor_label(quote.speaker) if quote.speaker else (quote.speaker_text or "-")
    content = quote.content if len(quote.content) <= 160 else quote.content[:157] + "..."
    return speaker, quote.kind, content


def print_table(doc: CodedDocument, console) -> None:
    """One article as two tables (events, quotes), readable on an 80-column terminal."""
    title = f"[bold]{doc.id}[/bold]" + (f" - {doc.title}" if doc.title else "")
    if doc.published:
        title += f" ({doc.published})"
    console.print(title)
    console.print(
        _table(
            f"{len(doc.events)} events",
            ("date", "source", "event", "target", "trigger", "modality", "conf."),
            [_event_row(e) for e in doc.events],
        )
    )
    console.print(
        _table(
            f"{len(doc.quotes)} quotes",
            ("speaker", "kind", "content"),
            [_quote_row(q) for q in doc.quotes],
        )
    )


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]):
    from rich.table import Table

    table = Table(*columns, title=title, title_justify="left", expand=True)
    for row in rows:
        table.add_row(*row)
    return table


def print_summary(summary: Summary, console, *, top: int = 10) -> None:
    from rich.table import Table

    failed = sum(summary.failures.values())
    console.print(
        f"[bold]{summary.articles}[/bold] articles coded, {failed} failed; "
        f"[bold]{summary.events}[/bold] events ({summary.asserted} asserted), "
        f"[bold]{summary.quotes}[/bold] quotes ({summary.quotes_with_speaker} with a "
        "speaker)"
    )
    if failed:
        reasons = ", ".join(f"{r}: {n}" for r, n in summary.failures.most_common())
        console.print(f"failures by reason: {reasons}")
    plover = Table("PLOVER type", "events", title="Events by PLOVER type", title_justify="left")
    for name, count in summary.by_plover.most_common():
        plover.add_row(name, str(count))
    quad = Table("QuadClass", "events", title="Events by QuadClass", title_justify="left")
    for number in sorted(summary.by_quad):
        quad.add_row(f"{number} {QUAD_NAMES[number]}", str(summary.by_quad[number]))
    dyads = Table("dyad", "asserted events", title=f"Top {top} dyads", title_justify="left")
    for label, count in summary.dyads.most_common(top):
        dyads.add_row(label, str(count))
    for table in (plover, quad, dyads):
        console.print(table)


def write_jsonl(docs, stream: IO[str]) -> None:
    for doc in docs:
        stream.write(to_json_line(doc) + "\n")
