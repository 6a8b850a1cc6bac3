"""CAMEO event codes, PLOVER 2.0 types and the mapping between them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tacitus.errors import DataError
from tacitus.resources import Column, Schema, load_bundled, unique_by

__all__ = [
    "family_code",
    "threat_code",
    "CAMEO",
    "CAMEO_PLOVER",
    "PLOVER",
    "CameoCode",
    "Ontology",
    "PloverType",
    "load_ontology",
]

CODE_PATTERN = r"(0[1-9]|1[0-9]|20)[0-9]{0,2}"

CAMEO = Schema(
    "CAMEO codes",
    (
        Column("code", pattern=CODE_PATTERN, hint="2 to 4 digits, root 01..20"),
        Column("name"),
        Column("goldstein", convert=float),
        Column("quad_class", choices=frozenset("1234"), convert=int),
    ),
)
PLOVER = Schema(
    "PLOVER types",
    (
        Column("type", pattern=r"[A-Z]+"),
        Column("quad_class", choices=frozenset("1234"), convert=int),
        Column("modes", required=False, multi=True, pattern=r"[a-z][a-z_-]*"),
        Column("description"),
    ),
)
CAMEO_PLOVER = Schema(
    "CAMEO to PLOVER mapping",
    (
        Column("cameo", pattern=CODE_PATTERN),
        Column("plover", required=False, pattern=r"[A-Z]+"),
        Column("mode", required=False, pattern=r"[a-z][a-z_-]*"),
    ),
)


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its scores and its PLOVER type (None for 01x/02x)."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class PloverType:
    type: str
    quad_class: int
    modes: tuple[str, ...]
    description: str


# CAMEO's appeal (02), intent (03) and demand (10) codes share one layout after the family:
# 1 material cooperation, 2 diplomatic cooperation, 3 aid, 4 political reform, 5 yielding,
# 6 meeting, 7 settling, 8 mediation. The act asked for, promised or demanded decides it.
_ASKED_ACT = {
    "04": "6",
    "045": "8",
    "046": "6",
    "05": "2",
    "057": "7",
    "06": "1",
    "061": "11",
    "062": "12",
    "063": "13",
    "064": "14",
    "07": "3",
    "071": "31",
    "072": "32",
    "073": "33",
    "074": "34",
    "08": "5",
    "081": "51",
    "082": "52",
    "083": "4",
    "084": "53",
    "0841": "53",
    "0842": "53",
    "085": "54",
    "086": "55",
    "087": "56",
    "0871": "56",
    "0872": "56",
    "0873": "56",
    "0874": "56",
}


def family_code(family: str, act: str) -> str | None:
    """The appeal, intent or demand code for an act: `family_code("02", "087")` is "0256"
    (appeal for de-escalation), `family_code("03", "072")` "0332"; None for acts outside the
    layout (conflict, statements)."""
    for key in (act, act[:3], act[:2]):
        suffix = _ASKED_ACT.get(key)
        if suffix is not None:
            return family + suffix
    return None


# The threat (13x) of each kind of hostile act: "said it would impose sanctions if ..." is
# 1312, "would respond with force" 138.
_THREATENED_ACT = {
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "132",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "175": "137",
    "14": "133",
    "15": "138",
    "18": "1383",
    "19": "138",
    "191": "1381",
    "192": "1382",
    "20": "1383",
    "204": "1385",
    "2041": "1385",
    "2042": "1385",
    "12": "130",
    "10": "130",
    "11": "130",
}


def threat_code(act: str) -> str | None:
    """The CAMEO threat code for a threatened hostile act (`threat_code("163")` is "1312");
    None for an act that is not hostile."""
    for key in (act, act[:3], act[:2]):
        code = _THREATENED_ACT.get(key)
        if code is not None:
            return code
    return None


def root_quad_class(code: str) -> int:
    """QuadClass by root, GDELT convention: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


class Ontology:
    """Lookup of CAMEO codes and PLOVER types, checked for consistency when built."""

    def __init__(self, codes: dict[str, CameoCode], plover: dict[str, PloverType]) -> None:
        self.codes = codes
        self.plover = plover

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise DataError(f"Unknown CAMEO code '{code}': codes must exist in cameo.tsv") from None

    def roots(self) -> list[str]:
        return sorted(c for c in self.codes if len(c) == 2)


@cache
def load_ontology() -> Ontology:
    """Read and cross-check cameo.tsv, plover.tsv and cameo_plover.tsv (once per process)."""
    cameo = unique_by(load_bundled("cameo.tsv", CAMEO), "code", "cameo.tsv")
    plover_rows = unique_by(load_bundled("plover.tsv", PLOVER), "type", "plover.tsv")
    mapping = unique_by(load_bundled("cameo_plover.tsv", CAMEO_PLOVER), "cameo", "cameo_plover.tsv")
    plover = {
        t: PloverType(t, r["quad_class"], r["modes"], r["description"])
        for t, r in plover_rows.items()
    }
    codes: dict[str, CameoCode] = {}
    for code, row in cameo.items():
        where = f"cameo.tsv line {row['_line']}"
        if row["quad_class"] != root_quad_class(code):
            raise DataError(
                f"{where} column 'quad_class': {code} is in root {code[:2]}, "
                f"so its QuadClass is {root_quad_class(code)}"
            )
        if len(code) > 2 and code[:2] not in cameo:
            raise DataError(f"{where}: code {code} has no root row {code[:2]}")
        m = mapping.get(code)
        if m is None:
            raise DataError(f"cameo_plover.tsv: no row for CAMEO code {code} (cameo.tsv {where})")
        _check_mapping(m, plover)
        codes[code] = CameoCode(
            code, row["name"], row["goldstein"], row["quad_class"], m["plover"], m["mode"]
        )
    for code, m in mapping.items():
        if code not in cameo:
            raise DataError(
                f"cameo_plover.tsv line {m['_line']} column 'cameo': '{code}' is not in cameo.tsv"
            )
    return Ontology(codes, plover)


def _check_mapping(m: dict, plover: dict[str, PloverType]) -> None:
    where = f"cameo_plover.tsv line {m['_line']}"
    if m["plover"] is None:
        if m["mode"] is not None:
            raise DataError(f"{where} column 'mode': a mode needs a PLOVER type")
        return
    ptype = plover.get(m["plover"])
    if ptype is None:
        raise DataError(f"{where} column 'plover': '{m['plover']}' is not in plover.tsv")
    if m["mode"] is not None and m["mode"] not in ptype.modes:
        raise DataError(
            f"{where} column 'mode': '{m['mode']}' is not a mode of {ptype.type} "
            f"({', '.join(ptype.modes) or 'none'})"
        )
