"""Find knowledge-base names and role words in a Doc.

Names (countries, aliases, demonyms, metonyms, organisations, groups, people) are matched
case-sensitively on the token text with one PhraseMatcher, built once per vocabulary. Role
words are matched on lower-cased lemmas so "Foreign Ministers" finds "foreign minister".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from tacitus.kb import Entity, KnowledgeBase, Role

__all__ = ["NameMatch", "RoleMatch", "match_names", "match_roles"]

PERSON = "person"
DEMONYM = "demonym"
NAME = "name"


@dataclass(frozen=True)
class NameMatch:
    """A KB name in the text: tokens [start, end) and what it can stand for."""

    start: int
    end: int
    kind: str  # name | demonym | person
    entities: tuple[Entity, ...]
    person_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleMatch:
    start: int
    end: int
    role: Role


def _variants(name: str) -> set[str]:
    out = {name}
    if "'" in name:
        out.add(name.replace("'", "\u2019"))
    if "\u2019" in name:
        out.add(name.replace("\u2019", "'"))
    return out


class _Gazetteer:
    def __init__(self, vocab: Vocab, kb: KnowledgeBase) -> None:
        from spacy.lang.en import English
        from spacy.tokenizer import Tokenizer

        tokenizer = English(vocab=vocab).tokenizer
        assert isinstance(tokenizer, Tokenizer)
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.kinds: dict[str, str] = {}
        surfaces: dict[str, str] = {}
        for name in kb.names:
            surfaces.update({v: NAME for v in _variants(name)})
        for name in kb.demonyms:
            surfaces.update({v: DEMONYM for v in _variants(name) if v not in surfaces})
        for name in kb.person_surfaces:
            for v in _variants(name):
                surfaces.setdefault(v, PERSON)
        self.kinds = surfaces
        keys = sorted(surfaces)
        for key, doc in zip(keys, tokenizer.pipe(keys), strict=True):
            self.matcher.add(key, [doc])
        roles: dict[str, list[tuple[str, ...]]] = {}
        for phrase in kb.roles:
            words = tuple(phrase.replace("-", " - ").split())
            roles.setdefault(words[-1], []).append(words)
        self.roles_by_last = {k: sorted(v, key=len, reverse=True) for k, v in roles.items()}


@cache
def _gazetteer(vocab: Vocab, kb: KnowledgeBase) -> _Gazetteer:
    return _Gazetteer(vocab, kb)


def match_names(doc: Doc, kb: KnowledgeBase) -> list[NameMatch]:
    """Longest non-overlapping KB names in the doc, in order."""
    gaz = _gazetteer(doc.vocab, kb)
    spans = [doc[s:e] for _, s, e in gaz.matcher(doc)]
    spans = [s for s in spans if _is_name_span(s)]
    out = []
    for span in filter_spans(spans):
        surface = span.text
        kind = gaz.kinds.get(surface, NAME)
        key = surface.replace("\u2019", "'")
        if kind == DEMONYM:
            entity = kb.demonyms.get(surface) or kb.demonyms.get(key)
            entities: tuple[Entity, ...] = (entity,) if entity else ()
        else:
            entities = tuple(kb.names.get(surface) or kb.names.get(key) or ())
        person_ids = tuple(sorted(kb.people_named(surface))) if kind == PERSON else ()
        out.append(NameMatch(span.start, span.end, kind, entities, person_ids))
    return out


def _is_name_span(span) -> bool:
    # A sentence-initial common word that happens to be a name ("Chad", "Jordan") still
    # needs a capital letter; all-lower-case text never matches a name.
    return any(t.text[:1].isupper() for t in span)


def role_key(token: Token) -> str:
    lemma = token.lemma_.lower()
    return lemma if lemma != "-pron-" else token.lower_


def match_roles(doc: Doc, kb: KnowledgeBase) -> dict[int, RoleMatch]:
    """Role phrases by the index of their last token, longest phrase first."""
    gaz = _gazetteer(doc.vocab, kb)
    found: dict[int, RoleMatch] = {}
    for token in doc:
        if token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            continue
        for key in {role_key(token), token.lower_}:
            for words in gaz.roles_by_last.get(key, ()):
                start = token.i - len(words) + 1
                if start < 0 or start < token.sent.start:
                    continue
                prior = doc[start : token.i]
                if all(_word_matches(t, w) for t, w in zip(prior, words[:-1], strict=True)):
                    phrase = " ".join(words).replace(" - ", "-")
                    found[token.i] = RoleMatch(start, token.i + 1, kb.roles[phrase])
                    break
            if token.i in found:
                break
    return found


def _word_matches(token: Token, word: str) -> bool:
    return token.lower_ == word or role_key(token) == word
