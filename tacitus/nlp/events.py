"""Events: lexicon triggers read over the dependency parse, with attribution and factuality.

For each token whose lemma has senses in lexicon.tsv, the first sense whose particle and
conditions hold is taken. Its source is the logical subject (or the possessor, by-phrase or
support verb subject of a noun); its target comes from the sense's slots. Each event is then
placed in its context: inside a quote or the complement of a reporting verb it is a claim of
the speaker (`reported`); a negation, a modal or an if-clause make it `negated` or
`hypothetical`; "will" and intent verbs make it `future`. Finally each quote's reporting verb
becomes the speaker's own speech act.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from tacitus.kb import KnowledgeBase
from tacitus.nlp.actors import coordinated_head
from tacitus.nlp.quotes import misparsed_naming
from tacitus.nlp.syntax import (
    children,
    counted,
    logical_object,
    logical_subjects,
    prep_objects,
)
from tacitus.nlp.when import find_date, resolve_date
from tacitus.nlp.where import find_location, place_named
from tacitus.ontology import Lexicon, Ontology, Sense, load_calibration, reading
from tacitus.ontology.cameo import family_code, threat_code

__all__ = ["find_events"]

HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# Heads of a to-complement that say the act is intended, refused, or only asked for.
INTENT_HEADS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "prepare",
        "expect",
        "seek",
        "hope",
        "want",
        "wish",
        "vow",
        "pledge",
        "promise",
        "offer",
        "agree",
        "decide",
        "threaten",
        "consider",
        "propose",
        "plot",
        "ready",
        "willing",
        "intention",
        "plans",
        "bid",
        "attempt",
        "try",
        "set",
    }
)
# Heads whose to-complement is only asked for: "urged Y to withdraw", "called on Y to talk".
REQUEST_HEADS = frozenset(
    {
        "urge",
        "ask",
        "call",
        "appeal",
        "demand",
        "press",
        "request",
        "encourage",
        "invite",
        "push",
        "tell",
        "order",
        "instruct",
        "beg",
        "implore",
        "want",
        "need",
    }
)
NEGATING_HEADS = frozenset(
    {
        "refuse",
        "decline",
        "fail",
        "deny",
        "reject",
        "dismiss",
        "refute",
        "avoid",
        "stop",
        "halt",
        "abandon",
        "oppose",
    }
)
NEGATING_STANCES = frozenset({"deny", "reject", "dismiss", "refute"})
REQUEST_STANCES = frozenset({"appeal", "demand", "urge", "request", "ask"})
# Nouns that name an event already told ("condemned the launches"): their actor is the
# source of that earlier event.
EVENT_ANAPHORA = frozenset(
    {
        "launch",
        "test",
        "move",
        "decision",
        "action",
        "act",
        "step",
        "incident",
        "provocation",
        "violation",
        "operation",
        "behaviour",
        "behavior",
        "conduct",
        "remark",
        "comment",
        "statement",
        "policy",
    }
)
MATERIAL_QUADS = frozenset({2, 4})
# Verbs of a reported clause whose object judges its subject ("said the law constituted a
# breach", "the militants pose a danger").
JUDGING_VERBS = frozenset({"amount", "constitute", "represent", "pose", "mark", "seem", "look"})
# Verbs that call their object something ("regard X as Y"), inside reported content.
CHARACTERISING_VERBS = frozenset(
    {"regard", "consider", "view", "see", "describe", "call", "brand", "label", "deem"}
)
# Prepositions that name the party an act is for, against or about (not where or when).
AFFECTED_PREPS = frozenset(
    {"for", "with", "against", "on", "to", "toward", "towards", "over", "at", "into", "of"}
)
# Words of a warning that announce what the speaker's side will do to someone: "would have
# serious consequences", "will be held to account", "will pay a heavy price".
CONSEQUENCE_WORDS = frozenset(
    {"consequence", "price", "retaliate", "retaliation", "punish", "punishment", "account",
     "countermeasure", "response", "respond", "revenge", "avenge"}
)  # fmt: skip
# Own acts that threaten no one unless someone is named: force posture, coercion at home.
UNAIMED_ROOTS = frozenset({"15", "17"})
# Verbs that lay a failure at their subject's door in what is said.
BLAMED_FAILURES = frozenset({"fail", "refuse"})
# Words that announce retaliation in what is said: a threat even with no one named.
RETALIATION_WORDS = frozenset({"retaliate", "retaliation", "unanswered", "revenge", "avenge"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "wo"})
# Participles naming who is behind a thing: "the Saudi-led measures", "a US-backed plan".
LED_WORDS = frozenset({"lead", "led", "back", "backed", "sponsor", "sponsored", "broker",
                       "brokered", "drive", "driven"})  # fmt: skip
# Stopping an attack de-escalates it (CAMEO 087), whoever asks for it.
STOP_VERBS = frozenset({"stop", "halt", "cease", "end"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
DE_ESCALATE = "087"
# Prepositions that place an act in a joint event rather than make the event its theme.
SETTING_PREPS = frozenset({"at", "during", "after", "following"})
PATIENT_ROOTS = frozenset({"17", "18", "20"})
# Material acts whose place stands for their target when no one is named: aid, protest,
# force posture, coercion and violence.
PLACE_TARGET_ROOTS = frozenset({"07", "14", "15", "17", "18", "19", "20"})
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Crowds whose attacks are violent protest (CAMEO 145), not military force.
PROTESTER_ROLES = [
    [word]
    for word in (
        "protesters",
        "protester",
        "demonstrators",
        "demonstrator",
        "rioters",
        "rioter",
        "crowd",
        "crowds",
        "mob",
        "mobs",
    )
]
# Nouns that measure out what a support verb gives ("tons of aid", "$5 million of loans").
MEASURE_NOUNS = frozenset(
    {
        "ton",
        "tonne",
        "dollar",
        "euro",
        "pound",
        "million",
        "billion",
        "worth",
        "amount",
        "package",
        "shipment",
        "consignment",
        "batch",
        "load",
        "truckload",
        "planeload",
        "convoy",
        "supply",
        "kilogram",
        "barrel",
        "dose",
        "round",
        "tranche",
    }
)
# Words that count a part of a group ("some of the protesters").
# The bare appeal, intent and demand codes, refined by the act asked for (see family_code).
GENERIC_FAMILIES = {"020": "02", "030": "03", "100": "10"}
# Links from a complement up to the verb it completes ("accused Y *of* *attacking*"); not
# coordination: in "condemned ... and announced sanctions" the sanctions are Biden's own act.
CLIMB_DEPS = frozenset({"ccomp", "xcomp", "pcomp", "pobj", "prep"})


@dataclass
class _Trigger:
    token: Token
    sense: Sense
    support: Token | None  # the verb that carries a nominal trigger ("launched an attack")

    @property
    def verb(self) -> Token:
        return self.support if self.support is not None else self.token


def find_events(
    doc: Doc,
    *,
    actors: list[dict],
    quotes: list[dict],
    lexicon: Lexicon,
    ontology: Ontology,
    kb: KnowledgeBase,
    published: date | None,
) -> list[dict]:
    """Events of the doc as dicts, in text order (see docs/output.md for the fields)."""
    return _Coder(doc, actors, quotes, lexicon, ontology, kb, published).code()


class _Coder:
    def __init__(self, doc, actors, quotes, lexicon, ontology, kb, published) -> None:
        self.doc, self.actors, self.quotes = doc, actors, quotes
        self.lexicon, self.ontology, self.kb, self.published = lexicon, ontology, kb, published
        self.by_head: dict[int, list[int]] = {}
        for index, mention in enumerate(actors):
            self.by_head.setdefault(mention["head"], []).append(index)
        self.sents = list(doc.sents)
        self.events: list[dict] = []
        self.cue_tokens = {q["cue_token"] for q in quotes if q["cue_token"] is not None}
        self.calibration = load_calibration()

    def code(self) -> list[dict]:
        seen: set[tuple] = set()
        for trigger in self._triggers():
            for event in self._events_for(trigger):
                key = (
                    self._cluster(event["source"]),
                    self._cluster(event["target"])
                    if event["target_place"] is None
                    else event["target_place"]["country"],
                    event["cameo"],
                    event["trigger"]["start"],
                )
                if key not in seen:
                    seen.add(key)
                    self.events.append(event)
        self.events.extend(self._speech_acts())
        self.events.sort(key=lambda e: (e["trigger"]["start"], e["cameo"]))
        self.events = self._merged(self.events)
        for k, event in enumerate(self.events, start=1):
            event["id"] = f"e{k}"
        return self.events

    def _merged(self, events: list[dict]) -> list[dict]:
        """One event per dyad, code, modality and date in the article: an article that tells
        the same event again ("the attack ..., the attack ...") gives one event whose
        `mentions` keep every telling, in text order."""
        kept: dict[tuple, dict] = {}
        out = []
        for event in events:
            place = event["target_place"]
            key = (
                self._cluster(event["source"]),
                self._cluster(event["target"]) if place is None else place["country"],
                event["cameo"],
                event["modality"],
                event["date"],
            )
            mention = {
                "trigger": event["trigger"],
                "sentence": event["sentence"],
                "quote": event["quote"],
            }
            first = kept.get(key)
            if first is None:
                event["mentions"] = [mention]
                kept[key] = event
                out.append(event)
            else:
                first["mentions"].append(mention)
                first["confidence"] = max(first["confidence"], event["confidence"])
        return out

    # -- triggers ------------------------------------------------------------------------
    def _triggers(self):
        for token in self.doc:
            pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ == "NOUN" else None
            if pos is None:
                continue
            sense = self._sense(token, pos)
            if sense is None:
                continue
            support = None
            if pos == "NOUN":
                if self._governed_by_trigger(token):
                    continue
                support = self._support_verb(token)
            yield _Trigger(token, sense, support)

    def _sense(self, token: Token, pos: str) -> Sense | None:
        for sense in self.lexicon.senses(token.lemma_.lower(), pos):
            if _fits(token, sense, pos, self.kb):
                return sense
        return None

    def _governed_by_trigger(self, noun: Token) -> bool:
        """'condemned the attack': the verb is the event, the noun its theme."""
        head = noun.head
        if noun.dep_ not in {"dobj", "nsubjpass", "pobj", "attr"} or head.pos_ != "VERB":
            return False
        if noun.dep_ == "pobj":
            if head.lower_ in SETTING_PREPS:
                return False  # "agreed at a meeting": the meeting is where, not what
            head = head.head
            if head.pos_ != "VERB":
                return False
        if self.lexicon.is_support(head.lemma_.lower(), _particle(head)):
            return False
        return self._sense(head, "VERB") is not None

    def _support_verb(self, noun: Token) -> Token | None:
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.i:
            measure = noun.head.head  # "provide 25,000 tons of food aid": the aid is given
            if measure.lemma_.lower() in MEASURE_NOUNS:
                noun = measure
        head = noun.head
        if (
            noun.dep_ in {"dobj", "nsubjpass"}
            and head.pos_ in {"VERB", "AUX"}
            and self.lexicon.is_support(head.lemma_.lower(), _particle(head))
        ):
            return head
        return None

    # -- actors of a trigger -------------------------------------------------------------
    def _sources(self, trigger: _Trigger) -> tuple[list[int], bool]:
        """Source mentions, and whether any came through a pronoun."""
        token = trigger.token
        if trigger.sense.pos == "VERB":
            heads = logical_subjects(token)
        else:
            possessors = [] if self._patient_possessor(trigger) else children(token, "poss")
            heads = (
                possessors
                or prep_objects(token, "by")
                or (logical_subjects(trigger.support) if trigger.support is not None else [])
                or [
                    c
                    for c in token.children
                    if c.dep_ in {"amod", "compound", "nmod"} and c.i in self.by_head
                ]
                or self._setting_participants(trigger)
            )
        mentions = self._mentions(heads, possessors=True)
        return mentions, any(self.actors[m]["pronoun"] for m in mentions)

    def _setting_participants(self, trigger: _Trigger) -> list[Token]:
        """'Biden and Xi agreed at a meeting': those who act at or during a joint event
        (a meeting, talks, a summit) took part in it. Only for joint events: a speaker who
        spoke "during the attack" did not attack."""
        token = trigger.token
        if not trigger.sense.symmetric or token.dep_ != "pobj":
            return []
        prep = token.head
        if prep.lower_ not in SETTING_PREPS or prep.head.pos_ != "VERB":
            return []
        return logical_subjects(prep.head)

    def _patient_possessor(self, trigger: _Trigger) -> list[int]:
        """'Soleimani's killing', 'Navalny's arrest': a person possessing an act done to
        people (CAMEO 17, 18, 20) is its victim, not its doer."""
        if trigger.sense.pos != "NOUN" or trigger.sense.code[:2] not in PATIENT_ROOTS:
            return []
        possessors = self._mentions(children(trigger.token, "poss"))
        return [m for m in possessors if self.actors[m]["person"]]

    def _targets(
        self, trigger: _Trigger, sources: list[int]
    ) -> tuple[list[int], bool, dict | None]:
        """Target mentions from the first slot that has any, whether they came by event
        anaphora, and else a place named in a slot ("captured Mosul", "sent aid to Yangon")."""
        patient = self._patient_possessor(trigger)
        if patient:
            return patient, False, None
        place = None
        for slot in trigger.sense.targets:
            heads = self._slot(trigger, slot)
            mentions = self._mentions(heads, possessors=True)
            if mentions:
                return mentions, False, None
            for head in heads:
                antecedents = self._event_antecedents(head, sources)
                if antecedents:
                    return antecedents, True, None
                place = place or place_named(head, self.kb)
        if place is None:
            verb = trigger.support if trigger.support is not None else trigger.token
            place = next(
                filter(None, (place_named(o, self.kb) for o in logical_object(verb))), None
            )
        if trigger.sense.targets:
            affected = self._affected(trigger, sources)
            if affected or place is None:
                return affected, False, None
        if place is not None and place.get("country"):
            # the state of a place an act is done to, or sent to
            return [], False, place
        return [], False, None

    def _affected(self, trigger: _Trigger, sources: list[int]) -> list[int]:
        """No slot of the sense names a target: the party the act is for, against or about,
        one preposition deeper ("pledged military support for Riyadh", "warned of serious
        consequences for relations with Ankara")."""
        own = {self._cluster(s) for s in sources}
        verb = trigger.support if trigger.support is not None else trigger.token
        starts = [trigger.token] if trigger.sense.pos == "NOUN" else []
        starts += logical_object(verb) + [
            p for p in verb.children if p.dep_ == "prep" and p.lower_ in AFFECTED_PREPS
        ]
        for start in starts:
            for token in _phrase_tokens(start):
                if token.dep_ != "pobj" or token.head.lower_ not in AFFECTED_PREPS:
                    continue
                found = [m for m in self._mentions([token], possessors=True)]
                found = [m for m in found if self._cluster(m) not in own]
                if found:
                    return found
        return []

    def _slot(self, trigger: _Trigger, slot: str) -> list[Token]:
        token, support = trigger.token, trigger.support
        is_noun = trigger.sense.pos == "NOUN"
        if slot == "dobj":
            return prep_objects(token, "of") if is_noun else logical_object(token)
        if slot == "dative":
            found = []
            for head in filter(None, (token, support)):
                found += children(head, "dative") + prep_objects(head, "to")
                found += [p for d in children(head, "dative") for p in children(d, "pobj")]
            return found
        kind, _, prep = slot.partition(":")
        if kind == "prep":
            found = prep_objects(token, prep)
            if not found and support is not None:
                found = prep_objects(support, prep)
            return found
        objects = logical_object(token if not is_noun else (support or token))
        if kind == "obj_poss":
            return [p for o in objects for p in children(o, "poss")]
        if kind == "obj_prep":
            return [p for o in objects for p in prep_objects(o, prep)] + prep_objects(token, prep)
        return []

    def _mentions(self, heads: list[Token], *, possessors: bool = False) -> list[int]:
        out: list[int] = []
        for head in heads:
            for token in _listed(head):
                found = self.by_head.get(token.i, [])
                if not found and possessors:
                    # "praised Japan's role", "struck Houthi targets", "Russian forces
                    # shelled": the actor whose thing it is.
                    for dep in ("poss", "compound", "amod", "nmod"):
                        for child in children(token, dep):
                            found = found + self.by_head.get(child.i, [])
                        if found:
                            break
                    if not found and token.pos_ == "NOUN":
                        # "welcomed the intervention by Moscow": whose act it is
                        for agent in prep_objects(token, "by"):
                            found = found + self.by_head.get(agent.i, [])
                out.extend(m for m in found if m not in out)
        return out

    def _event_antecedents(self, noun: Token, sources: list[int]) -> list[int]:
        """'condemned the strikes': every source of the earlier event the noun names (the
        strikes of the US, France and Britain told before)."""
        first = self._event_antecedent(noun, sources)
        if first is None:
            return []
        trigger = next(
            e["trigger_token"]
            for e in reversed(self.events)
            if e["source"] == first and e["trigger"]["start"] < noun.idx
        )
        out: list[int] = []
        for event in self.events:
            if event["trigger_token"] != trigger or event["source"] is None:
                continue
            if all(self._cluster(o) != self._cluster(event["source"]) for o in out):
                out.append(event["source"])
        own = {self._cluster(s) for s in sources}
        return [o for o in out if self._cluster(o) not in own] or [first]

    def _event_antecedent(self, noun: Token, sources: list[int]) -> int | None:
        """'condemned the launches': the source of the latest matching earlier event."""
        lemma = noun.lemma_.lower()
        own = self.lexicon.senses(lemma, "NOUN")
        if lemma not in EVENT_ANAPHORA and not own:
            return None
        # The noun's plain sense says what kind of event it names ("attack" -> 19x); its
        # conditional senses ("cyber attack") do not apply to a bare mention.
        roots = {s.code[:2] for s in own if not s.requires and not s.particle}
        clusters = {self.actors[s]["cluster"] for s in sources}
        earlier = [
            e
            for e in self.events
            if e["source"] is not None
            and e["trigger"]["start"] < noun.idx
            and self._cluster(e["source"]) not in clusters
        ]
        # The same word first: "the strikes" are the strikes told before; of the actors of
        # that trigger, the first that names a state or organisation.
        same = [e for e in earlier if self._names_trigger(lemma, e)]
        if same:
            latest = [e for e in same if e["trigger_token"] == same[-1]["trigger_token"]]
            known = [
                e
                for e in latest
                if self.actors[e["source"]]["country"] or self.actors[e["source"]]["org"]
            ]
            return (known or latest)[0]["source"]
        for event in reversed(self.events):
            if event["source"] is None or event["trigger"]["start"] >= noun.idx:
                continue
            if self._cluster(event["source"]) in clusters:
                continue
            code = self.ontology.get(event["cameo"])
            if roots and code.root not in roots:
                continue
            if not roots and code.quad_class not in MATERIAL_QUADS:
                continue
            return event["source"]
        return None

    def _names_trigger(self, lemma: str, event: dict) -> bool:
        """Whether a noun names an earlier event's trigger: the same word ("the strikes"
        after "strikes"), or its -ing form after a phrasal verb ("the downing" after "shot
        down")."""
        token = self.doc[event["trigger_token"]]
        if token.lemma_.lower() == lemma:
            return True
        stem = lemma.removesuffix("ing")
        return stem != lemma and len(stem) > 2 and _particle(token) == stem

    def _cluster(self, mention: int | None) -> int | None:
        return None if mention is None else self.actors[mention]["cluster"]

    # -- events --------------------------------------------------------------------------
    def _events_for(self, trigger: _Trigger) -> list[dict]:
        sources, via_pronoun = self._sources(trigger)
        if not sources:
            return []
        targets, via_anaphora, place = self._targets(trigger, sources)
        pairs: list[tuple[int, int | None]]
        if targets:
            pairs = [(s, t) for s in sources for t in targets]
            # "Ukraine would not negotiate with Russia", "X wants to meet Y": a refusal or a
            # wish is the subject's alone, not a joint act
            one_sided = _factuality(trigger.verb) in {"negated", "hypothetical"}
            if trigger.sense.symmetric and not via_anaphora and not one_sided:
                # a joint act (meeting, signing, talks) is coded from each side: "X and Y
                # signed deals with Z" gives X-Z, Z-X, Y-Z, Z-Y, X-Y and Y-X
                pairs += [(t, s) for s in sources for t in targets]
                pairs += [(a, b) for a in sources for b in sources if a != b]
        elif (trigger.sense.symmetric or self._mutual(trigger)) and len(sources) > 1:
            # "X and Y met"; "X and Y agreed to disengage", "urged X and Y to avoid any
            # escalation": each toward the other
            pairs = [(s, t) for s in sources for t in sources if s != t]
        elif trigger.sense.symmetric and trigger.sense.code.startswith("04"):
            return []  # a meeting needs two parties: "China met its targets" is no event
        else:
            pairs = [(s, None) for s in sources]
        context = self._context(trigger)
        code = self._refined_code(trigger, sources)
        stopper = _stopping(trigger.token)
        if stopper is not None and code[:2] in VIOLENT_ROOTS:
            # "urged both sides to stop fighting": to stop an attack is to de-escalate
            # (087), told as the stopping is, not the attack negated
            code = DE_ESCALATE
            context = self._context(_Trigger(stopper, trigger.sense, None))
        if code[:2] in {"18", "19"} and all(
            (self.actors[source]["role"] or "").lower().split()[-1:] in PROTESTER_ROLES
            for source in sources
        ):
            code = "145"  # "protesters attacked the embassy": a violent protest
        if code == "130" and trigger.sense.code != "130" and not targets:
            # the promise against another party targets it
            clause = next(iter(children(trigger.token, "ccomp")))
            own = {self._cluster(s) for s in sources}
            threatened = [
                m for m in self._mentions(logical_subjects(clause)) if self._cluster(m) not in own
            ]
            pairs = [(s, t) for s in sources for t in threatened] or pairs
        out = []
        for source, target in pairs:
            if target is not None and self._cluster(source) == self._cluster(target):
                continue
            if (
                trigger.sense.symmetric
                and target is not None
                and self._state_and_own(source, target)
            ):
                continue  # "Russia ... meeting Putin": a state does not meet its own leader
            confidence = self._confidence(trigger, source, target, via_pronoun, via_anaphora)
            out.append(
                self._event(
                    trigger.token,
                    trigger.support,
                    code,
                    source,
                    target,
                    context,
                    confidence,
                    trigger_end=_trigger_end(trigger.token, trigger.sense),
                    place=place,
                    anaphora=via_anaphora,
                )
            )
        intent = self._intent_code(trigger, code, context)
        if intent is not None:
            # "Finland will give Tanzania a grant": CAMEO codes the announced cooperative act
            # as an expressed intent (0331); the act itself stays, as future
            out += [dict(event, cameo=intent) for event in out]
        return out

    def _state_and_own(self, a: int, b: int) -> bool:
        """One of the two is a state named bare and the other one of its own organs (its
        government, army, leader): no joint act (meeting, signing) can be between them."""
        first, second = self.actors[a], self.actors[b]
        if not first["country"] or first["country"] != second["country"]:
            return False
        pair = (first, second)
        bare = any(x["sector"] is None and not x["person"] for x in pair)
        # rebels and opposition can agree with their state; its own organs cannot
        organ = any(x["sector"] in STATE_ORGANS for x in pair)
        return bare and organ

    def _intent_code(self, trigger: _Trigger, code: str, context: dict) -> str | None:
        """The intent code (03x) of a future cooperative act told by the narrator or by an
        unnamed source; None when a named speaker says it (the speaker's pledge codes it) or
        under a verb that already says the intent ("agreed to", "pledged to")."""
        if context["modality"] != "future" or context["attributed_to"] is not None:
            return None  # a named speaker's pledge is coded on the speech act
        verb = trigger.verb
        if verb.dep_ in {"xcomp", "ccomp"} and self._sense(verb.head, "VERB") is not None:
            return None
        return family_code("03", code)

    def _mutual(self, trigger: _Trigger) -> bool:
        """An act asked of, or agreed by, several parties together, naming no one else."""
        return (
            trigger.sense.pos == "VERB"
            and trigger.token.dep_ == "xcomp"
            and not self._mentions(logical_object(trigger.token), possessors=True)
        )

    def _refined_code(self, trigger: _Trigger, sources: list[int]) -> str:
        """'urged Y to avoid escalation' (0256), 'agreed to release prisoners' (0353),
        'demanded that Y withdraw' (1056): a bare appeal, intent or demand takes the code of
        the act it asks for, promises or demands."""
        code = trigger.sense.code
        family = GENERIC_FAMILIES.get(code)
        if family is None:
            return code
        for act in children(trigger.token, "xcomp", "ccomp"):
            sense = self._sense(act, "VERB") or self._support_sense(act)
            if sense is not None:
                return family_code(family, sense.code) or code
            if family == "03" and act.dep_ == "ccomp" and self._against_other(act, sources):
                return "130"  # "vowed that Israel would pay": a promise against another
        return code

    def _support_sense(self, verb: Token) -> Sense | None:
        """'agreed to give Tanzania a grant': the sense of the noun a support verb carries."""
        if not self.lexicon.is_support(verb.lemma_.lower(), _particle(verb)):
            return None
        for noun in logical_object(verb):
            sense = self._sense(noun, "NOUN")
            if sense is not None:
                return sense
        return None

    def _against_other(self, clause: Token, sources: list[int]) -> bool:
        """A future clause whose subject is another party than the speakers."""
        if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in clause.children):
            return False
        own = {self._cluster(s) for s in sources}
        subjects = self._mentions(logical_subjects(clause))
        return bool(subjects) and all(self._cluster(m) not in own for m in subjects)

    def _event(
        self,
        token: Token,
        support: Token | None,
        code: str,
        source: int,
        target: int | None,
        context: dict,
        confidence: float,
        *,
        trigger_end: int | None = None,
        speech: bool = False,
        place: dict | None = None,
        anaphora: bool = False,
    ) -> dict:
        sent_index = next(k for k, s in enumerate(self.sents) if s.start <= token.i < s.end)
        sent = self.sents[sent_index]
        end = trigger_end if trigger_end is not None else token.idx + len(token.text)
        location = self._where(token, support)
        target_place = None
        if target is None and place is not None:
            target_place = _place_actor(place, self.kb)
            confidence -= 0.1
        elif (
            target is None
            and location
            and location.get("country")
            and code[:2] in PLACE_TARGET_ROOTS
        ):
            # "launched air strikes in Yemen", "detained protesters in Istanbul": a material
            # act in a place with no one named is done to the state of that place.
            target_place = _place_actor(location, self.kb)
            confidence -= 0.15
        key = reading(
            "speech" if speech else "noun" if token.pos_ == "NOUN" else "verb",
            "anaphora"
            if anaphora
            else "actor"
            if target is not None
            else "place"
            if target_place is not None
            else "none",
            "named" if self.actors[source]["country"] or self.actors[source]["org"] else "unplaced",
            context["modality"],
        )
        # the share of events read this way that were right on the dev gold set, else the
        # first estimate from how the event was read
        confidence = self.calibration.get(key, confidence)
        return {
            "id": "",
            "source": source,
            "target": target,
            "cameo": code,
            "modality": context["modality"],
            "asserted": context["modality"] == "asserted",
            "attributed_to": context["attributed_to"],
            "trigger": {"text": self.doc.text[token.idx : end], "start": token.idx, "end": end},
            "sentence": {"index": sent_index, "start": sent.start_char, "end": sent.end_char},
            **self._when(token, support),
            "location": location,
            "target_place": target_place,
            "quote": context["quote"],
            "confidence": round(min(max(confidence, 0.0), 1.0), 2),
            "reading": key,
            "trigger_token": token.i,
            "speech": speech,
        }

    def _when(self, token: Token, support: Token | None) -> dict:
        span = None
        for verb in _clause_chain(support or token):
            span = find_date(token, verb)
            if span is not None:
                break
        resolved = resolve_date(span.text, self.published) if span is not None else None
        if span is None or resolved is None:
            day = self.published.isoformat() if self.published else None
            return {"date": day, "date_text": None, "date_precision": "published" if day else None}
        return {"date": resolved[0], "date_text": span.text, "date_precision": resolved[1]}

    def _where(self, token: Token, support: Token | None) -> dict | None:
        for verb in _clause_chain(support or token):
            place = find_location(token, self.kb, verb)
            if place is not None:
                return place
        return None

    def _confidence(
        self,
        trigger: _Trigger,
        source: int,
        target: int | None,
        via_pronoun: bool,
        via_anaphora: bool,
    ) -> float:
        # A first, uncalibrated score from how the event was read; see docs/pipeline.md.
        score = 0.55
        src = self.actors[source]
        score += 0.1 if (src["country"] or src["org"]) else -0.1
        if target is not None:
            score += 0.1 if not via_anaphora else -0.1
        score += 0.05 if trigger.sense.specificity else 0.0
        score -= 0.05 if via_pronoun else 0.0
        score -= 0.05 if trigger.sense.pos == "NOUN" else 0.0
        return min(max(score, 0.05), 0.95)

    # -- context: attribution and factuality ---------------------------------------------
    def _context(self, trigger: _Trigger) -> dict:
        attributed, quote = None, None
        claim = self._claim(trigger.token)
        if claim is None and trigger.support is not None:
            claim = self._claim(trigger.support)
        modality = _factuality(trigger.verb, reported=claim is not None)
        if claim is not None:
            stance, attributed, quote = claim
            if modality == "asserted":
                modality = (
                    "negated"
                    if stance in NEGATING_STANCES
                    else "hypothetical"
                    if stance in REQUEST_STANCES
                    else "reported"
                )
        return {"modality": modality, "attributed_to": attributed, "quote": quote}

    def _claim(self, token: Token) -> tuple[str | None, int | None, str | None] | None:
        """(stance, speaker mention, quote id) when the token is inside reported speech."""
        if token.i in self.cue_tokens:
            return None
        for quote in self.quotes:
            if quote["cue_token"] == token.i:
                continue
            if any(s <= token.idx < e for s, e in quote["parts"]):
                cue = self.doc[quote["cue_token"]] if quote["cue_token"] is not None else None
                stance = self._stance(cue) if cue is not None else "neutral"
                return stance, quote["speaker"], quote["id"]
        # The complement of a reporting verb that is not a quote: "accused Y of attacking".
        current, steps = token, 0
        while current.dep_ in CLIMB_DEPS and current.head.i != current.i and steps < 5:
            if current.dep_ == "pobj" and current.head.lower_ in SETTING_PREPS:
                return None  # "agreed at a meeting": the meeting is a fact, not what was agreed
            current, steps = current.head, steps + 1
            if current.pos_ == "VERB" and self._stance(current) is not None:
                speakers = self._mentions(logical_subjects(current))
                return self._stance(current) or "neutral", speakers[0] if speakers else None, None
        return None

    def _stance(self, token: Token) -> str | None:
        if token.lower_ == "according":
            return "neutral"
        cue = self.lexicon.cue(token.lemma_.lower(), "VERB")
        return cue.stance if cue is not None else None

    # -- speech acts ---------------------------------------------------------------------
    def _speech_acts(self) -> list[dict]:
        """Each quote's reporting verb as the speaker's act: praise or criticism of what it
        judges, a pledge of the speaker's own promised act, an accusation of whoever it says
        did something hostile, or else a statement. Coordinated speakers ("Britain and China
        said") each make it."""
        coded = {e["trigger_token"] for e in self.events}
        out: list[dict] = []
        for quote in self.quotes:
            speaker, cue_index = quote["speaker"], quote["cue_token"]
            if speaker is None or cue_index is None or cue_index in coded:
                continue
            cue = self.doc[cue_index]
            context = self._context(_Trigger(cue, _STATEMENT, None))
            context["quote"] = None
            speakers = self._mentions([self.doc[self.actors[speaker]["head"]]]) or [speaker]
            for who in [speaker] + [m for m in speakers if m != speaker]:
                for code, target, confidence in self._speech_act(quote, who, cue):
                    out.append(
                        self._event(
                            cue,
                            None,
                            code,
                            who,
                            target,
                            context,
                            confidence,
                            trigger_end=quote["cue"]["end"],
                            speech=True,
                        )
                    )
        return out

    def _speech_act(
        self, quote: dict, speaker: int, cue: Token
    ) -> list[tuple[str, int | None, float]]:
        """(code, target, first confidence) of each act the speaker makes by saying it."""
        evaluated = self._evaluated(quote, speaker)
        if evaluated is not None:
            code, judged = evaluated
            return [(code, target, 0.6) for target in judged]
        accused = self._accused(quote, speaker)
        if accused:
            return [("112", source, 0.55) for source in accused]
        threatened = self._own_acts(quote, speaker, threat_code, threats=True)
        if threatened:
            return [(code, target, 0.55) for code, target in threatened]
        warned = self._warned(quote, cue, speaker)
        if warned is not None:
            return [("130", warned[0] if warned else None, 0.5)]
        if self._retaliation(quote):
            return [("130", None, 0.5)]
        pledged = self._pledged(quote, speaker)
        if pledged:
            return [(code, target, 0.55) for code, target in pledged]
        target = next(
            iter(self._mentions(self._slot(_Trigger(cue, _STATEMENT, None), "dative"))), None
        )
        if target is not None and self._cluster(target) == self._cluster(speaker):
            target = None
        return [("010", target, 0.6)]

    def _evaluated(self, quote: dict, speaker: int) -> tuple[str, list[int]] | None:
        """'said the decision was unjustified', 'called the downing "a stab in the back"':
        a statement that judges something of someone's is praise (051) or criticism (111) of
        them. None when the content judges nothing, or no one's."""
        cue = self.doc[quote["cue_token"]]
        judged, judgement = _judgement(cue)
        if judged is None or not judgement:
            return None
        score = 0
        for token in judgement:
            polarity = self.lexicon.polarity(token.lemma_.lower())
            if token.lemma_.lower() == "responsible" and any(
                p.lower_ == "for" for p in children(token, "prep")
            ):
                polarity = "negative"  # "Putin was responsible for Navalny's death": blame
            if polarity is not None:
                score += 1 if polarity == "positive" else -1
        if score == 0:
            return None
        if any(t.dep_ == "neg" for t in judgement) or any(
            c.dep_ == "neg" for c in judged.head.children if judged.head.i != judged.i
        ):
            score = -score  # "was not credible", "was no victory"
        own = {self._cluster(speaker)}
        # whose the judged thing is: "Riyadh's decision", "the decision by Saudi Arabia"
        owners = [judged] + [o for prep in ("by", "of", "from") for o in prep_objects(judged, prep)]
        # "the Saudi-led measures", "the US-backed plan": who leads it owns it
        owners += [
            t
            for c in judged.children
            if c.dep_ == "amod" and c.lemma_.lower() in LED_WORDS
            for t in c.subtree
            if t.i != c.i
        ]
        targets = [
            m for m in self._mentions(owners, possessors=True) if self._cluster(m) not in own
        ]
        if not targets:
            targets = self._event_antecedents(judged, [speaker])
        if not targets:
            # "called the test an act of recklessness by Kim Jong Un": named in the judgement
            inside = [t for t in judgement if t.dep_ == "pobj" and t.head.lower_ == "by"]
            targets = [m for m in self._mentions(inside) if self._cluster(m) not in own]
        if not targets:
            return None
        return ("051" if score > 0 else "111"), targets

    def _warned(self, quote: dict, cue: Token, speaker: int) -> list[int] | None:
        """'warned that Turkey would open the gates if the bloc criticised it': a warning of
        what will follow if someone acts is a threat (130) to that someone. None when the
        cue is not a warning or the content sets no condition."""
        stance = self._stance(cue)
        if stance == "promise":
            return self._vowed_against(quote, cue, speaker)
        if stance not in {"warn", "threaten"}:
            return None
        inside = self._quote_tokens(quote)
        for token in inside:
            if token.dep_ != "advcl":
                continue
            if any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in token.children):
                subjects = self._mentions(logical_subjects(token))
                own = self._cluster(speaker)
                return [m for m in subjects if self._cluster(m) != own]
        # "warned Washington that the visit would have serious consequences": a warning of
        # what will be done to someone, with no condition, threatens the one warned
        if not any(t.lemma_.lower() in CONSEQUENCE_WORDS for t in inside):
            return None
        own = self._cluster(speaker)
        warned = self._mentions([c for c in cue.children if c.dep_ in {"dobj", "dative"}])
        return [m for m in warned if self._cluster(m) != own]

    def _quote_tokens(self, quote: dict) -> list[Token]:
        """The tokens of what a quote says (from its start to its end)."""
        start, end = quote["start"], quote["end"]
        return [t for t in self.doc if start <= t.idx < end]

    def _failed(self, token: Token) -> bool:
        """Whether the act is one someone failed or refused to do ("failed to keep", "refused
        to release")."""
        current, steps = token, 0
        while current.dep_ in {"xcomp", "acl", "dobj", "pobj", "prep"} and steps < 4:
            current, steps = current.head, steps + 1
            if current.lemma_.lower() in BLAMED_FAILURES:
                return True
        return False

    def _retaliation(self, quote: dict) -> bool:
        """'said the decisions would not go unanswered', 'reserved the right to respond': a
        statement that announces retaliation is a threat (130), against no one named."""
        inside = self._quote_tokens(quote)
        # what is yet to come: "was retaliation for the barrage" tells of a past act
        future = any(t.tag_ == "MD" and t.lower_ in FUTURE_MODALS for t in inside)
        for token in inside:
            lemma = token.lemma_.lower()
            if lemma in RETALIATION_WORDS and future:
                return True
            if lemma == "right" and token.head.lemma_.lower() == "reserve":
                return True  # "reserves the right to respond"
        return False

    def _vowed_against(self, quote: dict, cue: Token, speaker: int) -> list[int] | None:
        """'vowed that Israel would pay for the killing': a promise of what another party
        will suffer is a threat to it."""
        content = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        if content is None or not any(
            c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in content.children
        ):
            return None
        subjects = self._mentions(logical_subjects(content))
        own = self._cluster(speaker)
        others = [m for m in subjects if self._cluster(m) != own]
        if not others or any(e["quote"] == quote["id"] for e in self.events):
            return None  # the content's own events say more
        return others

    def _own_acts(
        self, quote: dict, speaker: int, code_of, *, threats: bool = False
    ) -> list[tuple[str, int | None]]:
        """'X said it would impose sanctions on Y if ...': the speaker's own future or
        conditional acts in what it says, each coded with `code_of` (threat or pledge).

        With `threats`, moving troops or prosecuting with no one named against is no threat
        ("said it would send troops to secure the airport", "said its courts would prosecute
        those responsible"): a threat is made against someone."""
        speaker_actor = self.actors[speaker]
        out: list[tuple[str, int | None]] = []
        for event in self.events:
            if event["quote"] != quote["id"] or event["modality"] not in {"future", "hypothetical"}:
                continue
            if threats and event["target"] is None and event["cameo"][:2] in UNAIMED_ROOTS:
                continue
            code = code_of(event["cameo"])
            if code is None:
                continue
            source = self.actors[event["source"]]
            own = source["cluster"] == speaker_actor["cluster"] or (
                source["country"] and source["country"] == speaker_actor["country"]
            )
            if own and all(c != code or t != event["target"] for c, t in out):
                out.append((code, event["target"]))
        return out

    def _pledged(self, quote: dict, speaker: int) -> list[tuple[str, int | None]]:
        """'X said it would send aid': the speaker's own future cooperative act makes the
        statement a pledge (CAMEO 03x, family_code) toward whoever the act is for."""
        return self._own_acts(quote, speaker, lambda code: family_code("03", code))

    def _accused(self, quote: dict, speaker: int) -> list[int]:
        """Sources of conflictual acts the speaker reports of another party."""
        speaker_actor = self.actors[speaker]
        targets: list[int] = []
        for event in self.events:
            if event["quote"] != quote["id"]:
                continue
            hostile = (
                event["modality"] == "reported"
                and self.ontology.get(event["cameo"]).quad_class >= 3
            )
            # "said the US had failed to keep its promises": a failure laid at someone's door
            if not hostile and not self._failed(self.doc[event["trigger_token"]]):
                continue
            source = self.actors[event["source"]]
            if source["cluster"] == speaker_actor["cluster"]:
                continue
            if source["country"] and source["country"] == speaker_actor["country"]:
                continue
            if all(self._cluster(t) != source["cluster"] for t in targets):
                targets.append(event["source"])
        return targets


_STATEMENT = Sense("say", "VERB", None, (), "010", ("dative",), False, None, 0)


def _judgement(cue: Token) -> tuple[Token | None, list[Token]]:
    """What a statement judges and the words judging it: the object and what it is called
    ("called the deal a historic step"), or the subject and attribute of a copular
    complement ("said the move was illegal", "said the vote amounted to a farce")."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    named = misparsed_naming(cue)
    if named is not None and obj is not None:
        return named, [obj]
    for child in cue.children:
        if obj is not None and child.i > obj.i and child.dep_ in {"oprd", "xcomp"}:
            return obj, list(child.subtree)
        if obj is not None and child.dep_ == "prep" and child.lower_ == "as":
            return obj, list(child.subtree)
    content = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if content is None:
        return None, []
    if content.lemma_ in CHARACTERISING_VERBS:
        # "said he regarded Xi as a dictator": the content's object is judged, as if called
        judged, words = _judgement(content)
        if judged is not None:
            return judged, words
    subject = next((c for c in content.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    attributes = [c for c in content.children if c.dep_ in {"acomp", "attr", "oprd"}]
    if content.lemma_ in JUDGING_VERBS:
        attributes += [o for c in content.children if c.dep_ in {"prep", "dobj"} for o in c.subtree]
    words = [t for a in attributes for t in a.subtree]
    words += [c for c in content.children if c.dep_ == "neg"]
    return subject, words


def _place_actor(location: dict, kb: KnowledgeBase) -> dict:
    """An actor record for the state of a place, pointing at the place's words."""
    country = location["country"]
    entity = kb.country(country)
    return {
        "text": location["text"],
        "start": location["start"],
        "end": location["end"],
        "name": entity.name if entity else country,
        "kb_id": f"country/{country}",
        "country": country,
        "org": None,
        "sector": None,
        "role": None,
        "code": kb.actor_code(country, None),
    }


def _stopping(token: Token) -> Token | None:
    """The verb that stops this act ("stop fighting", "halt the shelling"), or None."""
    head = token.head
    if token.dep_ in {"xcomp", "ccomp", "dobj"} and head.lemma_.lower() in STOP_VERBS:
        return head
    return None


def _phrase_tokens(token: Token) -> list[Token]:
    """The token's phrase in order, through prepositions and nouns, not into clauses."""
    out = [token]
    for child in token.children:
        if child.dep_ in {"prep", "pobj", "dobj", "conj", "appos", "compound", "amod"}:
            out.extend(_phrase_tokens(child))
    return out


def _listed(token: Token) -> list[Token]:
    """The token and the words listed with it: conjuncts, and appositions that the parser
    made of a list ("Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut ties")."""
    # "one of the two pilots", "dozens of civilians": the people counted
    token = counted(token) or token
    out = [token, *token.conjuncts]
    for item in list(out):
        for child in item.children:
            # a name in apposition to a name is a list; to a noun, it names the same one
            # ("Navalny's widow, Yulia Navalnaya": one actor, one event)
            listed = child.dep_ == "appos" and child.pos_ == "PROPN" and item.pos_ == "PROPN"
            if listed or coordinated_head(child):
                out.extend([child, *child.conjuncts])
    return list(dict.fromkeys(out))


def _clause_chain(verb: Token) -> list[Token]:
    """The verb, then the verbs it is coordinated under: "met in Tokyo on Tuesday, and ...
    signed" takes the place and date of "met" when it names none of its own."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ in {"VERB", "AUX"} and len(chain) < 4:
        chain.append(chain[-1].head)
    return chain


def _trigger_end(token: Token, sense: Sense) -> int:
    """End offset of the trigger, with an adjacent particle ("rule out", "call for")."""
    end = token.idx + len(token.text)
    if sense.particle:
        for child in token.children:
            if child.lower_ == sense.particle and child.i == token.i + 1:
                end = child.idx + len(child.text)
    return end


def _particle(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def _fits(token: Token, sense: Sense, pos: str, kb: KnowledgeBase | None = None) -> bool:
    """Whether the token has the sense's particle and meets its conditions. With a KB, a
    known place as object or prepositional object also counts as the lemma `place`."""
    if sense.particle and not any(
        c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == sense.particle for c in token.children
    ):
        return False
    for condition in sense.requires:
        if condition.slot == "obj":
            found = _object_lemmas(token, pos, kb)
            if condition.absent:
                if found:
                    return False
            elif not found & condition.lemmas:
                return False
        elif condition.slot == "xcomp":
            if not {c.lemma_.lower() for c in children(token, "xcomp")} & condition.lemmas:
                return False
        elif condition.slot == "verb":
            # the verb carrying a nominal trigger: "provided support" vs "expressed support"
            governed = token.dep_ in {"dobj", "nsubjpass"} and token.head.pos_ in {"VERB", "AUX"}
            if not governed or token.head.lemma_.lower() not in condition.lemmas:
                return False
        elif not _prep_lemmas(token, condition.slot, kb) & condition.lemmas:
            return False
    return True


def _object_lemmas(token: Token, pos: str, kb: KnowledgeBase | None = None) -> set[str]:
    if pos == "NOUN":
        return {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    objects = [o for obj in logical_object(token) for o in (obj, *obj.conjuncts)]
    # "deliver the first of four air defence systems", "sent dozens of tanks": what is counted
    objects += filter(None, (counted(obj, ordinals=True) for obj in objects))
    return _lemmas(objects, kb)


def _prep_lemmas(token: Token, prep: str, kb: KnowledgeBase | None = None) -> set[str]:
    objects: list[Token] = []
    # the parser often hangs a verb's phrase on its object: "placed [Y under house arrest]"
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    for child in (c for head in heads for c in head.children):
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"}:
                    objects.extend((obj, *obj.conjuncts))
    return _lemmas(objects, kb)


def _lemmas(tokens: list[Token], kb: KnowledgeBase | None) -> set[str]:
    out = {t.lemma_.lower() for t in tokens}
    if kb is not None and any(place_named(t, kb) for t in tokens):
        out.add("place")
    return out


def _factuality(verb: Token, *, reported: bool = False) -> str:
    """negated | hypothetical | future | asserted, from the verb and the verbs above it.

    In reported speech "would" is the future seen from the past ("said it would send
    troops"), not a condition, unless an if-clause makes it one.
    """
    negated = hypothetical = future = conditional = False
    current = verb
    for _ in range(4):
        for child in current.children:
            word = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
                negated = True
            elif child.dep_ in {"aux", "auxpass"} and word in HYPOTHETICAL_AUX:
                if reported and word == "would":
                    future = True
                else:
                    hypothetical = True
            elif child.dep_ in {"aux", "auxpass"} and (
                word in FUTURE_AUX or child.lemma_ == "will"
            ):
                future = True
            elif child.dep_ == "advcl" and any(
                m.lower_ in {"if", "unless"} for m in children(child, "mark")
            ):
                conditional = True  # "would attack if ..."
            elif child.dep_ == "mark" and word in {"if", "unless"}:
                conditional = True
        if current.dep_ == "xcomp" and current.lower_ == "going":
            future = True
        if current.dep_ not in {"xcomp", "acl"} or current.head.i == current.i:
            break
        head = current.head
        lemma = head.lemma_.lower()
        if lemma in NEGATING_HEADS:
            negated = True
        elif lemma in REQUEST_HEADS:
            hypothetical = True
        elif lemma in INTENT_HEADS:
            future = True
        if head.pos_ == "NOUN":
            if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                negated = True
            current = head.head  # "has no plans to meet": the verb that governs "plans"
        else:
            current = head
    if negated:
        return "negated"
    if hypothetical or conditional:
        return "hypothetical"
    return "future" if future else "asserted"
