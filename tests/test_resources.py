"""The one validating loader: every bad row is named by file, line and column."""

from __future__ import annotations

import pytest

from tacitus.errors import DataError
from tacitus.resources import Column, Schema, load_table

SCHEMA = Schema(
    "things",
    (
        Column("key", pattern=r"[a-z]+"),
        Column("count", convert=int),
        Column("tags", required=False, multi=True),
        Column("kind", choices=frozenset({"a", "b"})),
    ),
)


def write(tmp_path, text: str):
    path = tmp_path / "things.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_rows_with_types_and_multi_values(tmp_path):
    path = write(tmp_path, "# a comment\nkey\tcount\ttags\tkind\n\nabc\t3\tx|y\ta\nabd\t4\t\tb\n")
    rows = load_table(path, SCHEMA)
    assert [(r["key"], r["count"], r["tags"], r["kind"]) for r in rows] == [
        ("abc", 3, ("x", "y"), "a"),
        ("abd", 4, (), "b"),
    ]
    assert rows[0]["_line"] == 4


@pytest.mark.parametrize(
    "body,message",
    [
        ("abc\t3\tx\n", "things.tsv line 2: 3 cells, expected 4"),
        ("ABC\t3\tx\ta\n", "things.tsv line 2 column 'key': 'ABC' is not valid"),
        ("abc\tthree\tx\ta\n", "things.tsv line 2 column 'count': 'three'"),
        ("abc\t3\tx\tc\n", "things.tsv line 2 column 'kind': 'c' is not one of a, b"),
        ("abc\t\tx\ta\n", "things.tsv line 2 column 'count': empty, but required"),
        ("abc\t3\t-\ta\n", "things.tsv line 2 column 'tags': '-': leave an empty cell empty"),
        ("abc\t3\tx||y\ta\n", "things.tsv line 2 column 'tags': empty or padded item"),
        ("abc\t3\t x\ta\n", "things.tsv line 2 column 'tags': remove spaces"),
        (
            "bcd\t3\tx\ta\nabc\t3\tx\ta\n",
            "things.tsv line 3 column 'key': 'abc' comes before 'bcd'",
        ),
    ],
)
def test_bad_rows_are_named(tmp_path, body, message):
    path = write(tmp_path, "key\tcount\ttags\tkind\n" + body)
    with pytest.raises(DataError) as err:
        load_table(path, SCHEMA)
    assert message in str(err.value)


def test_wrong_header_names_the_expected_columns(tmp_path):
    path = write(tmp_path, "key\tcount\tkind\n")
    with pytest.raises(DataError, match="a things table has the columns key, count, tags, kind"):
        load_table(path, SCHEMA)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(DataError, match="table not found"):
        load_table(tmp_path / "nope.tsv", SCHEMA)
    path = tmp_path / "bad.tsv"
    path.write_bytes(b"key\tcount\ttags\tkind\n\xff\t1\t\ta\n")
    with pytest.raises(DataError, match="not UTF-8"):
        load_table(path, SCHEMA)
