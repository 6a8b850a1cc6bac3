"""`tacitus eval events`: events against our gold (JSONL) and the PLOVER gold records.

Events are matched within an article on (source root, target root, type), where a root is
the actor's country, else its organisation (`UN`, `NATO`), and the type is the CAMEO root
code (our gold) or the PLOVER type (both gold sets). Matching is one to one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tacitus.eval.gold import GoldItem, PloverRecord
from tacitus.records import Actor, CodedDocument, Event

__all__ = ["PRF", "EventReport", "actor_root", "score_gold_events", "score_plover"]


@dataclass
class PRF:
    """Counts of matched, predicted and gold items, with precision, recall and F1."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, matched: int, predicted: int, gold: int) -> None:
        self.matched += matched
        self.predicted += predicted
        self.gold += gold

    def to_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class EventReport:
    name: str
    overall: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    confusion: Counter = field(default_factory=Counter)  # (gold type, predicted type)
    extra: dict = field(default_factory=dict)
    worst: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "overall": self.overall.to_dict(),
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
            "confusion": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in self.confusion.most_common()
            ],
            **self.extra,
            "worst": self.worst[:20],
        }


def actor_root(actor: Actor | None) -> str | None:
    """The actor's country, else its organisation; `IGO`/`NGO` for others of those sectors."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    if actor.org:
        return actor.org
    return actor.sector if actor.sector in {"IGO", "NGO"} else None


def _gold_root(actor: dict | None) -> str | None:
    if not actor:
        return None
    return actor.get("country") or actor.get("org") or None


def score_gold_events(
    items: list[GoldItem], coded: dict[str, CodedDocument], *, by: str = "plover"
) -> EventReport:
    """Our gold format; `by` is `plover` (type) or `cameo` (root code)."""
    report = EventReport(f"gold events by {by}")
    modality: Counter = Counter()
    for item in items:
        doc = coded[item.id]
        gold_keys = [
            (_gold_root(g.get("source")), _gold_root(g.get("target")), _gold_type(g, by))
            for g in item.data.get("events", [])
        ]
        pred = [e for e in doc.events if _type(e, by) is not None]
        pred_keys = [(actor_root(e.source), actor_root(e.target), _type(e, by)) for e in pred]
        pairs = _match(gold_keys, pred_keys)
        for gi, pi in pairs:
            gold_event = item.data["events"][gi]
            modality[gold_event.get("modality", "asserted") == pred[pi].modality] += 1
        _tally(report, gold_keys, pred_keys, pairs)
        _worst(report, item.id, gold_keys, pred_keys, pairs)
    report.extra["modality_agreement"] = (
        round(modality[True] / sum(modality.values()), 4) if modality else None
    )
    from tacitus.eval.calibration import calibration_table, judged_events

    report.extra["calibration"] = calibration_table(judged_events(items, coded)).to_dict()
    report.worst.sort(key=lambda w: -w["errors"])
    return report


def score_plover(records: list[PloverRecord], coded: dict[str, CodedDocument]) -> EventReport:
    """The PLOVER gold records: one sentence each, coded on its own."""
    report = EventReport("PLOVER gold records")
    type_top = type_any = 0
    actors_found = actors_total = mentions_found = 0
    to_iso = _cameo_to_iso()
    for record in records:
        record = _normalised(record, to_iso)
        doc = coded[record.id]
        events = [e for e in doc.events if e.plover]
        top = _top(events)
        type_top += top is not None and top.plover == record.event
        type_any += any(e.plover == record.event for e in events)
        gold_keys = _plover_keys(record)
        pred_keys = [(actor_root(e.source), actor_root(e.target), e.plover) for e in events]
        pairs = _match(gold_keys, pred_keys)
        _tally(report, gold_keys, pred_keys, pairs)
        _worst(report, record.id, gold_keys, pred_keys, pairs)
        roots = {actor_root(a) for e in doc.events for a in (e.source, e.target) if a}
        mentioned = {actor_root(a) for a in doc.actors}
        for code in record.sources + record.targets:
            actors_total += 1
            actors_found += _code_matches(code, roots)
            mentions_found += _code_matches(code, mentioned)
    n = len(records)
    report.extra.update(
        {
            "records": n,
            "type_accuracy": round(type_top / n, 4) if n else None,
            "type_recall": round(type_any / n, 4) if n else None,
            "actor_accuracy": round(actors_found / actors_total, 4) if actors_total else None,
            # the same gold actors looked for among all actor mentions of the sentence, whether
            # or not an event was coded around them: actor resolution apart from event finding
            "actor_mention_accuracy": round(mentions_found / actors_total, 4)
            if actors_total
            else None,
            "gold_actors": actors_total,
        }
    )
    report.worst.sort(key=lambda w: -w["errors"])
    return report


def _cameo_to_iso() -> dict[str, str]:
    """CAMEO country codes that differ from ISO ("USR" for the Soviet Union) to ISO codes."""
    from tacitus.kb import load_kb

    kb = load_kb()
    return {cameo: iso for iso, cameo in kb.country_codes.items() if cameo != iso}


def _normalised(record: PloverRecord, to_iso: dict[str, str]) -> PloverRecord:
    return PloverRecord(
        record.id,
        record.text,
        record.event,
        [to_iso.get(c, c) for c in record.sources],
        [to_iso.get(c, c) for c in record.targets],
        record.reciprocal,
    )


def _code_matches(code: str, roots: set[str | None]) -> bool:
    if code in {"IGO", "NGO"}:
        return code in roots or any(r and not _is_country(r) for r in roots)
    return code in roots


def _is_country(root: str) -> bool:
    return len(root) == 3 and root.isupper() and root not in {"IGO", "NGO"}


def _plover_keys(record: PloverRecord) -> list[tuple]:
    if record.reciprocal and not record.targets and len(record.sources) > 1:
        return [(a, b, record.event) for a in record.sources for b in record.sources if a != b]
    sources: list[str | None] = [*record.sources] or [None]
    targets: list[str | None] = [*record.targets] or [None]
    return [(s, t, record.event) for s in sources for t in targets]


def _top(events: list[Event]) -> Event | None:
    if not events:
        return None
    return max(events, key=lambda e: (e.asserted or e.modality == "future", e.confidence))


def _type(event: Event, by: str) -> str | None:
    return event.plover if by == "plover" else event.cameo[:2]


def _gold_type(gold: dict, by: str) -> str | None:
    if by == "plover":
        return gold.get("plover")
    return (gold.get("root") or str(gold.get("cameo", ""))[:2]) or None


def _match(gold: list[tuple], pred: list[tuple]) -> list[tuple[int, int]]:
    """One-to-one pairs of equal keys (a gold key with no type is never matched)."""
    free = list(range(len(pred)))
    pairs = []
    for gi, key in enumerate(gold):
        if key[2] is None:
            continue
        for pi in free:
            if _keys_equal(key, pred[pi]):
                pairs.append((gi, pi))
                free.remove(pi)
                break
    return pairs


def _keys_equal(gold: tuple, pred: tuple) -> bool:
    return gold[2] == pred[2] and _root_equal(gold[0], pred[0]) and _root_equal(gold[1], pred[1])


def _root_equal(gold: str | None, pred: str | None) -> bool:
    if gold in {"IGO", "NGO"}:
        return pred is not None and not _is_country(pred)
    return gold == pred


def _tally(
    report: EventReport, gold: list[tuple], pred: list[tuple], pairs: list[tuple[int, int]]
) -> None:
    gold_types = [k[2] for k in gold if k[2] is not None]
    report.overall.add(len(pairs), len(pred), len(gold_types))
    matched_gold = Counter(gold[gi][2] for gi, _ in pairs)
    for t, n in Counter(gold_types).items():
        report.by_type[t].add(matched_gold[t], 0, n)
    for t, n in Counter(k[2] for k in pred).items():
        report.by_type[t].add(0, n, 0)
    # Confusion on the actors: a gold event and a prediction with the same dyad.
    used = {pi for _, pi in pairs}
    for gi, key in enumerate(gold):
        if any(gi == g for g, _ in pairs) or key[2] is None:
            continue
        same_dyad = [
            pi
            for pi, p in enumerate(pred)
            if pi not in used and _root_equal(key[0], p[0]) and _root_equal(key[1], p[1])
        ]
        report.confusion[(key[2], pred[same_dyad[0]][2] if same_dyad else "(none)")] += 1


def _worst(
    report: EventReport,
    item_id: str,
    gold: list[tuple],
    pred: list[tuple],
    pairs: list[tuple[int, int]],
) -> None:
    missed = [gold[i] for i in range(len(gold)) if i not in {g for g, _ in pairs}]
    spurious = [pred[i] for i in range(len(pred)) if i not in {p for _, p in pairs}]
    if missed or spurious:
        report.worst.append(
            {
                "id": item_id,
                "errors": len(missed) + len(spurious),
                "missed": [list(k) for k in missed],
                "spurious": [list(k) for k in spurious],
            }
        )
