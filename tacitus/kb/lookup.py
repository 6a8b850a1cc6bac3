"""`tacitus kb lookup`: who or what a name or an office phrase means on a date.

"Stoltenberg" -> the person and the office he held that day (or his last one, as former);
"NATO Secretary-General" / "Secretary-General of NATO" / "the U.S. secretary of state" ->
the office and whoever held it that day; "Kremlin", "Türkiye", "IAEA" -> the entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tacitus.kb.base import Entity, KnowledgeBase, Term, fold

__all__ = ["Answer", "lookup"]

_FILLER = frozenset({"the", "of", "'s", "’s", "s", "for", "to"})


@dataclass(frozen=True)
class Answer:
    """One reading of the query."""

    kind: str  # person | office | country | organisation | metonym | place
    name: str
    kb_id: str | None
    country: str | None
    org: str | None
    sector: str | None
    code: str | None
    role: str | None = None
    current: bool | None = None
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def lookup(kb: KnowledgeBase, query: str, day: date) -> list[Answer]:
    """Every reading of `query` on `day`, people and offices first."""
    query = " ".join(query.split())
    answers = _people(kb, query, day) + _office(kb, query, day) + _entities(kb, query)
    seen: set[tuple] = set()
    unique = []
    for answer in answers:
        key = (answer.kind, answer.kb_id, answer.name, answer.role)
        if key not in seen:
            seen.add(key)
            unique.append(answer)
    return unique


def _people(kb: KnowledgeBase, query: str, day: date) -> list[Answer]:
    ids = kb.people_named(query) or kb.people_with_surname(query)
    out = []
    for pid in sorted(ids):
        held = kb.term_on(pid, day)
        if held is None:
            first = min(kb.terms[pid], key=lambda t: t.start)
            out.append(_person(kb, first, current=False, future=True))
            continue
        term, current = held
        out.append(_person(kb, term, current=current))
    return out


def _person(kb: KnowledgeBase, term: Term, *, current: bool, future: bool = False) -> Answer:
    sector = term.sector if current else "ELI"
    code = (
        kb.actor_code(term.country, sector)
        if term.country or not current
        else _org_code(kb, term.org)
    )
    role = term.role if current else (f"future {term.role}" if future else f"former {term.role}")
    return Answer(
        "person",
        term.name,
        term.person_id,
        term.country,
        term.org,
        sector,
        code,
        role,
        current,
        term.start.isoformat(),
        term.end.isoformat() if term.end else None,
    )


def _org_code(kb: KnowledgeBase, org: str | None) -> str | None:
    for entity in kb.names.get(org or "", []):
        if entity.org == org:
            return entity.code
    return None


def _office(kb: KnowledgeBase, query: str, day: date) -> list[Answer]:
    """An office phrase: a KB name (the state or organisation) plus role words."""
    words = re.findall(r"[\w.\-’']+", query)
    out = []
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            name = " ".join(words[start:end]).removesuffix("'s").removesuffix("’s")
            entities = _entities_named(kb, name)
            if not entities:
                continue
            role = " ".join(_trim(words[:start]) + _trim(words[end:]))
            if not role:
                continue
            for entity in entities:
                country = entity.country if entity.kind in {"country", "capital", "seat"} else None
                org = entity.org if entity.kind == "org" else None
                if country is None and org is None:
                    continue
                for term in kb.holders_on(role, day, country=country, org=org):
                    answer = _person(kb, term, current=True)
                    out.append(
                        Answer(
                            "office",
                            answer.name,
                            answer.kb_id,
                            answer.country,
                            answer.org,
                            answer.sector,
                            answer.code,
                            term.role,
                            True,
                            answer.start,
                            answer.end,
                        )
                    )
            if out:
                return out
    return out


def _trim(words: list[str]) -> list[str]:
    """Drop "the", "of", "'s" at the edges of a role ("Secretary-General of" -> ...)."""
    while words and words[0].lower() in _FILLER:
        words = words[1:]
    while words and words[-1].lower() in _FILLER:
        words = words[:-1]
    return words


def _entities_named(kb: KnowledgeBase, name: str) -> list[Entity]:
    found = list(kb.names.get(name, []))
    demonym = kb.demonyms.get(name)
    if demonym is not None:
        found.append(demonym)
    if not found:
        key = fold(name)
        found = [e for n, es in kb.names.items() if fold(n) == key for e in es]
    return found


def _entities(kb: KnowledgeBase, query: str) -> list[Answer]:
    out = []
    for entity in _entities_named(kb, query.removeprefix("the ").removeprefix("The ")):
        kind = {
            "org": "organisation",
            "group": "organisation",
            "party": "organisation",
            "country": "country",
        }.get(entity.kind, "metonym")
        out.append(
            Answer(
                kind,
                entity.name,
                entity.kb_id,
                entity.country,
                entity.org,
                entity.sector,
                entity.code,
                entity.role,
            )
        )
    place = kb.place(query)
    if place is not None and not out:
        out.append(Answer("place", place.name, None, place.country, None, None, None))
    return out
