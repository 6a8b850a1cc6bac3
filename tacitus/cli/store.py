"""`tacitus ingest`, `tacitus dedupe`, `tacitus query`: the corpus workflow over a store."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from tacitus.cli.options import kb_option, max_chars_option, published_option
from tacitus.errors import UsageError

__all__ = [
    "dedupe_command",
    "export_command",
    "ingest_command",
    "query_command",
    "store_option",
]


def _default_store() -> str:
    from tacitus.config import load_config

    return load_config().store


def store_option(function):
    return click.option(
        "--store",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="The store folder [default: store.path of tacitus.toml, else ./tacitus-data].",
    )(function)


def _store(store: Path | None) -> Path:
    return store if store is not None else Path(_default_store())


def _columns(values: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for value in values:
        field, sep, column = value.partition("=")
        if not sep or not field or not column:
            raise UsageError(f"--column {value!r}: write FIELD=COLUMN, e.g. --column text=body")
        mapping[field.strip()] = column.strip()
    return mapping


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@store_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes coding articles (each loads the pipeline once).",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    default=None,
    help="Code on Dask workers: tcp://HOST:PORT (a running scheduler whose workers see the "
    "store's folder, else they send batches back) or local:N (N worker processes started "
    "here). Needs pip install 'tacitus[dask]'.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=64,
    show_default=True,
    help="Articles committed to the store together.",
)
@published_option
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="CSV column of an article field (id, text, title, url, published, source); "
    "repeatable. Columns named like the fields are found without it.",
)
@max_chars_option
@click.option(
    "--fetch/--no-fetch",
    default=True,
    show_default=True,
    help="Fetch the page of each feed entry (else use the entry's summary).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1),
    default=10.0,
    show_default=True,
    help="Seconds to wait for a feed or page URL.",
)
@click.option(
    "--dedupe/--no-dedupe",
    default=True,
    show_default=True,
    help="Recompute story and event clusters after the run.",
)
@kb_option
def ingest_command(
    sources,
    store,
    workers,
    cluster,
    batch_size,
    published,
    columns,
    max_chars,
    fetch,
    timeout,
    dedupe,
    kb_paths,
) -> None:
    """Code articles from SOURCES into the store: files, folders, globs and URLs.

    Reads .txt, .html, .jsonl, .csv/.tsv, .warc/.warc.gz and RSS/Atom feeds (.rss, .atom,
    .xml, or an http(s) URL). Articles already in the store (same text) are skipped, so
    running it again, or after a crash, codes only what is new. Bad articles are stored in
    the failures table with their reason; the run goes on.
    """
    from rich.console import Console

    from tacitus.cli.progress import IngestProgress
    from tacitus.config import load_config
    from tacitus.ingest.sources import ReadOptions, estimate_total, read_sources
    from tacitus.run.ingest import ingest

    if cluster is not None and workers > 1:
        raise UsageError("--workers and --cluster exclude each other: a cluster has its workers")
    path = _store(store)
    options = ReadOptions(published, max_chars, _columns(columns), fetch, timeout)
    items = read_sources(sources, options)
    console = Console(stderr=True)
    total = estimate_total(sources) if console.is_terminal else None
    kb = load_config().with_kb(kb_paths).kb_paths
    with IngestProgress(console, total) as progress:
        report = ingest(
            items,
            path,
            workers=workers,
            batch_size=batch_size,
            kb_paths=kb,
            on_batch=progress.update,
            cluster=cluster,
            on_cluster=lambda client: _print_cluster(client, console),
        )
    out = click.echo
    rate = (report.stored + report.failed) / report.seconds if report.seconds else 0.0
    out(
        f"stored {report.stored} articles ({report.events} events, {report.quotes} quotes) "
        f"in {report.batches} batches, {report.seconds:.1f} s ({rate:.1f} articles/s); "
        f"skipped {report.skipped} already stored"
    )
    if report.failed:
        reasons = ", ".join(f"{r} {n}" for r, n in report.failures.most_common())
        out(f"failed {report.failed}: {reasons} (see the failures table)")
    if dedupe:
        _print_clusters(_recluster(path), out)
    out(f"store: {path}")


def _print_cluster(client, console) -> None:
    workers = len(client.scheduler_info().get("workers", {}))
    link = client.dashboard_link if client.dashboard_link else "not served (install bokeh)"
    console.print(
        f"Dask cluster {client.scheduler.address}: {workers} workers; dashboard: {link}",
        soft_wrap=True,  # a link broken over two lines cannot be clicked or copied
    )


def _recluster(path: Path, **kwargs):
    from tacitus.store import StoreWriter
    from tacitus.store.clusters import recluster

    with StoreWriter(path) as writer:
        return recluster(writer, **kwargs)


def _print_clusters(report, out) -> None:
    out(
        f"duplicates: {report.documents} articles in {report.stories} stories; "
        f"{report.events} events -> {report.event_clusters} event clusters "
        f"({report.event_reduction:.1%} merged)"
    )


@click.command("dedupe")
@store_option
@click.option(
    "--threshold",
    type=click.FloatRange(0.05, 1.0),
    default=0.3,
    show_default=True,
    help="Estimated Jaccard similarity of word trigrams that makes two articles one story.",
)
@click.option(
    "--window",
    type=click.IntRange(0, 365),
    default=3,
    show_default=True,
    help="Days within which the same dyad and code is one event.",
)
def dedupe_command(store, threshold, window) -> None:
    """Recompute story clusters (near-duplicate articles) and event clusters over the store.

    `tacitus ingest` does this after each run; use this to change the settings. It also
    upgrades a store written by an older Tacitus.
    """
    path = _store(store)
    if not (path / "store.json").is_file():
        raise UsageError(f"--store {path}: no Tacitus store there (no store.json)")
    _print_clusters(_recluster(path, threshold=threshold, window_days=window), click.echo)


@click.command("query")
@click.argument("sql")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default=None,
    help="Output format [default: table on a terminal, else csv].",
)
@click.option("--limit", type=click.IntRange(1), default=None, help="Print at most this many rows.")
def query_command(sql, store, fmt, limit) -> None:
    """Run read-only SQL against the store's views and print the result.

    Views: documents, events, quotes, actor_mentions, failures, event_clusters (columns in
    docs/store.md). Statements that write (CREATE, INSERT, COPY, ...) are refused.
    """
    from tacitus.query import run_query

    result = run_query(_store(store), sql, limit=limit)
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if fmt == "json":
        records = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(["" if v is None else v for v in row] for row in result.rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*result.columns, caption=f"{len(result.rows)} rows")
        for row in result.rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)


@click.command("export")
@store_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["gdelt", "plover", "csv", "jsonl", "parquet", "graphml"]),
    help="gdelt: GDELT 2.0 event table + mentions (tab-separated); plover: PLOVER "
    "JSON lines; csv (every value quoted), jsonl, parquet (by month); graphml: actor "
    "network.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="The file to write; a folder for gdelt (events.tsv, mentions.tsv) and "
    "parquet (month=YYYY-MM/ parts).",
)
@click.option(
    "--where",
    default=None,
    metavar="SQL",
    help="Filter on the rows exported (the events view, or --table), e.g. "
    "\"cameo_root = '19' AND published >= DATE '2024-01-01'\".",
)
@click.option(
    "--table",
    default="events",
    show_default=True,
    type=click.Choice(
        ["events", "event_clusters", "documents", "quotes", "actor_mentions", "failures"]
    ),
    help="The view exported by csv, jsonl and parquet.",
)
def export_command(store, fmt, out, where, table) -> None:
    """Export the store's events for R, pandas, Stata, GDELT tools, PLOVER tools or Gephi.

    gdelt, plover and graphml export events merged by event cluster (duplicates as one
    event with its mentions); csv, jsonl and parquet export the rows of --table.
    """
    from tacitus import __version__, export
    from tacitus.store import open_store

    con = open_store(_store(store))
    try:
        if fmt == "gdelt":
            counts = export.export_gdelt(con, out, where=where)
            click.echo(f"{counts['events']} events, {counts['mentions']} mentions: {out}/")
        elif fmt == "plover":
            counts = export.export_plover(con, out, where=where, coder=f"tacitus {__version__}")
            click.echo(
                f"{counts['records']} PLOVER records ({counts['skipped']} events without "
                f"a PLOVER type, date or actor left out): {out}"
            )
        elif fmt == "graphml":
            counts = export.export_graphml(con, out, where=where)
            click.echo(f"{counts['nodes']} actors, {counts['edges']} dyads: {out}")
        else:
            rows = export.export_table(con, fmt, out, table=table, where=where)
            click.echo(f"{rows} {table} rows: {out}")
    finally:
        con.close()
