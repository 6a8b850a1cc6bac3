"""Selecting quotes from coded documents: what `tacitus quotes` lists.

"What did X say about Y": a quote is by X when X names its speaker (canonical name, the words
of the text, actor code, country, organisation or knowledge-base id); it is about Y when Y is
named in what was said, or is the source or target of an event coded inside the quote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tacitus.kb.base import fold
from tacitus.records import Actor, CodedDocument, Quote

__all__ = ["QuoteRow", "matches_actor", "select_quotes"]


@dataclass(frozen=True)
class QuoteRow:
    """A quote with the article it came from, as `tacitus quotes` lists it."""

    doc_id: str
    published: str | None
    source: str | None
    url: str | None
    quote: Quote

    def to_dict(self) -> dict:
        speaker = self.quote.speaker
        return {
            "doc_id": self.doc_id,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "quote_id": self.quote.id,
            "kind": self.quote.kind,
            "speaker": None if speaker is None else speaker.name,
            "speaker_code": None if speaker is None else speaker.code,
            "speaker_role": None if speaker is None else speaker.role,
            "speaker_text": self.quote.speaker_text,
            "cue": None if self.quote.cue is None else self.quote.cue.text,
            "content": self.quote.content,
            "start": self.quote.start,
            "end": self.quote.end,
            "events": list(self.quote.events),
        }


def matches_actor(actor: Actor | None, query: str) -> bool:
    """True when `query` names this actor: a code or id exactly, a name or the text in part."""
    if actor is None:
        return False
    wanted = fold(query)
    exact = (actor.code, actor.country, actor.org, actor.kb_id)
    if any(value and fold(value) == wanted for value in exact):
        return True
    return any(value and wanted in fold(value) for value in (actor.name, actor.text))


def select_quotes(
    doc: CodedDocument, *, speaker: str | None = None, about: str | None = None
) -> Iterator[QuoteRow]:
    """The quotes of `doc` said by `speaker` and about `about` (either may be None: any)."""
    events = {event.id: event for event in doc.events}
    for quote in doc.quotes:
        if speaker is not None and not _said_by(quote, speaker):
            continue
        if about is not None and not _is_about(doc, quote, events, about):
            continue
        yield QuoteRow(doc.id, doc.published, doc.source, doc.url, quote)


def _said_by(quote: Quote, query: str) -> bool:
    if quote.speaker is not None:
        return matches_actor(quote.speaker, query)
    # A speaker the actor stage could not resolve is still searchable by its words.
    return bool(quote.speaker_text) and fold(query) in fold(quote.speaker_text or "")


def _is_about(doc: CodedDocument, quote: Quote, events: dict, query: str) -> bool:
    # an actor mentioned inside what was said
    inside = (a for a in doc.actors if quote.start <= a.start and a.end <= quote.end)
    if any(matches_actor(actor, query) for actor in inside):
        return True
    # an actor of an event coded in the quote (the content may say "them" for it)
    for event_id in quote.events:
        event = events.get(event_id)
        if event is not None and (
            matches_actor(event.source, query) or matches_actor(event.target, query)
        ):
            return True
    # topic words
    return fold(query) in fold(quote.content)
