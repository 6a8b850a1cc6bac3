"""The actor knowledge base: countries, metonyms, organisations, groups, roles, people, places.

Built once per process from the tables in tacitus/data (pure Python, no spaCy). Lookups are
by surface form as written; person names are also indexed ASCII-folded and lower-cased so
"Erdogan" finds "Erdoğan".
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache

from tacitus.errors import DataError
from tacitus.kb.tables import COUNTRIES, METONYMS, ORGANISATIONS, PEOPLE, PLACES, ROLES
from tacitus.resources import Row, load_bundled, unique_by

__all__ = ["Entity", "KnowledgeBase", "Place", "Role", "Term", "fold", "load_kb"]


def role_key(role: str) -> str:
    """An office name reduced for comparison: case, accents, hyphens and spacing ignored."""
    return " ".join(fold(role).replace("-", " ").split())


def fold(text: str) -> str:
    """Lower-case, strip accents and unify apostrophes: the key for name lookups."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@dataclass(frozen=True)
class Entity:
    """Something a name in text can stand for: a country, an organisation, a group, a body."""

    kb_id: str
    name: str
    kind: str  # country | capital | seat | institution | region | org | group | party
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    generic: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A role word: `sector`/`code` None mean 'the sector of whom it serves' (`*`)."""

    phrase: str
    sector: str | None
    code: str | None
    kind: str  # person | body | group


@dataclass(frozen=True)
class Term:
    """One term of office, half-open: start <= day < end (end None while in office)."""

    person_id: str
    name: str
    country: str | None
    org: str | None
    role: str
    sector: str
    start: date
    end: date | None

    def valid_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    kind: str
    lat: float
    lon: float
    geonameid: int | None


class KnowledgeBase:
    """Indexes over the KB tables. Build with `load_kb()`."""

    def __init__(self) -> None:
        self.countries: dict[str, Entity] = {}
        self.country_codes: dict[str, str] = {}
        self.names: dict[str, list[Entity]] = defaultdict(list)
        self.demonyms: dict[str, Entity] = {}
        self.roles: dict[str, Role] = {}
        self.terms: dict[str, list[Term]] = defaultdict(list)
        self.person_names: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.person_surfaces: set[str] = set()
        self.offices: dict[tuple[str, str | None, str | None], list[Term]] = defaultdict(list)
        self.places: dict[str, Place] = {}
        self.generics: dict[str, list[Entity]] = defaultdict(list)

    # -- lookups -------------------------------------------------------------------------
    def country(self, iso3: str | None) -> Entity | None:
        return self.countries.get(iso3) if iso3 else None

    def actor_code(self, iso3: str | None, suffix: str | None) -> str | None:
        """CAMEO actor code: the country's CAMEO code followed by an agent code."""
        base = self.country_codes.get(iso3, iso3) if iso3 else None
        if base is None:
            return suffix  # CAMEO allows a bare agent code: "police said" -> COP
        return base + (suffix or "")

    def people_named(self, name: str) -> set[str]:
        """Person ids whose full name or alias is `name` (accent- and case-insensitive)."""
        return set(self.person_names.get(fold(name), ()))

    def people_with_surname(self, surname: str) -> set[str]:
        return set(self.surnames.get(fold(surname), ()))

    def term_on(self, person_id: str, day: date) -> tuple[Term, bool] | None:
        """The person's office on `day`, and whether it is current (else their latest past)."""
        terms = self.terms.get(person_id, [])
        current = [t for t in terms if t.valid_on(day)]
        if current:
            return max(current, key=lambda t: t.start), True
        past = [t for t in terms if t.end is not None and t.end <= day]
        if past:
            return max(past, key=lambda t: t.end or t.start), False
        return None

    def holder_on(
        self, role: str, day: date, *, country: str | None = None, org: str | None = None
    ) -> Term | None:
        """Who held `role` for that country or organisation on `day` ("Secretary-General"
        and "secretary general" are the same office)."""
        for term in self.offices.get((role_key(role), country, org), ()):
            if term.valid_on(day):
                return term
        return None

    def place(self, name: str) -> Place | None:
        return self.places.get(name) or self.places.get(fold(name))


@cache
def load_kb() -> KnowledgeBase:
    """Read every KB table once per process and cross-check their references."""
    kb = KnowledgeBase()
    _add_countries(kb, load_bundled("countries.tsv", COUNTRIES))
    _add_metonyms(kb, load_bundled("metonyms.tsv", METONYMS))
    for fname in ("organisations.tsv", "groups.tsv"):
        _add_organisations(kb, fname, load_bundled(fname, ORGANISATIONS))
    for row in load_bundled("roles.tsv", ROLES):
        wild = row["sector"] == "*"
        if wild != (row["code"] == "*"):
            raise DataError(
                f"roles.tsv line {row['_line']}: sector and code are both '*' or neither"
            )
        kb.roles[row["phrase"]] = Role(
            row["phrase"],
            None if wild else row["sector"],
            None if wild else row["code"],
            row["kind"],
        )
    _add_people(kb, load_bundled("people.tsv", PEOPLE))
    _add_places(kb, load_bundled("places.tsv", PLACES))
    return kb


def _check_country(kb: KnowledgeBase, iso3: str | None, where: str) -> None:
    if iso3 is not None and iso3 not in kb.countries:
        raise DataError(f"{where} column 'country': '{iso3}' is not in countries.tsv")


def _add_countries(kb: KnowledgeBase, rows: tuple[Row, ...]) -> None:
    for iso3, row in unique_by(rows, "iso3", "countries.tsv").items():
        code = row["cameo"] or iso3
        entity = Entity(f"country/{iso3}", row["name"], "country", iso3, None, None, code)
        kb.countries[iso3] = entity
        kb.country_codes[iso3] = code
        for name in (row["name"], *row["aliases"]):
            kb.names[name].append(entity)
        for demonym in row["demonyms"]:
            kb.demonyms[demonym] = entity


def _add_metonyms(kb: KnowledgeBase, rows: tuple[Row, ...]) -> None:
    for row in rows:
        _check_country(kb, row["country"], f"metonyms.tsv line {row['_line']}")
        iso3, sector = row["country"], row["sector"]
        code = kb.actor_code(iso3, sector)
        entity = Entity(
            f"country/{iso3}", row["phrase"], row["kind"], iso3, None, sector, code, row["role"]
        )
        kb.names[row["phrase"]].append(entity)


def _add_organisations(kb: KnowledgeBase, fname: str, rows: tuple[Row, ...]) -> None:
    for row in unique_by(rows, "id", fname).values():
        _check_country(kb, row["country"], f"{fname} line {row['_line']}")
        kind = row["id"].split("/", 1)[0]
        code = row["cameo"] or kb.actor_code(row["country"], row["sector"])
        entity = Entity(
            row["id"],
            row["name"],
            kind,
            row["country"],
            row["org"],
            row["sector"],
            code,
            None,
            row["generic"],
        )
        names = {row["name"], *row["aliases"]}
        if row["acronym"]:
            names.add(row["acronym"])
        for name in names:
            kb.names[name].append(entity)
        for noun in row["generic"]:
            kb.generics[noun].append(entity)


def _add_people(kb: KnowledgeBase, rows: tuple[Row, ...]) -> None:
    for row in rows:
        where = f"people.tsv line {row['_line']}"
        _check_country(kb, row["country"], where)
        if row["end"] is not None and row["end"] <= row["start"]:
            raise DataError(f"{where} column 'end': {row['end']} is not after start {row['start']}")
        pid = row["id"]
        term = Term(
            pid,
            row["name"],
            row["country"],
            row["org"],
            row["role"],
            row["sector"],
            row["start"],
            row["end"],
        )
        kb.terms[pid].append(term)
        kb.offices[(role_key(term.role), term.country, term.org)].append(term)
        for name in (row["name"], *row["aliases"]):
            kb.person_names[fold(name)].add(pid)
            kb.person_surfaces.add(name)
        kb.surnames[fold(row["name"].split()[-1])].add(pid)
        for alias in row["aliases"]:
            if " " not in alias:
                kb.surnames[fold(alias)].add(pid)


def _add_places(kb: KnowledgeBase, rows: tuple[Row, ...]) -> None:
    for row in rows:
        _check_country(kb, row["country"], f"places.tsv line {row['_line']}")
        place = Place(
            row["name"], row["country"], row["kind"], row["lat"], row["lon"], row["geonameid"]
        )
        for name in (row["name"], *row["aliases"]):
            # A city beats a country or region of the same name ("Djibouti", "Kuwait").
            existing = kb.places.get(name)
            if existing is None or (existing.kind != "city" and place.kind == "city"):
                kb.places[name] = place
                kb.places.setdefault(fold(name), place)
