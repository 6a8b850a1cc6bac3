"""An article's text as HTML with its actors, triggers and quotes marked (displaCy style)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

__all__ = ["highlight"]


def highlight(article: dict[str, Any]) -> Markup:
    """The text with `<mark>`s for actor mentions and triggers inside `<q>`s for quotes.

    Marks that overlap an earlier one are left out; a mark crossing a quote's edge is cut
    there, so the HTML stays well nested.
    """
    text: str = article["text"]
    marks = _marks(article, len(text))
    quotes = _non_overlapping(
        [
            (q["start"], q["end"], q)
            for q in article["quotes"]
            if _valid(q["start"], q["end"], len(text))
        ]
    )
    out: list[str] = []
    position = 0
    for start, end, quote in quotes:
        out.append(_inline(text, position, start, marks))
        inner = _inline(text, start, end, marks)
        out.append(
            f'<q class="quote" id="{escape(quote["quote_id"])}" '
            f'title="{escape(_speaker(quote))}">{inner}</q>'
        )
        position = end
    out.append(_inline(text, position, len(text), marks))
    return Markup("".join(out))


def _valid(start: Any, end: Any, length: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def _speaker(quote: dict[str, Any]) -> str:
    return f"quote {quote['quote_id']} by {quote.get('speaker_name') or 'unknown speaker'}"


def _non_overlapping(spans: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    kept: list[tuple[int, int, Any]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _marks(article: dict[str, Any], length: int) -> list[tuple[int, int, dict[str, str]]]:
    spans: list[tuple[int, int, Any]] = []
    for m in article["mentions"]:
        if _valid(m["start"], m["end"], length):
            label = m["code"] or m["sector"] or "ACTOR"
            spans.append((m["start"], m["end"], {"kind": "actor", "label": label, "id": ""}))
    for e in article["events"]:
        if _valid(e["trigger_start"], e["trigger_end"], length):
            label = e["cameo"] + (f" {e['plover']}" if e["plover"] else "")
            info = {"kind": f"trigger q{e['quad_class']}", "label": label, "id": e["event_id"]}
            spans.append((e["trigger_start"], e["trigger_end"], info))
    return _non_overlapping(spans)


def _inline(text: str, start: int, end: int, marks: list) -> str:
    out: list[str] = []
    position = start
    for m_start, m_end, info in marks:
        if m_end <= start or m_start >= end:
            continue
        m_start, m_end = max(m_start, start), min(m_end, end)
        out.append(str(escape(text[position:m_start])))
        anchor = f' id="t-{escape(info["id"])}"' if info["id"] else ""
        out.append(
            f'<mark class="{info["kind"]}"{anchor}>{escape(text[m_start:m_end])}'
            f'<span class="label">{escape(info["label"])}</span></mark>'
        )
        position = m_end
    out.append(str(escape(text[position:end])))
    return "".join(out)
