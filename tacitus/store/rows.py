"""Records -> rows of the store's tables (tacitus/store/schema.py), one function a table.

The only place that knows how a record's nested fields are flattened into columns; a test
checks every record field lands in a column and every column is filled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from tacitus.records import Actor, CodedDocument, Event, Failure, Quote, StoreItem
from tacitus.store.schema import ACTOR_COLUMNS, TABLES

__all__ = ["batch_tables", "content_hash"]

Row = dict[str, Any]


def content_hash(text: str) -> str:
    """SHA-256 of the text, first 16 hex digits: the same as the readers' article id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def batch_tables(items: Iterable[StoreItem], *, batch: str, now: datetime) -> dict[str, pa.Table]:
    """The Arrow table of every store table for one batch (tables may be empty)."""
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for item in items:
        result = item.result
        if isinstance(result, Failure):
            rows["failures"].append(_failure(result, item.input, batch, now))
            continue
        if item.text is None:
            raise ValueError(f"{item.input}: a coded document needs its text to be stored")
        published = _day(result.published)
        rows["documents"].append(_document(item, result, batch, now))
        rows["events"] += [_event(result.id, published, e) for e in result.events]
        rows["quotes"] += [_quote(result.id, published, q) for q in result.quotes]
        rows["actor_mentions"] += [
            _mention(result.id, published, k, a) for k, a in enumerate(result.actors)
        ]
    return {
        name: pa.Table.from_pylist(table_rows, schema=TABLES[name])
        for name, table_rows in rows.items()
    }


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _document(item: StoreItem, doc: CodedDocument, batch: str, now: datetime) -> Row:
    text = item.text or ""
    return {
        "doc_id": doc.id,
        "content_hash": content_hash(text),
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "published": _day(doc.published),
        "text": text,
        "n_chars": len(text),
        "input": item.input,
        "ingested_at": now,
        "batch": batch,
        "minhash": list(item.minhash) if item.minhash is not None else None,
    }


def _actor(prefix: str, actor: Actor | None, *, offsets: bool) -> Row:
    row = {f"{prefix}_{name}": getattr(actor, name, None) for name in ACTOR_COLUMNS}
    if offsets:
        for name in ("text", "start", "end"):
            row[f"{prefix}_{name}"] = getattr(actor, name, None)
    return row


def _event(doc_id: str, published: date | None, event: Event) -> Row:
    place = event.location
    attributed = event.attributed_to
    return {
        "uid": f"{doc_id}:{event.id}",
        "doc_id": doc_id,
        "event_id": event.id,
        "published": published,
        "date": _day(event.date),
        "date_text": event.date_text,
        "date_precision": event.date_precision,
        **_actor("source", event.source, offsets=True),
        **_actor("target", event.target, offsets=True),
        "cameo": event.cameo,
        "cameo_name": event.cameo_name,
        "cameo_root": event.cameo[:2],
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "asserted": event.asserted,
        "modality": event.modality,
        "attributed_name": attributed.name if attributed else None,
        "attributed_code": attributed.code if attributed else None,
        "attributed_country": attributed.country if attributed else None,
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence_index": event.sentence.index,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "location_text": place.text if place else None,
        "location_start": place.start if place else None,
        "location_end": place.end if place else None,
        "quote_id": event.quote,
        "confidence": event.confidence,
    }


def _quote(doc_id: str, published: date | None, quote: Quote) -> Row:
    cue = quote.cue
    return {
        "uid": f"{doc_id}:{quote.id}",
        "doc_id": doc_id,
        "quote_id": quote.id,
        "published": published,
        **_actor("speaker", quote.speaker, offsets=False),
        "speaker_text": quote.speaker_text,
        "content": quote.content,
        "start": quote.start,
        "end": quote.end,
        "cue_text": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "kind": quote.kind,
        "event_ids": list(quote.events),
    }


def _mention(doc_id: str, published: date | None, index: int, actor: Actor) -> Row:
    return {"doc_id": doc_id, "mention": index, "published": published, **vars(actor)}


def _failure(failure: Failure, input_name: str, batch: str, now: datetime) -> Row:
    return {
        "input": input_name,
        "doc_id": failure.id,
        "stage": failure.stage,
        "reason": failure.reason,
        "message": failure.message,
        "batch": batch,
        "failed_at": now,
    }
