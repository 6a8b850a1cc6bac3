"""Reading gold sets: our own JSONL formats (gold/README-*.md) and the PLOVER gold records.

A gold file that cannot be read fails with the file and line named; nothing is guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import DataError

__all__ = ["GoldItem", "PloverRecord", "find_span", "read_jsonl", "read_plover_records"]

# PLOVER 0.5b1 labels that PLOVER 2.0 renamed; INVESTIGATE was dropped (skipped).
PLOVER_RENAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    # 0.5b1's diplomatic cooperation (CAMEO 05) is 2.0's SUPPORT
    "DIPLOMACY": "SUPPORT",
}
PLOVER_SKIPPED = frozenset({"INVESTIGATE"})


@dataclass
class GoldItem:
    """One gold article or sentence, with its annotations as read from the file."""

    id: str
    text: str
    published: str | None
    data: dict
    line: int


def read_jsonl(path: Path, *, required: tuple[str, ...]) -> list[GoldItem]:
    """Items of a JSONL gold file; each line must have `id`, `text` and `required` keys."""
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as e:
        raise DataError(f"{path}: gold file not found") from e
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise DataError(f"{path} line {number}: not valid JSON ({e.msg})") from e
        missing = [k for k in ("id", "text", *required) if k not in obj]
        if missing:
            raise DataError(f"{path} line {number}: missing {', '.join(missing)}")
        items.append(GoldItem(str(obj["id"]), obj["text"], obj.get("published"), obj, number))
    return items


def find_span(text: str, needle: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Offsets of the occurrence-th `needle` in `text`, or None."""
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start, start + len(needle)


@dataclass
class PloverRecord:
    """One PLOVER gold record: a sentence, its event type and its actors (code roots)."""

    id: str
    text: str
    event: str
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    reciprocal: bool = False


def read_plover_records(path: Path) -> tuple[list[PloverRecord], int]:
    """PLOVER gold records from a file or folder (JSON, JSONL or the 2016 `{...},` file).

    Returns the records with a PLOVER 2.0 type (labels renamed) and the number skipped
    (INVESTIGATE, no event, no text).
    """
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    records: list[PloverRecord] = []
    skipped = 0
    ids: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for file in files:
        if file.suffix.lower() not in {".txt", ".json", ".jsonl"}:
            continue
        for obj in _objects(file):
            record = _record(obj)
            if record is None:
                skipped += 1
                continue
            if (record.id, record.text) in seen:
                continue  # the 2016 file repeats some records word for word
            seen.add((record.id, record.text))
            while record.id in ids:  # a few ids are reused for different sentences
                record.id += "+"
            ids.add(record.id)
            records.append(record)
    if not records:
        raise DataError(f"{path}: no PLOVER gold records found")
    return records, skipped


def _objects(file: Path) -> Iterator[dict]:
    text = file.read_text(encoding="utf-8", errors="replace")
    try:
        data = json.loads(text)
        yield from data if isinstance(data, list) else [data]
        return
    except json.JSONDecodeError:
        pass
    lines = [line for line in text.splitlines() if line.strip()]
    try:  # JSON lines
        objects = [json.loads(line) for line in lines]
        if all(isinstance(o, dict) for o in objects):
            yield from objects
            return
    except json.JSONDecodeError:
        pass
    # The 2016 file is a run of objects with trailing commas and a few comment marks.
    for chunk in re.split(r"\n\}\s*,?\s*\n(?=\{)", text.strip()):
        chunk = chunk.strip().rstrip(",")
        if not chunk.endswith("}"):
            chunk += "\n}"
        chunk = re.sub(r"####", "", chunk)
        chunk = re.sub(r",(\s*[}\]])", r"\1", chunk)
        try:
            yield json.loads(chunk)
        except json.JSONDecodeError as e:
            raise DataError(f"{file}: a record cannot be read ({e.msg} near {chunk[:60]!r})") from e


def _record(obj: dict) -> PloverRecord | None:
    event = str(obj.get("event") or "").strip().upper()
    text = str(obj.get("text") or "").strip().strip("{}").strip()
    if not event or not text or event in PLOVER_SKIPPED:
        return None
    event = PLOVER_RENAMES.get(event, event)
    markup = str((obj.get("textInfo") or {}).get("markup", ""))
    return PloverRecord(
        str(obj.get("id", "")),
        text,
        event,
        _codes(obj.get("source")),
        _codes(obj.get("target")),
        "SRC/TAR" in markup,
    )


def _codes(actors: object) -> list[str]:
    if not isinstance(actors, list):
        return []
    codes = []
    for actor in actors:
        if isinstance(actor, dict):
            code = str(actor.get("code") or "").strip().upper()
            if code and set(code) != {"-"}:
                codes.append(code[:3])
    return codes
