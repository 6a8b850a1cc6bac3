"""CSV and TSV files: one article a row, columns mapped to article fields (`--column`)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tacitus.errors import BinaryInputError, InputError, MalformedInputError
from tacitus.ingest.checks import check_article
from tacitus.ingest.readers import article_id, valid_date
from tacitus.records import Article

if TYPE_CHECKING:
    from tacitus.ingest.sources import ReadOptions

__all__ = ["FIELDS", "read_csv"]

FIELDS = ("id", "text", "title", "url", "published", "source")
# A news article fits easily; the csv module's default (128 KiB) would reject long ones
# before our own size check could name the row.
csv.field_size_limit(min(sys.maxsize, 1 << 30))


def read_csv(path: Path, options: ReadOptions) -> Iterator[tuple[str, Article | InputError]]:
    """`(file:line, Article or InputError)` per row; a header row names the columns."""
    name = str(path)
    try:
        stream = io.TextIOWrapper(path.open("rb"), encoding="utf-8-sig", newline="")
    except OSError as e:
        yield name, InputError(f"cannot read: {e.strerror or e}", source=name)
        return
    with stream:
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        rows = csv.reader(stream, dialect=dialect)
        try:
            header = next(rows, None)
            if header is None:
                yield name, MalformedInputError("no header row (an empty file)", source=name)
                return
            columns = _columns(header, options, name)
            for row in rows:
                where = f"{name}:{rows.line_num}"
                if any(cell.strip() for cell in row):
                    yield where, _article(row, columns, where, options)
        except InputError as e:
            yield name, e
        except UnicodeDecodeError as e:
            yield (
                f"{name}:{rows.line_num + 1}",
                BinaryInputError(
                    f"not UTF-8 text (byte 0x{e.object[e.start]:02x}); the rest of the file is "
                    "skipped: convert it to UTF-8",
                    source=f"{name}:{rows.line_num + 1}",
                ),
            )
        except csv.Error as e:
            where = f"{name}:{rows.line_num}"
            yield where, MalformedInputError(f"broken CSV ({e}); the rest is skipped", source=where)


def _columns(header: list[str], options: ReadOptions, name: str) -> dict[str, int]:
    """Article field -> column index, from `--column field=NAME` or same-named columns."""
    index = {column.strip(): k for k, column in enumerate(header)}
    mapping: dict[str, int] = {}
    for field_name in FIELDS:
        column = options.columns.get(field_name, field_name)
        if column in index:
            mapping[field_name] = index[column]
        elif field_name in options.columns:
            raise MalformedInputError(
                f"--column {field_name}={column}: no such column (columns: {', '.join(index)})",
                source=name,
            )
    if "text" not in mapping:
        raise MalformedInputError(
            f"no 'text' column (columns: {', '.join(index)}): name it with --column text=NAME",
            source=name,
        )
    return mapping


def _article(row: list[str], columns: dict[str, int], where: str, options: ReadOptions):
    values = {f: (row[k].strip() or None) if k < len(row) else None for f, k in columns.items()}
    text = row[columns["text"]] if columns["text"] < len(row) else ""
    published = values.get("published")
    if published and not valid_date(published[:10]):
        return MalformedInputError(
            f"column 'published': '{published}' is not a date (YYYY-MM-DD...)", source=where
        )
    article = Article(
        values.get("id") or article_id(text),
        text,
        values.get("title"),
        values.get("url"),
        published[:10] if published else options.published,
        values.get("source"),
    )
    try:
        return check_article(
            article, source=f"{where} (id {article.id})", max_chars=options.max_chars
        )
    except InputError as e:
        return e
