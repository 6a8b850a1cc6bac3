"""Actor mentions: names, descriptors, metonyms and references back, resolved with the KB.

`find_actors(doc, kb=..., day=...)` walks the noun phrases of a parsed Doc in order. A phrase
is an actor when it holds a KB name (country, demonym, metonym, organisation, group, person),
a role word, or a person's name; its modifiers, possessor, apposition and "spokesman for X"
phrase are gathered into one Descriptor and resolved by tacitus.kb.resolve. Pronouns,
surnames and definite role phrases refer back through `Coref`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from tacitus.kb import ActorFields, Descriptor, Entity, KnowledgeBase, Role, fold, resolve
from tacitus.nlp.coref import PAIR_NOUNS, Coref, Mention, sentence_index, sentence_starts
from tacitus.nlp.gazetteer import PERSON, NameMatch, RoleMatch, match_names, match_roles
from tacitus.nlp.syntax import counted

__all__ = ["find_actors"]

# Dependents that sit inside the noun phrase of their head.
NP_LEFT_DEPS = frozenset(
    {
        "compound",
        "amod",
        "nmod",
        "flat",
        "nummod",
        "det",
        "predet",
        "quantmod",
        "punct",
        "case",
        "cc",
        "conj",
        "nn",
        "advmod",
    }
)
MODIFIER_DEPS = frozenset(
    {"compound", "amod", "nmod", "flat", "det", "predet", "nummod", "poss", "nn", "quantmod"}
)
# "spokesman for X", "head of X": phrases naming whom a role serves. "To" only before an
# organisation ("ambassador to the UN" is an office there); an envoy to a state is sent to it,
# not its own ("the U.N. envoy to Sudan").
SERVING_PREPS = frozenset({"for", "of", "at", "to", "from"})
# Qualifiers that say a body or group is not of one state ("Western diplomats", "foreign
# journalists"): such an actor is never given the dateline's or the sentence's state.
MULTINATIONAL_WORDS = frozenset(
    {"western", "foreign", "international", "european", "arab", "african", "asian", "multinational"}
)
# Sectors of people of no office, who are of the place they are in; PLACE_WINDOW sentences
# back (within the paragraph) are searched for it.
# (Refugees are of the state they fled, not of the camp they are in.)
# Sectors of people placed by where they are: civilians, and rebels and insurgents, who
# belong to the state they fight in ("rebel fighters leave eastern Aleppo").
CIVILIAN_SECTORS = frozenset({"CVL", "EDU", "HLH", "AGR", "LAB", "REL", "OPP", "REB", "INS"})
PLACE_WINDOW = 3
OPPOSING_SECTORS = frozenset({"REB", "INS", "OPP"})
# The state an article is about: the one with at least FOCUS_MIN_MENTIONS actor mentions and
# FOCUS_LEAD times as many as the next.
FOCUS_MIN_MENTIONS = 2
FOCUS_LEAD = 2
# Sectors of a state's own people and bodies: an unplaced one ("police said") belongs to the
# state of the article's dateline.
DOMESTIC_SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "REB",
        "CVL",
        "MED",
        "BUS",
        "LAB",
        "EDU",
        "REL",
        "HLH",
        "REF",
        "SPY",
        "PTY",
        "UAF",
        "CRM",
        "AGR",
        "ELI",
        "ENV",
    }
)
# Places after these words are locations, not actors ("in Tokyo"); capitals also after
# the motion prepositions ("flew to Beijing").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "throughout",
        "inside",
        "within",
        "around",
        "outside",
        "off",
        "over",
    }
)
MOTION_PREPS = frozenset({"to", "from", "into", "toward", "towards", "via", "through", "for"})
PLACE_KINDS = frozenset({"country", "capital", "region"})
# Verbs and nouns of going somewhere: "fled to India", "withdraw from Ukraine", "left for
# Lithuania", "his return from Kenya", "flights from the United States". After them a state
# is where someone goes, not whom something is done to ("sent aid to Ukraine" stays an actor).
MOTION_WORDS = frozenset(
    {
        "go",
        "come",
        "travel",
        "fly",
        "flee",
        "leave",
        "return",
        "arrive",
        "head",
        "depart",
        "withdraw",
        "retreat",
        "cross",
        "move",
        "escape",
        "evacuate",
        "deport",
        "sail",
        "drive",
        "walk",
        "march",
        "relocate",
        "emigrate",
        "migrate",
        "smuggle",
        "transfer",
        "pull",
        "flight",
        "trip",
        "journey",
        "visit",
        "departure",
        "arrival",
        "exodus",
        "deportation",
        "evacuation",
        "route",
        "crossing",
        "push",
        "advance",
    }
)
# ... and, for cities, the words of sending people there or calling them back ("recalled its
# ambassadors from Madrid", "invite Netanyahu to Budapest", "missiles fired toward Abu Dhabi").
CITY_MOTION_WORDS = MOTION_WORDS | frozenset(
    {"send", "recall", "invite", "fire", "launch", "absorb", "bring", "take", "summon"}
)
# Verbs whose object is a place when it is a city or a state being gone to or from.
PLACE_OBJECT_VERBS = frozenset({"visit", "tour", "flee", "leave", "enter", "reach", "cross"})
# Nouns that make "the X of <state>" a place ("the Kursk region of Russia").
PLACE_NOUNS = frozenset(
    {
        "region",
        "province",
        "city",
        "town",
        "capital",
        "coast",
        "part",
        "north",
        "south",
        "east",
        "west",
        "outskirts",
        "territory",
        "interior",
        "heart",
        "centre",
        "center",
        "district",
        "state",
        "border",
        "siege",
        "control",
        "capture",
        "fall",
        "streets",
        "suburb",
    }
)
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "hers",
        "theirs",
        "himself",
        "herself",
        "itself",
        "themselves",
    }
)
FORMER_WORDS = frozenset({"former", "ex", "then", "late", "ousted", "deposed", "exiled"})


# A dateline: "TOKYO -", "KUZNICA, Poland -", "WASHINGTON (Reuters) -" at the start.
_DATELINE = re.compile(r"\s*[A-Z][A-Za-z .,'\u2019()]{1,60}?\s[-\u2013\u2014]+\s")


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


def _argument(token: Token) -> bool:
    """A subject or object of a verb, or one coordinated with it ("Russia and Turkey")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in ARGUMENT_DEPS


def _the_one(states: Iterable[str | None]) -> str | None:
    """The state when exactly one is named, else None."""
    distinct = set(states)
    return distinct.pop() if len(distinct) == 1 else None


def _dateline_end(doc: Doc) -> int:
    """Index of the first token after a dateline, or 0."""
    m = _DATELINE.match(doc.text)
    if m is None or not m.group(0).strip()[:2].isupper():
        return 0
    span = doc.char_span(0, m.end(), alignment_mode="expand")
    return span.end if span is not None else 0


def _dateline_country(doc: Doc, end: int, kb: KnowledgeBase) -> str | None:
    """The state of the dateline's place: "KUZNICA, Poland -" -> POL, "TOKYO -" -> JPN."""
    words = [t.text for t in doc[:end] if t.is_alpha or t.text in {".", "'"}]
    text = " ".join(words)
    for part in reversed([p.strip() for p in text.replace(" .", ".").split(",")]):
        for candidate in (part, part.title()):
            place = kb.place(candidate)
            if place is not None:
                return place.country
            entities = kb.names.get(candidate, [])
            if entities and entities[0].country:
                return entities[0].country
    return None


def coordinated_head(token: Token) -> bool:
    """A noun the parser hung under the next one though it heads its own coordinated phrase:
    in "U.S. President Donald Trump and North Korean leader Kim Jong Un", "Trump"."""
    return (
        token.dep_ in {"nmod", "compound"}
        and token.pos_ in {"PROPN", "NOUN"}
        and any(c.dep_ == "cc" for c in token.children)
        and any(c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"} for c in token.children)
    )


def _np_left(head: Token) -> list[Token]:
    """Tokens left of the head inside its noun phrase (not a dateline or adverbial before it)."""
    out = []
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS and not coordinated_head(child):
            out.append(child)
            out.extend(_np_left(child))
            out.extend(
                t
                for c in child.rights
                if c.dep_ in {"cc", "conj", "punct", "case"}
                for t in (c, *_np_left(c))
            )
    return out


@dataclass
class Phrase:
    """A noun phrase being read as an actor: its tokens and the pieces found in it."""

    head: Token
    start: int  # first token index (without leading determiners)
    end: int  # one past the last token
    names: list[NameMatch] = field(default_factory=list)
    roles: list[RoleMatch] = field(default_factory=list)
    person: tuple[int, int] | None = None  # token range of a person's name
    served: list[Entity] = field(default_factory=list)
    former: bool = False
    definite: bool = True

    @property
    def is_actor(self) -> bool:
        return bool(self.names or self.roles or self.person)


# Predicates after which "it" only anticipates a clause ("it is unclear whether ...").
EXTRAPOSING = frozenset(
    {
        "unclear",
        "clear",
        "likely",
        "unlikely",
        "possible",
        "impossible",
        "important",
        "necessary",
        "difficult",
        "easy",
        "hard",
        "true",
        "evident",
        "obvious",
        "time",
        "known",
        "expected",
        "believed",
        "thought",
        "reported",
        "said",
        "feared",
        "understood",
        "certain",
        "uncertain",
        "vital",
        "essential",
        "crucial",
        "urgent",
        "wrong",
        "right",
        "worth",
    }
)


def _expletive(it: Token) -> bool:
    """'It is unclear whether', 'it seems that', 'it was reported that': no actor. 'It was
    ready to help', 'it remains committed': the actor named before."""
    verb = it.head
    if verb.lemma_ in {"seem", "appear"}:
        return True
    if verb.lemma_ not in {"be", "remain"} and not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    predicates = [c for c in verb.children if c.dep_ in {"acomp", "attr"}] or [verb]
    return any(p.lemma_.lower() in EXTRAPOSING or p.lower_ in EXTRAPOSING for p in predicates)


def find_actors(doc: Doc, *, kb: KnowledgeBase, day: date) -> list[dict]:
    """Actor mentions of the doc as plain dicts (see Mention.to_dict), in text order."""
    return _Reader(doc, kb, day).read()


class _Reader:
    def __init__(self, doc: Doc, kb: KnowledgeBase, day: date) -> None:
        self.doc, self.kb, self.day = doc, kb, day
        names = match_names(doc, kb)
        self.name_at = {i: m for m in names for i in range(m.start, m.end)}
        self.roles_by_end = match_roles(doc, kb)
        self.role_at = {i: r for r in self.roles_by_end.values() for i in range(r.start, r.end)}
        # People's names carry no numbers; things named after animals or people do ("send
        # Leopard 2 tanks", tagged PERSON by the model).
        self.person_tokens = {
            t.i
            for e in doc.ents
            if e.label_ == "PERSON" and not any(t.like_num for t in e)
            for t in e
        }
        self.body_start = _dateline_end(doc)
        self.home = _dateline_country(doc, self.body_start, kb) if self.body_start else None
        self.consumed: set[int] = set(range(self.body_start))  # "TOKYO -" names no actor
        self.coref = Coref(kb, sentence_starts(doc))
        self.pronouns: dict[int, Mention] = {}
        self.multinational: set[int] = set()  # heads of "Western diplomats" and the like

    def read(self) -> list[dict]:
        for token in self.doc:
            if token.i in self.consumed:
                continue
            if token.pos_ == "PRON" and token.dep_ == "poss":
                self._pronoun(token)  # "its forces", "his remarks"
                continue
            match = self.name_at.get(token.i)
            if match is not None and token.i != self._root(match):
                continue  # a word inside a KB name is read with the name's head
            if self._is_modifier(token):
                continue
            if token.pos_ == "PRON":
                self._pronoun(token)
            elif token.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} or match is not None:
                self._phrase(token)
        self._leftover_names()
        self._place_unplaced()
        return [m.to_dict() for m in sorted(self.coref.mentions, key=lambda m: (m.start, m.end))]

    # -- placing actors that name no state ---------------------------------------------
    def _place_unplaced(self) -> None:
        """Give a state to actors of a state's own sectors that name none, in this order:
        people of no office by the place they are in; others by the one state their sentence
        names; then by the state the article is about; then by the dateline's. A person is
        placed where first met, and every later mention of them (surname, pronoun) follows."""
        places = self._places_by_sentence()
        states = self._states_by_sentence()
        focus = self._focus_state()
        found: dict[int, str] = {}  # cluster -> state
        for m in sorted(self.coref.mentions, key=lambda m: m.start):
            f = m.fields
            if f.country or f.org or f.kb_id or m.head in self.multinational:
                continue
            domestic = f.sector in DOMESTIC_SECTORS or (f.person and f.sector is None)
            if not domestic:
                continue
            state = found.get(m.cluster)  # "Sunni militants ... these militants": one state
            if state is None and not m.pronoun:
                if f.sector in CIVILIAN_SECTORS:
                    state = self._coordinated_state(m)
                if state is None and (
                    f.sector in CIVILIAN_SECTORS or (f.person and f.sector is None)
                ):
                    state = self._place_of(m, places)
                if state is None and len(states.get(m.sent, ())) == 1:
                    (state,) = states[m.sent]
                if state is None and f.sector in OPPOSING_SECTORS:
                    state = self._governed_by(m)
                # the article's state, else the dateline's ("NAIROBI - Police said ..."): a
                # story filed from Brussels or Geneva is often about somewhere else
                state = state or focus or (self.home if f.sector in DOMESTIC_SECTORS else None)
            if state is None:
                continue
            found.setdefault(m.cluster, state)
            m.fields = ActorFields(
                f.name,
                None,
                state,
                None,
                f.sector,
                f.role,
                self.kb.actor_code(state, f.code),
                f.person,
            )

    def _coordinated_state(self, m: Mention) -> str | None:
        """'killed 11 of its fighters and eight civilians': people listed with placed ones
        are of the same state."""
        head = self.doc[m.head]
        listed = [head.head] if head.dep_ == "conj" else list(head.conjuncts)
        heads = {t.i for t in listed} | {c.i for c in map(counted, listed) if c is not None}
        return _the_one(
            other.fields.country
            for other in self.coref.mentions
            if other.head in heads and other.fields.country
        )

    def _governed_by(self, m: Mention) -> str | None:
        """'A rebel official accused Syrian government forces and their Iranian allies':
        rebels and opposition fight their own state, so the one state whose government,
        army or police their sentence names is theirs."""
        return _the_one(
            other.fields.country
            for other in self.coref.mentions
            if other.sent == m.sent
            and other.fields.country
            and other.fields.sector in {"GOV", "MIL", "COP"}
        )

    def _places_by_sentence(self) -> dict[int, set[str]]:
        """The states of the places named in each sentence ('in Antakya' -> TUR, 'a Kyiv
        metro station' -> UKR). Read from the gazetteer, not NER, which often tags a town
        as a person or misses it inside a compound."""
        out: dict[int, set[str]] = {}
        doc = self.doc
        starts = self.kb.place_starts
        i = self.body_start  # a dateline says where the story was filed, not where it is
        # a state that acts ("Russia and Turkey brokered a deal") is not where things happen
        # (the subject or object of a verb; "a resident of Rostov" still says where)
        acting = {m.head for m in self.coref.mentions if _argument(doc[m.head])}
        while i < len(doc):
            if not doc[i].text[:1].isupper() or fold(doc[i].text) not in starts:
                i += 1
                continue
            for n in (3, 2, 1):
                if i + n > len(doc):
                    continue
                text = "".join(doc[j].text_with_ws for j in range(i, i + n)).strip()
                place = self.kb.place(text)
                if place is not None and place.country:
                    if acting.isdisjoint(range(i, i + n)):
                        sent = sentence_index(self.coref.starts, doc[i])
                        out.setdefault(sent, set()).add(place.country)
                    i += n - 1
                    break
            i += 1
        return out

    def _states_by_sentence(self) -> dict[int, set[str]]:
        """'Tunisia's president sacked Prime Minister Hichem Mechichi': the states of the
        actors named in each sentence."""
        out: dict[int, set[str]] = {}
        for m in self.coref.mentions:
            if m.fields.country:
                out.setdefault(m.sent, set()).add(m.fields.country)
        return out

    def _place_of(self, m: Mention, places: dict[int, set[str]]) -> str | None:
        """'said Olena, who was sheltering in a Kyiv metro station': the one state of the
        places in the mention's sentence, or in the sentences before it in its paragraph."""
        starts = self.coref.starts
        for k in range(m.sent, max(m.sent - PLACE_WINDOW, -1), -1):
            if k < m.sent and "\n" in self.doc[starts[k] : starts[k + 1]].text:
                return None  # not across a paragraph break
            if len(places.get(k, ())) == 1:
                (state,) = places[k]
                return state
        return None

    def _focus_state(self) -> str | None:
        """The state the article is about: one that clearly leads the actor mentions."""
        counts = Counter(
            m.fields.country
            for m in self.coref.mentions
            if m.fields.country and not m.pronoun and not m.fields.org
        )
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < FOCUS_MIN_MENTIONS:
            return None
        if len(ranked) == 2 and ranked[1][1] * FOCUS_LEAD > ranked[0][1]:
            return None
        return ranked[0][0]

    # -- phrases -------------------------------------------------------------------------
    def _root(self, match: NameMatch) -> int:
        """The syntactic head of a multiword name ("Court" in "International Court of
        Justice"): the word whose own head lies outside the name."""
        for token in self.doc[match.start : match.end]:
            if not match.start <= token.head.i < match.end or token.head.i == token.i:
                return token.i
        return match.end - 1

    def _is_modifier(self, token: Token) -> bool:
        if coordinated_head(token):
            return False
        if token.dep_ in MODIFIER_DEPS:
            return True
        if token.dep_ == "conj" and token.head.i != token.i:
            return self._is_modifier(token.head)
        return False

    def _phrase(self, head: Token) -> None:
        phrase = self._read_phrase(head)
        if self._is_location(phrase):
            self.consumed.update(range(phrase.start, phrase.end))
            return
        if not self._head_is_actor(phrase):
            lemma = head.lemma_.lower()
            if (
                not phrase.names
                and (lemma in self.kb.generics or lemma in PAIR_NOUNS)
                and self._refers_back(phrase)
            ):
                return  # "the alliance" after NATO; "the two countries", "both men"
            # "Japan's role", "UN Security Council resolutions": the names inside are actors,
            # the phrase is not.
            for match in phrase.names:
                if match.kind != PERSON or phrase.person is None:
                    self._emit_name(match)
            if phrase.person is not None and not self._name_as_modifier(phrase):
                self._emit(
                    Phrase(self.doc[phrase.person[1] - 1], *phrase.person, person=phrase.person)
                )
            self._emit_possessor(head)
            return
        # "the foreign minister of the Marshall Islands" says whose minister: no refer-back
        if (
            phrase.person is None
            and not phrase.names
            and not phrase.served
            and self._refers_back(phrase)
        ):
            return
        if self._ownerless(phrase):
            return  # "took office", "a commission will study it": no one in particular
        self._emit(phrase)

    def _name_as_modifier(self, phrase: Phrase) -> bool:
        """'Leopard 2 battle tanks', 'a Patriot missile': a name nobody knows as a person,
        used to name a thing, is no actor ('the Trump plan' still is: Trump is known)."""
        assert phrase.person is not None
        start, end = phrase.person
        last = self.doc[end - 1]
        text = self.doc[start:end].text
        if last.dep_ not in {"compound", "nmod", "amod"} or any(
            t.dep_ == "case" for t in self.doc[start : end + 1]
        ):
            return False
        known = self.kb.people_named(text) or (
            end - start == 1 and self.kb.people_with_surname(text)
        )
        return not known and self.coref.person_named(text) is None

    def _ownerless(self, phrase: Phrase) -> bool:
        """A body word whose sector comes from its owner ('office', 'agency'), with none."""
        if phrase.names or phrase.person or phrase.served or not phrase.roles:
            return False
        return all(r.role.sector is None and r.role.kind == "body" for r in phrase.roles)

    def _head_is_actor(self, phrase: Phrase) -> bool:
        i = phrase.head.i
        if i in self.name_at or i in self.role_at:
            return True
        return phrase.person is not None and phrase.person[0] <= i < phrase.person[1]

    def _read_phrase(self, head: Token) -> Phrase:
        tokens = sorted({head.i, *(t.i for t in _np_left(head))})
        start = max(tokens[0], self.body_start if head.i >= self.body_start else 0)
        while start < head.i and self.doc[start].dep_ in {"det", "punct", "predet", "cc"}:
            start += 1
        end = self._role_through(head)
        phrase = Phrase(head, start, end)
        self._collect(phrase, range(start, end))
        if end > head.i + 1:
            self.consumed.update(range(head.i + 1, end))
        phrase.former = any(self.doc[i].lower_ in FORMER_WORDS for i in tokens)
        phrase.definite = not any(
            self.doc[i].lower_ in {"a", "an", "another", "some"} for i in tokens if i < head.i
        )
        self._read_appositions(phrase)
        if self._head_is_actor(phrase):
            self._read_served(phrase)
        return phrase

    def _role_through(self, head: Token) -> int:
        """End of the phrase: past the head when a role word or a name runs on through an
        of-phrase ("secretary of state", "International Court of Justice")."""
        match = self.name_at.get(head.i)
        if match is not None and match.end > head.i + 1:
            return match.end
        for end in range(head.sent.end, head.i + 1, -1):
            role = self.roles_by_end.get(end - 1)
            if role is not None and role.start <= head.i < role.end - 1:
                return role.end
        return head.i + 1

    def _collect(self, phrase: Phrase, indices: range) -> None:
        seen_names = {id(m) for m in phrase.names}
        for i in indices:
            match = self.name_at.get(i)
            if (
                match is not None
                and match.start >= indices.start
                and match.end <= indices.stop
                and id(match) not in seen_names
            ):
                phrase.names.append(match)
                seen_names.add(id(match))
            role = self.roles_by_end.get(i)
            if role is not None and role.start >= indices.start and not self._inside_name(role):
                phrase.roles.append(role)
        person = self._person_range(phrase, indices)
        if person is not None and phrase.person is None:
            phrase.person = person
            phrase.names = [
                m
                for m in phrase.names
                if not (m.start >= person[0] and m.end <= person[1]) or m.kind == PERSON
            ]
        # The longest role wins where two overlap ("foreign ministry spokesman" over
        # "foreign ministry"); then the head's role first.
        phrase.roles = [
            r
            for r in phrase.roles
            if not any(
                o is not r
                and o.start <= r.start
                and r.end <= o.end
                and o.end - o.start > r.end - r.start
                for o in phrase.roles
            )
        ]
        phrase.roles.sort(key=lambda r: -r.end)

    def _inside_name(self, role: RoleMatch) -> bool:
        # "Security Council" is an organisation, not the role word "council".
        match = self.name_at.get(role.start)
        return match is not None and match.kind != PERSON and match.end >= role.end

    def _person_range(self, phrase: Phrase, indices: range) -> tuple[int, int] | None:
        """Tokens of a person's name in the phrase: NER PERSON, a KB person, or a known surname."""
        doc = self.doc
        marked = [i for i in indices if self._is_person_token(doc[i], phrase)]
        if not marked:
            return None
        # The contiguous run that ends nearest the head.
        end = marked[-1]
        start = end
        while start - 1 in marked:
            start -= 1
        return start, end + 1

    def _is_person_token(self, token: Token, phrase: Phrase) -> bool:
        match = self.name_at.get(token.i)
        if token.i in self.role_at:
            return False  # "President" in "President Xi" is the office, not the name
        if match is not None and match.kind == PERSON:
            return True  # all of a KB person's name, hyphens too ("Solberg-Aas")
        if token.text in {"-", "\u2010"} and token.i in self.person_tokens:
            return True  # inside a name the tagger read as a person ("Jean-Yves Le Drian")
        if token.i in self.role_at or token.pos_ not in {"PROPN", "NOUN"}:
            return False
        if match is not None:
            return False
        if token.i in self.person_tokens:
            return True
        if not token.text[:1].isupper():
            return False
        if token.pos_ == "NOUN":  # the tagger calls some foreign surnames nouns ("Guterres")
            return self.coref.knows_surname(token.text) or self._kb_surname(token)
        # A capitalised word after a person title ("President Zelensky"), the surname of a
        # person named earlier ("Kamikawa condemned", even when NER calls it a place), or of
        # one person the KB knows ("Merkel told reporters", "met Biden").
        titled = any(r.role.kind == "person" and r.end <= token.i for r in phrase.roles)
        return titled or self.coref.knows_surname(token.text) or self._kb_surname(token)

    def _kb_surname(self, token: Token) -> bool:
        if token.ent_type_ and (
            token.ent_type_ not in {"PERSON", "GPE", "ORG", "NORP"}
            or len(self._entity_of(token)) > 1
        ):
            return False  # "in May" is a date; "Brown University" is not Brown
        if token.i in self.name_at or self.kb.place(token.text) is not None:
            return False
        return len(self.kb.people_with_surname(token.text)) == 1

    def _entity_of(self, token: Token) -> Span:
        return next(e for e in self.doc.ents if e.start <= token.i < e.end)

    def _read_appositions(self, phrase: Phrase) -> None:
        for child in phrase.head.rights:
            if child.dep_ != "appos":
                continue
            if self._unknown_person(phrase, child):
                # "said Rodel, a fisherman", "said Olena, 35": a name the KB and the tagger do
                # not know, described as one person
                phrase.person = (phrase.start, phrase.head.i + 1)
            other = self._read_phrase(child)
            if not self._head_is_actor(other):
                continue  # "NATO, a setback for the Kremlin": not a description of NATO
            if other.person and phrase.person:
                continue  # two people side by side: not one actor
            if self._names_differ(phrase, other):
                continue  # "Saudi Arabia, the United Arab Emirates, Bahrain": a list
            phrase.names.extend(m for m in other.names if m not in phrase.names)
            phrase.roles.extend(other.roles)
            phrase.served.extend(other.served)
            phrase.person = phrase.person or other.person
            phrase.former = phrase.former or other.former
            self.consumed.update(t.i for t in child.subtree)
            if child.i == phrase.end or self.doc[phrase.end : child.left_edge.i].text.strip() == "":
                phrase.end = child.i + 1  # adjacent, no comma: "counterpart Penny Wong"

    def _unknown_person(self, phrase: Phrase, appos: Token) -> bool:
        head = phrase.head
        if phrase.person or phrase.names or phrase.roles or head.pos_ != "PROPN":
            return False
        if not head.text[:1].isupper() or head.i in self.name_at or head.i in self.role_at:
            return False
        if appos.like_num:
            return True  # an age
        single = any(c.lower_ in {"a", "an"} for c in appos.children if c.dep_ == "det")
        role = self.roles_by_end.get(appos.i)
        return single and role is not None and role.role.kind != "body"

    def _names_differ(self, phrase: Phrase, other: Phrase) -> bool:
        ours = {e.kb_id for m in phrase.names for e in m.entities[:1]}
        theirs = {e.kb_id for m in other.names for e in m.entities[:1]}
        return bool(ours and theirs and not ours & theirs and not other.roles)

    def _read_served(self, phrase: Phrase) -> None:
        head = phrase.head
        for child in head.children:
            if child.dep_ == "poss":
                served = self._served_by(child, phrase)
                if served is not None:
                    phrase.served.append(served)
                    if child.i < phrase.start:
                        phrase.start = child.left_edge.i
        if not phrase.roles or phrase.person:
            return
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ not in SERVING_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                other = self._read_phrase(obj)
                earlier = (
                    [] if other.names or other.person else self.coref.refer_back(obj, other.roles)
                )
                if earlier:  # "a spokesman for the group": the group named before
                    served = self._as_entity(earlier[0].fields, None)
                elif other.names or other.roles:
                    served = self._as_entity(self._resolve(other), other)
                else:
                    continue
                if prep.lower_ == "to" and (served.kind != "org" or served.country):
                    continue
                phrase.served.append(served)
                self.consumed.update(t.i for t in prep.subtree)
                phrase.end = max(phrase.end, obj.right_edge.i + 1)
                return
        if not phrase.names and not phrase.served:
            self._placed_by(phrase)

    def _placed_by(self, phrase: Phrase) -> None:
        """'Police in Kampala', 'protesters in Tehran': where a domestic body or group is
        tells whose it is (the place stays a place, not an actor)."""
        for prep in phrase.head.rights:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for obj in prep.children:
                place = (
                    self.kb.place(self.doc[obj.left_edge.i : obj.i + 1].text.removeprefix("the "))
                    if obj.dep_ == "pobj"
                    else None
                )
                if place is not None and place.kind != "country":
                    phrase.served.append(
                        Entity(f"country/{place.country}", place.name, "region", place.country)
                    )
                    return

    def _served_by(self, poss: Token, owner: Phrase) -> Entity | None:
        if owner.roles and owner.roles[0].role.phrase == "counterpart":
            return None  # "her counterpart": the same office, another party
        if poss.pos_ == "PRON":
            mention = self.pronouns.get(poss.i) or self._pronoun(poss)
            return None if mention is None else self._as_entity(mention.fields, None)
        other = self._read_phrase(poss)
        if not other.is_actor:
            return None
        fields = self._resolve(other)
        if other.person:
            self._emit(other)  # "Putin's spokesman": Putin is an actor in his own right
        self.consumed.update(t.i for t in poss.subtree)
        return self._as_entity(fields, other)

    def _as_entity(self, fields: ActorFields, phrase: Phrase | None) -> Entity:
        # What a role serves: an organisation, a state, or a body of a state whose role text
        # the serving role takes ("Foreign Ministry" -> "Foreign Ministry spokesman").
        kind = (
            "org"
            if fields.org and not fields.country
            else "institution"
            if fields.role and not fields.person
            else "country"
        )
        if phrase is not None and phrase.names and not phrase.roles and not phrase.person:
            entity = phrase.names[0].entities[0] if phrase.names[0].entities else None
            if entity is not None:
                return entity
        return Entity(
            fields.kb_id or "",
            fields.name,
            kind,
            fields.country,
            fields.org,
            fields.sector,
            fields.code,
            fields.role,
        )

    # -- emitting ------------------------------------------------------------------------
    def _resolve(self, phrase: Phrase) -> ActorFields:
        return resolve(self._descriptor(phrase), self.kb, self.day)

    def _descriptor(self, phrase: Phrase, names: list[NameMatch] | None = None) -> Descriptor:
        doc = self.doc
        names = phrase.names if names is None else names
        entities = [e for m in names if m.kind != PERSON for e in m.entities[:1]]
        entities.extend(phrase.served)
        person = doc[phrase.person[0] : phrase.person[1]].text if phrase.person else None
        if person is None:
            person = next((doc[m.start : m.end].text for m in names if m.kind == PERSON), None)
        roles: list[tuple[Role, str]] = [(r.role, doc[r.start : r.end].text) for r in phrase.roles]
        text = doc[phrase.start : phrase.end].text
        if len(names) < len(phrase.names):
            # one of "Indian and Chinese commanders": "Indian commanders"
            own = next(m for m in names if m.kind != PERSON)
            tail = doc[max(m.end for m in phrase.names) : phrase.end].text
            text = f"{doc[own.start : own.end].text} {tail}".strip()
        return Descriptor(text, person, entities, roles, phrase.former, phrase.definite)

    def _emit(self, phrase: Phrase) -> None:
        for names, start, end in self._split_coordinated(phrase):
            earlier = self._named_before(phrase, names)
            fields = earlier or resolve(self._descriptor(phrase, names), self.kb, self.day)
            fields = self._counterpart(phrase, fields)
            if self._multinational(phrase):
                self.multinational.add(phrase.head.i)
            self.coref.add(
                self._mention(
                    self.doc,
                    start,
                    end,
                    phrase.head,
                    fields,
                    plural=phrase.head.tag_ in {"NNS", "NNPS"},
                )
            )
        self.consumed.update(range(phrase.start, phrase.end))

    def _multinational(self, phrase: Phrase) -> bool:
        # "Western diplomats", "foreign journalists"; not the "Foreign" of a title ("Deputy
        # Foreign Minister Sergei Ryabkov"), which is the role itself
        titled = {i for r in phrase.roles for i in range(r.start, r.end)}
        return not phrase.names and any(
            t.lower_ in MULTINATIONAL_WORDS and t.i not in titled
            for t in self.doc[phrase.start : phrase.head.i]
        )

    def _named_before(self, phrase: Phrase, names: list[NameMatch]) -> ActorFields | None:
        """A bare name of a person named earlier in the article is that person, as the article
        described them ("Kirby said" after "John Kirby, a spokesman for ...")."""
        if phrase.person is None or phrase.roles or any(m.kind != PERSON for m in names):
            return None
        earlier = self.coref.person_named(self.doc[phrase.person[0] : phrase.person[1]].text)
        return earlier.fields if earlier is not None else None

    def _split_coordinated(self, phrase: Phrase) -> list[tuple[list[NameMatch], int, int]]:
        """'French and German diplomats': one actor per coordinated name."""
        places = [m for m in phrase.names if m.kind != PERSON]
        coordinated = [m for m in places if self._conj_linked(m, places)]
        if len(coordinated) < 2:
            return [(phrase.names, phrase.start, phrase.end)]
        shared = [m for m in phrase.names if m not in coordinated]
        out = []
        for k, match in enumerate(coordinated):
            last = k == len(coordinated) - 1
            out.append(([match, *shared], match.start, phrase.end if last else match.end))
        return out

    def _conj_linked(self, match: NameMatch, others: list[NameMatch]) -> bool:
        root = self.doc[match.end - 1]
        for other in others:
            if other is match:
                continue
            other_root = self.doc[other.end - 1]
            if root.dep_ == "conj" and other.start <= root.head.i < other.end:
                return True
            if other_root.dep_ == "conj" and match.start <= other_root.head.i < match.end:
                return True
        return False

    def _counterpart(self, phrase: Phrase, fields: ActorFields) -> ActorFields:
        """'her Australian counterpart': the office of the person met, in another country."""
        if not phrase.roles or phrase.roles[0].role.phrase != "counterpart":
            return fields
        other = self.coref.subject_of(phrase.head)
        if other is None or other.fields.role is None:
            return fields
        role = other.fields.role.removeprefix("former ")
        sector = fields.sector or other.fields.sector
        return ActorFields(
            fields.name,
            fields.kb_id,
            fields.country,
            fields.org,
            sector,
            role,
            self.kb.actor_code(fields.country, sector) or fields.code,
            True,
        )

    def _emit_possessor(self, head: Token) -> None:
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                other = self._read_phrase(child)
                if other.is_actor:
                    self._emit(other)
                    self.consumed.update(t.i for t in child.subtree)

    def _is_location(self, phrase: Phrase) -> bool:
        """'in Tokyo', 'flew to Beijing': a place named as a place, not acting."""
        if phrase.roles or phrase.person or len(phrase.names) != 1:
            return False
        entities = phrase.names[0].entities
        if not entities:
            return False
        head = phrase.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # "in Seoul and Washington"
        if any(e.kind in {"seat", "institution"} for e in entities):
            # "talks at the White House": a building as a place; "the White House said" acts
            return head.dep_ == "pobj" and head.head.lower_ in {"at", "in", "inside", "outside"}
        if any(e.kind not in PLACE_KINDS for e in entities):
            return False
        capital = any(e.kind == "capital" for e in entities)
        if head.dep_ == "dobj":
            return head.head.lemma_.lower() in PLACE_OBJECT_VERBS and (
                capital or head.head.lemma_.lower() != "visit"
            )
        if head.dep_ != "pobj":
            return head.dep_ == "npadvmod" and head.i == head.sent.start  # dateline "TOKYO -"
        prep = head.head
        word, governor = prep.lower_, prep.head.lemma_.lower()
        if word in LOCATIVE_PREPS:
            # "fired at Israel" names a target; "at" and "off" place only cities and regions
            return capital or word not in {"at", "off"} or any(e.kind == "region" for e in entities)
        if word == "of":
            return governor in PLACE_NOUNS
        # "flew to Beijing" goes somewhere; "support for Damascus" is done to someone
        if word == "on":
            return governor in {"march", "advance"}  # "an armed march on Moscow"
        return word in MOTION_PREPS and governor in (CITY_MOTION_WORDS if capital else MOTION_WORDS)

    def _refers_back(self, phrase: Phrase) -> bool:
        """'the two ministers', 'the alliance', 'the ministry': earlier actors again."""
        mentions = self.coref.refer_back(phrase.head, phrase.roles)
        if not mentions:
            return False
        doc = self.doc
        for antecedent in mentions:
            self.coref.add(
                self._mention(
                    doc,
                    phrase.start,
                    phrase.end,
                    phrase.head,
                    antecedent.fields,
                    cluster=antecedent.cluster,
                    plural=False,
                )
            )
        self.consumed.update(range(phrase.start, phrase.end))
        return True

    def _pronoun(self, token: Token) -> Mention | None:
        if token.lower_ not in PRONOUNS or token.dep_ not in {
            "nsubj",
            "nsubjpass",
            "dobj",
            "pobj",
            "dative",
            "poss",
            "conj",
            "appos",
        }:
            return None
        if token.lower_ == "it" and _expletive(token):
            return None  # "it is unclear whether ...", "it seems that ..."
        antecedent = self.coref.antecedent(token)
        self.consumed.add(token.i)
        if antecedent is None:
            return None
        mentions = [
            self.coref.add(self._pronoun_mention(token, partner))
            for partner in self.coref.partners(antecedent, token)
        ]
        self.pronouns[token.i] = mentions[0]
        return mentions[0]

    def _mention(self, *args, **kwargs) -> Mention:
        return Mention.make(*args, starts=self.coref.starts, **kwargs)

    def _pronoun_mention(self, token: Token, antecedent: Mention) -> Mention:
        return self._mention(
            self.doc,
            token.i,
            token.i + 1,
            token,
            antecedent.fields,
            cluster=antecedent.cluster,
            plural=False,
            pronoun=True,
        )

    def _leftover_names(self) -> None:
        """KB names left in modifier positions ('the Iran nuclear deal')."""
        seen: set[int] = set()
        for _, match in sorted(self.name_at.items()):
            if id(match) in seen:
                continue
            seen.add(id(match))
            if match.kind != PERSON and not any(
                j in self.consumed for j in range(match.start, match.end)
            ):
                self._emit_name(match)

    def _emit_name(self, match: NameMatch) -> None:
        if not match.entities or any(e.kind == "capital" for e in match.entities):
            return  # a capital as a modifier is a place ("the Beijing summit")
        phrase = Phrase(self.doc[match.end - 1], match.start, match.end, names=[match])
        if not self._is_location(phrase):
            self._emit(phrase)
