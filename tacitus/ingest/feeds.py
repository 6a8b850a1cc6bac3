"""RSS and Atom feeds (files or URLs): each entry's page when it can be fetched, else its
summary. Also a URL that turns out to be an HTML page is read as one article.

Nothing is fetched but what the user named: the feed URLs and the links in their entries.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from tacitus.errors import FetchError, InputError, MalformedInputError, TooLargeInputError
from tacitus.ingest.checks import check_article
from tacitus.ingest.readers import article_id, html_article
from tacitus.records import Article

if TYPE_CHECKING:
    from tacitus.ingest.sources import ReadOptions

__all__ = ["fetch", "read_feed"]

USER_AGENT = "tacitus (news event coder; +https://pypi.org/project/tacitus/)"


def fetch(url: str, *, timeout: float, limit: int) -> tuple[bytes, str]:
    """The body and content type at `url`; FetchError (naming the URL) on any failure."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(limit + 1)
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        raise FetchError(f"HTTP {e.code} {e.reason}", source=url) from e
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        raise FetchError(f"cannot fetch ({reason})", source=url) from e
    if len(data) > limit:
        raise TooLargeInputError(f"over {limit:,} bytes", source=url)
    return data, content_type


def read_feed(
    name: str, options: ReadOptions, *, is_url: bool
) -> Iterator[tuple[str, Article | InputError]]:
    """`(entry link or feed#n, Article or InputError)` for each entry of the feed."""
    import feedparser

    try:
        if is_url:
            data, content_type = fetch(name, timeout=options.timeout, limit=options.max_file_bytes)
        else:
            data, content_type = Path(name).read_bytes(), ""
    except InputError as e:
        yield name, e
        return
    except OSError as e:
        yield name, InputError(f"cannot read: {e.strerror or e}", source=name)
        return
    if is_url and _is_html(data, content_type):
        yield name, _page_article(data, name, options)
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception") or "no entries"
        yield name, MalformedInputError(f"not an RSS or Atom feed ({problem})", source=name)
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = entry.get("link") or f"{name}#{number}"
        yield where, _entry(entry, where, outlet, options)


def _is_html(data: bytes, content_type: str) -> bool:
    head = data[:512].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html"))


def _page_article(data: bytes, url: str, options: ReadOptions) -> Article | InputError:
    try:
        article = html_article(data.decode("utf-8", errors="replace"), url)
        article = replace(
            article, url=article.url or url, published=article.published or options.published
        )
        return check_article(article, source=url, max_chars=options.max_chars)
    except InputError as e:
        return e


def _entry(entry, where: str, outlet: str | None, options: ReadOptions) -> Article | InputError:
    published = _entry_date(entry) or options.published
    link = entry.get("link")
    article: Article | None = None
    if options.fetch and link:
        page = _page_article_from(link, options)
        if page is not None:
            article = page
    if article is None:
        html = entry["content"][0].get("value", "") if entry.get("content") else ""
        text = _strip_tags(html or entry.get("summary", ""))
        article = Article(article_id(text), text)
    article = replace(
        article,
        title=article.title or entry.get("title"),
        url=article.url or link,
        published=article.published or published,
        source=outlet or article.source,
    )
    try:
        return check_article(article, source=where, max_chars=options.max_chars)
    except InputError as e:
        return e


def _page_article_from(link: str, options: ReadOptions) -> Article | None:
    """The article at the entry's link, or None when it cannot be fetched or read."""
    try:
        data, _ = fetch(link, timeout=options.timeout, limit=options.max_file_bytes)
        return html_article(data.decode("utf-8", errors="replace"), link)
    except InputError:
        return None


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("p", "br", "div", "li"):
            self.parts.append("\n")


def _strip_tags(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
