"""Compose an actor from what the words around a mention say (pure Python, no spaCy).

The nlp layer finds the pieces in the parse (a person's name, the countries, organisations
and metonyms that modify it, its role words) and hands them over as a `Descriptor`; this
module decides the actor's identity with the knowledge base and the article's date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tacitus.kb.base import Entity, KnowledgeBase, Role, Term

__all__ = ["ActorFields", "Descriptor", "resolve"]

ORG_KINDS = frozenset({"org", "group", "party", "company"})
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "IMG", "SEP"})
MEMBER_SECTORS = frozenset({"MIL", "UAF", "REB", "COP", "GOV", "INS"})


@dataclass
class Descriptor:
    """The pieces of one mention. `roles` are (role, text) pairs, the head's role first."""

    text: str
    person_name: str | None = None
    entities: list[Entity] = field(default_factory=list)
    roles: list[tuple[Role, str]] = field(default_factory=list)
    former: bool = False
    definite: bool = True  # "the/NATO's Secretary-General", not "a spokesman"


@dataclass(frozen=True)
class ActorFields:
    name: str
    kb_id: str | None
    country: str | None
    org: str | None
    sector: str | None
    role: str | None
    code: str | None
    person: bool


def resolve(desc: Descriptor, kb: KnowledgeBase, day: date) -> ActorFields:
    """The actor a mention stands for on `day`, from its name, modifiers and roles."""
    if desc.person_name:
        known = _known_person(desc, kb, day)
        if known is not None:
            return known
    org = next((e for e in desc.entities if e.kind in ORG_KINDS), None)
    place = _place(desc.entities)
    role_text = _role_text(desc.roles)
    served_role = (
        place.role if place is not None and place.kind in {"seat", "institution"} else None
    )
    if served_role and role_text and all(r.sector is None for r, _ in desc.roles):
        role_text = f"{served_role} {role_text}"  # "State Department spokesman"
    sector, suffix = _sector(desc, org, place)
    holder = _office_holder(desc, kb, day, org, place) if not desc.person_name else None
    if holder is not None:
        return _from_term(kb, holder, current=True, role=role_text)
    person = bool(desc.person_name) or any(r.kind == "person" for r, _ in desc.roles[:1])
    if org is not None:
        country = org.country or (place.country if place else None)
        code = org.code
        if org.kind == "org" and place is not None and desc.roles:
            # "Russia's UN ambassador": a state's envoy to an organisation acts for the state.
            code = kb.actor_code(place.country, suffix or "GOV")
            return ActorFields(
                _name(desc, org),
                None,
                place.country,
                None,
                sector or "GOV",
                role_text,
                code,
                person,
            )
        return ActorFields(
            _name(desc, org),
            None if desc.roles else org.kb_id,
            country,
            org.org,
            sector or org.sector,
            role_text,
            code,
            person,
        )
    if place is not None:
        code = kb.actor_code(place.country, suffix)
        kb_id = place.kb_id or None if not desc.roles and not desc.person_name else None
        if role_text is None and place.kind in {"seat", "institution"}:
            role_text = place.role  # "the Kremlin": the presidency
        return ActorFields(
            _name(desc, place), kb_id, place.country, None, sector, role_text, code, person
        )
    return ActorFields(_name(desc, None), None, None, None, sector, role_text, suffix, person)


def _place(entities: list[Entity]) -> Entity | None:
    """The state the actor belongs to. A state named outright beats the home state of an
    institution word ("Guatemala's Congress" is Guatemala's, though "Congress" alone is the
    US Congress); the institution still gives the sector."""
    places = [e for e in entities if e.kind not in ORG_KINDS]
    named = next((e for e in places if e.kind in {"country", "region", "capital"}), None)
    body = next((e for e in places if e.kind in {"seat", "institution"}), None)
    if named is not None and body is not None and named.country != body.country:
        return Entity(
            "",
            f"{named.name} {body.role or body.name}",
            "institution",
            named.country,
            None,
            body.sector,
            None,
            body.role or body.name,
        )
    return places[0] if places else None


def _known_person(desc: Descriptor, kb: KnowledgeBase, day: date) -> ActorFields | None:
    assert desc.person_name is not None
    ids = kb.people_named(desc.person_name)
    for _, title in desc.roles[:1]:
        ids = ids or kb.people_named(f"{title} {desc.person_name}")  # "King Salman"
    if not ids and " " not in desc.person_name.strip():
        ids = kb.people_with_surname(desc.person_name)
    countries = {e.country for e in desc.entities if e.country}
    found: list[tuple[Term, bool]] = []
    for pid in sorted(ids):
        held = kb.term_on(pid, day)
        if held is None:
            continue
        term, current = held
        if countries and term.country not in countries:
            continue
        found.append((term, current))
    if len(found) != 1:
        # Unknown, or several people of that name: the descriptors decide, not a guess.
        return None
    term, current = found[0]
    if not current and desc.roles and not desc.former:
        # The KB knows an ended office, the text names a present one ("Wang Yi, China's top
        # diplomat"): the person is the KB's, the office the text's.
        now = resolve(Descriptor(desc.text, None, desc.entities, desc.roles), kb, day)
        # ... and acting for an organisation, they are not coded as their state's
        country = now.country or (None if now.org else term.country)
        code = now.code if now.country or now.org else kb.actor_code(country, now.sector)
        return ActorFields(
            term.name, term.person_id, country, now.org, now.sector, now.role, code, True
        )
    return _from_term(kb, term, current=current and not desc.former, role=_role_text(desc.roles))


def _from_term(kb: KnowledgeBase, term: Term, *, current: bool, role: str | None) -> ActorFields:
    sector = term.sector if current else "ELI"
    # A former official of an organisation is no longer coded as the organisation.
    code = (
        kb.actor_code(term.country, sector)
        if term.country or not current
        else _org_code(kb, term.org)
    )
    title = term.role if current else f"former {term.role}"
    return ActorFields(
        term.name,
        term.person_id,
        term.country,
        term.org,
        sector,
        title if current or not role else f"former {role}",
        code,
        True,
    )


def _org_code(kb: KnowledgeBase, org: str | None) -> str | None:
    if org is None:
        return None
    for entity in kb.names.get(org, []):
        if entity.kind == "org":
            return entity.code
    return "IGO"


def _office_holder(
    desc: Descriptor, kb: KnowledgeBase, day: date, org: Entity | None, place: Entity | None
) -> Term | None:
    """'NATO's Secretary-General', 'the U.S. secretary of state': who held it that day.

    Only a definite phrase names one person ("a spokesman" does not), and only an office
    with a single holder that day (China has several foreign-ministry spokespeople).
    """
    if not desc.roles or desc.roles[0][0].kind != "person" or desc.person_name:
        return None
    if not desc.definite or desc.former:
        return None
    text = _role_text(desc.roles) or ""
    if org is not None and org.kind == "org" and org.org:
        holders = kb.holders_on(text, day, org=org.org)
    elif place is not None and place.kind == "country" and org is None:
        holders = kb.holders_on(text, day, country=place.country)
    else:
        return None
    return holders[0] if len(holders) == 1 else None


def _sector(
    desc: Descriptor, org: Entity | None, place: Entity | None
) -> tuple[str | None, str | None]:
    """Sector and agent-code suffix: the first concrete role, else what the role serves."""
    armed = org if org is not None and org.kind == "group" and org.sector in ARMED_SECTORS else None
    for role, _ in desc.roles:
        if role.sector is not None:
            if armed is not None and role.sector in MEMBER_SECTORS:
                # "Hamas gunmen", "RSF commander", "YPG militia": fighters of an armed group
                # are the group's, not an army's.
                return armed.sector, armed.sector
            return role.sector, role.code
    if desc.roles:  # only serving roles ("spokesman", "counterpart"): the body they serve
        served = org or place
        if served is not None and served.sector:
            return served.sector, served.sector
        if org is not None:
            return org.sector, None
        return ("GOV", "GOV") if place is not None else (None, None)
    if place is not None and place.sector:
        return place.sector, place.sector
    return None, None


def _role_text(roles: list[tuple[Role, str]]) -> str | None:
    if not roles:
        return None
    texts = [text for _, text in roles]
    # "spokesman" + "Foreign Ministry" -> "Foreign Ministry spokesman"
    return " ".join(reversed(texts)) if len(texts) > 1 else texts[0]


def _name(desc: Descriptor, entity: Entity | None) -> str:
    if desc.person_name:
        return desc.person_name
    if entity is not None and not desc.roles:
        return entity.name
    text = desc.text
    for article in ("the ", "a ", "an ", "The ", "A ", "An "):
        if text.startswith(article):
            text = text[len(article) :]
    return text
