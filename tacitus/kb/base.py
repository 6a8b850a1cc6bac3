"""The actor knowledge base: countries, metonyms, organisations, groups, roles, people, places.

Built once per process from the tables in tacitus/data (pure Python, no spaCy). Lookups are
by surface form as written; person names are also indexed ASCII-folded and lower-cased so
"Erdogan" finds "Erdoğan".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from tacitus.errors import DataError
from tacitus.kb.tables import COUNTRIES, METONYMS, ORGANISATIONS, PEOPLE, PLACES, ROLES
from tacitus.resources import Row, Schema, load_bundled, load_table, unique_by

__all__ = ["Entity", "KnowledgeBase", "Place", "Role", "Term", "fold", "load_kb"]


# Spellings of one office that news uses interchangeably.
_ROLE_WORDS = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "defense": "defence",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "secretary-general": "secretary general",
}


def slug(text: str) -> str:
    """An id-safe ASCII slug: "Luiz Inácio Lula da Silva" -> "luiz-inacio-lula-da-silva"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def role_key(role: str) -> str:
    """An office name reduced for comparison: case, accents, hyphens, spacing, gendered and
    British/American spellings ignored ("Defense Spokesman" = "defence spokesperson")."""
    words = fold(role).replace("-", " ").split()
    return " ".join(_ROLE_WORDS.get(w, w) for w in words)


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
        self.place_starts: set[str] = set()  # folded first words of place names, for scanning
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
        holders = self.holders_on(role, day, country=country, org=org)
        return holders[0] if holders else None

    def holders_on(
        self, role: str, day: date, *, country: str | None = None, org: str | None = None
    ) -> list[Term]:
        """Everyone holding `role` on `day` (several for shared offices, e.g. spokespeople)."""
        terms = self.offices.get((role_key(role), country, org), ())
        return sorted((t for t in terms if t.valid_on(day)), key=lambda t: t.start, reverse=True)

    def place(self, name: str) -> Place | None:
        return self.places.get(name) or self.places.get(fold(name))


# The bundled tables, in load order: countries first, since the others refer to them.
BUNDLED = (
    ("countries.tsv", COUNTRIES),
    ("metonyms.tsv", METONYMS),
    ("organisations.tsv", ORGANISATIONS),
    ("groups.tsv", ORGANISATIONS),
    ("roles.tsv", ROLES),
    ("people.tsv", PEOPLE),
    ("places.tsv", PLACES),
)
SCHEMAS = (COUNTRIES, METONYMS, ORGANISATIONS, ROLES, PEOPLE, PLACES)


def load_kb(extra: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base: the bundled tables plus the user's tables in `extra`.

    `extra` lists TSV files or folders of them (every `*.tsv` inside, sorted by name); each
    file's header says which table it extends. Built once per process for each `extra`.
    """
    return _load_kb(tuple(str(p) for p in extra))


@cache
def _load_kb(extra: tuple[str, ...]) -> KnowledgeBase:
    tables: list[tuple[str, Schema, tuple[Row, ...]]] = [
        (name, schema, load_bundled(name, schema)) for name, schema in BUNDLED
    ]
    for path in user_table_paths(extra):
        schema = schema_of(path)
        tables.append((path.name, schema, tuple(load_table(path, schema))))
    kb = KnowledgeBase()
    order = {schema.name: k for k, schema in enumerate(SCHEMAS)}
    for fname, schema, rows in sorted(tables, key=lambda t: order[t[1].name]):
        _ADDERS[schema.name](kb, fname, rows)
    return kb


def user_table_paths(extra: Iterable[str]) -> list[Path]:
    """The TSV files named by `extra` (files, or folders of `*.tsv`)."""
    paths: list[Path] = []
    for item in extra:
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted(path.glob("*.tsv")))
        elif path.is_file():
            paths.append(path)
        else:
            raise DataError(
                f"{item}: no such knowledge-base table or folder (from --kb or the config)"
            )
    return paths


def schema_of(path: Path) -> Schema:
    """Which table a user file extends, from its header line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise DataError(f"{path}: not UTF-8 text") from e
    header = next(
        (tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")),
        None,
    )
    for schema in SCHEMAS:
        if header == schema.header:
            return schema
    known = "; ".join(f"{s.name}: {', '.join(s.header)}" for s in SCHEMAS)
    raise DataError(
        f"{path}: the header {header} is not one of the knowledge-base tables ({known})"
    )


def _check_country(kb: KnowledgeBase, iso3: str | None, where: str) -> None:
    if iso3 is not None and iso3 not in kb.countries:
        raise DataError(f"{where} column 'country': '{iso3}' is not in countries.tsv")


def _add_countries(kb: KnowledgeBase, fname: str, rows: tuple[Row, ...]) -> None:
    for iso3, row in unique_by(rows, "iso3", fname).items():
        if iso3 in kb.countries:
            raise DataError(
                f"{fname} line {row['_line']} column 'iso3': {iso3} is already a "
                "country; add other names for it in a metonyms table"
            )
        code = row["cameo"] or iso3
        entity = Entity(f"country/{iso3}", row["name"], "country", iso3, None, None, code)
        kb.countries[iso3] = entity
        kb.country_codes[iso3] = code
        for name in (row["name"], *row["aliases"]):
            kb.names[name].append(entity)
        for demonym in row["demonyms"]:
            kb.demonyms[demonym] = entity


def _add_metonyms(kb: KnowledgeBase, fname: str, rows: tuple[Row, ...]) -> None:
    for row in rows:
        _check_country(kb, row["country"], f"{fname} line {row['_line']}")
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


def _add_roles(kb: KnowledgeBase, fname: str, rows: tuple[Row, ...]) -> None:
    for row in rows:
        wild = row["sector"] == "*"
        if wild != (row["code"] == "*"):
            raise DataError(f"{fname} line {row['_line']}: sector and code are both '*' or neither")
        kb.roles[row["phrase"]] = Role(
            row["phrase"],
            None if wild else row["sector"],
            None if wild else row["code"],
            row["kind"],
        )


def _add_people(kb: KnowledgeBase, fname: str, rows: tuple[Row, ...]) -> None:
    for row in rows:
        where = f"{fname} line {row['_line']}"
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


def _add_places(kb: KnowledgeBase, fname: str, rows: tuple[Row, ...]) -> None:
    for row in rows:
        _check_country(kb, row["country"], f"{fname} line {row['_line']}")
        place = Place(
            row["name"], row["country"], row["kind"], row["lat"], row["lon"], row["geonameid"]
        )
        for name in (row["name"], *row["aliases"]):
            # A city beats a country or region of the same name ("Djibouti", "Kuwait").
            existing = kb.places.get(name)
            if existing is None or (existing.kind != "city" and place.kind == "city"):
                kb.places[name] = place
                kb.places.setdefault(fold(name), place)
            kb.place_starts.add(fold(name).split()[0] if name.strip() else "")


_ADDERS = {
    COUNTRIES.name: _add_countries,
    METONYMS.name: _add_metonyms,
    ORGANISATIONS.name: _add_organisations,
    ROLES.name: _add_roles,
    PEOPLE.name: _add_people,
    PLACES.name: _add_places,
}
