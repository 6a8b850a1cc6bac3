"""The JSON API: every endpoint on the coded samples, paging, filters, errors, the token rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[dev]')")

from fastapi.testclient import TestClient  # noqa: E402

from tacitus.store import open_store  # noqa: E402
from tacitus.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client(sample_client):
    return sample_client


@pytest.fixture(scope="module")
def con(sample_store):
    return open_store(sample_store)


def count(con, sql: str, *params) -> int:
    return con.execute(sql, list(params)).fetchone()[0]


def test_stats_match_the_store(client, con):
    stats = client.get("/api/stats").json()
    assert stats == {
        "articles": count(con, "SELECT count(*) FROM documents"),
        "events": count(con, "SELECT count(*) FROM events"),
        "quotes": count(con, "SELECT count(*) FROM quotes"),
        "failures": count(con, "SELECT count(*) FROM failures"),
    }
    assert stats["articles"] == 53 and stats["events"] > 500


def test_timeline_sums_to_the_events_and_links_periods(client, con):
    body = client.get("/api/timeline", params={"interval": "month"}).json()
    assert body["interval"] == "month"
    total = sum(sum(p["counts"].values()) for p in body["items"])
    assert total == count(con, "SELECT count(*) FROM events WHERE date IS NOT NULL")
    first = body["items"][0]
    assert first["period"].endswith("-01") and first["period_end"] > first["period"]
    for earlier, later in zip(body["items"], body["items"][1:], strict=False):
        following = date.fromisoformat(earlier["period_end"]) + timedelta(days=1)
        assert later["period"] == following.isoformat()  # no gap, even in an empty month


def test_event_types_roots_and_codes_of_a_root(client, con):
    roots = client.get("/api/event-types").json()
    by_root = {r["code"]: r["n"] for r in roots["cameo"]}
    assert sum(by_root.values()) == count(con, "SELECT count(*) FROM events")
    assert roots["cameo"][0]["name"]  # roots carry their CAMEO name
    codes = client.get("/api/event-types", params={"root": "04"}).json()["cameo"]
    assert codes and all(c["code"].startswith("04") for c in codes)
    assert sum(c["n"] for c in codes) == by_root["04"]


def test_events_pages_are_disjoint_and_sorted(client):
    first = client.get("/api/events", params={"limit": 20, "sort": "-date"}).json()
    second = client.get("/api/events", params={"limit": 20, "offset": 20, "sort": "-date"}).json()
    assert first["total"] == second["total"] > 40
    assert len(first["items"]) == len(second["items"]) == 20
    assert not {e["uid"] for e in first["items"]} & {e["uid"] for e in second["items"]}
    dates = [e["date"] for e in first["items"] + second["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "params,sql,args",
    [
        ({"quad_class": 4}, "quad_class = 4", ()),
        ({"conflict": "true"}, "quad_class >= 3", ()),
        ({"conflict": "false"}, "quad_class <= 2", ()),
        ({"modality": "reported"}, "modality = 'reported'", ()),
        ({"country": "RUS"}, "(source_country = 'RUS' OR target_country = 'RUS')", ()),
        ({"cameo": "19"}, "cameo LIKE '19%'", ()),
        ({"plover": "ACCUSE"}, "plover = 'ACCUSE'", ()),
        ({"min_confidence": 0.8}, "confidence >= 0.8", ()),
        ({"date_from": "2023-01-01", "date_to": "2023-12-31"}, "date BETWEEN ? AND ?",
         ("2023-01-01", "2023-12-31")),
        ({"actor": "USAGOV"}, "(source_code = 'USAGOV' OR target_code = 'USAGOV' "
         "OR source_name ILIKE '%USAGOV%' OR target_name ILIKE '%USAGOV%')", ()),
        ({"source": "Putin"}, "source_name ILIKE '%putin%'", ()),
        ({"q": "ceasefire"}, "concat_ws(' ', trigger_text, source_name, target_name, cameo_name, "
         "location_name, source_role, target_role) ILIKE '%ceasefire%'", ()),
    ],
)  # fmt: skip
def test_each_filter_gives_what_sql_counts(client, con, params, sql, args):
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    expected = count(con, f"SELECT count(*) FROM events WHERE {sql}", *args)
    assert expected > 0, f"the samples have no event for {params}: pick another value"
    assert body["total"] == expected
    assert len(body["items"]) == min(500, expected)


def test_filters_combine(client):
    body = client.get("/api/events", params={"quad_class": 4, "modality": "asserted"}).json()
    assert body["items"]
    assert all(e["quad_class"] == 4 and e["modality"] == "asserted" for e in body["items"])


def test_user_text_is_never_sql(client):
    body = client.get("/api/events", params={"actor": "x' OR 1=1 --", "q": "%"}).json()
    assert body["total"] == 0
    assert client.get("/api/actors", params={"q": "'; DROP VIEW events; --"}).status_code == 200
    assert client.get("/api/stats").json()["events"] > 0


def test_event_by_uid_and_its_article(client, con):
    uid, doc_id = con.execute(
        "SELECT uid, doc_id FROM events WHERE trigger_start IS NOT NULL LIMIT 1"
    ).fetchone()
    event = client.get(f"/api/events/{uid}").json()
    assert event["uid"] == uid
    article = client.get(f"/api/articles/{doc_id}").json()
    assert article["doc_id"] == doc_id and article["text"]
    for e in article["events"]:
        if e["trigger_start"] is not None:
            assert article["text"][e["trigger_start"] : e["trigger_end"]] == e["trigger_text"]
    for q in article["quotes"]:  # the content, without closing punctuation the span may hold
        assert article["text"][q["start"] : q["end"]].startswith(q["content"])


def test_dyads_and_one_dyad(client, con):
    top = client.get("/api/dyads", params={"limit": 5}).json()
    assert top["total"] >= len(top["items"]) == 5
    first = top["items"][0]
    expected = count(
        con,
        "SELECT count(*) FROM events WHERE source_code = ? AND target_code = ?",
        first["source_code"],
        first["target_code"],
    )
    assert first["n"] == expected == first["cooperation"] + first["conflict"]
    dyad = client.get(f"/api/dyads/{first['source_code']}/{first['target_code']}").json()
    assert dyad["events"] == expected
    assert sum(p["total"] for p in dyad["timeline"]["items"]) <= expected


def test_actors_list_search_and_page(client, con):
    listing = client.get("/api/actors", params={"q": "putin"}).json()
    named = con.execute(
        "SELECT DISTINCT code FROM (SELECT source_code AS code, source_name AS name FROM events "
        "UNION ALL SELECT target_code, target_name FROM events) "
        "WHERE name ILIKE '%putin%' AND code IS NOT NULL"
    ).fetchall()
    assert {a["code"] for a in listing["items"]} == {code for (code,) in named} != set()
    code = listing["items"][0]["code"]
    actor = client.get(f"/api/actors/{code}").json()
    assert actor["code"] == code
    assert actor["counts"]["as_source"] == count(
        con, "SELECT count(*) FROM events WHERE source_code = ?", code
    )
    assert {"names", "roles", "timeline", "did", "received", "partners", "quotes"} <= set(actor)


def test_quotes_what_did_x_say_about_y(client, con):
    speaker, content = con.execute(
        "SELECT speaker_code, content FROM quotes WHERE speaker_code IS NOT NULL LIMIT 1"
    ).fetchone()
    word = max(content.split(), key=len).strip(".,\"'")
    body = client.get("/api/quotes", params={"speaker": speaker, "q": word}).json()
    assert body["total"] >= 1
    assert all(word.lower() in q["content"].lower() for q in body["items"])
    assert all(q["speaker_code"] == speaker or speaker.lower() in (q["speaker_name"] or "").lower()
               for q in body["items"])  # fmt: skip


def test_articles_network_map(client):
    articles = client.get("/api/articles", params={"limit": 10}).json()
    assert articles["total"] == 53 and len(articles["items"]) == 10
    network = client.get("/api/network", params={"nodes": 10}).json()
    codes = {n["code"] for n in network["nodes"]}
    assert 2 <= len(codes) <= 10
    assert all(e["source_code"] in codes and e["target_code"] in codes for e in network["edges"])
    points = client.get("/api/map").json()["items"]
    assert points and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in points)


@pytest.mark.parametrize(
    "url,status,code",
    [
        ("/api/events?limit=501", 422, "invalid_parameter"),
        ("/api/events?limit=0", 422, "invalid_parameter"),
        ("/api/events?offset=100001", 422, "invalid_parameter"),
        ("/api/events?date_from=yesterday", 422, "invalid_parameter"),
        ("/api/events?quad_class=5", 422, "invalid_parameter"),
        ("/api/events?sort=uid", 422, "invalid_parameter"),
        ("/api/events?country=usa", 422, "invalid_parameter"),
        ("/api/events?min_confidence=nan", 422, "invalid_parameter"),
        ("/api/event-types?root=21", 422, "invalid_parameter"),
        ("/api/actors/usa", 422, "invalid_parameter"),
        ("/api/actors/ZZZGOV", 404, "not_found"),
        ("/api/articles/no-such-article", 404, "not_found"),
        ("/api/events/no:such", 404, "not_found"),
        ("/api/nowhere", 404, "not_found"),
        ("/api/events?q=" + "x" * 201, 422, "invalid_parameter"),
        ("/api/events?q=" + "x" * 5000, 414, "uri_too_long"),
    ],
)
def test_bad_requests_get_one_error_shape(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


def test_writes_and_large_bodies_are_refused(client):
    assert client.post("/api/events").status_code == 405
    assert client.post("/api/events", content=b"x" * 20000).status_code == 413
    assert client.delete("/api/articles/x").json()["error"]["code"] == "method_not_allowed"


def test_empty_form_fields_mean_not_set(client):
    blank = client.get("/api/events", params={"date_from": "", "actor": "", "quad_class": ""})
    assert blank.status_code == 200
    assert blank.json()["total"] == client.get("/api/events").json()["total"]


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/stats", "/api/timeline", "/api/event-types", "/api/events",
                 "/api/events/{uid}", "/api/dyads", "/api/dyads/{source_actor}/{target_actor}",
                 "/api/actors", "/api/actors/{code}", "/api/quotes", "/api/articles",
                 "/api/articles/{doc_id}", "/api/network", "/api/map"):  # fmt: skip
        assert path in paths
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"date_from", "actor", "quad_class", "modality", "q", "limit", "offset"} <= params


TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def guarded(sample_store):
    with TestClient(create_app(sample_store, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


class TestToken:
    TOKEN = TOKEN

    @pytest.mark.parametrize("url", ["/api/stats", "/", "/static/style.css", "/openapi.json"])
    def test_without_the_token_nothing_is_served(self, guarded, url):
        guarded.cookies.clear()
        response = guarded.get(url)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
        assert guarded.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 401

    def test_header_forms_are_accepted(self, guarded):
        guarded.cookies.clear()
        bearer = {"Authorization": f"Bearer {self.TOKEN}"}
        assert guarded.get("/api/stats", headers=bearer).status_code == 200
        custom = {"X-Tacitus-Token": self.TOKEN}
        assert guarded.get("/api/stats", headers=custom).status_code == 200

    def test_query_token_sets_a_cookie_for_the_next_pages(self, guarded):
        guarded.cookies.clear()
        first = guarded.get("/", params={"token": self.TOKEN})
        assert first.status_code == 200
        assert "HttpOnly" in first.headers["set-cookie"]
        assert guarded.get("/events").status_code == 200  # the cookie carries it


def test_serve_needs_a_token_beyond_loopback(sample_store):
    from click.testing import CliRunner

    from tacitus.cli.main import main

    result = CliRunner().invoke(main, ["serve", "--store", str(sample_store), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--token" in result.output


def test_serve_names_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from tacitus.cli.main import main

    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no Tacitus store" in result.output
