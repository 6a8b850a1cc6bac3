"""`tacitus eval quotes`: quote contents and speakers against our quote gold set.

A predicted quote matches a gold quote when its content covers at least half of the gold
content's words (one to one, best overlap first). Speaker accuracy is measured on matched
quotes: the speaker's country and organisation must equal the gold ones (and the
knowledge-base id, where the gold gives one); a gold quote without a speaker is right only
when none is predicted.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tacitus.eval.events import PRF
from tacitus.eval.gold import GoldItem
from tacitus.records import CodedDocument, Quote

__all__ = ["QuoteReport", "match_contents", "score_quotes", "words"]

_WORD = re.compile(r"\w+", re.UNICODE)
MIN_COVER = 0.5


@dataclass
class KindScore:
    """Recall counts by the gold quote's kind, precision counts by the predicted one's."""

    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold quotes of this kind that were matched
    right: int = 0  # predicted quotes of this kind that were matched

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class QuoteReport:
    overall: PRF = field(default_factory=PRF)
    by_kind: dict[str, KindScore] = field(default_factory=lambda: defaultdict(KindScore))
    speaker: Counter = field(default_factory=Counter)  # (speaker_kind, right?) -> n
    errors: list[dict] = field(default_factory=list)

    def speaker_accuracy(self, kind: str | None = None) -> float | None:
        right = sum(n for (k, ok), n in self.speaker.items() if ok and kind in (None, k))
        total = sum(n for (k, _), n in self.speaker.items() if kind in (None, k))
        return right / total if total else None

    def to_dict(self) -> dict:
        kinds = sorted({k for k, _ in self.speaker})
        return {
            "content": self.overall.to_dict(),
            "by_kind": {k: v.to_dict() for k, v in sorted(self.by_kind.items())},
            "speaker_accuracy": _round(self.speaker_accuracy()),
            "speaker_by_kind": {k: _round(self.speaker_accuracy(k)) for k in kinds},
            "errors": self.errors[:50],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def score_quotes(items: list[GoldItem], coded: dict[str, CodedDocument]) -> QuoteReport:
    report = QuoteReport()
    for item in items:
        gold = item.data.get("quotes", [])
        predicted = list(coded[item.id].quotes)
        pairs = _match(gold, predicted)
        report.overall.add(len(pairs), len(predicted), len(gold))
        matched_pred = {pi for _, pi in pairs}
        for g in gold:
            report.by_kind[g["kind"]].gold += 1
        for gi, pi in pairs:
            report.by_kind[gold[gi]["kind"]].found += 1
            report.by_kind[predicted[pi].kind].right += 1
        for pi, q in enumerate(predicted):
            report.by_kind[q.kind].predicted += 1
            if pi in matched_pred:
                continue
            report.errors.append({"id": item.id, "spurious": q.content[:120], "kind": q.kind})
        for gi, pi in pairs:
            ok = _speaker_right(gold[gi].get("speaker"), predicted[pi])
            report.speaker[(gold[gi].get("speaker_kind", "?"), ok)] += 1
            if not ok:
                report.errors.append(_speaker_error(item, gold[gi], predicted[pi]))
        for gi, g in enumerate(gold):
            if gi not in {g_ for g_, _ in pairs}:
                report.errors.append(
                    {"id": item.id, "missed": g["content"][:120], "kind": g["kind"]}
                )
    return report


def _match(gold: list[dict], predicted: list[Quote]) -> list[tuple[int, int]]:
    return match_contents([g["content"] for g in gold], [q.content for q in predicted])


def match_contents(gold: list[str], predicted: list[str]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: one to one, best word overlap first, each
    covering at least MIN_COVER of the gold content's words."""
    scored = []
    for gi, content in enumerate(gold):
        gold_words = Counter(words(content))
        total = sum(gold_words.values())
        if not total:
            continue
        for pi, text in enumerate(predicted):
            covered = sum((gold_words & Counter(words(text))).values()) / total
            if covered >= MIN_COVER:
                scored.append((covered, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(scored, reverse=True):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return pairs


def _speaker_right(gold: dict | None, quote: Quote) -> bool:
    if not gold:
        return quote.speaker is None
    speaker = quote.speaker
    if speaker is None:
        return False
    if (speaker.country, speaker.org) != (gold.get("country"), gold.get("org")):
        return False
    return not gold.get("kb_id") or speaker.kb_id == gold["kb_id"]


def _speaker_error(item: GoldItem, gold: dict, quote: Quote) -> dict:
    s = quote.speaker
    return {
        "id": item.id,
        "content": gold["content"][:80],
        "speaker_kind": gold.get("speaker_kind"),
        "expected": gold.get("speaker"),
        "predicted": None
        if s is None
        else {"text": s.text, "country": s.country, "org": s.org, "kb_id": s.kb_id},
    }
