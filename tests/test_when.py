"""Relative dates resolve against the publication date (pure functions, no model)."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.nlp.when import resolve_date

WEDNESDAY = date(2024, 3, 20)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("on Tuesday", ("2024-03-19", "day")),
        ("Wednesday", ("2024-03-20", "day")),  # the paper's own day
        ("on Thursday", ("2024-03-14", "day")),  # the latest Thursday before
        ("last Wednesday", ("2024-03-13", "day")),
        ("yesterday", ("2024-03-19", "day")),
        ("today", ("2024-03-20", "day")),
        ("last year", ("2023-01-01", "year")),
        ("last month", ("2024-02-01", "month")),
        ("next month", ("2024-04-01", "month")),
        ("in 2014", ("2014-01-01", "year")),
        ("in March", ("2024-03-01", "month")),
        ("in November", ("2023-11-01", "month")),  # no later than publication
        ("May 2019", ("2019-05-01", "month")),
        ("March 5", ("2024-03-05", "day")),
        ("on 12 January 2023", ("2023-01-12", "day")),
    ],
)
def test_relative_and_absolute_dates(text, expected):
    assert resolve_date(text, WEDNESDAY) == expected


@pytest.mark.parametrize("text", ["three years", "the past decade", "recent weeks", "Tuesday"])
def test_durations_and_unanchored_words_give_nothing(text):
    published = None if text == "Tuesday" else WEDNESDAY
    assert resolve_date(text, published) is None


def test_absolute_dates_need_no_publication_date():
    assert resolve_date("in 2014", None) == ("2014-01-01", "year")
