"""Quotes: direct ("...," she said), indirect (X said that ...) and "according to X".

`find_quotes(doc, actors=..., lexicon=...)` returns plain dicts. Direct quotes come from the
quotation marks in the text; their cue is a reporting verb (cues.tsv) in the same sentence,
after the quote or before it, or at the end of the previous sentence ("X said:"). Indirect
quotes are the clausal complements of reporting verbs. The speaker is the cue's subject,
resolved through the actor mentions (so "she said" has the actor "she" refers to); a quote
whose text names no speaker keeps `speaker` None.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tacitus.nlp.syntax import logical_subjects
from tacitus.ontology import Lexicon

__all__ = ["Segment", "find_quotes", "misparsed_naming", "quoted_segments"]

OPEN_CURLY, CLOSE_CURLY = "\u201c", "\u201d"
CLOSING_MARKS = frozenset({'"', CLOSE_CURLY})
# A quoted stretch shorter than this with no sentence punctuation is a fragment or a scare
# quote ("warmongers"), not a direct quote.
MIN_DIRECT_WORDS = 4
# 'X called Y "a Z"' and 'X described Y as "Z"': verbs whose object and its name are what X
# said (a characterisation, coded as a quote), not a directive ('ordered Y to leave').
NAMING_VERBS = frozenset({"call", "dub", "term", "label", "brand"})
DESCRIBING_VERBS = frozenset(
    {"describe", "characterise", "characterize", "label", "brand", "hail", "dismiss", "denounce"}
)
# Texts that speak for their author ("a statement from the ministry said").
DOCUMENT_NOUNS = frozenset(
    {
        "editorial",
        "statement",
        "report",
        "article",
        "commentary",
        "communique",
        "communiqué",
        "letter",
        "post",
        "tweet",
        "release",
        "note",
        "memo",
        "bulletin",
        "broadcast",
        "video",
        "message",
    }
)
# Words that, after a comma, start the narrator's own clause inside a reported one.
NARRATOR_CONJUNCTIONS = frozenset({"while", "whereas"})


@dataclass
class Segment:
    """Text between a pair of quotation marks: [start, end) without the marks."""

    start: int
    end: int
    continues: bool = False  # continues the previous segment across a paragraph break


@dataclass
class _Quote:
    start: int
    end: int
    parts: list[tuple[int, int]]
    kind: str
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None
    speaker: int | None = None
    speaker_text: str | None = None
    content_tokens: list[tuple[int, int]] = field(default_factory=list)


def quoted_segments(text: str) -> list[Segment]:
    """Pairs of quotation marks (straight or curly); a quote left open at the end of a
    paragraph continues if the next paragraph opens with a quotation mark."""
    segments: list[Segment] = []
    open_at: int | None = None
    continuing = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if open_at is None:
            if ch == OPEN_CURLY or (ch == '"' and _opens(text, i)):
                open_at = i + 1
        elif ch in (CLOSE_CURLY, '"'):
            segments.append(Segment(open_at, i, continuing))
            open_at, continuing = None, False
        elif ch == "\n":
            # Paragraph end inside a quote: close here; reopen if the next paragraph
            # starts with a quotation mark (the usual multi-paragraph convention).
            segments.append(Segment(open_at, _rstrip(text, i), continuing))
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in ('"', OPEN_CURLY):
                open_at, continuing, i = j + 1, True, j
            else:
                open_at, continuing = None, False
        i += 1
    if open_at is not None:
        segments.append(Segment(open_at, _rstrip(text, n), continuing))
    return [s for s in segments if text[s.start : s.end].strip()]


def _opens(text: str, i: int) -> bool:
    # A straight quote opens unless it directly follows a letter or digit (then it closes
    # a quote we never saw open, or is an inch mark).
    return i == 0 or not text[i - 1].isalnum()


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes(doc: Doc, *, actors: list[dict], lexicon: Lexicon) -> list[dict]:
    """Quotes of the doc as dicts, in text order (see docs/output.md for the fields)."""
    by_head: dict[int, int] = {}
    for index, mention in enumerate(actors):
        by_head.setdefault(mention["head"], index)
    finder = _Finder(doc, by_head, actors, lexicon)
    quotes = finder.direct() + finder.indirect() + finder.nominal() + finder.according()
    quotes.sort(key=lambda q: q.start)
    return [_to_dict(doc, k, q, actors) for k, q in enumerate(quotes, start=1)]


class _Finder:
    def __init__(self, doc: Doc, by_head: dict[int, int], actors: list[dict], lexicon: Lexicon):
        self.doc, self.by_head, self.actors, self.lexicon = doc, by_head, actors, lexicon
        self.segments = quoted_segments(doc.text)
        self.quoted = [(s.start, s.end) for s in self.segments]
        self.used_cues: set[int] = set()

    def in_quotes(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quoted)

    def is_cue(self, token: Token) -> bool:
        return token.pos_ == "VERB" and self.lexicon.cue(token.lemma_.lower(), "VERB") is not None

    # -- direct quotes -------------------------------------------------------------------
    def direct(self) -> list[_Quote]:
        groups = self._group_segments()
        out = []
        for group in groups:
            first, last = group[0], group[-1]
            text = " ".join(self.doc.text[s.start : s.end] for s in group)
            if len(text.split()) < MIN_DIRECT_WORDS and not text.rstrip().endswith((".", "?", "!")):
                continue
            if self._embedded(first):
                continue  # a fragment in running text: part of a mixed quote, or a scare quote
            quote = _Quote(first.start, last.end, [(s.start, s.end) for s in group], "direct")
            cue = self._cue_for(group)
            if cue is not None:
                self._set_cue(quote, cue)
            out.append(quote)
        return out

    def _group_segments(self) -> list[list[Segment]]:
        """Join paragraph continuations, and quotes split around their cue."""
        groups: list[list[Segment]] = []
        for seg in self.segments:
            if groups and (seg.continues or self._split_around_cue(groups[-1][-1], seg)):
                groups[-1].append(seg)
            else:
                groups.append([seg])
        return groups

    def _embedded(self, segment: Segment) -> bool:
        """'called the ruling "a political vendetta"': the quotation marks open after a word
        of the sentence that is not the cue itself ('said "we will ..."')."""
        i = segment.start - 1  # the opening mark
        while i > 0 and self.doc.text[i - 1] in " \t":
            i -= 1
        if i == 0 or not self.doc.text[i - 1].isalnum():
            return False  # sentence start, or after ":", "," or a paragraph break
        before = self.doc.char_span(i - 1, i, alignment_mode="expand")
        inside = self.doc.char_span(segment.start, segment.end, alignment_mode="expand")
        if before is None or inside is None:
            return False
        # Inside what a reporting verb before it introduces: a mixed quote's fragment. Not so
        # a sign or chant ('a banner that read "Crimea is Ukraine"'), a direct quote of its own,
        # nor the quote right after its cue ('said "we will fight"').
        return any(
            self.is_cue(a) and a.i < before[-1].i and not self.in_quotes(a)
            for a in inside.root.ancestors
        )

    def _split_around_cue(self, before: Segment, after: Segment) -> bool:
        between = self.doc.text[before.end + 1 : after.start - 1]
        if self._continued_after_cue(before, after, between):
            return True
        # '"...," said Martine Roux, a teacher who came with her daughter, "and ..."': the
        # reporting clause may carry a long description of the speaker, but no sentence end.
        if (
            not between.strip().endswith(",")
            or "\n" in between
            or len(between.split()) > 30
            or any(mark in between for mark in (". ", "? ", "! "))
        ):
            return False
        span = self.doc.char_span(before.end + 1, after.start - 1, alignment_mode="expand")
        return span is not None and any(self.is_cue(t) for t in span)

    def _continued_after_cue(self, before: Segment, after: Segment, between: str) -> bool:
        """'"...," Chan told reporters. "They need help."': the speaker goes on in the next
        sentence of the same paragraph, with no cue of its own."""
        if not self.doc.text[before.start : before.end].rstrip().endswith(","):
            return False
        if not between.strip().endswith(".") or "\n" in between or len(between.split()) > 12:
            return False
        if any(mark in between.strip()[:-1] for mark in (". ", "? ", "! ")):
            return False
        span = self.doc.char_span(before.end + 1, after.start - 1, alignment_mode="expand")
        if span is None or not any(self.is_cue(t) for t in span):
            return False
        own = _sent_at(self.doc, after.start)
        return own is not None and not any(
            self.is_cue(t) for t in own if t.idx >= after.end and not self.in_quotes(t)
        )

    def _cue_for(self, group: list[Segment]) -> Token | None:
        doc = self.doc
        first, last = group[0], group[-1]
        close_sent = _sent_at(doc, max(last.end - 1, first.start))
        open_sent = _sent_at(doc, first.start)
        # Cue after the quote in its last sentence: "...," the minister said.
        if close_sent is not None:
            after = [t for t in close_sent if t.idx >= last.end and not self.in_quotes(t)]
            cue = self._first_cue(after)
            if cue is not None:
                return cue
        # Cue between the parts of a split quote.
        for a, b in zip(group, group[1:], strict=False):
            between = [t for t in doc if a.end <= t.idx < b.start and not self.in_quotes(t)]
            cue = self._first_cue(between)
            if cue is not None:
                return cue
        # Cue before the quote: X said: "..." / X said, "..."
        for sent in filter(None, (open_sent, _previous_sent(doc, open_sent))):
            before = [t for t in sent if t.idx < first.start and not self.in_quotes(t)]
            if sent is not open_sent and not _ends_with_colon(sent):
                break
            cue = self._first_cue(before, last=True)
            if cue is not None:
                return cue
        return None

    def _first_cue(self, tokens: list[Token], *, last: bool = False) -> Token | None:
        cues = [t for t in tokens if self.is_cue(t) and t.i not in self.used_cues]
        if not cues:
            return None
        return cues[-1] if last else cues[0]

    def _set_cue(self, quote: _Quote, cue: Token) -> None:
        self.used_cues.add(cue.i)
        quote.cue = cue
        span = _cue_span(cue)
        quote.cue_span = (span.start_char, span.end_char)
        subject = _speaker_token(cue)
        if subject is not None:
            quote.speaker = self._mention_at(subject)
            if quote.speaker is None:
                author = _author_of(subject)
                if author is not None:
                    quote.speaker = self._mention_at(author)
            quote.speaker_text = _np_text(subject)

    def _mention_at(self, token: Token) -> int | None:
        for t in [token, *token.conjuncts]:
            if t.i in self.by_head:
                return self.by_head[t.i]
        return None

    # -- indirect quotes -----------------------------------------------------------------
    def indirect(self) -> list[_Quote]:
        out: list[_Quote] = []
        for token in self.doc:
            if token.i in self.used_cues or not self.is_cue(token) or self.in_quotes(token):
                continue
            if any(q.start <= token.idx < q.end for q in out):
                continue  # 'said he expected Turkey to act ...': part of what was said
            content = next((c for c in token.children if c.dep_ == "ccomp"), None)
            if content is not None:
                start_tok, end_tok = _content_range(content)
            else:
                found = _characterisation(token)
                if found is None:
                    continue
                start_tok, end_tok = found
            span = self.doc[start_tok:end_tok]
            if span.start_char >= span.end_char or self._mostly_quoted(span):
                continue
            quote = _Quote(
                span.start_char,
                span.end_char,
                [(span.start_char, span.end_char)],
                self._kind(span),
            )
            self._set_cue(quote, token)
            out.append(quote)
        return out

    def nominal(self) -> list[_Quote]:
        """ "X's statement that ...", "the claim by Kyiv that ...": reported speech introduced
        by a noun; the speaker is its possessor or its by/from-phrase."""
        out = []
        for token in self.doc:
            if token.pos_ != "NOUN" or self.in_quotes(token):
                continue
            if self.lexicon.cue(token.lemma_.lower(), "NOUN") is None:
                continue
            content = next(
                (
                    c
                    for c in token.rights
                    if c.dep_ in {"acl", "ccomp"}
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ),
                None,
            )
            if content is None:
                continue
            start_tok, end_tok = _content_range(content)
            span = self.doc[start_tok:end_tok]
            if span.start_char >= span.end_char or self._mostly_quoted(span):
                continue
            quote = _Quote(span.start_char, span.end_char, [(span.start_char, span.end_char)], "")
            quote.kind = self._kind(span)
            quote.cue = token
            quote.cue_span = (token.idx, token.idx + len(token))
            author = _author(token)
            if author is not None:
                quote.speaker = self._mention_at(author)
                quote.speaker_text = _np_text(author)
            out.append(quote)
        return out

    def _kind(self, span: Span) -> str:
        inside = any(span.start_char <= s and e <= span.end_char for s, e in self.quoted)
        return "mixed" if inside else "indirect"

    def _mostly_quoted(self, span: Span) -> bool:
        """'said "we will fight"': the clause is a direct quote (found as one), not indirect
        speech holding a fragment ('said the killings had been "an attack on freedom"')."""
        words = [t for t in span if not t.is_punct]
        inside = sum(1 for t in words if self.in_quotes(t))
        return bool(words) and self.in_quotes(words[0]) and inside / len(words) > 0.5

    def according(self) -> list[_Quote]:
        """'According to X, ...': X is the speaker, the rest of the sentence the content."""
        out = []
        for token in self.doc:
            if token.lower_ != "according" or self.in_quotes(token):
                continue
            to = next((c for c in token.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is None or any(self.is_cue(t) for t in token.sent if t.i != token.i):
                # "..., he told officials, according to his office": the phrase sources a
                # quote that already has its cue and speaker.
                continue
            skip = {t.i for t in token.subtree}
            words = [
                t
                for t in token.sent
                if t.i not in skip
                and not (
                    t.is_punct and (t.i == token.sent.end - 1 or t.i - 1 in skip or t.i + 1 in skip)
                )
            ]
            if not words:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            quote = _Quote(start, end, [(start, end)], "indirect")
            quote.cue = token
            assert to is not None  # obj was found under it
            quote.cue_span = (token.idx, to.idx + len(to))
            quote.speaker = self._mention_at(obj)
            quote.speaker_text = _np_text(obj)
            out.append(quote)
        return out


def _characterisation(cue: Token) -> tuple[int, int] | None:
    """'X called Y "a Z"', 'X described Y as Z': the object and what it is called."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    lemma = cue.lemma_.lower()
    if obj is None or lemma not in NAMING_VERBS | DESCRIBING_VERBS:
        return None
    named_obj = misparsed_naming(cue)
    if named_obj is not None:
        return named_obj.left_edge.i, obj.i + 1 + (
            1 if obj.i + 1 < len(cue.doc) and cue.doc[obj.i + 1].text in CLOSING_MARKS else 0
        )
    for child in cue.children:
        named = (child.dep_ == "oprd" and lemma in NAMING_VERBS) or (
            child.dep_ == "prep" and child.lower_ == "as" and lemma in DESCRIBING_VERBS
        )
        if named and child.i > obj.i:
            start, end = obj.left_edge.i, child.right_edge.i + 1
            doc = cue.doc
            while end > start and doc[end - 1].is_punct and doc[end - 1].text not in CLOSING_MARKS:
                end -= 1
            # the closing mark of a fragment may hang from the verb, outside the subtree
            if end < len(doc) and doc[end].text in CLOSING_MARKS and _opened(doc[start:end].text):
                end += 1
            return start, end
    return None


def misparsed_naming(cue: Token) -> Token | None:
    """'called Trump and Macron "criminals"', which the small English model parses as one
    noun phrase ("Trump and Macron criminals") with the names as its modifiers: the proper
    noun before the object is what is named."""
    if cue.lemma_.lower() not in NAMING_VERBS:
        return None
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    return next(
        (c for c in obj.lefts if c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN"), None
    )


def _content_range(content: Token) -> tuple[int, int]:
    """The clause's tokens without a leading 'that' and trailing punctuation."""
    start, end = content.left_edge.i, content.right_edge.i + 1
    doc = content.doc
    # After a reporting verb a leading "that" is the complementizer, whatever the parser
    # made of it ("warned that famine was imminent").
    if start + 1 < end and doc[start].lower_ == "that":
        start += 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    # "..., while outside activists marched": a narrator's clause after a comma
    for token in doc[start:end]:
        after_comma = token.i > start and doc[token.i - 1].text == ","
        if after_comma and token.lower_ in NARRATOR_CONJUNCTIONS:
            end = token.i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text in CLOSING_MARKS and _opened(doc[start : end - 1].text):
            break  # 'had taken "a first, difficult step"': the fragment keeps its marks
        end -= 1
    return start, end


def _opened(text: str) -> bool:
    """True when `text` leaves a quotation open (an odd number of straight marks, or an
    opening curly mark after the last closing one)."""
    if text.count('"') % 2 == 1:
        return True
    return text.rfind(OPEN_CURLY) > text.rfind(CLOSE_CURLY)


def _speaker_token(cue: Token) -> Token | None:
    """The cue's subject, shared through coordination ("called ... and said")."""
    subjects = logical_subjects(cue)
    return subjects[0] if subjects else None


def _author(noun: Token) -> Token | None:
    """Who made a statement named by a noun: "Washington's accusation", "the claim by Kyiv"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"by", "from", "of"}:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _author_of(subject: Token) -> Token | None:
    """'An editorial in the People's Daily said', 'a statement from the ministry said': the
    text that speaks is its author's."""
    if subject.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for prep in subject.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "from", "by", "of", "on"}:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _cue_span(cue: Token) -> Span:
    doc = cue.doc
    end = cue.i + 1
    for child in cue.children:  # "point out", "call on"
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return doc[cue.i : end]


def _np_text(token: Token) -> str:
    doc = token.doc
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in {"prep", "appos", "compound"} and child.right_edge.i < token.sent.end:
            end = max(end, child.right_edge.i + 1)
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end].text


def _sent_at(doc: Doc, char: int) -> Span | None:
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent
    return None


def _previous_sent(doc: Doc, sent: Span | None) -> Span | None:
    if sent is None or sent.start == 0:
        return None
    return doc[sent.start - 1].sent


def _ends_with_colon(sent: Span) -> bool:
    return sent.text.rstrip().endswith(":")


def _to_dict(doc: Doc, number: int, quote: _Quote, actors: list[dict]) -> dict:
    text = doc.text
    # each part without its edge spaces and a trailing comma ('"We will not leave," he said')
    parts = [_trimmed(text, s, e) for s, e in quote.parts]
    content = " ".join(text[s:e] for s, e in parts)
    cue = None
    if quote.cue_span is not None:
        s, e = quote.cue_span
        cue = {"text": text[s:e], "start": s, "end": e}
    return {
        "id": f"q{number}",
        "speaker": quote.speaker,
        "speaker_text": quote.speaker_text,
        "content": content,
        "start": parts[0][0],
        "end": parts[-1][1],
        "cue": cue,
        "kind": quote.kind,
        "parts": [list(p) for p in parts],
        "cue_token": quote.cue.i if quote.cue is not None else None,
    }


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
