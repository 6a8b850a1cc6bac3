"""Checks an article must pass before it is coded: not empty, not huge, English."""

from __future__ import annotations

import re

from tacitus.errors import EmptyInputError, NotEnglishError, TooLargeInputError
from tacitus.records import Article

__all__ = ["DEFAULT_MAX_CHARS", "check_article", "looks_english"]

# A news article is a few thousand characters; a book-length input is almost certainly a
# mistake (a whole dump in one field) and would hold a worker for minutes.
DEFAULT_MAX_CHARS = 200_000
# The commonest English words: in English news they are a third of all words; in other
# languages written in Latin script (French, Spanish, Indonesian) a few percent.
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "at",
        "from",
        "he",
        "his",
        "be",
        "are",
        "were",
        "has",
        "have",
        "had",
        "an",
        "not",
        "but",
        "or",
        "this",
        "which",
        "their",
        "they",
        "its",
        "said",
        "will",
        "would",
        "been",
        "who",
        "after",
        "also",
        "i",
        "we",
        "you",
        "she",
        "her",
        "said",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS_TO_JUDGE = 12
MIN_FUNCTION_SHARE = 0.08


# The commonest words of other languages written in Latin script (French, Spanish,
# Portuguese, Italian, German, Dutch, Indonesian), English ones left out.
_OTHER_FUNCTION_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "un",
        "une",
        "est",
        "et",
        "en",
        "dans",
        "pour",
        "par",
        "sur",
        "au",
        "aux",
        "qui",
        "que",
        "il",
        "elle",
        "ne",
        "pas",
        "el",
        "los",
        "las",
        "del",
        "y",
        "con",
        "para",
        "por",
        "una",
        "es",
        "se",
        "lo",
        "su",
        "al",
        "como",
        "más",
        "pero",
        "o",
        "os",
        "da",
        "dos",
        "das",
        "em",
        "um",
        "uma",
        "com",
        "não",
        "na",
        "no",
        "ao",
        "il",
        "di",
        "della",
        "delle",
        "che",
        "per",
        "con",
        "non",
        "sono",
        "nel",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "den",
        "dem",
        "nicht",
        "mit",
        "von",
        "zu",
        "ein",
        "eine",
        "auf",
        "sich",
        "des",
        "für",
        "im",
        "het",
        "een",
        "van",
        "en",
        "de",
        "niet",
        "op",
        "zijn",
        "voor",
        "met",
        "dat",
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "ini",
        "itu",
        "dengan",
        "untuk",
        "tidak",
        "akan",
        "pada",
    ]
)


def looks_english(text: str) -> bool:
    """True unless the text is long enough to judge and clearly not English: mostly not in
    Latin script, or with the common words of another language outnumbering English ones.
    A headline-like English sentence with few function words ("Arab League Secretary General
    Chadli Klibi undertook mediation mission between Syria and ...") is English."""
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS_TO_JUDGE:
        return True
    # Latin script: Basic Latin, Latin-1 and Latin Extended-A/B ("étrangères", "Außen")
    latin = sum(1 for w in words if all(ord(c) < 0x250 for c in w))
    if latin / len(words) < 0.5:
        return False
    lowered = [w.lower() for w in words]
    english = sum(1 for w in lowered if w in _FUNCTION_WORDS) / len(words)
    other = sum(1 for w in lowered if w in _OTHER_FUNCTION_WORDS) / len(words)
    if english >= MIN_FUNCTION_SHARE:
        return english >= other
    return other < MIN_FUNCTION_SHARE


def check_article(article: Article, *, source: str, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """The article if it can be coded; else an InputError naming `source`."""
    if not article.text.strip():
        raise EmptyInputError("no text to code (empty article)", source=source)
    if len(article.text) > max_chars:
        raise TooLargeInputError(
            f"{len(article.text):,} characters, over the limit of {max_chars:,} "
            "(split the article, or raise the limit with --max-chars)",
            source=source,
        )
    if not looks_english(article.text):
        raise NotEnglishError(
            "the text does not look like English; Tacitus codes English news", source=source
        )
    return article
