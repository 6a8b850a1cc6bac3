"""Scoring: the gold readers and the matching rules of `tacitus eval`."""

from __future__ import annotations

import json

import pytest

from tacitus.errors import DataError
from tacitus.eval.actors import score_actors
from tacitus.eval.events import score_gold_events, score_plover
from tacitus.eval.gold import GoldItem, find_span, read_jsonl, read_plover_records
from tacitus.eval.quotes import score_quotes
from tacitus.records import Actor, CodedDocument, Event, Quote, SentenceRef, TextSpan

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "eval"
TEXT = "Kenyan police arrested protesters in Nairobi, officials said."


def actor(text, start, country=None, org=None, sector=None, kb_id=None):
    return Actor(text, start, start + len(text), text, kb_id, country, org, sector, None, None)


def event(cameo, plover, source, target=None, modality="asserted"):
    return Event(
        "e",
        source,
        target,
        cameo,
        "",
        0.0,
        1,
        plover,
        None,
        modality == "asserted",
        modality,
        None,
        TextSpan("x", 0, 1),
        SentenceRef(0, 0, 1),
        None,
        None,
        None,
        None,
        0.5,
    )


def doc(actors=(), events=(), quotes=()):
    return CodedDocument("a", None, None, None, None, tuple(actors), tuple(events), tuple(quotes))


def test_find_span_counts_occurrences():
    assert find_span("a b a b", "b", 2) == (6, 7)
    assert find_span("a b", "c") is None


def test_actor_scoring_by_overlap_and_places():
    item = GoldItem(
        "a",
        TEXT,
        None,
        {
            "mentions": [
                {
                    "text": "Kenyan police",
                    "construction": "demonym_role",
                    "country": "KEN",
                    "org": None,
                    "sector": "COP",
                },
                {
                    "text": "officials",
                    "construction": "demonym_role",
                    "country": "KEN",
                    "org": None,
                    "sector": "GOV",
                },
            ],
            "not_actors": [{"text": "Nairobi"}],
        },
        1,
    )
    predicted = doc(
        [
            actor("Kenyan police", 0, "KEN", sector="COP"),
            actor("officials", 46, None, sector="GOV"),
            actor("Nairobi", 37, "KEN"),
        ]
    )
    report = score_actors([item], {"a": predicted}).to_dict()
    assert report["overall"]["country_org"] == 0.5 and report["overall"]["sector"] == 1.0
    assert report["places_not_actors"] == 0.0
    assert report["by_construction"]["demonym_role"]["mentions"] == 2


def test_event_matching_is_one_to_one_on_roots_and_type():
    fra, deu, irn = actor("France", 0, "FRA"), actor("Germany", 0, "DEU"), actor("Iran", 0, "IRN")
    item = GoldItem(
        "a",
        "x",
        None,
        {
            "events": [
                {
                    "source": {"country": "FRA"},
                    "target": {"country": "IRN"},
                    "plover": "ACCUSE",
                    "cameo": "111",
                    "modality": "asserted",
                },
                {
                    "source": {"country": "DEU"},
                    "target": {"country": "IRN"},
                    "plover": "ACCUSE",
                    "cameo": "111",
                    "modality": "asserted",
                },
            ]
        },
        1,
    )
    predicted = doc(
        events=[
            event("111", "ACCUSE", fra, irn),
            event("111", "ACCUSE", fra, irn),
            event("112", "ACCUSE", deu, fra, modality="reported"),
        ]
    )
    report = score_gold_events([item], {"a": predicted})
    assert (report.overall.matched, report.overall.predicted, report.overall.gold) == (1, 3, 2)
    assert report.overall.precision == pytest.approx(1 / 3)
    assert report.to_dict()["modality_agreement"] == 1.0


def test_plover_records_reader_renames_dedupes_and_skips():
    records, skipped = read_plover_records(FIXTURES / "plover-records.txt")
    assert [(r.id, r.event, r.sources, r.targets, r.reciprocal) for r in records] == [
        ("TEST-GSR-AGREE-0001", "AGREE", ["NOR", "SWE"], [], True),
        ("TEST-GSR-DISAPPROVE-0001", "ACCUSE", ["FIN"], ["EST"], False),
    ]
    assert skipped == 1  # INVESTIGATE


def test_plover_scoring_of_type_and_actors():
    records, _ = read_plover_records(FIXTURES / "plover-records.txt")
    fin, est = actor("Finland", 0, "FIN"), actor("Estonia", 0, "EST")
    coded = {records[0].id: doc(), records[1].id: doc(events=[event("111", "ACCUSE", fin, est)])}
    report = score_plover(records, coded).to_dict()
    assert report["type_accuracy"] == 0.5 and report["actor_accuracy"] == 0.5
    assert report["overall"]["matched"] == 1 and report["overall"]["gold"] == 3


def test_quote_matching_needs_half_the_gold_words():
    speaker = actor("officials", 46, "KEN", sector="GOV")
    item = GoldItem(
        "a",
        TEXT,
        None,
        {
            "quotes": [
                {
                    "kind": "indirect",
                    "content": "Kenyan police arrested protesters in Nairobi",
                    "speaker": {"country": "KEN", "org": None},
                    "speaker_kind": "role",
                },
                {
                    "kind": "direct",
                    "content": "We will not stop",
                    "speaker": None,
                    "speaker_kind": "none",
                },
            ]
        },
        1,
    )
    predicted = doc(
        quotes=[
            Quote(
                "q1", speaker, "officials", "police arrested protesters", 7, 33, None, "indirect"
            ),
            Quote("q2", None, None, "something else entirely", 0, 5, None, "direct"),
        ]
    )
    report = score_quotes([item], {"a": predicted})
    assert (report.overall.matched, report.overall.predicted, report.overall.gold) == (1, 2, 2)
    assert report.speaker_accuracy() == 1.0
    assert report.by_kind["indirect"].recall == 1.0 and report.by_kind["direct"].precision == 0.0


def test_bad_gold_files_are_named(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x"}) + "\n{broken\n", encoding="utf-8")
    with pytest.raises(DataError, match="gold.jsonl line 1: missing mentions"):
        read_jsonl(path, required=("mentions",))
    path.write_text("{broken\n", encoding="utf-8")
    with pytest.raises(DataError, match="gold.jsonl line 1: not valid JSON"):
        read_jsonl(path, required=())


def test_plover_records_as_json_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": f"R{k}",
                "event": "FIGHT",
                "text": "Chad attacked Sudan.",
                "source": [{"code": "TCD"}],
                "target": [{"code": "SDN"}],
            }
        )
        for k in range(2)
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, skipped = read_plover_records(path)
    assert [(r.id, r.event, r.sources, r.targets) for r in records] == [
        ("R0", "ASSAULT", ["TCD"], ["SDN"]),
        ("R1", "ASSAULT", ["TCD"], ["SDN"]),
    ]
    assert skipped == 0
