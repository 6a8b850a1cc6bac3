"""The one bridge from a finished Doc to records: Doc -> CodedDocument."""

from __future__ import annotations

from spacy.tokens import Doc

from tacitus.ontology import load_ontology
from tacitus.records import (
    Actor,
    Article,
    CodedDocument,
    Event,
    EventMention,
    Location,
    Quote,
    SentenceRef,
    TextSpan,
)

__all__ = ["to_record"]

ACTOR_FIELDS = ("text", "start", "end", "name", "kb_id", "country", "org", "sector", "role", "code")


def to_record(doc: Doc, article: Article) -> CodedDocument:
    """Records of a Doc that went through the Tacitus pipeline."""
    mentions = doc._.tacitus_actors or []
    actors = [Actor(**{k: m[k] for k in ACTOR_FIELDS}) for m in mentions]
    events = [_event(e, actors) for e in doc._.tacitus_events or []]
    quotes = [_quote(q, actors, events) for q in doc._.tacitus_quotes or []]
    return CodedDocument(
        article.id,
        article.title,
        article.url,
        article.published,
        article.source,
        tuple(actors),
        tuple(events),
        tuple(quotes),
    )


def _actor(actors: list[Actor], index: int | None) -> Actor | None:
    return None if index is None else actors[index]


def _event(e: dict, actors: list[Actor]) -> Event:
    code = load_ontology().get(e["cameo"])
    location = Location(**e["location"]) if e["location"] else None
    target = _actor(actors, e["target"])
    if target is None and e.get("target_place"):
        target = Actor(**{k: e["target_place"][k] for k in ACTOR_FIELDS})
    return Event(
        id=e["id"],
        source=_actor(actors, e["source"]),
        target=target,
        cameo=code.code,
        cameo_name=code.name,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        plover=code.plover,
        plover_mode=code.plover_mode,
        asserted=e["asserted"],
        modality=e["modality"],
        attributed_to=_actor(actors, e["attributed_to"]),
        trigger=TextSpan(**e["trigger"]),
        sentence=SentenceRef(**e["sentence"]),
        date=e["date"],
        date_text=e["date_text"],
        location=location,
        quote=e["quote"],
        confidence=e["confidence"],
        date_precision=e["date_precision"],
        reading=e.get("reading"),
        mentions=tuple(
            EventMention(TextSpan(**m["trigger"]), SentenceRef(**m["sentence"]), m["quote"])
            for m in e.get("mentions", [])
        ),
    )


def _quote(q: dict, actors: list[Actor], events: list[Event]) -> Quote:
    cue = TextSpan(**q["cue"]) if q["cue"] else None
    told = [
        (e, m)
        for e in events
        for m in (e.mentions or (EventMention(e.trigger, e.sentence, e.quote),))
    ]
    linked = tuple(dict.fromkeys(e.id for e, m in told if m.quote == q["id"]))
    speech = tuple(
        dict.fromkeys(
            e.id
            for e, m in told
            if cue is not None and m.trigger.start == cue.start and m.quote is None
        )
    )
    return Quote(
        id=q["id"],
        speaker=_actor(actors, q["speaker"]),
        speaker_text=q["speaker_text"],
        content=q["content"],
        start=q["start"],
        end=q["end"],
        cue=cue,
        kind=q["kind"],
        events=speech + linked,
        speech_acts=speech,
    )
