"""Accuracy floors: the scores `tacitus eval` reports on the gold sets may not drop.

Each floor sits just below the score measured when it was set (see CHANGELOG.md); raise it
when the score rises. A change that lowers accuracy fails here, with the measured figure.
"""

from __future__ import annotations

import pytest

from tacitus.eval.run import eval_actors, eval_events, eval_quotes

from conftest import ROOT, shared_path

pytestmark = pytest.mark.slow
GOLD = ROOT / "gold"

# measured 2026-11-28: country/org 0.969, sector 0.947, kb id 0.937, places 0.915
ACTOR_FLOORS = {"country_org": 0.96, "sector": 0.94, "kb_id": 0.93, "places": 0.905}
# measured: content F1 0.971 (direct 0.980, indirect 0.959), speaker accuracy 0.922
QUOTE_FLOORS = {"f1": 0.965, "direct_f1": 0.97, "indirect_f1": 0.955, "speaker": 0.912}
# measured: PLOVER-type F1 0.589 (P 0.658), CAMEO-root F1 0.625, modality agreement 0.916
# (coding announced acts as intents too costs 0.004 F1 here and gains on the PLOVER records)
EVENT_FLOORS = {"plover_f1": 0.57, "plover_precision": 0.64, "cameo_f1": 0.61, "modality": 0.905}
# issue 4: among events with confidence >= 0.8, at least 80% right (measured 0.861 on 172
# events; 0.788 when each half of the articles is scored with the other half's table)
CALIBRATED_PRECISION = 0.80
# measured on the public 2016 file of PLOVER gold records (deduplicated, 327 records): type
# accuracy 0.419, actors among coded events 0.666, actors among all mentions 0.874
# (the copy in ../shared/eval may hold a few records less; these floors leave room for that)
PLOVER_FLOORS = {"type_accuracy": 0.37, "actor_accuracy": 0.6, "actor_mention_accuracy": 0.82}


def test_actor_resolution(nlp):
    report = eval_actors(GOLD / "actors.jsonl", nlp=nlp).to_dict()
    overall = report["overall"]
    assert overall["mentions"] >= 300
    assert overall["country_org"] >= ACTOR_FLOORS["country_org"], overall
    assert overall["sector"] >= ACTOR_FLOORS["sector"], overall
    assert overall["kb_id"] >= ACTOR_FLOORS["kb_id"], overall
    assert report["places_not_actors"] >= ACTOR_FLOORS["places"], report["places_not_actors"]


def test_quotes(nlp):
    report = eval_quotes(GOLD / "quotes.jsonl", nlp=nlp).to_dict()
    assert report["content"]["gold"] >= 200
    assert report["content"]["f1"] >= QUOTE_FLOORS["f1"], report["content"]
    assert report["by_kind"]["direct"]["f1"] >= QUOTE_FLOORS["direct_f1"], report["by_kind"]
    assert report["by_kind"]["indirect"]["f1"] >= QUOTE_FLOORS["indirect_f1"], report["by_kind"]
    assert report["speaker_accuracy"] >= QUOTE_FLOORS["speaker"], report["speaker_accuracy"]


def test_events_on_our_gold(nlp):
    plover = eval_events(GOLD / "events.jsonl", nlp=nlp).to_dict()
    assert plover["overall"]["gold"] >= 250
    assert plover["overall"]["f1"] >= EVENT_FLOORS["plover_f1"], plover["overall"]
    assert plover["overall"]["precision"] >= EVENT_FLOORS["plover_precision"], plover["overall"]
    assert plover["modality_agreement"] >= EVENT_FLOORS["modality"], plover["modality_agreement"]
    calibration = plover["calibration"]
    assert calibration["events_at_or_above_0.8"] >= 100, calibration
    assert calibration["precision_at_or_above_0.8"] >= CALIBRATED_PRECISION, calibration
    cameo = eval_events(GOLD / "events.jsonl", by="cameo", nlp=nlp).to_dict()
    assert cameo["overall"]["f1"] >= EVENT_FLOORS["cameo_f1"], cameo["overall"]


def test_events_on_the_plover_gold_records(nlp):
    report = eval_events(shared_path("eval", "plover-gsr-cameo"), nlp=nlp).to_dict()
    assert report["records"] >= 300
    assert report["type_accuracy"] >= PLOVER_FLOORS["type_accuracy"], report["type_accuracy"]
    assert report["actor_accuracy"] >= PLOVER_FLOORS["actor_accuracy"], report["actor_accuracy"]
    mentions = report["actor_mention_accuracy"]
    assert mentions >= PLOVER_FLOORS["actor_mention_accuracy"], mentions
