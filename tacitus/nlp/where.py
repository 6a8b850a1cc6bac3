"""Event locations: a known place attached to the trigger by a locative preposition."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.kb import KnowledgeBase
from tacitus.nlp.syntax import CLAUSE_DEPS

__all__ = ["find_location", "place_named"]

LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "off", "over", "around"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def find_location(trigger: Token, kb: KnowledgeBase, anchor: Token | None = None) -> dict | None:
    """`{name, country, lat, lon, geonameid, text, start, end}` for 'met in Tokyo', or None.

    Looks at preposition phrases on the trigger (and on the support verb of a nominal
    trigger), then on the trigger's object ("an attack on a hospital in Gaza").
    """
    for head in (trigger, anchor):
        if head is None:
            continue
        for token in _locative_objects(head):
            place = place_named(token, kb)
            if place is not None:
                return place
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "pobj", "nsubjpass"}]
    # "air strikes on targets in Yemen": the place of what the act is aimed at
    objects += [
        o for p in trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
    ]
    for obj in objects:
        for token in _locative_objects(obj):
            place = place_named(token, kb)
            if place is not None:
                return place
    return None


def _locative_objects(head: Token) -> list[Token]:
    out = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE and prep.dep_ not in CLAUSE_DEPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out.append(obj)
                    out.extend(obj.conjuncts)
    return out


def place_named(token: Token, kb: KnowledgeBase) -> dict | None:
    """The known place named by the phrase headed by `token` ("the city of Aleppo" too)."""
    doc = token.doc
    candidates = []
    if token.ent_type_ in PLACE_LABELS:
        ent = next(e for e in doc.ents if e.start <= token.i < e.end)
        candidates.append(doc[ent.start : ent.end])
    candidates.append(doc[token.left_edge.i : token.i + 1])
    candidates.append(doc[token.i : token.i + 1])
    for prep in token.children:  # "the city of Aleppo", "the coast of Yemen"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            candidates.extend(
                doc[o.left_edge.i : o.i + 1] for o in prep.children if o.dep_ == "pobj"
            )
    for span in candidates:
        text = span.text
        for prefix in ("the ", "The "):
            text = text.removeprefix(prefix)
        place = kb.place(text)
        if place is not None:
            start = span.start_char + (len(span.text) - len(text))
            return {
                "name": place.name,
                "country": place.country,
                "lat": place.lat,
                "lon": place.lon,
                "geonameid": place.geonameid,
                "text": text,
                "start": start,
                "end": span.end_char,
            }
    return None
