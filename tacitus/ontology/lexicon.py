"""The event lexicon: trigger senses with their frames, support verbs and quote cues.

A sense says: this lemma, with this particle and these dependents, expresses this CAMEO code,
and its target is found in these slots. Senses of one lemma are tried most specific first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from tacitus.errors import DataError
from tacitus.ontology.cameo import CODE_PATTERN, Ontology, load_ontology
from tacitus.resources import Column, Schema, load_bundled

__all__ = ["Condition", "Cue", "EVALUATIVE", "LEXICON", "Lexicon", "Sense", "load_lexicon"]

LEMMA = r"(?!.*[A-Z|])\S(.*\S)?"  # lower case, no '|'
SLOT = r"dobj|dative|obj_poss|prep:[a-z]+|obj_prep:[a-z]+"

LEXICON = Schema(
    "event lexicon",
    (
        Column("lemma", pattern=LEMMA, hint="lower-case lemma"),
        Column("pos", choices=frozenset({"VERB", "NOUN"})),
        Column("particle", required=False, pattern=r"[a-z]+"),
        Column("requires", required=False),
        Column("code", pattern=CODE_PATTERN),
        Column(
            "target",
            required=False,
            multi=True,
            pattern=SLOT,
            hint="dobj, dative, obj_poss, prep:X or obj_prep:X",
        ),
        Column("symmetric", required=False, choices=frozenset({"yes"})),
        Column("example", required=False),
    ),
)
SUPPORT_VERBS = Schema(
    "support verbs",
    (
        Column("lemma", pattern=LEMMA),
        Column("particle", required=False, pattern=r"[a-z]+"),
        Column("note", required=False),
    ),
)
EVALUATIVE = Schema(
    "evaluative words",
    (
        Column("lemma", pattern=LEMMA),
        Column("pos", choices=frozenset({"ADJ", "NOUN"})),
        Column("polarity", choices=frozenset({"positive", "negative"})),
    ),
)
CUES = Schema(
    "quote cues",
    (
        Column("lemma", pattern=LEMMA),
        Column("pos", choices=frozenset({"VERB", "NOUN"})),
        Column("stance", pattern=r"[a-z_]+"),
        Column("note", required=False),
    ),
)

_CONDITION = re.compile(
    r"(obj|xcomp|verb|[a-z]+)=((?:NONE)|(?:[a-z][a-z' -]*)(?:\|[a-z][a-z' -]*)*)"
)


@dataclass(frozen=True)
class Condition:
    """A condition on a trigger's dependents.

    `slot` is `obj`, `xcomp`, `verb` (the verb that carries a nominal trigger) or a
    preposition; `lemmas` the accepted lemmas, or empty with `absent=True` for `obj=NONE`
    (the verb must have no direct object).
    """

    slot: str
    lemmas: frozenset[str]
    absent: bool = False


@dataclass(frozen=True)
class Sense:
    lemma: str
    pos: str
    particle: str | None
    requires: tuple[Condition, ...]
    code: str
    targets: tuple[str, ...]
    symmetric: bool
    example: str | None
    line: int

    @property
    def specificity(self) -> int:
        return (2 if self.particle else 0) + sum(1 for _ in self.requires)


@dataclass(frozen=True)
class Cue:
    lemma: str
    pos: str
    stance: str


class Lexicon:
    """Trigger senses by (lemma, pos), most specific first; support verbs; quote cues."""

    def __init__(
        self,
        senses: list[Sense],
        support: dict[str, set[str | None]],
        cues: dict[tuple[str, str], Cue],
        evaluative: dict[str, str] | None = None,
    ) -> None:
        grouped: dict[tuple[str, str], list[Sense]] = defaultdict(list)
        for sense in senses:
            grouped[(sense.lemma, sense.pos)].append(sense)
        self._senses = {
            k: tuple(sorted(v, key=lambda s: (-s.specificity, s.line))) for k, v in grouped.items()
        }
        self.support = support
        self.cues = cues
        self.evaluative = evaluative or {}
        self.lemmas = frozenset(lemma for lemma, _ in self._senses)

    def senses(self, lemma: str, pos: str) -> tuple[Sense, ...]:
        return self._senses.get((lemma, pos), ())

    def is_support(self, lemma: str, particle: str | None = None) -> bool:
        particles = self.support.get(lemma)
        return particles is not None and (None in particles or particle in particles)

    def cue(self, lemma: str, pos: str) -> Cue | None:
        return self.cues.get((lemma, pos))

    def polarity(self, lemma: str) -> str | None:
        """'positive' or 'negative' for an evaluative word ("historic", "outrage")."""
        return self.evaluative.get(lemma)

    def __len__(self) -> int:
        return sum(len(v) for v in self._senses.values())


def parse_requires(text: str | None, where: str) -> tuple[Condition, ...]:
    """Parse `obj=a|b;of=corruption;xcomp=withdraw` into conditions."""
    if not text:
        return ()
    conditions = []
    for part in text.split(";"):
        m = _CONDITION.fullmatch(part.strip())
        if m is None:
            raise DataError(
                f"{where} column 'requires': '{part}' is not SLOT=lemma|lemma "
                "(SLOT is obj, xcomp or a preposition; obj=NONE for no object)"
            )
        slot, value = m.groups()
        if value == "NONE":
            if slot != "obj":
                raise DataError(f"{where} column 'requires': only obj=NONE is allowed")
            conditions.append(Condition(slot, frozenset(), absent=True))
        else:
            conditions.append(Condition(slot, frozenset(value.split("|"))))
    return tuple(conditions)


@cache
def load_lexicon() -> Lexicon:
    """Read lexicon.tsv, support_verbs.tsv, cues.tsv and evaluative.tsv; every code must be
    in cameo.tsv."""
    ontology = load_ontology()
    senses = [_sense(row, ontology) for row in load_bundled("lexicon.tsv", LEXICON)]
    support: dict[str, set[str | None]] = defaultdict(set)
    for row in load_bundled("support_verbs.tsv", SUPPORT_VERBS):
        support[row["lemma"]].add(row["particle"])
    cues: dict[tuple[str, str], Cue] = {}
    for row in load_bundled("cues.tsv", CUES):
        cues.setdefault((row["lemma"], row["pos"]), Cue(row["lemma"], row["pos"], row["stance"]))
    evaluative = {
        row["lemma"]: row["polarity"] for row in load_bundled("evaluative.tsv", EVALUATIVE)
    }
    return Lexicon(senses, dict(support), cues, evaluative)


def _sense(row: dict, ontology: Ontology) -> Sense:
    where = f"lexicon.tsv line {row['_line']}"
    if row["code"] not in ontology:
        raise DataError(
            f"{where} column 'code': unknown CAMEO code '{row['code']}': "
            "codes must exist in cameo.tsv"
        )
    return Sense(
        row["lemma"],
        row["pos"],
        row["particle"],
        parse_requires(row["requires"], where),
        row["code"],
        row["target"],
        row["symmetric"] == "yes",
        row["example"],
        row["_line"],
    )
