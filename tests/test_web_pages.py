"""The HTML pages on the coded samples, a store that grows, and `tacitus bench web`."""

from __future__ import annotations

import json
import re
import shutil

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[dev]')")

from click.testing import CliRunner  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from tacitus.cli.main import main  # noqa: E402
from tacitus.store import open_store  # noqa: E402
from tacitus.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(sample_client):
    return sample_client


@pytest.fixture(scope="module")
def busiest(sample_store):
    """The busiest dyad of the samples, with an article that has one of its events."""
    con = open_store(sample_store)
    return con.execute(
        "SELECT source_code, target_code, any_value(doc_id), any_value(event_id) FROM events "
        "WHERE source_code IS NOT NULL AND target_code IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1"
    ).fetchone()


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_overview_numbers_link_to_their_events(client):
    html = client.get("/").text
    assert re.search(r'id="count-articles">53<', html)
    assert 'data-chart="timeline"' in html and 'id="timeline-data"' in html
    targets = links(html)
    assert any(t.startswith("/events?") and "quad_class=" in t for t in targets)
    assert any(re.match(r"/\?.*root=\d\d", t.replace("&amp;", "&")) for t in targets)
    assert any(t.startswith("/dyads/") for t in targets)
    drilled = client.get("/", params={"root": "04"}).text
    assert "CAMEO codes in root 04" in drilled and "<code>040</code>" in drilled


def test_explorer_filters_sorts_and_opens_articles(client):
    html = client.get("/events", params={"quad_class": 4, "sort": "-goldstein"}).text
    assert 'option value="4" selected' in html
    rows = re.findall(r'<span class="quad q(\d)"', html)
    assert rows and set(rows) == {"4"}
    opened = [t for t in links(html) if t.startswith("/articles/")]
    assert opened and "#t-e" in opened[0]
    article = client.get(opened[0].split("#")[0])
    assert article.status_code == 200


def test_article_highlights_actors_triggers_and_quotes(client, sample_store, busiest):
    con = open_store(sample_store)
    doc_id, event_id = busiest[2], busiest[3]
    trigger = con.execute(
        "SELECT trigger_text FROM events WHERE doc_id = ? AND event_id = ?", [doc_id, event_id]
    ).fetchone()[0]
    html = client.get(f"/articles/{doc_id}").text
    assert f'id="t-{event_id}">{trigger}<span class="label">' in html
    assert '<mark class="actor">' in html
    assert (
        html.count('<li id="e-')
        == con.execute("SELECT count(*) FROM events WHERE doc_id = ?", [doc_id]).fetchone()[0]
    )
    if con.execute("SELECT count(*) FROM quotes WHERE doc_id = ?", [doc_id]).fetchone()[0]:
        assert '<q class="quote"' in html


def test_actor_dyad_network_map_quotes_pages(client, busiest):
    source, target = busiest[0], busiest[1]
    actor = client.get(f"/actors/{source}").text
    for heading in ("Who it is", "Roles over time", "What it did", "What was done to it",
                    "Most frequent partners", "What it said"):  # fmt: skip
        assert heading in actor
    assert f"/dyads/{source}/{target}" in actor
    dyad = client.get(f"/dyads/{source}/{target}").text
    assert 'data-chart="goldstein"' in dyad and "Latest events" in dyad
    network = client.get("/network").text
    graph = json.loads(re.search(r'id="network-data">(.*?)</script>', network, re.S).group(1))
    assert graph["nodes"] and graph["edges"]
    points = client.get("/map").text
    assert re.search(r'href="/events\?location=', points)
    quotes = client.get("/quotes", params={"speaker": source}).text
    assert "open the article" in quotes


def test_pages_answer_bad_input_with_an_html_error(client):
    missing = client.get("/articles/not-here")
    assert missing.status_code == 404 and "not in this store" in missing.text
    bad = client.get("/events", params={"date_from": "soon"})
    assert bad.status_code == 422 and "<h1>Error 422</h1>" in bad.text


def test_pages_load_nothing_from_elsewhere(client):
    response = client.get("/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    for url in re.findall(r'(?:src|href)="([^"]+)"', response.text):
        assert not url.startswith(("http:", "https:", "//")), url
    for asset in ("/static/style.css", "/static/charts.js"):
        assert client.get(asset).status_code == 200


def test_a_new_batch_shows_without_a_restart(tmp_path, synthetic_store, monkeypatch):
    from tacitus.records import StoreItem
    from tacitus.store import StoreWriter
    from tacitus.web import db
    from tacitus.web.db import Database

    from conftest import make_coded

    store = tmp_path / "store"
    shutil.copytree(synthetic_store, store)
    monkeypatch.setattr(db, "CHECK_EVERY", 0.0)
    database = Database(store)
    with TestClient(create_app(database)) as c:
        before = c.get("/api/stats").json()
        with StoreWriter(store) as writer:
            coded = make_coded("fresh-article", events=(("USA", "IRN", "112"),))
            writer.write_batch([StoreItem("fresh.txt", coded, "x" * 80)])
        c.get("/api/stats")  # notices the new batch and starts reading it again
        database.wait_for_reload()
        after = c.get("/api/stats").json()
        assert after["articles"] == before["articles"] + 1
        assert after["events"] == before["events"] + 1
        assert c.get("/api/articles/fresh-article").status_code == 200


def test_bench_web_times_every_page_and_endpoint(tmp_path, synthetic_store):
    out = tmp_path / "web.json"
    args = ["bench", "web", "--store", str(synthetic_store), "--repeat", "1", "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["benchmark"] == "web" and len(report["urls"]) >= 30
    assert {row["status"] for row in report["urls"]} == {200}
    assert "slowest:" in result.output
