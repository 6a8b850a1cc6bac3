"""`tacitus bench quotes`: Tacitus against textacy on the gold direct quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.eval.compare import compare_direct_quotes
from tacitus.eval.gold import GoldItem

GOLD = Path(__file__).resolve().parents[1] / "gold" / "quotes.jsonl"

ITEM = GoldItem(
    "t-1",
    '"We will not leave," Lau said. Officials said the talks would go on.',
    "2019-08-12",
    {
        "quotes": [
            {"kind": "direct", "content": "We will not leave", "speaker": {"text": "Lau"}},
            {"kind": "indirect", "content": "the talks would go on", "speaker": {"text": "x"}},
        ]
    },
    1,
)


@pytest.mark.slow
def test_scores_each_extractor_on_direct_quotes_only(nlp):
    extractors = {
        "right": lambda doc: [("We will not leave", "Lau")],
        "wrong_speaker": lambda doc: [("We will not leave", "Officials")],
        "spurious": lambda doc: [("We will not leave", "Lau"), ("the talks would go on", None)],
        "refuses": lambda doc: (_ for _ in ()).throw(ValueError("unbalanced")),
    }
    result = compare_direct_quotes(GOLD, nlp=nlp, extractors=extractors, items=[ITEM]).to_dict()
    systems = result["systems"]
    assert result["gold_direct_quotes"] == 1
    assert (systems["right"]["f1"], systems["right"]["speaker_found"]) == (1.0, 1.0)
    assert systems["wrong_speaker"]["speaker_found"] == 0.0
    assert systems["spurious"]["precision"] == 0.5 and systems["spurious"]["recall"] == 1.0
    assert systems["refuses"]["recall"] == 0.0 and systems["refuses"]["articles_given_up"] == 1


@pytest.mark.slow
def test_tacitus_beats_textacy_on_the_gold_direct_quotes(nlp):
    pytest.importorskip("textacy", reason="textacy (a dev extra) is not installed")
    systems = compare_direct_quotes(GOLD, nlp=nlp).to_dict()["systems"]
    assert systems["tacitus"]["f1"] > systems["textacy"]["f1"]
    assert systems["tacitus"]["recall"] >= systems["textacy"]["recall"]
