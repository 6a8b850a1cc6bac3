"""`tacitus eval actors`: how well actor mentions are resolved, by construction.

Each gold mention is matched to the predicted mention that overlaps its span most; the
country-or-organisation (both must be equal, null included), the sector and, for people,
the knowledge-base id are then compared. A gold mention with no overlapping prediction
counts as wrong on every measure. Places marked as not actors count as right when no
predicted mention overlaps them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from tacitus.eval.gold import GoldItem, find_span
from tacitus.records import Actor, CodedDocument

__all__ = ["ActorReport", "Tally", "score_actors"]


@dataclass
class Tally:
    mentions: int = 0
    found: int = 0
    country_org: int = 0
    sector: int = 0
    kb_total: int = 0
    kb_ok: int = 0

    def share(self, part: int, whole: int | None = None) -> float:
        whole = self.mentions if whole is None else whole
        return part / whole if whole else 0.0

    def to_dict(self) -> dict:
        return {
            "mentions": self.mentions,
            "found": round(self.share(self.found), 4),
            "country_org": round(self.share(self.country_org), 4),
            "sector": round(self.share(self.sector), 4),
            "kb_id": round(self.share(self.kb_ok, self.kb_total), 4) if self.kb_total else None,
            "kb_mentions": self.kb_total,
        }


@dataclass
class ActorReport:
    overall: Tally = field(default_factory=Tally)
    by_construction: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    places: int = 0
    places_ok: int = 0
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "overall": self.overall.to_dict(),
            "by_construction": {k: v.to_dict() for k, v in sorted(self.by_construction.items())},
            "places_not_actors": round(self.places_ok / self.places, 4) if self.places else None,
            "places": self.places,
            "errors": self.errors[:50],
        }


def score_actors(items: list[GoldItem], coded: dict[str, CodedDocument]) -> ActorReport:
    """Score the coded documents (by item id) against the gold mentions."""
    report = ActorReport()
    for item in items:
        doc = coded[item.id]
        for gold in item.data.get("mentions", []):
            span = find_span(item.text, gold["text"], gold.get("occurrence", 1))
            if span is None:
                raise ValueError(f"gold item {item.id}: mention {gold['text']!r} not in its text")
            predicted = _best(doc.actors, span)
            for tally in (report.overall, report.by_construction[gold.get("construction", "?")]):
                _count(tally, gold, predicted)
            if predicted is None or not _right(gold, predicted):
                report.errors.append(_error(item, gold, predicted))
        for place in item.data.get("not_actors", []):
            span = find_span(item.text, place["text"], place.get("occurrence", 1))
            if span is None:
                raise ValueError(f"gold item {item.id}: place {place['text']!r} not in its text")
            report.places += 1
            wrongly = _best(doc.actors, span)
            report.places_ok += wrongly is None
            if wrongly is not None:
                report.errors.append(
                    {
                        "id": item.id,
                        "text": place["text"],
                        "construction": "place",
                        "predicted": wrongly.text,
                    }
                )
    return report


def _best(actors: tuple[Actor, ...], span: tuple[int, int]) -> Actor | None:
    start, end = span
    best, best_key = None, None
    for actor in actors:
        overlap = min(end, actor.end) - max(start, actor.start)
        if overlap <= 0:
            continue
        key = (overlap, -abs((actor.end - actor.start) - (end - start)))
        if best_key is None or key > best_key:
            best, best_key = actor, key
    return best


def _count(tally: Tally, gold: dict, predicted: Actor | None) -> None:
    tally.mentions += 1
    if gold.get("kb_id"):
        tally.kb_total += 1
    if predicted is None:
        return
    tally.found += 1
    tally.country_org += (predicted.country, predicted.org) == (
        gold.get("country"),
        gold.get("org"),
    )
    tally.sector += predicted.sector == gold.get("sector")
    if gold.get("kb_id"):
        tally.kb_ok += predicted.kb_id == gold["kb_id"]


def _right(gold: dict, predicted: Actor) -> bool:
    return (
        (predicted.country, predicted.org) == (gold.get("country"), gold.get("org"))
        and predicted.sector == gold.get("sector")
        and (not gold.get("kb_id") or predicted.kb_id == gold["kb_id"])
    )


def _error(item: GoldItem, gold: dict, predicted: Actor | None) -> dict:
    expected = {k: gold.get(k) for k in ("country", "org", "sector", "kb_id")}
    got = (
        None
        if predicted is None
        else {
            "text": predicted.text,
            "country": predicted.country,
            "org": predicted.org,
            "sector": predicted.sector,
            "kb_id": predicted.kb_id,
        }
    )
    return {
        "id": item.id,
        "text": gold["text"],
        "construction": gold.get("construction"),
        "expected": expected,
        "predicted": got,
    }
