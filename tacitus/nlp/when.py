"""Event dates: find the date words attached to a trigger and resolve them against the
publication date.

News dates are mostly relative ("on Tuesday", "last year"), so the publication date is the
anchor. A weekday means the latest such day on or before publication (a Wednesday paper's
"on Wednesday" is that day); a month without a year is the latest such month not after
publication. Years and months resolve to their first day with a coarser `precision`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from tacitus.nlp.syntax import CLAUSE_DEPS

__all__ = ["ResolvedDate", "find_date", "resolve_date"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_LEAD = re.compile(
    r"^(on|in|at|since|during|by|from|until|of|early|late|earlier|mid|"
    r"the|this|that)\s+",
    re.I,
)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\s+(\d{4})$")
_MONTH = re.compile(r"^([a-z]+)$")
# Words that make a DATE entity a duration or a vague period, not a point in time.
_NOT_A_POINT = re.compile(r"\b(years?|months?|weeks?|days?|decades?)\b(?! ago)", re.I)

ResolvedDate = tuple[str, str]  # (YYYY-MM-DD, precision: day | month | year)


def find_date(trigger: Token, anchor: Token | None = None) -> Span | None:
    """The DATE entity in the trigger's own clause (or its support verb's), nearest first."""
    heads = [trigger] + ([anchor] if anchor is not None and anchor is not trigger else [])
    best: tuple[int, Span] | None = None
    for ent in trigger.sent.ents:
        if ent.label_ != "DATE":
            continue
        for head in heads:
            distance = _attachment(ent.root, head)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, ent)
    return best[1] if best else None


def _attachment(token: Token, head: Token) -> int | None:
    """Steps from `token` up to `head` without leaving `head`'s clause, or None."""
    steps = 0
    while token.i != head.i:
        if token.dep_ in CLAUSE_DEPS or token.head.i == token.i:
            return None
        token = token.head
        steps += 1
        if steps > 6:
            return None
    return steps


def resolve_date(text: str, published: date | None) -> ResolvedDate | None:
    """Resolve date words like 'on Tuesday', 'last year', 'March 5', '2014'."""
    return _resolve(text.strip().lower(), published)


@lru_cache(maxsize=4096)
def _resolve(text: str, published: date | None) -> ResolvedDate | None:
    text = text.replace("\u2019", "'")
    while True:
        stripped = _LEAD.sub("", text)
        if stripped == text:
            break
        text = stripped
    relative = _relative(text, published)
    if relative is not None:
        return relative
    if _NOT_A_POINT.search(text) and not text.startswith(("last", "next")):
        return None
    if m := _YEAR.match(text):
        return f"{m.group(1)}-01-01", "year"
    if (m := _MONTH_YEAR.match(text)) and m.group(1) in MONTHS:
        return f"{m.group(2)}-{MONTHS.index(m.group(1)) + 1:02d}-01", "month"
    if (m := _MONTH.match(text)) and m.group(1) in MONTHS and published is not None:
        month = MONTHS.index(m.group(1)) + 1
        year = published.year if month <= published.month else published.year - 1
        return f"{year}-{month:02d}-01", "month"
    return _absolute(text, published)


def _relative(text: str, published: date | None) -> ResolvedDate | None:
    if published is None:
        return None
    words = text.split()
    if not words:
        return None
    simple = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
    if text in simple:
        return (published + timedelta(days=simple[text])).isoformat(), "day"
    prefix, last = (words[0], words[-1]) if len(words) == 2 else (None, words[-1])
    if last in WEEKDAYS and len(words) <= 2 and prefix in {None, "last", "next", "this"}:
        delta = (published.weekday() - WEEKDAYS.index(last)) % 7
        if prefix == "next":
            delta = -((WEEKDAYS.index(last) - published.weekday()) % 7 or 7)
        elif prefix == "last" and delta == 0:
            delta = 7
        return (published - timedelta(days=delta)).isoformat(), "day"
    if len(words) == 2 and prefix in {"last", "next", "this"}:
        step = {"last": -1, "next": 1, "this": 0}[prefix]
        if last == "year":
            return f"{published.year + step}-01-01", "year"
        if last == "month":
            month_index = published.year * 12 + published.month - 1 + step
            return f"{month_index // 12}-{month_index % 12 + 1:02d}-01", "month"
        if last == "week":
            start = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
            return start.isoformat(), "week"
    return None


def _absolute(text: str, published: date | None) -> ResolvedDate | None:
    """Full dates ('March 5', '5 March 2023', '2023-03-05') through dateparser."""
    if not any(ch.isdigit() for ch in text):
        return None
    import dateparser  # slow to import: only when a date needs it

    settings = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    return parsed.date().isoformat(), "day"
