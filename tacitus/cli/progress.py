"""The ingest progress bar on standard error: articles, events and failures per second, ETA."""

from __future__ import annotations

from typing import Any

__all__ = ["IngestProgress"]


class IngestProgress:
    """A rich progress bar on a terminal; nothing when standard error is redirected.

    `total` is the estimated number of articles (None when unknown: no bar, no ETA).
    """

    def __init__(self, console: Any, total: int | None) -> None:
        self.console, self.total = console, total
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> IngestProgress:
        if not self.console.is_terminal:
            return self
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rates]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.bar.add_task("ingest", total=self.total, rates="")
        self.bar.start()
        return self

    def update(self, report: Any) -> None:
        if self.bar is None:
            return
        seconds = max(report.seconds, 1e-9)
        done = report.stored + report.failed + report.skipped
        rates = (
            f"{report.stored / seconds:.1f} articles/s  {report.events / seconds:.1f} events/s  "
            f"{report.failed} failed ({report.failed / seconds:.2f}/s)"
        )
        self.bar.update(self.task, completed=done, rates=rates)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
