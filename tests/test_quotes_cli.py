"""`tacitus quotes`: listing quotes by speaker and topic from coded articles."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tacitus.cli.main import main

pytestmark = pytest.mark.slow

ARTICLE = (
    "Chinese Foreign Minister Wang Yi said on Monday that Beijing opposed the new tariffs. "
    '"We will take firm measures," Wang told reporters. '
    "Japanese Prime Minister Fumio Kishida said Japan would deepen ties with Australia."
)


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _rows(args):
    result = CliRunner().invoke(main, ["quotes", *args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_lists_every_quote_with_speaker_role_and_date(article):
    rows = _rows([str(article), "--published", "2023-04-03"])
    speakers = [(r["speaker"], r["speaker_role"], r["kind"]) for r in rows]
    assert ("Wang Yi", "Foreign Minister", "indirect") in speakers
    assert ("Wang Yi", "Foreign Minister", "direct") in speakers
    assert ("Fumio Kishida", "Prime Minister", "indirect") in speakers
    assert {r["published"] for r in rows} == {"2023-04-03"}


def test_speaker_filter_by_surname_and_by_code(article):
    by_name = _rows([str(article), "--published", "2023-04-03", "--speaker", "wang"])
    assert {r["speaker"] for r in by_name} == {"Wang Yi"}
    assert len(by_name) == 2
    by_code = _rows([str(article), "--published", "2023-04-03", "--speaker", "JPNGOV"])
    assert [r["speaker"] for r in by_code] == ["Fumio Kishida"]


def test_about_filter_finds_actors_named_in_the_content(article):
    rows = _rows([str(article), "--published", "2023-04-03", "--about", "AUS"])
    assert [r["speaker"] for r in rows] == ["Fumio Kishida"]
    assert _rows([str(article), "--published", "2023-04-03", "--about", "Brazil"]) == []


def test_unreadable_input_fails_with_exit_code_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["quotes", str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
