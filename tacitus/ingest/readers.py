"""Readers for .txt, .html and .jsonl inputs and for standard input.

Every reader yields, per article, either an Article or the InputError that stopped it, so a
batch goes on past a bad article and reports it at the end.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from tacitus.errors import BinaryInputError, InputError, MalformedInputError, UsageError
from tacitus.ingest.checks import DEFAULT_MAX_CHARS, check_article
from tacitus.records import Article

__all__ = [
    "FORMATS",
    "article_id",
    "decode_bytes",
    "html_article",
    "jsonl_article",
    "read_paths",
    "read_text_stream",
    "valid_date",
]

FORMATS = ("auto", "txt", "html", "jsonl")
_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

Result = Article | InputError


def article_id(text: str) -> str:
    """A stable id from the text itself: the same article always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_paths(
    paths: Iterable[str],
    *,
    fmt: str = "auto",
    published: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: Iterable[bytes] | None = None,
) -> Iterator[Result]:
    """Articles from each path in order ('-' is standard input, given as `stdin`)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown input format '{fmt}': use one of {', '.join(FORMATS)}")
    if published is not None:
        _check_date(published, "--published")
    for name in paths:
        if name == "-":
            data = b"".join(stdin or [])
            yield from read_text_stream(
                data, name="<stdin>", fmt=fmt, published=published, max_chars=max_chars
            )
            continue
        path = Path(name)
        try:
            data = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
            yield InputError(f"cannot read: {e.strerror or e}", source=name)
            continue
        kind = fmt if fmt != "auto" else _EXTENSIONS.get(path.suffix.lower(), "txt")
        yield from read_text_stream(
            data,
            name=name,
            fmt=kind,
            published=published,
            max_chars=max_chars,
            default_id=path.stem,
        )


def read_text_stream(
    data: bytes,
    *,
    name: str,
    fmt: str = "auto",
    published: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    default_id: str | None = None,
) -> Iterator[Result]:
    """Articles from the bytes of one input; `fmt` 'auto' sniffs JSON lines and HTML."""
    try:
        text = decode_bytes(data, name)
    except InputError as e:
        yield e
        return
    if fmt == "auto":
        fmt = _sniff(text)
    if fmt == "jsonl":
        yield from _jsonl(text, name, published, max_chars)
        return
    try:
        article = (
            html_article(text, name, default_id)
            if fmt == "html"
            else Article(default_id or article_id(text), text)
        )
        if published and not article.published:
            article = _with(article, published=published)
        yield check_article(article, source=name, max_chars=max_chars)
    except InputError as e:
        yield e


def decode_bytes(data: bytes, name: str) -> str:
    """UTF-8 text of an input; BinaryInputError (naming `name`) for anything else."""
    if b"\x00" in data[:65536]:
        raise BinaryInputError("binary data (NUL bytes), not a text article", source=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BinaryInputError(
            f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert the file to UTF-8",
            source=name,
        ) from e


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<p>")):
        return "html"
    return "txt"


def _jsonl(text: str, name: str, published: str | None, max_chars: int) -> Iterator[Result]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield jsonl_article(
                line, source=f"{name}:{number}", published=published, max_chars=max_chars
            )


def jsonl_article(line: str, *, source: str, published: str | None, max_chars: int) -> Result:
    """The article of one JSON line (`source` is `file:line`), or the InputError it makes."""
    try:
        article = _json_article(line, source)
        if published and not article.published:
            article = _with(article, published=published)
        return check_article(article, source=f"{source} (id {article.id})", max_chars=max_chars)
    except InputError as e:
        return e


def _json_article(line: str, source: str) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise MalformedInputError(
            f"not valid JSON ({e.msg} at column {e.colno})", source=source
        ) from e
    if not isinstance(obj, dict):
        raise MalformedInputError("a line must be a JSON object with 'text'", source=source)
    text = obj.get("text")
    if not isinstance(text, str):
        raise MalformedInputError("missing 'text' (a string)", source=source)
    fields = {}
    for key in ("id", "title", "url", "published", "source"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str | int):
            raise MalformedInputError(f"'{key}' must be a string", source=source)
        fields[key] = str(value) if value is not None else None
    if fields["published"] and not valid_date(fields["published"]):
        raise MalformedInputError(
            f"field 'published': '{fields['published']}' is not a date in the form YYYY-MM-DD",
            source=source,
        )
    return Article(
        fields["id"] or article_id(text),
        text,
        fields["title"],
        fields["url"],
        fields["published"],
        fields["source"],
    )


def html_article(html: str, name: str, default_id: str | None = None) -> Article:
    """The article text and metadata trafilatura finds in a page; MalformedInputError if none."""
    import trafilatura

    try:
        extracted = trafilatura.extract(
            html,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except Exception as e:  # trafilatura raises assorted lxml errors on broken markup
        raise MalformedInputError(f"cannot parse the HTML ({e})", source=name) from e
    if not extracted:
        raise MalformedInputError("no article text found in the HTML", source=name)
    meta = json.loads(extracted)
    text = meta.get("text") or ""
    day = meta.get("date")
    published = day if isinstance(day, str) and valid_date(day) else None
    return Article(
        default_id or article_id(text),
        text,
        meta.get("title"),
        meta.get("url"),
        published,
        meta.get("sitename") or meta.get("hostname"),
    )


def valid_date(value: str) -> bool:
    try:
        return bool(_DATE.fullmatch(value)) and date.fromisoformat(value) is not None
    except ValueError:
        return False


def _check_date(value: str, where: str) -> None:
    if not valid_date(value):
        raise UsageError(f"{where}: '{value}' is not a date in the form YYYY-MM-DD")


def _with(article: Article, *, published: str) -> Article:
    from dataclasses import replace

    return replace(article, published=published)
