"""Readable tables of the `tacitus bench` results (the JSON holds the same figures)."""

from __future__ import annotations

from typing import Any

__all__ = ["print_accuracy", "print_profile", "print_scaling", "print_speed", "print_web"]


def _table(*columns: str, title: str) -> Any:
    from rich.table import Table

    return Table(*columns, title=title, title_justify="left")


def print_speed(console: Any, result: dict) -> None:
    table = _table(
        "run",
        "seconds",
        "articles/s",
        "words/s",
        "ratio to spaCy",
        "peak MB (process)",
        "peak MB (worker)",
        "start-up s",
        "marginal articles/s",
        title=f"Speed: {result['articles']:,} articles, {result['words']:,} words, "
        f"batches of {result['batch_size']}",
    )
    for name, run in result["runs"].items():
        worker = run["worker_peak_rss_mb"]
        table.add_row(
            name.replace("_", " "),
            f"{run['seconds']:.1f}",
            f"{run['articles_per_second']:.2f}",
            f"{run['words_per_second']:,.0f}",
            f"{run['ratio_to_spacy']:.3f}",
            f"{run['peak_rss_mb']:,.0f}",
            "-" if worker is None else f"{worker:,.0f}",
            _maybe(run.get("startup_seconds"), "{:.1f}"),
            _maybe(run.get("marginal_articles_per_second"), "{:.2f}"),
        )
    console.print(table)
    targets = _table(
        "ratio", "value", "target", "met", "wall-clock",
        title="Targets (ingest runs compared on marginal rates; wall-clock includes start-up)",
    )  # fmt: skip
    wall = result.get("wall_clock_ratios", {})
    for name, target in result["targets"].items():
        met = "[green]yes[/green]" if target["met"] else "[red]no[/red]"
        value, ratio = _maybe(target["value"], "{:.3f}"), _maybe(wall.get(name), "{:.3f}")
        targets.add_row(name.replace("_", " "), value, f">= {target['target']}", met, ratio)
    console.print(targets)
    console.print(
        "machine's parallel ceiling (2 processes of pure Python over 1): "
        f"{result['machine_parallel_ceiling']:.2f}"
    )
    if "profile" in result:
        print_profile(console, result["profile"])


def _maybe(value: float | None, form: str) -> str:
    return "-" if value is None else form.format(value)


def print_profile(console: Any, profile: dict) -> None:
    table = _table(
        "stage",
        "seconds",
        "share",
        title=f"Where the time goes: {profile['articles']:,} articles, "
        f"{profile['total_seconds']:.1f} s in all",
    )
    for stage in profile["stages"]:
        big = stage["stage"] in profile["over_10_percent"]
        name = f"[bold]{stage['stage']}[/bold]" if big else stage["stage"]
        table.add_row(name, f"{stage['seconds']:.3f}", f"{stage['share']:.1%}")
    console.print(table)
    for stage in profile["stages"]:
        if stage["stage"] in profile["over_10_percent"]:
            console.print(f"- {stage['stage']} ({stage['share']:.0%}): {stage['does']}")


def print_scaling(console: Any, result: dict) -> None:
    table = _table(
        "articles",
        "words",
        "ingest s",
        "ingest ms/article",
        "clusters ms/article",
        "cost ratio to smallest",
        "peak MB",
        title="Scaling: cost per article as the corpus grows (synthetic, one process)",
    )
    for row in result["sizes"]:
        table.add_row(
            f"{row['articles']:,}",
            f"{row['words']:,}",
            f"{row['ingest_seconds']:.1f}",
            f"{row['ingest_ms_per_article']:.1f}",
            f"{row['cluster_ms_per_article']:.2f}",
            f"{row['cost_ratio_to_smallest']:.3f}",
            f"{row['peak_rss_mb']:,.0f}",
        )
    console.print(table)


def print_accuracy(console: Any, result: dict) -> None:
    table = _table("set", "metric", "score", "n", title="Accuracy (tacitus eval, our gold sets)")
    for row in result["scores"]:
        table.add_row(
            row["set"],
            row["metric"],
            f"{row['value']:.3f}",
            "" if row["n"] is None else str(row["n"]),
        )
    console.print(table)


def print_web(console: Any, result: dict) -> None:
    budget_ms = result["budget_ms"]
    table = _table(
        "endpoint", "status", "first ms", "median ms", "max ms",
        title=f"Dashboard: {result['events']:,} events; store opened in {result['open_ms']:.0f} ms",
    )  # fmt: skip
    for row in result["urls"]:
        slow = max(row["first_ms"], row["max_ms"]) >= budget_ms
        name = f"[red]{row['name']}[/red]" if slow else row["name"]
        table.add_row(
            name,
            str(row["status"]),
            *(f"{row[k]:.1f}" for k in ("first_ms", "median_ms", "max_ms")),
        )
    console.print(table)
    verdict = "within" if result["within_budget"] else "OVER"
    console.print(
        f"slowest: {result['slowest_ms']:.1f} ms ({verdict} the {budget_ms:.0f} ms budget)"
    )
