"""Import PETRARCH / TABARI actor and agent dictionaries into Tacitus tables.

Users of those dictionaries keep their work: `tacitus kb import-petrarch` reads them and writes
tables in our own formats, which `--kb DIR` then adds to the knowledge base.

Actor dictionary records (format of the PETRARCH documentation):
```
PHRASE_WORDS_  [DEFAULT_CODE]     # comment
+SYNONYM_PHRASE
\t[CODE YYMMDD-YYMMDD]           (date restrictions: `<date`, `>date`, `date-date`)
```
- a record with date restrictions is a person: one people row per restriction;
- a record whose code is a bare country code, or a country plus agent codes, names that state
  or one of its bodies: a metonym row;
- IGO/NGO/MNC/armed-group codes give organisation rows.

Agent dictionary lines (`SPOKES!PERSON! [~MED]`, with `!PERSON! = MAN, WOMAN, ...`
substitutions) give role rows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from tacitus.errors import DataError
from tacitus.kb.base import KnowledgeBase, slug

__all__ = ["ActorRecord", "Imported", "convert", "parse_actors", "parse_agents"]

_CODE = re.compile(r"\[([^\]]*)\]")
# Prefixes of non-state actor codes in CAMEO.
_NONSTATE = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "REB", "UAF": "UAF", "NGM": "NGO"}
_SMALL = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "de",
        "du",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "van",
        "von",
        "der",
        "da",
        "dos",
        "y",
    }
)
# A role for people whose dictionary entry gives only a sector code.
_SECTOR_ROLES = {
    "GOV": "government official",
    "MIL": "military officer",
    "ELI": "public figure",
    "LEG": "legislator",
    "JUD": "judicial official",
    "OPP": "opposition figure",
    "REB": "rebel leader",
    "COP": "police official",
    "BUS": "business figure",
    "MED": "journalist",
    "IGO": "international official",
    "NGO": "activist",
    "PTY": "party official",
    "REL": "religious figure",
    "SPY": "intelligence official",
}
_REB_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "IMG"})


@dataclass
class ActorRecord:
    """One actor record: its phrases, its default code and its dated codes."""

    phrases: list[str]
    code: str | None
    dated: list[tuple[str, date | None, date | None]] = field(default_factory=list)
    line: int = 0
    source: str = ""


@dataclass
class Imported:
    """Rows for our tables, and what could not be imported (counted by reason)."""

    people: list[dict] = field(default_factory=list)
    metonyms: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)


def parse_actors(
    text: str, *, source: str = "<actors>", problems: list[str] | None = None
) -> list[ActorRecord]:
    """Records of a PETRARCH actor dictionary.

    Real dictionaries hold typos ("[ARMUNR 9008223-911221]"); a line that cannot be read is
    described in `problems` (when given) and left out, and the rest is read.
    """
    records: list[ActorRecord] = []
    problems = problems if problems is not None else []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        if raw.startswith(("\t", " ")) and line.strip().startswith("["):
            if not records:
                problems.append(f"{source} line {number}: a date restriction before any actor")
                continue
            try:
                code, start, end = _restriction(line.strip(), source, number)
            except DataError as e:
                problems.append(str(e))
                continue
            if start is None and end is None:
                records[-1].code = code
            else:
                records[-1].dated.append((code, start, end))
        elif line.startswith("+"):
            if not records:
                problems.append(f"{source} line {number}: a synonym before any actor")
                continue
            records[-1].phrases.append(_phrase(line[1:]))
        else:
            match = _CODE.search(line)
            record = ActorRecord([_phrase(_CODE.sub("", line))], None, [], number, source)
            records.append(record)
            if match and match.group(1).strip():
                try:  # the primary line may carry a dated code too: "X_ [ABCGOV 0101-0201]"
                    code, start, end = _restriction(match.group(0), source, number)
                except DataError as e:
                    problems.append(str(e))
                    continue
                if start is None and end is None:
                    record.code = code
                else:
                    record.dated.append((code, start, end))
    return [r for r in records if r.phrases[0]]


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _restriction(text: str, source: str, number: int) -> tuple[str, date | None, date | None]:
    inner = text.strip("[]").split()
    if not inner:
        raise DataError(f"{source} line {number}: empty date restriction")
    code = inner[0]
    if len(inner) == 1:
        return code, None, None
    spec = "".join(inner[1:])  # "> 140608" is written with a space in some dictionaries
    try:
        if spec.startswith("<"):
            return code, None, _date(spec[1:])
        if spec.startswith(">"):
            return code, _date(spec[1:]) + timedelta(days=1), None
        first, last = spec.split("-", 1)
        # PETRARCH ranges include both ends; ours are half-open.
        return code, _date(first), _date(last) + timedelta(days=1)
    except ValueError as e:
        raise DataError(f"{source} line {number}: bad date restriction '{text}' ({e})") from e


def _date(text: str) -> date:
    """YYYYMMDD, or YYMMDD with 30-99 meaning 19xx (the TABARI convention)."""
    if not text.isdigit():
        raise ValueError("dates are YYYYMMDD or YYMMDD")
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        year = int(text[:2])
        return date(1900 + year if year >= 30 else 2000 + year, int(text[2:4]), int(text[4:]))
    raise ValueError("dates are YYYYMMDD or YYMMDD")


def parse_agents(
    text: str, *, source: str = "<agents>", problems: list[str] | None = None
) -> list[tuple[str, str]]:
    """(phrase, code) pairs of a PETRARCH agent dictionary, substitutions expanded."""
    problems = problems if problems is not None else []
    substitutions: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!--"):
            continue
        sub = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        match = re.search(r"\[([^\]]*)[\]}]", line)
        if match is None:
            continue
        code = match.group(1).strip()
        head = re.sub(r"\{[^}]*\}", "", line[: match.start()]).strip()
        for phrase in _expand(head, substitutions):
            out.append((_phrase(phrase), code))
        if not head:
            problems.append(f"{source} line {number}: an agent code without a phrase")
    return out


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    marker = re.search(r"![A-Z]+!", phrase)
    if marker is None:
        return [phrase]
    words = substitutions.get(marker.group(0), [])
    return [v for w in words for v in _expand(phrase.replace(marker.group(0), w, 1), substitutions)]


def convert(
    records: list[ActorRecord], agents: list[tuple[str, str]], kb: KnowledgeBase
) -> Imported:
    """Rows for people, metonyms, organisations and roles tables, in our formats."""
    out = Imported()
    cameo_to_iso = {code: iso for iso, code in kb.country_codes.items()}
    cameo_to_iso.update({iso: iso for iso in kb.countries})
    ids: Counter = Counter()
    for record in records:
        if record.dated:
            _person(record, cameo_to_iso, out, ids)
        elif record.code:
            _named(record, cameo_to_iso, out, ids)
        else:
            out.skipped["no code"] += 1
    seen: set[str] = set()
    for phrase, code in agents:
        row = _role(phrase, code)
        if row is None:
            out.skipped["agent code not understood"] += 1
        elif row["phrase"] not in seen:
            seen.add(row["phrase"])
            out.roles.append(row)
    return out


def decode(code: str, cameo_to_iso: dict[str, str]) -> tuple[str | None, str | None, str] | None:
    """(iso3, sector, kind) of a CAMEO actor code, or None when it names no known state."""
    code = code.strip().upper()
    head, rest = code[:3], code[3:]
    if head in _NONSTATE:
        return None, _NONSTATE[head], "org"
    iso3 = cameo_to_iso.get(head)
    if iso3 is None:
        return None
    sector = rest[:3] or None
    return iso3, sector, "group" if sector in _REB_SECTORS else "state"


def _person(record: ActorRecord, cameo_to_iso: dict[str, str], out: Imported, ids: Counter) -> None:
    name = _title(record.phrases[0])
    pid = _unique(f"person/{slug(name)}", ids)
    aliases = "|".join(sorted({_title(p) for p in record.phrases[1:]} - {name}))
    for code, start, end in record.dated:
        decoded = decode(code, cameo_to_iso)
        if decoded is None:
            out.skipped["unknown country code"] += 1
            continue
        if start is not None and end is not None and end <= start:
            out.skipped["date range ends before it starts"] += 1
            continue
        iso3, sector, kind = decoded
        sector = sector or "GOV"
        out.people.append(
            {
                "id": pid,
                "name": name,
                "aliases": aliases,
                "country": iso3 or "",
                "org": "",
                "role": _SECTOR_ROLES.get(sector, "official"),
                "sector": sector,
                "start": (start or date(1900, 1, 1)).isoformat(),
                "end": end.isoformat() if end else "",
                "source": f"PETRARCH {record.source} line {record.line} ({code})",
            }
        )


def _named(record: ActorRecord, cameo_to_iso: dict[str, str], out: Imported, ids: Counter) -> None:
    assert record.code is not None
    decoded = decode(record.code, cameo_to_iso)
    if decoded is None:
        out.skipped["unknown country code"] += 1
        return
    iso3, sector, kind = decoded
    names = _names(record.phrases)
    if kind == "state":
        for phrase in names:
            out.metonyms.append(
                {
                    "phrase": phrase,
                    "country": iso3,
                    "sector": sector or "",
                    "role": "",
                    "kind": "institution" if sector else "region",
                }
            )
        return
    prefix = "org" if kind == "org" else "group"
    out.organisations.append(
        {
            "id": _unique(f"{prefix}/{slug(names[0])}", ids),
            "name": names[0],
            "acronym": "",
            "aliases": "|".join(names[1:]),
            "org": record.code if kind == "org" else "",
            "country": iso3 or "",
            "sector": sector or "REB",
            "cameo": record.code,
            "generic": "",
            "note": f"PETRARCH {record.source} line {record.line}",
        }
    )


def _names(phrases: list[str]) -> list[str]:
    """Title-cased phrases; a short all-capital word may be an acronym, so it is kept too."""
    names: list[str] = []
    for phrase in phrases:
        for form in (_title(phrase), phrase if _maybe_acronym(phrase) else None):
            if form and form not in names:
                names.append(form)
    return names


def _maybe_acronym(phrase: str) -> bool:
    return " " not in phrase and len(phrase.replace(".", "")) <= 6


def _title(phrase: str) -> str:
    words = []
    for k, word in enumerate(phrase.split()):
        lower = word.lower()
        if k and lower in _SMALL:
            words.append(lower)
        elif "." in word or not any(c in "AEIOUY" for c in word.upper()):
            words.append(word)  # "U.N.", "NWFP": acronyms stay as written
        else:
            words.append("-".join(part.capitalize() for part in lower.split("-")))
    return " ".join(words)


def _role(phrase: str, code: str) -> dict | None:
    agent = code.replace("~", "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3,9}", agent):
        return None
    return {
        "phrase": phrase.lower(),
        "sector": agent[:3],
        "code": agent,
        "kind": "group" if phrase.lower().endswith("s") else "person",
        "note": "",
    }


def _unique(key: str, ids: Counter) -> str:
    ids[key] += 1
    return key if ids[key] == 1 else f"{key}-{ids[key]}"
