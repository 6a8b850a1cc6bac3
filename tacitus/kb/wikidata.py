"""Import Wikidata "position held" (P39) results into a people table.

Office holders change every week; rather than wait for a Tacitus release, a user runs a
SPARQL query at query.wikidata.org, downloads the result as JSON, and runs
`tacitus kb import-wikidata result.json --out my-kb/`. The query must bind (names of the
SPARQL variables):

| variable | required | meaning |
|---|---|---|
| `person` | yes | the person's entity URI (its Q-id becomes part of the source note) |
| `personLabel` | yes | the name |
| `positionLabel` or `role` | yes | the office; `role` (e.g. "Foreign Minister") wins when bound |
| `start` | yes | P580 start time |
| `end` | no | P582 end time (empty while in office) |
| `country` | no | ISO 3166-1 alpha-3 code of the state (P298 of the position's P1001/P17) |
| `org` | no | the `org` value for an international organisation's office (UN, NATO, ...) |
| `sector` | no | CAMEO sector; default GOV, or IGO when `org` is bound |
| `aliases` | no | other names, separated by "|" or ", " (e.g. GROUP_CONCAT of skos:altLabel) |

docs/kb.md gives a query that binds all of these.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tacitus.errors import DataError
from tacitus.kb.base import slug

__all__ = ["REQUIRED", "read_positions"]

REQUIRED = ("person", "personLabel", "start")
_QID = re.compile(r"Q\d+$")


def read_positions(path: Path) -> list[dict]:
    """People-table rows from a SPARQL JSON result file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DataError(f"{path}: not a SPARQL JSON result ({e})") from e
    try:
        variables = set(data["head"]["vars"])
        bindings = data["results"]["bindings"]
    except (KeyError, TypeError) as e:
        raise DataError(
            f"{path}: not a SPARQL JSON result (no head.vars / results.bindings)"
        ) from e
    missing = [v for v in REQUIRED if v not in variables]
    if missing or not variables & {"positionLabel", "role"}:
        need = ", ".join(missing + ([] if variables & {"positionLabel", "role"} else ["role"]))
        raise DataError(f"{path}: the query must bind {need} (see docs/kb.md)")
    rows = []
    for number, binding in enumerate(bindings, start=1):
        row = _row(binding, f"{path} result {number}")
        if row is not None:
            rows.append(row)
    return rows


def _value(binding: dict, name: str) -> str:
    item = binding.get(name)
    return str(item.get("value", "")).strip() if isinstance(item, dict) else ""


def _row(binding: dict, where: str) -> dict | None:
    uri, name = _value(binding, "person"), _value(binding, "personLabel")
    role = _value(binding, "role") or _value(binding, "positionLabel")
    start = _day(_value(binding, "start"), where)
    if not (uri and name and role and start) or _QID.fullmatch(name):
        return None  # an unlabelled entity or an undated term says nothing usable
    qid = uri.rsplit("/", 1)[-1]
    country = _value(binding, "country").upper()
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        raise DataError(f"{where}: country '{country}' is not an ISO 3166-1 alpha-3 code")
    org = _value(binding, "org")
    aliases = [a.strip() for a in re.split(r"\||, ", _value(binding, "aliases")) if a.strip()]
    return {
        "id": f"person/{slug(name)}",
        "name": name,
        "aliases": "|".join(sorted(set(aliases) - {name})),
        "country": country,
        "org": org,
        "role": role,
        "sector": _value(binding, "sector") or ("IGO" if org else "GOV"),
        "start": start,
        "end": _day(_value(binding, "end"), where) or "",
        "source": f"Wikidata {qid} (position held)",
    }


def _day(value: str, where: str) -> str | None:
    if not value:
        return None
    match = re.match(r"[+]?(\d{4})-(\d{2})-(\d{2})", value)
    if match is None:
        raise DataError(f"{where}: '{value}' is not a date")
    year, month, day = match.groups()
    # Wikidata writes a year-precision date as YYYY-01-01 (and some as YYYY-00-00).
    return f"{year}-{month if month != '00' else '01'}-{day if day != '00' else '01'}"
