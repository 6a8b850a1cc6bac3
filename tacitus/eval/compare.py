"""Tacitus against textacy's `direct_quotations` on the direct quotes of our quote gold set.

A development comparison (`tacitus bench quotes`), run when textacy is installed: both
extractors read the same parsed texts, and their direct quotes are matched to the gold direct
quotes with the scorer of `tacitus eval quotes` (a match covers at least half of the gold
content's words). A speaker counts as found when the words the extractor gives for it share
a word with the gold speaker's text ("Yatsenyuk" in "Prime Minister Arseniy Yatsenyuk").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import UsageError
from tacitus.eval.events import PRF
from tacitus.eval.gold import GoldItem, read_jsonl
from tacitus.eval.quotes import match_contents, words

__all__ = ["DirectQuote", "QuoteComparison", "compare_direct_quotes", "textacy_direct_quotes"]

# (content, speaker words or None) of each direct quote an extractor finds in a Doc
DirectQuote = tuple[str, str | None]
Extractor = Callable[[object], list[DirectQuote]]


@dataclass
class SystemScore:
    content: PRF = field(default_factory=PRF)
    speakers_found: int = 0
    gave_up: int = 0  # articles the extractor refused (it then finds nothing there)

    def to_dict(self) -> dict:
        matched = self.content.matched
        return {
            **self.content.to_dict(),
            "speaker_found": round(self.speakers_found / matched, 3) if matched else None,
            "articles_given_up": self.gave_up,
        }


@dataclass
class QuoteComparison:
    articles: int = 0
    systems: dict[str, SystemScore] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "gold_direct_quotes": next(iter(self.systems.values())).content.gold
            if self.systems
            else 0,
            "systems": {name: score.to_dict() for name, score in self.systems.items()},
        }


def tacitus_direct_quotes(doc) -> list[DirectQuote]:
    """The direct quotes the Tacitus pipeline put on a Doc."""
    text = doc.text
    out = []
    for quote in doc._.tacitus_quotes or []:
        if quote["kind"] != "direct":
            continue
        content = " ".join(text[s:e] for s, e in quote["parts"])
        out.append((content, quote["speaker_text"]))
    return out


def textacy_direct_quotes(doc) -> list[DirectQuote]:
    """textacy's direct quotations of a Doc (its speaker is a list of tokens)."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as e:
        raise UsageError(
            "the comparison needs textacy: pip install textacy (a development extra)"
        ) from e
    out = []
    for triple in direct_quotations(doc):
        speaker = " ".join(t.text for t in triple.speaker) or None
        out.append((triple.content.text.strip("\"'\u201c\u201d ,"), speaker))
    return out


def compare_direct_quotes(
    path: Path,
    *,
    nlp=None,
    extractors: dict[str, Extractor] | None = None,
    items: Iterable[GoldItem] | None = None,
) -> QuoteComparison:
    """Score each extractor's direct quotes against the gold direct quotes of `path`."""
    from tacitus.nlp.pipeline import default_pipeline

    nlp = nlp if nlp is not None else default_pipeline(())
    extractors = extractors or {
        "tacitus": tacitus_direct_quotes,
        "textacy": textacy_direct_quotes,
    }
    items = list(items) if items is not None else read_jsonl(path, required=("quotes",))
    result = QuoteComparison(systems={name: SystemScore() for name in extractors})
    for item in items:
        result.articles += 1
        gold = [q for q in item.data["quotes"] if q["kind"] == "direct"]
        doc = nlp(item.text)
        for name, extract in extractors.items():
            score = result.systems[name]
            try:
                found = extract(doc)
            except ValueError:
                # textacy refuses a text with an odd number of quotation marks (a quote
                # continued over paragraphs): it finds nothing in it.
                found = []
                score.gave_up += 1
            pairs = match_contents([q["content"] for q in gold], [c for c, _ in found])
            score.content.add(len(pairs), len(found), len(gold))
            for gi, pi in pairs:
                score.speakers_found += _same_speaker(gold[gi].get("speaker"), found[pi][1])
    return result


def _same_speaker(gold: dict | None, predicted: str | None) -> bool:
    if not gold or not gold.get("text"):
        return predicted is None
    return predicted is not None and bool(set(words(gold["text"])) & set(words(predicted)))
