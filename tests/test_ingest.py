"""Readers: every input format, and a clear error naming each bad input."""

from __future__ import annotations

import json

import pytest

from tacitus.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    NotEnglishError,
    TooLargeInputError,
    UsageError,
)
from tacitus.ingest import looks_english, read_paths
from tacitus.records import Article

ENGLISH = (
    "The foreign ministers of Japan and Australia met in Tokyo on Tuesday and signed "
    "an agreement on maritime security, officials said."
)


def results(paths, **kwargs):
    return list(read_paths([str(p) for p in paths], **kwargs))


def test_txt_file_is_one_article_named_by_its_stem(tmp_path):
    path = tmp_path / "tokyo-talks.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    [article] = results([path], published="2024-03-20")
    assert article == Article("tokyo-talks", ENGLISH, published="2024-03-20")


def test_jsonl_lines_keep_their_fields_and_order(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [
        {
            "id": "a",
            "text": ENGLISH,
            "title": "T",
            "published": "2024-03-19",
            "source": "Wire",
            "url": "https://example.org/a",
        },
        {"id": "b", "text": ENGLISH.replace("Tokyo", "Canberra")},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = results([path], published="2024-03-20")
    assert (first.id, first.title, first.published, first.source, first.url) == (
        "a",
        "T",
        "2024-03-19",
        "Wire",
        "https://example.org/a",
    )
    assert (second.id, second.published) == ("b", "2024-03-20")  # --published fills the gap


def test_html_is_extracted_with_its_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Ministers meet</title>"
        '<meta property="article:published_time" content="2024-03-19"></head>'
        f"<body><nav>Home | World</nav><article><h1>Ministers meet</h1><p>{ENGLISH}</p>"
        f"<p>{ENGLISH}</p></article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    [article] = results([path])
    assert ENGLISH in article.text and "Copyright" not in article.text
    assert article.title == "Ministers meet"
    assert article.published == "2024-03-19"


def test_stdin_is_sniffed(tmp_path):
    line = json.dumps({"id": "s1", "text": ENGLISH})
    [article] = list(read_paths(["-"], stdin=[line.encode()]))
    assert article.id == "s1"
    [plain] = list(read_paths(["-"], stdin=[ENGLISH.encode()]))
    assert plain.text == ENGLISH and len(plain.id) == 16


@pytest.mark.parametrize(
    "content,error,message",
    [
        (b"", EmptyInputError, "empty article"),
        (b"   \n\n  ", EmptyInputError, "empty article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", BinaryInputError, "binary data"),
        (b"caf\xe9 au lait " * 5, BinaryInputError, "not UTF-8"),
        (
            "Le ministre des affaires étrangères a rencontré son homologue australien à Tokyo "
            "mardi pour signer un accord sur la sécurité maritime dans la région.".encode(),
            NotEnglishError,
            "does not look like English",
        ),
        (
            "Министр иностранных дел Японии встретился с коллегой из Австралии в Токио во "
            "вторник и подписал соглашение о морской безопасности в регионе.".encode(),
            NotEnglishError,
            "does not look like English",
        ),
    ],
)
def test_bad_txt_inputs_fail_with_their_name(tmp_path, content, error, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [failure] = results([path])
    assert isinstance(failure, error)
    assert str(failure).startswith(f"{path}: ") and message in str(failure)


def test_too_large_article(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(ENGLISH * 10, encoding="utf-8")
    [failure] = results([path], max_chars=500)
    assert isinstance(failure, TooLargeInputError)
    assert "over the limit of 500" in str(failure)


def test_bad_jsonl_lines_fail_alone_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": ENGLISH}),
                '{"id": "broken", "text": "unterminated',
                json.dumps({"id": "notext"}),
                json.dumps(["a", "list"]),
                json.dumps({"id": "baddate", "text": ENGLISH, "published": "20/03/2024"}),
                json.dumps({"id": "empty", "text": ""}),
                json.dumps({"id": "ok2", "text": ENGLISH}),
            ]
        ),
        encoding="utf-8",
    )
    out = results([path])
    assert [a.id for a in out if isinstance(a, Article)] == ["ok1", "ok2"]
    failures = [f for f in out if isinstance(f, InputError)]
    assert [type(f) for f in failures] == [MalformedInputError] * 4 + [EmptyInputError]
    assert str(failures[0]).startswith(f"{path}:2: not valid JSON")
    assert "missing 'text'" in str(failures[1])
    assert "'published': '20/03/2024' is not a date" in str(failures[3])
    assert f"{path}:6 (id empty)" in str(failures[4])


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    [failure] = results([path])
    assert isinstance(failure, MalformedInputError)
    assert "no article text found" in str(failure)


def test_missing_file_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    missing, article = results([tmp_path / "missing.txt", good])
    assert isinstance(missing, InputError) and "cannot read" in str(missing)
    assert article.id == "good"


def test_bad_published_option_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="--published: '2024-13-01' is not a date"):
        results([tmp_path / "x.txt"], published="2024-13-01")


def test_language_check_leaves_short_texts_alone():
    assert looks_english("Lula praised Macron.")
    assert looks_english(ENGLISH)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # headline-like English with few function words is still English
        (
            "Arab League Secretary General Chadli Klibi undertook a mediation mission between "
            "Syria and Palestinian leader Yasser Arafat.",
            True,
        ),
        (
            "El ministro de Asuntos Exteriores se reunió con su homólogo australiano en Tokio "
            "el martes para firmar un acuerdo de seguridad marítima.",
            False,
        ),
        (
            "Der Außenminister traf sich am Dienstag in Tokio mit seinem australischen "
            "Amtskollegen, um ein Abkommen über die Sicherheit zu unterzeichnen.",
            False,
        ),
        (
            "Menteri Luar Negeri Jepang bertemu dengan rekannya dari Australia di Tokyo pada "
            "hari Selasa untuk menandatangani perjanjian keamanan maritim.",
            False,
        ),
    ],
)
def test_language_check_needs_another_language_to_say_no(text, english):
    assert looks_english(text) is english
