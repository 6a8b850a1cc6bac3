"""What `tacitus ingest` reads: folders, globs, CSV, WARC, feeds and URLs (no model needed)."""

from __future__ import annotations

import http.server
import io
import json
import threading
from pathlib import Path

import pytest

from tacitus.errors import (
    BinaryInputError,
    FetchError,
    InputError,
    MalformedInputError,
    TooLargeInputError,
    UsageError,
)
from tacitus.ingest.sources import ReadOptions, estimate_total, read_sources
from tacitus.records import Article

ENGLISH = (
    "The foreign ministers of Japan and Australia met in Tokyo on Tuesday and signed "
    "an agreement on maritime security, officials said."
)
PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{text}</p><p>{text}</p></article></body></html>"
)


def read(arguments, **options):
    return list(read_sources([str(a) for a in arguments], ReadOptions(**options)))


def articles(pairs):
    return [(name, r) for name, r in pairs if isinstance(r, Article)]


def failures(pairs):
    return [(name, r) for name, r in pairs if isinstance(r, InputError)]


def test_folder_is_walked_in_order_and_unknown_or_hidden_files_are_passed_over(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text(
        json.dumps({"id": "j1", "text": ENGLISH})
        + "\n\n"
        + json.dumps({"id": "j2", "text": ENGLISH}),
        encoding="utf-8",
    )
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    out = read([tmp_path])
    assert [(name, r.id) for name, r in out] == [
        (str(tmp_path / "a.txt"), "a"),
        (f"{tmp_path / 'b' / 'c.jsonl'}:1", "j1"),
        (f"{tmp_path / 'b' / 'c.jsonl'}:3", "j2"),
    ]
    assert estimate_total([str(tmp_path)]) == 3


def test_globs_and_missing_arguments(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(ENGLISH, encoding="utf-8")
    out = read([tmp_path / "x*.txt", tmp_path / "nothing-*.txt", tmp_path / "gone.txt"])
    assert [r.id for _, r in articles(out)] == ["x1", "x2"]
    [(_, no_match), (_, gone)] = failures(out)
    assert (
        str(no_match)
        == f"{tmp_path / 'nothing-*.txt'}: no such file or folder, and no file matches it"
    )
    assert str(gone).startswith(str(tmp_path / "gone.txt"))


def test_binary_jsonl_line_fails_alone(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        json.dumps({"id": "ok", "text": ENGLISH}).encode()
        + b"\n\xff\xfe\x00\x01\n"
        + json.dumps({"id": "ok2", "text": ENGLISH}).encode()
        + b"\n"
    )
    out = read([path])
    assert [r.id for _, r in articles(out)] == ["ok", "ok2"]
    [(name, error)] = failures(out)
    assert name == f"{path}:2" and isinstance(error, BinaryInputError)


def test_huge_txt_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(ENGLISH * 9000, encoding="utf-8")
    [(name, error)] = read([path], max_chars=1000)
    assert isinstance(error, TooLargeInputError)
    assert str(error).startswith(f"{path}: ") and "over the limit of 1,048,576" in str(error)


def test_csv_columns_are_mapped(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "headline,body,date,outlet\n"
        f'"Talks","{ENGLISH}",2024-03-19T08:30:00Z,Wire\n'
        f'"Multi\nline","{ENGLISH}",,\n'
        f'"Bad date","{ENGLISH}",19/03/2024,Wire\n'
        ",,,\n",
        encoding="utf-8",
    )
    columns = {"text": "body", "title": "headline", "published": "date", "source": "outlet"}
    out = read([path], columns=columns, published="2024-01-01")
    [(first_name, first), (second_name, second)] = articles(out)
    assert (first_name, first.title, first.published, first.source) == (
        f"{path}:2",
        "Talks",
        "2024-03-19",
        "Wire",
    )
    assert (second_name, second.title, second.published) == (
        f"{path}:4",
        "Multi\nline",
        "2024-01-01",
    )
    assert len(first.id) == 16  # no id column: the content hash
    [(name, bad)] = failures(out)
    assert name == f"{path}:5" and isinstance(bad, MalformedInputError)
    assert "column 'published': '19/03/2024' is not a date" in str(bad)


def test_csv_without_a_text_column_names_the_option(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("headline,body\nT,x\n", encoding="utf-8")
    [(name, error)] = read([path])
    assert name == str(path)
    assert "no 'text' column (columns: headline, body): name it with --column text=NAME" in str(
        error
    )
    [(_, error)] = read([path], columns={"text": "content"})
    assert "--column text=content: no such column" in str(error)


def test_unknown_column_field_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="--column: unknown field"):
        read([tmp_path], columns={"body": "text"})


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)

        def response(url, status, content_type, body, date="2024-03-21T10:00:00Z"):
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)

        page = PAGE.format(title="Ministers meet", text=ENGLISH).encode()
        response("https://news.example/a", "200 OK", "text/html; charset=utf-8", page)
        response("https://news.example/missing", "404 Not Found", "text/html", b"<p>gone</p>")
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\x00")
        response("https://news.example/empty", "200 OK", "text/html", b"<html><body></body></html>")


def test_warc_pages_are_read_and_other_records_passed_over(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    out = read([path])
    [(name, article)] = articles(out)
    assert name == f"{path}:1"
    assert ENGLISH in article.text and article.title == "Ministers meet"
    assert (article.url, article.published) == ("https://news.example/a", "2024-03-21")
    [(bad_name, bad)] = failures(out)
    assert bad_name == f"{path}:4" and isinstance(bad, MalformedInputError)


def test_broken_warc_is_one_failure(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\n" * 10)
    [(name, error)] = read([path])
    assert isinstance(error, MalformedInputError) and str(error) == (
        f"{path}: not a WARC file (it does not start with a WARC/1.x record header)"
    )
    truncated = tmp_path / "cut.warc.gz"
    _warc(truncated)
    truncated.write_bytes(truncated.read_bytes()[:900])  # cut inside the third record
    [(_, first), (name, cut)] = read([truncated])
    assert isinstance(first, Article) and name == f"{truncated}:3"
    assert isinstance(cut, MalformedInputError) and "broken WARC record" in str(cut)


@pytest.fixture
def server(tmp_path):
    """A loopback HTTP server over tmp_path/www (no other network is used)."""
    root = tmp_path / "www"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example News</title>
<item><title>Ministers meet</title><link>{base}/story.html</link>
<pubDate>Wed, 20 Mar 2024 09:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Gone page</title><link>{base}/gone.html</link>
<pubDate>Thu, 21 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;{text}&lt;/p&gt;</description></item>
</channel></rss>"""


def test_feed_entries_fetch_their_pages_or_fall_back_to_the_summary(server, tmp_path):
    root, base = server
    (root / "story.html").write_text(PAGE.format(title="Ministers meet", text=ENGLISH))
    feed = tmp_path / "news.rss"
    feed.write_text(RSS.format(base=base, text=ENGLISH.replace("Tokyo", "Canberra")))
    [(first_name, page), (second_name, summary)] = read([feed], timeout=5)
    assert first_name == f"{base}/story.html"
    assert ENGLISH in page.text and page.published == "2024-03-20"
    assert page.source == "Example News" and page.url == f"{base}/story.html"
    assert second_name == f"{base}/gone.html"
    assert summary.text == ENGLISH.replace("Tokyo", "Canberra")
    assert (summary.title, summary.published) == ("Gone page", "2024-03-21")
    [(_, teaser), _] = read([feed], fetch=False)
    assert teaser.text == "Short teaser."


def test_feed_url_atom_and_page_url(server):
    root, base = server
    (root / "feed.atom").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>'
        f'<entry><title>T</title><link href="{base}/p.html"/>'
        "<updated>2024-03-22T00:00:00Z</updated>"
        f"<summary>{ENGLISH}</summary></entry></feed>"
    )
    (root / "p.html").write_text(PAGE.format(title="Page", text=ENGLISH))
    [(name, entry)] = read([f"{base}/feed.atom"], timeout=5)
    assert name == f"{base}/p.html" and entry.title == "Page" and entry.source == "Atom News"
    [(name, page)] = read([f"{base}/p.html"], published="2024-03-01")
    assert name == f"{base}/p.html" and page.published == "2024-03-01" and ENGLISH in page.text
    [(name, missing)] = read([f"{base}/nothing.rss"], timeout=5)
    assert (
        isinstance(missing, FetchError)
        and str(missing) == f"{base}/nothing.rss: HTTP 404 File not found"
    )
    assert missing.reason == "fetch"


def test_a_file_that_is_no_feed(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<config><a>1</a></config>")
    [(name, error)] = read([path])
    assert isinstance(error, MalformedInputError) and "not an RSS or Atom feed" in str(error)
