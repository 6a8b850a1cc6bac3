"""Mentions and their references back inside one article.

Rules, in the order a reader applies them: a surname names the person named in full before;
a pronoun is the most recent compatible actor, subjects first; "the two ministers" and "both
sides" are the last two actors of that kind; "the ministry" is the ministry named before;
"the alliance" is the most recent organisation that noun describes (NATO).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from tacitus.kb import ActorFields, KnowledgeBase, fold
from tacitus.nlp.syntax import logical_subjects

__all__ = ["Coref", "Mention"]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Verbs whose object is a party ("accusing it of supporting terrorism", "urged it to"): an
# object "it" after them is the state or organisation named before, not a thing.
ACTOR_OBJECT_VERBS = frozenset(
    {
        "accuse",
        "blame",
        "urge",
        "warn",
        "criticise",
        "criticize",
        "condemn",
        "praise",
        "thank",
        "ask",
        "tell",
        "invite",
        "congratulate",
        "sanction",
        "punish",
        "attack",
        "invade",
        "threaten",
        "pressure",
        "press",
        "call",
        "join",
        "help",
        "recognise",
        "recognize",
    }
)
# "the two leaders", "both sides", "the three countries": how many earlier actors are meant.
GROUP_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Determiners of a phrase that refers back ("the ministry", "these militants").
DEFINITE_WORDS = frozenset({"the", "this", "these", "that", "those"})
# Plural nouns that refer back to two actors after "the two" / "both" without being roles.
PAIR_NOUNS = frozenset(
    {
        "country",
        "nation",
        "side",
        "man",
        "woman",
        "neighbour",
        "neighbor",
        "power",
        "state",
        "capital",
        "rival",
        "ally",
        "partner",
    }
)
# Plural nouns for which "both X" / "the two X" means two states.
STATE_NOUNS = frozenset(
    {
        "government",
        "country",
        "nation",
        "state",
        "side",
        "neighbour",
        "neighbor",
        "capital",
        "power",
        "administration",
    }
)
# How far back (in sentences) a pronoun may look for its antecedent.
PRONOUN_WINDOW = 3
# States whose people are named family name first in English-language news (Xi Jinping,
# Moon Jae-in, Lee Hsien Loong); a lone family name refers back to them.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP"})


@dataclass
class Mention:
    """One actor mention; `cluster` groups mentions of the same actor in the article."""

    text: str
    start: int  # character offsets
    end: int
    tok_start: int
    tok_end: int
    head: int
    sent: int
    fields: ActorFields
    subject: bool
    plural: bool
    pronoun: bool = False
    cluster: int = -1
    coordinated: bool = False

    @classmethod
    def make(
        cls,
        doc: Doc,
        start: int,
        end: int,
        head: Token,
        fields: ActorFields,
        *,
        starts: list[int],
        cluster: int = -1,
        plural: bool = False,
        pronoun: bool = False,
    ) -> Mention:
        span = doc[start:end]
        coordinated = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
        subject = head.dep_ in SUBJECT_DEPS or (
            head.dep_ == "conj" and head.head.dep_ in SUBJECT_DEPS
        )
        return cls(
            span.text,
            span.start_char,
            span.end_char,
            start,
            end,
            head.i,
            sentence_index(starts, head),
            fields,
            subject,
            plural,
            pronoun,
            cluster,
            coordinated,
        )

    def to_dict(self) -> dict:
        f = self.fields
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": f.name,
            "kb_id": f.kb_id,
            "country": f.country,
            "org": f.org,
            "sector": f.sector,
            "role": f.role,
            "code": f.code,
            # internal: used by the later stages, dropped from the output records
            "head": self.head,
            "tokens": [self.tok_start, self.tok_end],
            "sent": self.sent,
            "cluster": self.cluster,
            "person": f.person,
            "pronoun": self.pronoun,
        }


def sentence_starts(doc: Doc) -> list[int]:
    return [s.start for s in doc.sents]


def sentence_index(starts: list[int], token: Token) -> int:
    """Index of the token's sentence, given the sentence starts of its Doc."""
    return bisect_right(starts, token.i) - 1


class Coref:
    """The mentions read so far, and the rules that link a new mention to them."""

    def __init__(self, kb: KnowledgeBase, starts: list[int]) -> None:
        self.kb = kb
        self.starts = starts
        self.mentions: list[Mention] = []
        self._clusters: dict[tuple, int] = {}

    def add(self, mention: Mention) -> Mention:
        if mention.cluster < 0:
            mention.cluster = self._cluster_for(mention)
        self.mentions.append(mention)
        return mention

    def _cluster_for(self, mention: Mention) -> int:
        f = mention.fields
        if f.person and not mention.plural:
            earlier = self.person_named(f.name)
            if earlier is not None:
                if not (f.country or f.org or f.sector):
                    # "Wong praised ...": the surname carries who she is from before.
                    mention.fields = earlier.fields
                return earlier.cluster
        key = (
            (f.kb_id,)
            if f.kb_id
            else (f.country, f.org, f.sector, fold(f.role or ""), fold(f.name) if f.person else "")
        )
        return self._clusters.setdefault(key, len(self._clusters))

    # -- names ---------------------------------------------------------------------------
    def person_named(self, name: str) -> Mention | None:
        words = fold(name).split()
        for m in reversed(self.mentions):
            if not m.fields.person or m.pronoun:
                continue
            known = fold(m.fields.name).split()
            # "Wang told reporters" after "Wang Yi": Chinese and Korean names put the family
            # name first, and the news calls the person by it.
            family = known[:1] if m.fields.country in FAMILY_NAME_FIRST else []
            if (
                words == known
                or (len(words) == 1 and words[0] in known[1:] + family)
                or (len(words) < len(known) and known[-len(words) :] == words)  # "Le Drian"
                or (len(known) == 1 and known[0] in words[1:])
            ):
                return m
        return None

    def knows_surname(self, text: str) -> bool:
        return self.person_named(text) is not None and " " not in text.strip()

    # -- pronouns ------------------------------------------------------------------------
    def partners(self, antecedent: Mention, pronoun: Token) -> list[Mention]:
        """'Britain and China said they would ...': a plural pronoun whose antecedent was
        named in a coordination stands for every actor of it."""
        if pronoun.lower_ not in PLURAL_PRONOUNS or not antecedent.coordinated:
            return [antecedent]
        doc = pronoun.doc
        head = doc[antecedent.head]
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        group = {t.i for t in (head, *head.conjuncts)}
        found = [
            m for m in self.mentions if m.head in group and not m.pronoun and m.head < pronoun.i
        ]
        return found if len(found) > 1 else [antecedent]

    def antecedent(self, pronoun: Token) -> Mention | None:
        word = pronoun.lower_
        sent = sentence_index(self.starts, pronoun)
        # "Syrian government forces and their Iranian allies": a possessive in a conjunct
        # belongs to the actor it is coordinated with
        owner = pronoun.head
        if pronoun.dep_ == "poss" and owner.dep_ == "conj" and word in PLURAL_PRONOUNS:
            named = [m for m in self.mentions if m.head == owner.head.i and not m.pronoun]
            if named:
                return named[-1]
        # Not the noun a relative clause hangs from: in "officials they blamed", "they"
        # is not the officials.
        ancestors = {t.i for t in pronoun.ancestors}
        candidates = [
            m
            for m in self.mentions
            if m.head < pronoun.i and sent - m.sent <= PRONOUN_WINDOW and m.head not in ancestors
        ]
        if word in PERSON_PRONOUNS:
            fits = [m for m in candidates if m.fields.person]
        elif word in THING_PRONOUNS:
            if (
                word == "it"
                and pronoun.dep_ not in SUBJECT_DEPS
                and pronoun.head.lemma_.lower() not in ACTOR_OBJECT_VERBS
            ):
                return None  # "welcomed it": an object "it" is nearly always a thing
            fits = [m for m in candidates if not m.fields.person and not m.plural]
        elif word in PLURAL_PRONOUNS:
            # A plural noun, or one of coordinated actors ("the US and the EU ... they").
            fits = [m for m in candidates if m.plural or m.coordinated] or [
                m for m in candidates if not m.fields.person and m.fields.org
            ]
        else:
            return None
        fits = self._not_own_subject(pronoun, fits)
        if not fits:
            return None
        # The subject of the latest sentence with a fitting subject wins; else the latest.
        subjects = [m for m in fits if m.subject and not m.pronoun]
        if subjects and subjects[-1].sent >= fits[-1].sent - 1:
            return subjects[-1]
        return fits[-1]

    def _not_own_subject(self, pronoun: Token, fits: list[Mention]) -> list[Mention]:
        """An object pronoun is not its own clause's subject: in "Modi met Yunus and praised
        him", "him" is Yunus. (Possessives may be: "Russia defended its decision".)"""
        if pronoun.dep_ not in {"dobj", "pobj", "dative"} or pronoun.lower_.endswith("self"):
            return fits
        verb = pronoun.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        subjects = {t.i for s in logical_subjects(verb) for t in (s, *s.conjuncts)}
        clusters = {m.cluster for m in self.mentions if m.head in subjects}
        return [m for m in fits if m.cluster not in clusters]

    def subject_of(self, token: Token) -> Mention | None:
        """The actor who is the subject of the clause `token` is in."""
        verb = token.head
        while verb.dep_ != "ROOT" and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                for m in reversed(self.mentions):
                    if m.head == child.i:
                        return m
        return None

    # -- phrases that refer back ---------------------------------------------------------
    def refer_back(self, head: Token, roles: list) -> list[Mention]:
        """Antecedents for 'the two ministers', 'the ministry', 'the alliance', or []."""
        words = {t.lower_ for t in head.lefts}
        count = max((GROUP_WORDS.get(w, 0) for w in words), default=0)
        if count and head.tag_ in {"NNS", "NNPS"}:
            kind = roles[0].role.kind if roles else None
            states = head.lemma_.lower() in STATE_NOUNS or kind == "body"
            person = kind == "person" or head.lemma_.lower() in {"man", "woman"}
            if not (person or states or head.lemma_.lower() in PAIR_NOUNS | {"delegation"}):
                return []  # "the two pilots" are two people of one side, not two sides
            return self._last_n(head, count, person=person, states=states)
        if not words & DEFINITE_WORDS:
            return []
        lemma = head.lemma_.lower()
        for m in reversed(self.mentions):
            if m.head >= head.i:
                continue
            role = fold(m.fields.role or "")
            if not roles or not role:
                continue
            wanted = fold(roles[0].role.phrase).split()[-1]
            # the role as written ("minister") or its head's lemma ("militants" -> militant)
            if wanted in {role.split()[-1], head.doc[m.head].lemma_.lower()}:
                return [m]
        for m in reversed(self.mentions):
            if m.head >= head.i:
                continue
            for entity in self.kb.generics.get(lemma, []):
                if m.fields.kb_id == entity.kb_id:
                    return [m]
                named = entity.org and m.fields.org == entity.org and not m.fields.country
                # "Hamas gunmen ... the group": the group itself, named with a role before
                member = (
                    entity.kind == "group"
                    and m.fields.code == entity.code
                    and (m.fields.country == entity.country)
                )
                if named or member:
                    # "NATO leaders ... the alliance": the organisation itself, not its leaders
                    fields = ActorFields(
                        entity.name,
                        entity.kb_id,
                        entity.country,
                        entity.org,
                        entity.sector,
                        None,
                        entity.code,
                        False,
                    )
                    return [
                        replace(
                            m, fields=fields, cluster=self._cluster_for(replace(m, fields=fields))
                        )
                    ]
        return self._same_sector(head, roles)

    def _same_sector(self, head: Token, roles: list) -> list[Mention]:
        """'the militants', 'the government', 'the army' with no named antecedent: the latest
        actor of that sector in the last sentences ("al-Shabaab ... the militants")."""
        if not roles or roles[0].role.kind == "person" or roles[0].role.sector is None:
            return []
        sector = roles[0].role.sector
        sent = sentence_index(self.starts, head)
        for m in reversed(self.mentions):
            if m.head >= head.i or sent - m.sent > PRONOUN_WINDOW:
                continue
            if m.fields.sector == sector:  # placed or not: the same actor gets one place
                return [m]
        return []

    def _coordinated_group(
        self, head: Token, count: int, *, person: bool, states: bool
    ) -> list[Mention]:
        """The latest `count` actors joined by "and" in the last sentences ("Biden and Xi met
        ... the two leaders", "Spain, Ireland and Norway ... the three countries"): a group
        named together is the group referred back to, even with others named in between."""
        doc, sent = head.doc, sentence_index(self.starts, head)
        by_head = {m.head: m for m in self.mentions if m.head < head.i}
        for m in reversed(self.mentions):
            if m.head >= head.i or sent - m.sent > PRONOUN_WINDOW:
                continue
            token = doc[m.head]
            if token.dep_ == "conj" or not token.conjuncts:
                continue  # the first of a coordination stands for it
            group = [by_head[t.i] for t in (token, *token.conjuncts) if t.i in by_head]
            if len(group) != count or len({g.cluster for g in group}) != count:
                continue
            if not all(_of_kind(x, person=person, states=states) for x in group):
                continue
            if states and len({x.fields.country for x in group}) != count:
                continue
            return group
        return []

    def _last_n(self, head: Token, count: int, *, person: bool, states: bool) -> list[Mention]:
        """The last `count` distinct actors of the right kind before `head`: people for "the
        two ministers", different states for "both governments" / "the three countries"."""
        group = self._coordinated_group(head, count, person=person, states=states)
        if group:
            return group
        found: list[Mention] = []
        for m in reversed(self.mentions):
            if m.head >= head.i or not _of_kind(m, person=person, states=states):
                continue
            if person and m.fields.code is None:
                continue  # "the two leaders" are coded actors, not a bystander named between
            if states and any(m.fields.country == f.fields.country for f in found):
                continue
            if all(m.cluster != f.cluster for f in found):
                found.append(m)
            if len(found) == count:
                return list(reversed(found))
        return []


def _of_kind(m: Mention, *, person: bool, states: bool) -> bool:
    """A person when people are meant ("the two ministers"); a state, not a person of it,
    when states are ("both governments", "the three countries")."""
    if person and not m.fields.person:
        return False
    return not states or (m.fields.country is not None and not m.fields.person)
