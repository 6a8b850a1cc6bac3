"""A summary of a coding run: what `tacitus demo` and `tacitus code --summary` print."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tacitus.records import CodedDocument, Event, Failure

__all__ = ["Summary", "dyad_label", "summarize", "summarize_store"]

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass
class Summary:
    articles: int = 0
    failures: Counter = field(default_factory=Counter)
    events: int = 0
    asserted: int = 0
    by_plover: Counter = field(default_factory=Counter)
    by_quad: Counter = field(default_factory=Counter)
    by_modality: Counter = field(default_factory=Counter)
    dyads: Counter = field(default_factory=Counter)
    quotes: int = 0
    quotes_with_speaker: int = 0

    def add(self, result: CodedDocument | Failure) -> None:
        if isinstance(result, Failure):
            self.failures[result.reason] += 1
            return
        self.articles += 1
        self.quotes += len(result.quotes)
        self.quotes_with_speaker += sum(1 for q in result.quotes if q.speaker is not None)
        for event in result.events:
            self.events += 1
            self.asserted += event.asserted
            self.by_plover[event.plover or "(none: CAMEO 01/02)"] += 1
            self.by_quad[event.quad_class] += 1
            self.by_modality[event.modality] += 1
            if event.asserted and event.target is not None:
                self.dyads[dyad_label(event)] += 1


def dyad_label(event: Event) -> str:
    """'JPN -> AUS' from the actors' codes (country, org or actor code)."""

    def side(actor) -> str:
        if actor is None:
            return "?"
        return actor.country or actor.org or actor.code or actor.name

    return f"{side(event.source)} -> {side(event.target)}"


def summarize(results: Iterable[CodedDocument | Failure]) -> Summary:
    summary = Summary()
    for result in results:
        summary.add(result)
    return summary


def summarize_store(path) -> Summary:
    """The same summary for everything in a store, read with SQL from its views."""
    from tacitus.store import open_store

    con = open_store(path)
    try:
        summary = Summary()
        summary.articles = _scalar(con, "SELECT count(*) FROM documents")
        summary.failures.update(
            dict(con.execute("SELECT reason, count(*) FROM failures GROUP BY reason").fetchall())
        )
        summary.events = _scalar(con, "SELECT count(*) FROM events")
        summary.asserted = _scalar(con, "SELECT count(*) FROM events WHERE asserted")
        for column, counter, default in (
            ("plover", summary.by_plover, "(none: CAMEO 01/02)"),
            ("quad_class", summary.by_quad, None),
            ("modality", summary.by_modality, None),
        ):
            rows = con.execute(f"SELECT {column}, count(*) FROM events GROUP BY 1").fetchall()
            counter.update({(key if key is not None else default): n for key, n in rows})
        side = "coalesce({0}_country, {0}_org, {0}_code, {0}_name, '?')"
        rows = con.execute(
            f"SELECT {side.format('source')} || ' -> ' || {side.format('target')}, count(*) "
            "FROM events WHERE asserted AND target_name IS NOT NULL GROUP BY 1"
        ).fetchall()
        summary.dyads.update(dict(rows))
        summary.quotes = _scalar(con, "SELECT count(*) FROM quotes")
        summary.quotes_with_speaker = _scalar(
            con, "SELECT count(*) FROM quotes WHERE speaker_name IS NOT NULL"
        )
        return summary
    finally:
        con.close()


def _scalar(con, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0
