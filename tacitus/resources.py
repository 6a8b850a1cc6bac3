"""Finding and reading the knowledge tables: the one validating TSV loader.

Every table under `tacitus/data/` (and every user table in the same format) is read by
`load_table`, which checks the header, the number of cells, required cells, value patterns and
sort order, and names the file, line and column of the first bad row it meets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from tacitus.errors import DataError

__all__ = ["Column", "Schema", "data_dir", "data_path", "load_table", "write_table"]

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column of a table: how to check and convert its cells.

    `multi` splits the cell on `|` into a tuple; `convert` turns the text into a value (and
    raises ValueError on bad text); `pattern` must match every value; `choices` limits them.
    """

    name: str
    required: bool = True
    multi: bool = False
    pattern: str | None = None
    choices: frozenset[str] | None = None
    convert: Callable[[str], Any] | None = None
    hint: str = ""


@dataclass(frozen=True)
class Schema:
    """The columns of one table, in order. The first column is the sort key."""

    name: str
    columns: tuple[Column, ...]
    sorted: bool = True

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def data_dir() -> Path:
    """The folder of the bundled tables."""
    return Path(str(files("tacitus") / "data"))


def data_path(name: str) -> Path:
    """The path of a bundled table, e.g. `data_path("cameo.tsv")`."""
    return data_dir() / name


def load_table(path: Path | str, schema: Schema) -> list[Row]:
    """Read a TSV table, check it against `schema`, and return its rows as dicts.

    Raises DataError naming `file line N column 'c'` for the first problem found.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataError(f"{path}: table not found (expected a {schema.name} table)") from e
    except UnicodeDecodeError as e:
        raise DataError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    return _parse(path.name, text.splitlines(), schema)


@cache
def load_bundled(name: str, schema: Schema) -> tuple[Row, ...]:
    """`load_table` for a bundled table, read once per process."""
    return tuple(load_table(data_path(name), schema))


def _parse(fname: str, lines: Sequence[str], schema: Schema) -> list[Row]:
    rows: list[Row] = []
    header_seen = False
    previous_key: str | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        where = f"{fname} line {number}"
        if not header_seen:
            _check_header(where, cells, schema)
            header_seen = True
            continue
        if len(cells) != len(schema.columns):
            raise DataError(
                f"{where}: {len(cells)} cells, expected {len(schema.columns)} "
                f"({', '.join(schema.header)}): separate cells with one TAB"
            )
        pairs = zip(schema.columns, cells, strict=True)
        row = {col.name: _cell(where, col, cell) for col, cell in pairs}
        key = cells[0]
        if schema.sorted and previous_key is not None and key < previous_key:
            raise DataError(
                f"{where} column '{schema.columns[0].name}': '{key}' comes before "
                f"'{previous_key}': keep rows sorted by {schema.columns[0].name}"
            )
        previous_key = key
        row["_line"] = number
        rows.append(row)
    if not header_seen:
        raise DataError(f"{fname}: no header line (expected {', '.join(schema.header)})")
    return rows


def _check_header(where: str, cells: list[str], schema: Schema) -> None:
    if tuple(cells) != schema.header:
        raise DataError(
            f"{where}: header is {', '.join(cells)}; a {schema.name} table has the columns "
            f"{', '.join(schema.header)}"
        )


def _cell(where: str, col: Column, cell: str) -> Any:
    value = cell.strip()
    if value != cell:
        raise DataError(f"{where} column '{col.name}': remove spaces around '{value}'")
    if not value:
        if col.required:
            raise DataError(f"{where} column '{col.name}': empty, but required")
        return () if col.multi else None
    if value in {"-", "null", "n/a", "None"}:
        raise DataError(f"{where} column '{col.name}': '{value}': leave an empty cell empty")
    parts = value.split("|") if col.multi else [value]
    return tuple(_value(where, col, p) for p in parts) if col.multi else _value(where, col, value)


def _value(where: str, col: Column, value: str) -> Any:
    if not value or value != value.strip():
        raise DataError(f"{where} column '{col.name}': empty or padded item in '{value}'")
    if col.pattern is not None and not re.fullmatch(col.pattern, value):
        hint = f" ({col.hint})" if col.hint else ""
        raise DataError(f"{where} column '{col.name}': '{value}' is not valid{hint}")
    if col.choices is not None and value not in col.choices:
        raise DataError(
            f"{where} column '{col.name}': '{value}' is not one of {', '.join(sorted(col.choices))}"
        )
    if col.convert is None:
        return value
    try:
        return col.convert(value)
    except ValueError as e:
        hint = f" ({col.hint})" if col.hint else ""
        raise DataError(f"{where} column '{col.name}': '{value}': {e}{hint}") from e


def unique_by(rows: Iterable[Row], key: str, fname: str) -> dict[Any, Row]:
    """Index rows by a column, failing on a duplicate with both line numbers."""
    index: dict[Any, Row] = {}
    for row in rows:
        value = row[key]
        if value in index:
            raise DataError(
                f"{fname} line {row['_line']} column '{key}': '{value}' already defined "
                f"on line {index[value]['_line']}"
            )
        index[value] = row
    return index


def write_table(
    path: Path | str, schema: Schema, rows: Iterable[dict[str, Any]], *, comment: str = ""
) -> int:
    """Write rows (string values, lists joined with `|`) as a sorted table `load_table` reads.

    The file is written whole to a temporary name and renamed, so a reader never sees half
    a table. Returns the number of rows.
    """
    path = Path(path)
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append("\t".join(schema.header))
    body = []
    for row in rows:
        cells = []
        for col in schema.columns:
            value = row.get(col.name)
            text = "|".join(value) if isinstance(value, list | tuple) else str(value or "")
            if "\t" in text or "\n" in text:
                raise DataError(f"{path.name}: a {col.name} value holds a TAB or newline: {text!r}")
            cells.append(text)
        body.append(cells)
    body.sort(key=lambda cells: cells[0])
    lines.extend("\t".join(cells) for cells in body)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return len(body)
