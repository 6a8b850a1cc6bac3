"""Duplicates: story clusters by MinHash, event clusters by dyad, code and date window."""

from __future__ import annotations

from tacitus.ingest.dedup import minhash_signature
from tacitus.records import StoreItem
from tacitus.store import StoreWriter, open_store
from tacitus.store.clusters import recluster

from conftest import make_coded

STORY = (
    "TOKYO - North Korea fired a ballistic missile over Japan on Tuesday for the first time "
    "since 2017, prompting warnings for residents to take shelter and a swift response from "
    "the United States and South Korea. Japan's government issued alerts for parts of "
    "Hokkaido, and some train services were briefly suspended."
)
OTHER = (
    "BRUSSELS - European Union leaders agreed on Thursday to open membership talks with "
    "Ukraine and Moldova, after Hungary's prime minister left the room during the vote so the "
    "decision could be taken unanimously, diplomats said."
)


def item(doc_id, text, **kwargs):
    return StoreItem(doc_id, make_coded(doc_id, **kwargs), text, minhash_signature(text))


def clusters(tmp_path, items, **kwargs):
    store = tmp_path / "s"
    with StoreWriter(store) as writer:
        writer.write_batch(items)
        report = recluster(writer, **kwargs)
    return report, open_store(store)


def test_wire_copy_joins_the_story_and_an_unrelated_article_does_not(tmp_path):
    report, con = clusters(
        tmp_path,
        [
            item("original", STORY, published="2022-10-04"),
            item("copy", "By a wire correspondent\n\n" + STORY, published="2022-10-04"),
            item("other", OTHER, published="2022-10-04"),
            StoreItem("no-signature", make_coded("no-signature"), STORY),
        ],
    )
    stories = dict(con.execute("SELECT doc_id, story_id FROM documents").fetchall())
    assert stories == {
        "original": "copy",  # same day: the smaller id names the story
        "copy": "copy",
        "other": "other",
        "no-signature": "no-signature",
    }
    assert (report.documents, report.stories, report.duplicate_documents) == (4, 3, 1)


def test_same_dyad_and_code_within_the_window_is_one_event(tmp_path):
    rows = [
        ("a", "2024-03-01", (("RUS", "UKR", "190"),)),
        ("b", "2024-03-03", (("RUS", "UKR", "190"), ("RUS", "UKR", "112"))),
        ("c", "2024-03-05", (("RUS", "UKR", "190"),)),  # 4 days after the first: a new event
        ("d", "2024-03-02", (("UKR", "RUS", "190"),)),  # the other direction
    ]
    items = [item(d, f"{OTHER} {d}", published=day, events=events) for d, day, events in rows]
    report, con = clusters(tmp_path, items, window_days=3)
    got = con.execute(
        "SELECT source_code, target_code, cameo, date, first_seen, last_seen, num_mentions, "
        "num_articles, num_sources FROM event_clusters ORDER BY source_code, cameo, date"
    ).fetchall()
    from datetime import date

    d = date.fromisoformat
    assert got == [
        ("RUSGOV", "UKRMIL", "112", d("2024-03-03"), d("2024-03-03"), d("2024-03-03"), 1, 1, 1),
        ("RUSGOV", "UKRMIL", "190", d("2024-03-01"), d("2024-03-01"), d("2024-03-03"), 2, 2, 1),
        ("RUSGOV", "UKRMIL", "190", d("2024-03-05"), d("2024-03-05"), d("2024-03-05"), 1, 1, 1),
        ("UKRGOV", "RUSMIL", "190", d("2024-03-02"), d("2024-03-02"), d("2024-03-02"), 1, 1, 1),
    ]
    assert (report.events, report.event_clusters) == (5, 4)
    assert round(report.event_reduction, 2) == 0.2
    members = con.execute(
        "SELECT list(uid ORDER BY uid) FROM events GROUP BY cluster_id HAVING count(*) > 1"
    ).fetchall()
    assert members == [(["a:e1", "b:e1"],)]


def test_reclustering_with_a_wider_window_merges_more(tmp_path):
    rows = [("a", "2024-03-01"), ("b", "2024-03-05")]
    items = [item(d, f"{OTHER} {d}", published=day) for d, day in rows]
    report, _ = clusters(tmp_path, items, window_days=3)
    assert report.event_clusters == 2
    with StoreWriter(tmp_path / "s") as writer:
        assert recluster(writer, window_days=7).event_clusters == 1
