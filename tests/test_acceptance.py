"""The article of issue #2, coded through the CLI exactly as a user would."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tacitus.cli.main import main

from conftest import ROOT

pytestmark = pytest.mark.slow
ARTICLE = ROOT / "tests" / "fixtures" / "tokyo-talks.txt"


@pytest.fixture(scope="module")
def coded(nlp):
    result = CliRunner().invoke(
        main, ["code", str(ARTICLE), "--published", "2024-03-20", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def events(doc, *, source=None, target=None, root=None, asserted=None):
    out = []
    for e in doc["events"]:
        if source and (e["source"] or {}).get("country") != source:
            continue
        if target and (e["target"] or {}).get("country") != target:
            continue
        if root and not e["cameo"].startswith(root):
            continue
        if asserted is not None and e["asserted"] != asserted:
            continue
        out.append(e)
    return out


def test_the_meeting_in_tokyo_on_tuesday(coded):
    meetings = events(coded, source="JPN", target="AUS", root="04", asserted=True) or events(
        coded, source="AUS", target="JPN", root="04", asserted=True
    )
    assert meetings, "no asserted JPN-AUS consult event"
    meeting = meetings[0]
    assert meeting["location"]["name"] == "Tokyo" and meeting["location"]["country"] == "JPN"
    assert meeting["date"] == "2024-03-19" and meeting["date_text"] == "Tuesday"
    assert meeting["plover"] == "CONSULT" and meeting["quad_class"] == 1


def test_the_agreement_between_japan_and_australia(coded):
    pacts = [
        e
        for e in coded["events"]
        if e["cameo"][:2] in {"05", "06"}
        and e["asserted"]
        and {e["source"]["country"], (e["target"] or {}).get("country")} == {"JPN", "AUS"}
    ]
    assert pacts, "no JPN-AUS agreement event"


def test_praise_and_condemnation(coded):
    [praise] = events(coded, source="AUS", target="JPN", root="051")
    assert praise["asserted"] and praise["trigger"]["text"] == "praised"
    assert praise["source"]["kb_id"] == "person/penny-wong"  # "Wong" is the minister named before
    condemn = events(coded, source="JPN", target="PRK", root="11", asserted=True)
    assert condemn and condemn[0]["trigger"]["text"] == "condemned"


def test_no_asserted_sanctions_by_the_usa(coded):
    for e in events(coded, source="USA"):
        assert not (e["cameo"].startswith("16") and e["asserted"]), e
    ruled_out = [e for e in coded["events"] if e["trigger"]["text"] == "rule out"]
    assert ruled_out and not ruled_out[0]["asserted"]
    assert ruled_out[0]["attributed_to"]["country"] == "USA"


def test_indirect_quotes_with_their_speakers(coded):
    speakers = {
        (q["speaker"]["country"], q["speaker"]["sector"], q["kind"])
        for q in coded["quotes"]
        if q["speaker"]
    }
    assert ("KOR", "MIL", "indirect") in speakers  # South Korea's military
    assert any(c == "PRK" and k in {"indirect", "mixed"} for c, _, k in speakers)  # KCNA
    assert ("USA", "GOV", "indirect") in speakers  # the State Department spokesman
    agency = next(
        q for q in coded["quotes"] if q["speaker_text"] == "Pyongyang's state news agency"
    )
    assert agency["speaker"]["code"] == "PRKGOVMED"


def test_missile_launch_is_a_claim_of_the_south_korean_military(coded):
    fired = next(e for e in coded["events"] if e["trigger"]["text"] == "fired")
    assert fired["source"]["country"] == "PRK"
    assert fired["modality"] == "reported" and fired["asserted"] is False
    assert fired["attributed_to"]["code"] == "KORMIL"
    assert fired["date"] == "2024-03-20" and fired["quote"] is not None


def test_actor_offsets_point_at_their_text(coded):
    text = ARTICLE.read_text(encoding="utf-8")
    assert coded["actors"]
    for actor in coded["actors"]:
        assert text[actor["start"] : actor["end"]] == actor["text"]
    for e in coded["events"]:
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]
    for q in coded["quotes"]:
        assert q["content"].split()[0] in text[q["start"] : q["end"]]
    first = coded["actors"][0]
    assert (first["text"], first["country"], first["sector"], first["role"]) == (
        "Japanese Foreign Minister Yoko Kamikawa",
        "JPN",
        "GOV",
        "Foreign Minister",
    )


def test_output_contract_fields(coded):
    assert set(coded) >= {"id", "title", "url", "published", "source", "actors", "events", "quotes"}
    assert coded["id"] == "tokyo-talks" and coded["published"] == "2024-03-20"
    actor_fields = {
        "text",
        "start",
        "end",
        "name",
        "kb_id",
        "country",
        "org",
        "sector",
        "role",
        "code",
    }
    event_fields = {
        "id",
        "source",
        "target",
        "cameo",
        "cameo_name",
        "goldstein",
        "quad_class",
        "plover",
        "plover_mode",
        "asserted",
        "modality",
        "attributed_to",
        "trigger",
        "sentence",
        "date",
        "date_text",
        "location",
        "quote",
        "confidence",
    }
    quote_fields = {
        "id",
        "speaker",
        "speaker_text",
        "content",
        "start",
        "end",
        "cue",
        "kind",
        "events",
    }
    assert all(set(a) >= actor_fields for a in coded["actors"])
    assert all(set(e) >= event_fields for e in coded["events"])
    assert all(set(q) >= quote_fields for q in coded["quotes"])
    ids = [e["id"] for e in coded["events"]]
    assert len(ids) == len(set(ids))
    for q in coded["quotes"]:
        assert set(q["events"]) <= set(ids)
