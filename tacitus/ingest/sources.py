"""What `tacitus ingest` reads: folders, globs, files of every supported format, and URLs.

`read_sources` yields `(input, Article | InputError)` pairs, where `input` names the file and
line (or record, or URL) an article came from. Files are streamed: a JSONL, CSV or WARC file
of any size is read one article at a time.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import InputError, TooLargeInputError, UsageError
from tacitus.ingest.checks import DEFAULT_MAX_CHARS
from tacitus.ingest.readers import decode_bytes, jsonl_article, read_text_stream
from tacitus.records import Article

__all__ = [
    "KINDS",
    "ReadOptions",
    "Source",
    "estimate_total",
    "expand_sources",
    "read_sources",
]

Result = Article | InputError

# File kinds by name ending (longest first, so `.warc.gz` wins over `.gz`).
KINDS = {
    ".warc.gz": "warc",
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".txt": "txt",
    ".text": "txt",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class ReadOptions:
    """How sources are read. `columns` maps article fields to CSV column names."""

    published: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    columns: Mapping[str, str] = field(default_factory=dict)
    fetch: bool = True
    timeout: float = 10.0

    @property
    def max_file_bytes(self) -> int:
        # A .txt or .html file is one article: far over the character limit in bytes, it is
        # refused without being read (HTML markup may be many times its text).
        return max(self.max_chars * 50, 1 << 20)


@dataclass(frozen=True)
class Source:
    """One thing to read: a file of a known kind, a URL, or an argument that matched nothing."""

    name: str
    kind: str  # txt | html | jsonl | csv | warc | feed | url | missing


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    return next((kind for end, kind in KINDS.items() if name.endswith(end)), None)


def expand_sources(arguments: Iterable[str]) -> Iterator[Source]:
    """Files (folders walked, globs expanded, sorted) and URLs named by the arguments."""
    for argument in arguments:
        if argument.startswith(("http://", "https://")):
            yield Source(argument, "url")
            continue
        path = Path(argument)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                kind = kind_of(child)
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if kind and child.is_file() and not hidden:
                    yield Source(str(child), kind)
        elif path.is_file():
            yield Source(argument, kind_of(path) or "txt")
        elif _GLOB_CHARS & set(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                yield Source(argument, "missing")
            for match in files:
                yield Source(str(match), kind_of(match) or "txt")
        else:
            yield Source(argument, "missing")


def read_sources(arguments: Iterable[str], options: ReadOptions) -> Iterator[tuple[str, Result]]:
    """`(input, Article or InputError)` for every article of every source, in order."""
    if options.published is not None:
        from tacitus.ingest.readers import _check_date

        _check_date(options.published, "--published")
    unknown = set(options.columns) - {"id", "text", "title", "url", "published", "source"}
    if unknown:
        raise UsageError(
            f"--column: unknown field(s) {', '.join(sorted(unknown))}: map id, text, title, "
            "url, published or source (e.g. --column text=body)"
        )
    for source in expand_sources(arguments):
        yield from _read(source, options)


def _read(source: Source, options: ReadOptions) -> Iterator[tuple[str, Result]]:
    name = source.name
    if source.kind == "missing":
        yield name, InputError("no such file or folder, and no file matches it", source=name)
    elif source.kind == "jsonl":
        yield from _jsonl_file(Path(name), options)
    elif source.kind == "csv":
        from tacitus.ingest.tabular import read_csv

        yield from read_csv(Path(name), options)
    elif source.kind == "warc":
        from tacitus.ingest.warc import read_warc

        yield from read_warc(Path(name), options)
    elif source.kind in ("feed", "url"):
        from tacitus.ingest.feeds import read_feed

        yield from read_feed(name, options, is_url=source.kind == "url")
    else:
        yield name, _one_file(Path(name), source.kind, options)


def _one_file(path: Path, kind: str, options: ReadOptions) -> Result:
    try:
        size = path.stat().st_size
        if size > options.max_file_bytes:
            return TooLargeInputError(
                f"{size:,} bytes, over the limit of {options.max_file_bytes:,} for one article "
                "(split it, or raise --max-chars)",
                source=str(path),
            )
        data = path.read_bytes()
    except OSError as e:
        return InputError(f"cannot read: {e.strerror or e}", source=str(path))
    [result] = read_text_stream(
        data,
        name=str(path),
        fmt=kind,
        published=options.published,
        max_chars=options.max_chars,
        default_id=path.stem,
    )
    return result


def _jsonl_file(path: Path, options: ReadOptions) -> Iterator[tuple[str, Result]]:
    try:
        stream = path.open("rb")
    except OSError as e:
        yield str(path), InputError(f"cannot read: {e.strerror or e}", source=str(path))
        return
    with stream:
        for number, raw in enumerate(stream, start=1):
            name = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw, name)
            except InputError as e:
                yield name, e
                continue
            yield (
                name,
                jsonl_article(
                    line, source=name, published=options.published, max_chars=options.max_chars
                ),
            )


def estimate_total(arguments: Iterable[str]) -> int | None:
    """The number of articles the sources hold, counted cheaply (None if a WARC, feed or URL
    makes it unknown): for the progress bar's ETA."""
    total = 0
    for source in expand_sources(arguments):
        if source.kind in ("warc", "feed", "url"):
            return None
        if source.kind in ("jsonl", "csv"):
            try:
                with open(source.name, "rb") as f:
                    lines = sum(1 for line in f if line.strip())
            except OSError:
                lines = 1
            total += lines - (source.kind == "csv")
        else:
            total += 1
    return total
