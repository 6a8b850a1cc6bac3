"""Shared fixtures: one Tacitus pipeline per test session (loading it takes ~2 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from tacitus.nlp.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def code(nlp):
    """code(text, published=...) -> CodedDocument, using the session pipeline."""
    from tacitus.run.local import code_text

    def run(text: str, published: str | None = "2024-03-20"):
        return code_text(text, published=published, nlp=nlp)

    return run


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference material {path} is not available (../shared is absent)")
    return path


def make_coded(
    doc_id: str,
    *,
    published: str | None = "2024-03-20",
    source: str | None = "Wire",
    events: tuple = (("USA", "IRN", "112"),),
    date: str | None = None,
):
    """A CodedDocument built by hand (no model): one actor pair and event per `events` row.

    Every field of every record is filled, so a store round trip can check each column.
    """
    from tacitus.records import (
        Actor,
        CodedDocument,
        Event,
        EventMention,
        Location,
        Quote,
        SentenceRef,
        TextSpan,
    )

    actors, coded = [], []
    for k, (src, tgt, cameo) in enumerate(events):
        source_actor = Actor(
            f"{src} text",
            10 * k,
            10 * k + 3,
            f"{src} name",
            f"country/{src}",
            src,
            "UN",
            "GOV",
            "Minister",
            f"{src}GOV",
        )
        target_actor = Actor(
            f"{tgt} text",
            10 * k + 4,
            10 * k + 7,
            f"{tgt} name",
            f"country/{tgt}",
            tgt,
            "EU",
            "MIL",
            "General",
            f"{tgt}MIL",
        )
        actors += [source_actor, target_actor]
        coded.append(
            Event(
                id=f"e{k + 1}",
                source=source_actor,
                target=target_actor,
                cameo=cameo,
                cameo_name=f"name of {cameo}",
                goldstein=-2.0,
                quad_class=3,
                plover="ACCUSE",
                plover_mode="disapprove",
                asserted=True,
                modality="asserted",
                attributed_to=source_actor,
                trigger=TextSpan("accused", 4, 11),
                sentence=SentenceRef(k, 0, 60),
                date=date or published,
                date_text="on Tuesday",
                location=Location("Tokyo", "JPN", 35.68, 139.69, 1850147, "Tokyo", 20, 25),
                quote="q1",
                confidence=0.75,
                date_precision="day",
                reading="verb/actor/named/asserted",
                mentions=(EventMention(TextSpan("accused", 4, 11), SentenceRef(k, 0, 60), "q1"),),
            )
        )
    quote = Quote(
        "q1",
        actors[0],
        "the minister",
        "they attacked",
        30,
        44,
        TextSpan("said", 45, 49),
        "indirect",
        tuple(e.id for e in coded),
        tuple(e.id for e in coded[:1]),
    )
    return CodedDocument(
        doc_id,
        f"Title {doc_id}",
        f"https://example.org/{doc_id}",
        published,
        source,
        tuple(actors),
        tuple(coded),
        (quote,),
    )


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """The sample corpus coded into a store by `tacitus ingest` (the real writer and model)."""
    from click.testing import CliRunner

    from tacitus.cli.main import main

    path = tmp_path_factory.mktemp("samples") / "store"
    corpus = str(ROOT / "samples" / "articles.jsonl")
    result = CliRunner().invoke(main, ["ingest", corpus, "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory) -> Path:
    """A small synthetic store (about 3,000 events) in the store layout."""
    from tacitus.store.synthetic import generate_store

    path = tmp_path_factory.mktemp("synthetic") / "store"
    generate_store(path, events=3000, batch_docs=150, seed=11)
    return path


@pytest.fixture(scope="session")
def sample_client(sample_store):
    """A test client of the dashboard over the coded samples."""
    pytest.importorskip(
        "fastapi", reason="the web extra is not installed (pip install -e '.[dev]')"
    )
    from fastapi.testclient import TestClient

    from tacitus.web import create_app

    with TestClient(create_app(sample_store), raise_server_exceptions=False) as client:
        yield client
