"""Small helpers over spaCy's English dependency parse (ClearNLP labels), shared by the rules."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

__all__ = [
    "CLAUSE_DEPS",
    "children",
    "conjuncts",
    "is_passive",
    "is_verb",
    "logical_object",
    "logical_subjects",
    "prep_objects",
]

# Dependents that open a clause of their own: a rule looking for "this verb's X" stops here.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.tag_.startswith("VB")


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def conjuncts(token: Token) -> list[Token]:
    """The token and the words coordinated with it ("France and Germany")."""
    return [token, *token.conjuncts]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


# Weapons and fire: a passive's agent that is one of these was used by someone else.
INSTRUMENT_NOUNS = frozenset(
    {
        "gunfire",
        "fire",
        "shelling",
        "shell",
        "missile",
        "rocket",
        "drone",
        "bomb",
        "bullet",
        "shot",
        "strike",
        "airstrike",
        "artillery",
        "mortar",
        "explosion",
        "blast",
        "mine",
        "grenade",
        "sniper",
    }
)


# Words that count what follows their "of": "one of the two pilots", "dozens of civilians";
# and, for things handed over, "the first of four air defence systems".
PART_WORDS = frozenset(
    {"one", "some", "many", "several", "most", "all", "none", "dozens", "hundreds", "thousands"}
)
ORDINAL_WORDS = frozenset({"first", "second", "third", "last", "rest", "bulk", "batch"})
# Prepositions of time and manner before a gerund: its doer is the clause's subject.
ADJUNCT_PREPS = frozenset(
    {"after", "before", "since", "while", "without", "upon", "despite", "through", "when"}
)
# Fights one side has with another: "killed in a clash with Chinese troops".
FIGHT_NOUNS = frozenset(
    {
        "clash",
        "fight",
        "fighting",
        "gunfight",
        "firefight",
        "fistfight",
        "battle",
        "skirmish",
        "shootout",
        "confrontation",
        "exchange",
    }
)


def counted(token: Token, *, ordinals: bool = False) -> Token | None:
    """What a number or part word counts ("11 of its fighters" -> fighters), or None."""
    words = PART_WORDS | ORDINAL_WORDS if ordinals else PART_WORDS
    if token.pos_ != "NUM" and token.lower_ not in words:
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((o for o in of.children if o.dep_ == "pobj"), None) if of else None


def _fought_with(verb: Token) -> list[Token]:
    """'were killed in a clash with Chinese troops': with no by-agent, the other side of the
    fight the victims died in did it."""
    for prep in children(verb, "prep"):
        if prep.lower_ not in {"in", "during"}:
            continue
        for noun in children(prep, "pobj"):
            if noun.lemma_.lower() in FIGHT_NOUNS:
                return prep_objects(noun, "with")
    return []


def logical_subjects(verb: Token) -> list[Token]:
    """Who does what the verb says: the subject, or the by-agent of a passive.

    Shared subjects of coordinated verbs ("met X and signed ...") and controlled
    to-complements ("agreed to meet", "urged Y to withdraw") are followed up the tree.
    """
    if is_passive(verb):
        agents = [p for agent in children(verb, "agent") for p in children(agent, "pobj")]
        # "killed by gunfire from Syrian rebels", "hit by a missile fired by Houthi forces":
        # the weapon's user did it
        return [_wielder(a) or a for a in agents] or _fought_with(verb)
    subjects = children(verb, "nsubj")
    if subjects:
        return subjects
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "acl" and verb.i > verb.head.i:
        # "a US offer to send experts", "Russia's decision to withdraw": the owner of the
        # plan or offer does the act
        owners = [
            c
            for c in verb.head.children
            if c.dep_ == "poss" or (c.dep_ in {"compound", "nmod", "amod"} and c.pos_ == "PROPN")
        ]
        if owners:
            return owners
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and is_verb(verb.head.head):
        # "India has no plans to hold talks", "announced a decision to expel": the one who
        # has the plan does the act.
        return logical_subjects(verb.head.head)
    if verb.dep_ == "conj" and is_verb(verb.head):
        return logical_subjects(verb.head)
    if verb.dep_ in {"xcomp", "advcl"} and is_verb(verb.head):
        # "urged Y to withdraw", "called on Y to withdraw", "appealed to Y to stop": Y acts.
        controller = []
        if verb.dep_ == "xcomp":
            controller = children(verb.head, "dobj") or [
                o
                for p in verb.head.children
                if p.dep_ in {"prep", "prt"} and p.lower_ in {"on", "upon", "to"}
                for o in children(p, "pobj")
            ]
        return controller or logical_subjects(verb.head)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return logical_subjects(verb.head.head)  # "Iran was ready to help Baghdad"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and is_verb(verb.head.head):
        # "accused Russian forces of shelling": the object does it; "insisted on talking",
        # "declined to blame Russia after meeting Putin": the subject does.
        governor = verb.head.head
        if verb.head.lower_ in ADJUNCT_PREPS:
            return logical_subjects(governor)
        return children(governor, "dobj") or logical_subjects(governor)
    return []


def _wielder(agent: Token) -> Token | None:
    if agent.lemma_.lower() not in INSTRUMENT_NOUNS:
        return None
    for child in agent.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            return next((o for o in child.children if o.dep_ == "pobj"), None)
        if child.dep_ == "acl":  # "a missile fired by Houthi forces"
            for agent_prep in children(child, "agent"):
                return next((o for o in agent_prep.children if o.dep_ == "pobj"), None)
    return None


def logical_object(verb: Token) -> list[Token]:
    """What the verb acts on: the direct object, or the subject of a passive."""
    if is_passive(verb):
        return children(verb, "nsubjpass")
    return children(verb, "dobj")


def prep_objects(token: Token, prep: str) -> list[Token]:
    """Objects of a preposition child with that lemma ("talks *with* Y")."""
    out = []
    for child in token.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ == prep:
            out.extend(children(child, "pobj"))
    return out


def subtree_span(token: Token, *, stop: frozenset[str] = CLAUSE_DEPS) -> Iterator[Token]:
    """The token's subtree, without the clauses that hang off it."""
    yield token
    for child in token.children:
        if child.dep_ not in stop:
            yield from subtree_span(child, stop=stop)


def sentence_of(token: Token) -> Span:
    return token.sent
