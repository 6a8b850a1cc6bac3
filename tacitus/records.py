"""The records Tacitus produces: the contract between stages and with users.

Field names follow the output contract in DESIGN.md / docs/output.md. Records are frozen so a
stage cannot change what an earlier one produced; `to_dict()` gives the JSON shape. The nlp
layer builds them from a finished Doc (tacitus.nlp.serialize); everything above reads them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "Article",
    "CodedDocument",
    "Event",
    "Failure",
    "Location",
    "Quote",
    "SentenceRef",
    "StoreItem",
    "TextSpan",
]


@dataclass(frozen=True)
class Article:
    """One input article, before coding. `published` is `YYYY-MM-DD` or None."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class TextSpan:
    """Words in the article: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SentenceRef:
    """The sentence an event was found in: its index in the article and its offsets."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    """One mention of an actor, resolved as far as the text and the knowledge base allow."""

    text: str
    start: int
    end: int
    name: str
    kb_id: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Location:
    """Where an event happened. `geonameid` is None where the gazetteer has no id."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Event:
    """One coded event. `asserted` is False for negated, hypothetical and reported events."""

    id: str
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    asserted: bool
    modality: str
    attributed_to: Actor | None
    trigger: TextSpan
    sentence: SentenceRef
    date: str | None
    date_text: str | None
    location: Location | None
    quote: str | None
    confidence: float
    date_precision: str | None = None


@dataclass(frozen=True)
class Quote:
    """Something an actor said, directly ("...") or indirectly (X said that ...)."""

    id: str
    speaker: Actor | None
    speaker_text: str | None
    content: str
    start: int
    end: int
    cue: TextSpan | None
    kind: str
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class CodedDocument:
    """An article with everything coded from it."""

    id: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None
    actors: tuple[Actor, ...] = field(default_factory=tuple)
    events: tuple[Event, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the output contract (tuples become lists)."""
        return asdict(self)


@dataclass(frozen=True)
class Failure:
    """An article that could not be coded: where it came from, at which stage, and why."""

    id: str | None
    source: str
    stage: str  # read | nlp
    reason: str  # empty | binary | too_large | not_english | malformed | input | error
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoreItem:
    """One result as the store receives it: what was coded (or why not) and from which input.

    `text` is the article text the offsets refer to (None for a failure); `minhash` its
    MinHash signature (tacitus.ingest.dedup), kept so duplicates can be found later.
    """

    input: str
    result: CodedDocument | Failure
    text: str | None = None
    minhash: tuple[int, ...] | None = None
