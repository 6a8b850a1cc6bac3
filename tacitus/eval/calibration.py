"""Calibrating event confidence on the dev gold set (`tacitus eval calibrate`).

An event is right when it matches a gold event on (source root, target root, CAMEO root): the
match used by `tacitus eval events --by cameo`, which counts every event, speech acts with no
PLOVER type included. The confidence of a reading is its share of right events, smoothed
toward the overall share with SMOOTHING pseudo-events, so that a reading seen three times does
not get 1.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.eval.events import _gold_root, _gold_type, _match, _type, actor_root
from tacitus.eval.gold import GoldItem
from tacitus.ontology.calibration import CALIBRATION
from tacitus.records import CodedDocument, Event
from tacitus.resources import write_table

__all__ = [
    "BINS",
    "CalibrationTable",
    "calibration_table",
    "fit_calibration",
    "held_out_precision",
    "judged_events",
    "write_calibration",
]

SMOOTHING = 4
HIGH = 0.8
BINS = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def judged_events(
    items: Iterable[GoldItem], coded: dict[str, CodedDocument]
) -> list[tuple[Event, bool]]:
    """Every predicted event of the gold articles, with whether it is right."""
    out: list[tuple[Event, bool]] = []
    for item in items:
        gold = [
            (_gold_root(g.get("source")), _gold_root(g.get("target")), _gold_type(g, "cameo"))
            for g in item.data.get("events", [])
        ]
        events = list(coded[item.id].events)
        pred = [(actor_root(e.source), actor_root(e.target), _type(e, "cameo")) for e in events]
        right = {pi for _, pi in _match(gold, pred)}
        out.extend((event, k in right) for k, event in enumerate(events))
    return out


@dataclass
class CalibrationTable:
    """Events and right events by confidence bin, and among events at or above HIGH."""

    bins: list[dict] = field(default_factory=list)
    high_events: int = 0
    high_correct: int = 0

    @property
    def high_precision(self) -> float | None:
        return self.high_correct / self.high_events if self.high_events else None

    def to_dict(self) -> dict:
        precision = self.high_precision
        return {
            "bins": self.bins,
            f"events_at_or_above_{HIGH}": self.high_events,
            f"precision_at_or_above_{HIGH}": None if precision is None else round(precision, 4),
        }


def calibration_table(judged: list[tuple[Event, bool]]) -> CalibrationTable:
    table = CalibrationTable()
    for low, high in BINS:
        inside = [ok for event, ok in judged if low <= event.confidence < high]
        table.bins.append(
            {
                "confidence": f"{low:.1f}-{min(high, 1.0):.1f}",
                "events": len(inside),
                "correct": sum(inside),
                "precision": round(sum(inside) / len(inside), 4) if inside else None,
            }
        )
    top = [ok for event, ok in judged if event.confidence >= HIGH]
    table.high_events, table.high_correct = len(top), sum(top)
    return table


def fit_calibration(judged: list[tuple[Event, bool]]) -> list[dict]:
    """Rows of calibration.tsv: by reading, events, right events and smoothed confidence."""
    events: Counter = Counter()
    correct: Counter = Counter()
    for event, ok in judged:
        if event.reading is None:
            continue
        events[event.reading] += 1
        correct[event.reading] += ok
    total = sum(events.values())
    prior = sum(correct.values()) / total if total else 0.5
    return [
        {
            "reading": key,
            "events": str(events[key]),
            "correct": str(correct[key]),
            "confidence": f"{(correct[key] + SMOOTHING * prior) / (events[key] + SMOOTHING):.2f}",
        }
        for key in sorted(events)
    ]


def write_calibration(path: Path, rows: list[dict], *, gold: str) -> int:
    comment = (
        "Event confidence by reading (see tacitus/ontology/calibration.py): how many events of "
        f"the dev gold set\n({gold}) were read that way, how many were right, and the smoothed "
        "share. Written by `tacitus eval calibrate`."
    )
    return write_table(path, CALIBRATION, rows, comment=comment)


def held_out_precision(items: list[GoldItem], coded: dict[str, CodedDocument]) -> float | None:
    """Precision at or above HIGH when each half of the articles (alternate ones) is scored
    with the table fitted on the other half: how well the calibration carries to new text."""
    right = total = 0
    for fold in (0, 1):
        fit_items = [item for k, item in enumerate(items) if k % 2 != fold]
        test_items = [item for k, item in enumerate(items) if k % 2 == fold]
        table = {
            r["reading"]: float(r["confidence"])
            for r in fit_calibration(judged_events(fit_items, coded))
        }
        for event, ok in judged_events(test_items, coded):
            if table.get(event.reading or "", 0.0) >= HIGH:
                total += 1
                right += ok
    return right / total if total else None
