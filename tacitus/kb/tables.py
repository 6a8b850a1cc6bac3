"""Schemas of the actor knowledge-base tables (see tacitus/data/README.md)."""

from __future__ import annotations

from datetime import date

from tacitus.resources import Column, Schema

__all__ = ["COUNTRIES", "METONYMS", "ORGANISATIONS", "PEOPLE", "PLACES", "ROLES", "parse_day"]

ISO3 = r"[A-Z]{3}"
SECTOR = r"[A-Z]{3}"
ACTOR_CODE = r"[A-Z][A-Z0-9]{2,24}"


def parse_day(text: str, *, end: bool = False) -> date:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as a date; a partial start is its first day.

    A partial *end* (first day out of office) is also its first day: a term that ended
    "in 2019" ends on 2019-01-01, which errs towards the successor for the unknown months.
    """
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError("expected YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(p) for p in parts + ["1"] * (3 - len(parts)))
    return date(year, month, day)


def _lat(text: str) -> float:
    value = float(text)
    if not -90 <= value <= 90:
        raise ValueError("latitude must be within -90..90")
    return value


def _lon(text: str) -> float:
    value = float(text)
    if not -180 <= value <= 180:
        raise ValueError("longitude must be within -180..180")
    return value


COUNTRIES = Schema(
    "countries",
    (
        Column("iso3", pattern=ISO3, hint="ISO 3166-1 alpha-3"),
        Column("cameo", required=False, pattern=r"[A-Z]{3,6}"),
        Column("name"),
        Column("aliases", required=False, multi=True),
        Column("demonyms", required=False, multi=True),
        Column("capital", required=False),
        Column("lat", required=False, convert=_lat),
        Column("lon", required=False, convert=_lon),
    ),
)
METONYMS = Schema(
    "metonyms",
    (
        Column("phrase"),
        Column("country", pattern=ISO3),
        Column("sector", required=False, pattern=SECTOR),
        Column("role", required=False),
        Column("kind", choices=frozenset({"capital", "seat", "institution", "region"})),
    ),
)
ORGANISATIONS = Schema(
    "organisations",
    (
        Column("id", pattern=r"(org|group|party|company)/[a-z0-9][a-z0-9-]*", hint="org/slug"),
        Column("name"),
        Column("acronym", required=False),
        Column("aliases", required=False, multi=True),
        Column("org", required=False),
        Column("country", required=False, pattern=ISO3),
        Column("sector", pattern=SECTOR),
        Column("cameo", required=False, pattern=ACTOR_CODE),
        Column("generic", required=False, multi=True, pattern=r"[a-z][a-z -]*"),
        Column("note", required=False),
    ),
)
ROLES = Schema(
    "roles",
    (
        Column("phrase", pattern=r"[^\sA-Z|][^A-Z|]*", hint="lower-case lemma phrase"),
        Column("sector", pattern=r"\*|[A-Z]{3}"),
        Column("code", pattern=r"\*|[A-Z]{3,9}"),
        Column("kind", choices=frozenset({"person", "body", "group"})),
        Column("note", required=False),
    ),
)
PEOPLE = Schema(
    "people",
    (
        Column("id", pattern=r"person/[a-z0-9][a-z0-9-]*", hint="person/slug"),
        Column("name"),
        Column("aliases", required=False, multi=True),
        Column("country", required=False, pattern=ISO3),
        Column("org", required=False),
        Column("role"),
        Column("sector", pattern=SECTOR),
        Column("start", convert=parse_day, hint="YYYY-MM-DD, YYYY-MM or YYYY"),
        Column("end", required=False, convert=parse_day, hint="YYYY-MM-DD, YYYY-MM or YYYY"),
        Column("source"),
    ),
)
PLACES = Schema(
    "places",
    (
        Column("name"),
        Column("country", pattern=ISO3),
        Column("kind", choices=frozenset({"city", "region", "country"})),
        Column("aliases", required=False, multi=True),
        Column("lat", convert=_lat),
        Column("lon", convert=_lon),
        Column("geonameid", required=False, pattern=r"[0-9]+", convert=int),
    ),
)
