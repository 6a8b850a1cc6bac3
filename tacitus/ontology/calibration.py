"""Event confidence: how often events read one way were right on the dev gold set.

Every event carries a `reading`, the way the coder read it: `kind/target/source/modality`,
e.g. `verb/actor/named/asserted` for "Russia shelled Kharkiv". calibration.tsv gives, for
each reading, how many events of the dev gold set were read that way, how many of them were
right, and the confidence that follows (smoothed toward the overall precision, so a reading
seen a few times is not trusted on little evidence). `tacitus eval calibrate` rewrites the
table; `tacitus eval events` prints how well it holds.
"""

from __future__ import annotations

from functools import cache

from tacitus.resources import Column, Schema, load_bundled

__all__ = ["CALIBRATION", "KINDS", "SOURCES", "TARGETS", "load_calibration", "reading"]

KINDS = ("speech", "verb", "noun")
TARGETS = ("actor", "anaphora", "place", "none")
SOURCES = ("named", "unplaced")
_READING = rf"({'|'.join(KINDS)})/({'|'.join(TARGETS)})/({'|'.join(SOURCES)})/(asserted|other)"

CALIBRATION = Schema(
    "event calibration",
    (
        Column("reading", pattern=_READING, hint="kind/target/source/modality"),
        Column("events", pattern=r"\d+"),
        Column("correct", pattern=r"\d+"),
        Column("confidence", pattern=r"(0(\.\d+)?|1(\.0+)?)"),
    ),
)


def reading(kind: str, target: str, source: str, modality: str) -> str:
    """The reading key of an event: `speech/actor/named/asserted`."""
    return f"{kind}/{target}/{source}/{'asserted' if modality == 'asserted' else 'other'}"


@cache
def load_calibration() -> dict[str, float]:
    """Confidence by reading, from calibration.tsv."""
    return {
        row["reading"]: float(row["confidence"])
        for row in load_bundled("calibration.tsv", CALIBRATION)
    }
