"""Web archives (.warc, .warc.gz, e.g. Common Crawl's CC-NEWS): the HTML pages in them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tacitus.errors import InputError, MalformedInputError, TooLargeInputError
from tacitus.ingest.checks import check_article
from tacitus.ingest.readers import html_article, valid_date
from tacitus.records import Article

if TYPE_CHECKING:
    from tacitus.ingest.sources import ReadOptions

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, options: ReadOptions) -> Iterator[tuple[str, Article | InputError]]:
    """`(file:record, Article or InputError)` for each HTML page archived with status 200.

    Other records (requests, metadata, images, redirects) are not articles and are passed
    over. The page's own date is used, else the day it was archived.
    """
    from warcio.archiveiterator import ArchiveIterator

    name = str(path)
    try:
        stream = path.open("rb")
    except OSError as e:
        yield name, InputError(f"cannot read: {e.strerror or e}", source=name)
        return
    number = 0
    with stream:
        if not _starts_like_warc(stream):
            yield (
                name,
                MalformedInputError(
                    "not a WARC file (it does not start with a WARC/1.x record header)", source=name
                ),
            )
            return
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                page = _page(record)
                if page is not None:
                    where = f"{name}:{number}"
                    yield where, _article(record, page, where, options)
        except Exception as e:  # warcio raises assorted errors (even AttributeError) on cut files
            where = f"{name}:{number + 1}"
            yield (
                where,
                MalformedInputError(
                    f"broken WARC record ({e}); the rest of the file is skipped", source=where
                ),
            )


def _starts_like_warc(stream) -> bool:
    """True when the (possibly gzipped) stream opens with a WARC header; rewinds it."""
    import zlib

    head = stream.read(4096)
    stream.seek(0)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _page(record) -> str | None:
    """The content type of an archived HTML page with status 200, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    return content_type if content_type.lower().startswith(_HTML_TYPES) else None


def _article(record, content_type: str, where: str, options: ReadOptions):
    limit = options.max_file_bytes
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return TooLargeInputError(f"page over {limit:,} bytes", source=where)
    charset = _charset(content_type)
    html = data.decode(charset, errors="replace")
    url = record.rec_headers.get_header("WARC-Target-URI")
    archived = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    try:
        article = html_article(html, where)
        article = replace(
            article,
            url=article.url or url,
            published=article.published
            or options.published
            or (archived if valid_date(archived) else None),
        )
        return check_article(article, source=f"{where} ({url})", max_chars=options.max_chars)
    except InputError as e:
        return e


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            import codecs

            try:
                return codecs.lookup(value.strip("\"'")).name
            except LookupError:
                break
    return "utf-8"
