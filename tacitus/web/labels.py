"""Readable names for codes: CAMEO roots and codes, QuadClasses, sectors, actor codes."""

from __future__ import annotations

from functools import cache

__all__ = ["QUAD_CLASSES", "SECTORS", "actor_label", "cameo_name", "root_names"]

QUAD_CLASSES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
SECTORS = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
    "LEG": "legislature", "OPP": "opposition", "REB": "rebels", "INS": "insurgents",
    "BUS": "business", "MED": "media", "CVL": "civilians", "NGO": "NGO", "IGO": "IGO",
    "CRM": "criminals", "LAB": "labour", "REL": "religious", "SPY": "intelligence",
    "REF": "refugees", "HLH": "health", "ELI": "elites", "UAF": "armed group",
    "EDU": "education", "PTY": "party", "AGR": "agriculture", "ENV": "environment",
}  # fmt: skip


@cache
def _ontology():
    from tacitus.ontology import load_ontology

    return load_ontology()


def cameo_name(code: str | None) -> str:
    """The name of a CAMEO code or root, or '' for an unknown one."""
    if not code:
        return ""
    found = _ontology().codes.get(code)
    return found.name if found else ""


def root_names() -> dict[str, str]:
    return {code: cameo_name(code) for code in _ontology().roots()}


@cache
def _countries() -> dict[str, str]:
    from tacitus.kb.tables import COUNTRIES
    from tacitus.resources import load_bundled

    names: dict[str, str] = {}
    for row in load_bundled("countries.tsv", COUNTRIES):
        names.setdefault(row["cameo"] or row["iso3"], row["name"])
        names.setdefault(row["iso3"], row["name"])
    return names


@cache
def _organisations() -> dict[str, str]:
    from tacitus.kb.tables import ORGANISATIONS
    from tacitus.resources import load_bundled

    return {
        row["cameo"]: row["acronym"] or row["name"]
        for row in load_bundled("organisations.tsv", ORGANISATIONS)
        if row["cameo"]
    }


@cache
def actor_label(code: str | None) -> str:
    """`USAGOV` -> 'United States government'; the code itself when it is not understood."""
    if not code:
        return "(none)"
    if code in _organisations():
        return _organisations()[code]
    country = _countries().get(code[:3])
    rest = code[3:]
    if country is None:
        return code
    sectors = [SECTORS.get(rest[i : i + 3], rest[i : i + 3]) for i in range(0, len(rest), 3)]
    return " ".join([country, *sectors])
