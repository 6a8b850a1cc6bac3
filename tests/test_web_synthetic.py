"""The synthetic store: the store layout and schemas, offsets into the text, realistic spread."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from tacitus.errors import StoreError
from tacitus.store import open_store
from tacitus.store.schema import TABLES
from tacitus.store.synthetic import generate_store


@pytest.fixture(scope="module")
def con(synthetic_store):
    return open_store(synthetic_store)


def one(con, sql: str):
    return con.execute(sql).fetchone()


def test_every_part_has_the_schema_of_its_table(synthetic_store):
    batches = sorted((synthetic_store / "parts").iterdir())
    assert len(batches) >= 2
    for batch in batches:
        for table, schema in TABLES.items():
            assert pq.read_schema(batch / f"{table}.parquet").equals(schema), (batch, table)
    assert not (synthetic_store / "tmp").exists() or not any((synthetic_store / "tmp").iterdir())


def test_about_the_events_asked_for(con):
    events = one(con, "SELECT count(*) FROM events")[0]
    assert 2900 <= events <= 3000  # failed articles carry none
    assert one(con, "SELECT count(*) FROM failures")[0] >= 0
    assert one(con, "SELECT count(DISTINCT uid) FROM events")[0] == events


def test_offsets_point_into_the_text(con):
    bad = one(
        con,
        """SELECT count(*) FROM events e JOIN documents d USING (doc_id)
        WHERE substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) <> e.trigger_text
           OR substr(d.text, e.source_start + 1, e.source_end - e.source_start) <> e.source_text
           OR substr(d.text, e.target_start + 1, e.target_end - e.target_start) <> e.target_text
           OR e.sentence_end > d.n_chars""",
    )[0]
    assert bad == 0
    quotes = one(
        con,
        """SELECT count(*) FROM quotes q JOIN documents d USING (doc_id)
        WHERE substr(d.text, q.start + 1, q."end" - q.start) <> q.content""",
    )[0]
    assert quotes == 0
    mentions = one(
        con,
        """SELECT count(*) FROM actor_mentions m JOIN documents d USING (doc_id)
        WHERE substr(d.text, m.start + 1, m."end" - m.start) <> m.text""",
    )[0]
    assert mentions == 0


def test_codes_and_spread_look_like_news(con):
    from tacitus.ontology import load_ontology

    ontology = load_ontology()
    for cameo, name, goldstein, quad in con.execute(
        "SELECT DISTINCT cameo, cameo_name, goldstein, quad_class FROM events"
    ).fetchall():
        code = ontology.get(cameo)
        assert (name, goldstein, quad) == (code.name, code.goldstein, code.quad_class)
    shares = dict(con.execute("SELECT quad_class, count(*) FROM events GROUP BY 1").fetchall())
    assert set(shares) == {1, 2, 3, 4} and shares[1] == max(shares.values())
    actors, top = one(
        con,
        "SELECT count(DISTINCT source_code), max(n) FROM "
        "(SELECT source_code, count(*) AS n FROM events GROUP BY 1)",
    )
    assert actors > 150 and top > 50  # a long tail behind a few frequent actors
    first, last = one(con, "SELECT min(published), max(published) FROM documents")
    assert (last - first).days > 5 * 365
    located = one(con, "SELECT avg((lat IS NOT NULL)::INT) FROM events")[0]
    assert 0.5 < located < 0.8
    assert one(con, "SELECT count(*) FROM events WHERE quote_id IS NOT NULL")[0] > 0


def test_same_seed_same_store_and_a_full_folder_is_refused(tmp_path):
    a = generate_store(tmp_path / "a", events=500, seed=3)
    b = generate_store(tmp_path / "b", events=500, seed=3)
    assert a == b
    texts = [
        pq.read_table(p / "parts" / "synthetic-0000" / "documents.parquet")["text"].to_pylist()
        for p in (tmp_path / "a", tmp_path / "b")
    ]
    assert texts[0] == texts[1]
    with pytest.raises(StoreError, match="not empty"):
        generate_store(tmp_path / "a", events=500)
