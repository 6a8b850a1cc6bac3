"""The three spaCy components, registered as factories with what they need and set.

`nlp.add_pipe("tacitus_actors")` etc. work in any English pipeline that has a tagger,
lemmatizer, parser and NER; `nlp.analyze_pipes()` checks their order from `requires`.
Components are thin: the rules live in tacitus.nlp.actors / quotes / events.

A rule that fails on one odd article must not lose the batch: each component catches its own
error, notes it on `doc._.tacitus_errors` and leaves its output empty, and the runner turns
that doc into a Failure record. (spaCy's error handlers drop the doc from `nlp.pipe` instead,
which would silently shift every later result.) A broken knowledge table is not one
article's problem: DataError is raised.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from tacitus.errors import DataError
from tacitus.kb import load_kb
from tacitus.nlp import extensions  # noqa: F401  (declares the Doc extensions)
from tacitus.nlp.actors import find_actors
from tacitus.nlp.events import find_events
from tacitus.nlp.quotes import find_quotes
from tacitus.ontology import load_lexicon, load_ontology

__all__ = ["COMPONENTS", "ActorsComponent", "EventsComponent", "QuotesComponent", "article_day"]

COMPONENTS = ("tacitus_actors", "tacitus_quotes", "tacitus_events")


def article_day(doc: Doc) -> date | None:
    """The publication date set on the doc, or None."""
    published = doc._.tacitus_published
    return date.fromisoformat(published) if published else None


class _Component:
    name = ""
    output = ""

    def __init__(self, kb_paths: tuple[str, ...] = ()) -> None:
        self.kb_paths = kb_paths

    @property
    def kb(self):
        return load_kb(self.kb_paths)

    def __call__(self, doc: Doc) -> Doc:
        try:
            value = self.run(doc)
        except DataError:
            raise
        except Exception as error:  # one article's failure, recorded on the doc
            errors = list(doc._.tacitus_errors or [])
            errors.append(f"{self.name}: {type(error).__name__}: {error}")
            doc._.tacitus_errors = errors
            value = []
        setattr(doc._, self.output, value)
        return doc

    def run(self, doc: Doc) -> list[dict]:
        raise NotImplementedError


class ActorsComponent(_Component):
    """Finds actor mentions and resolves them with the KB on the article's date."""

    name, output = "tacitus_actors", "tacitus_actors"

    def run(self, doc: Doc) -> list[dict]:
        day = article_day(doc) or date.today()
        return find_actors(doc, kb=self.kb, day=day)


class QuotesComponent(_Component):
    """Finds direct, indirect and mixed quotes with their speakers."""

    name, output = "tacitus_quotes", "tacitus_quotes"

    def run(self, doc: Doc) -> list[dict]:
        return find_quotes(doc, actors=doc._.tacitus_actors or [], lexicon=load_lexicon())


class EventsComponent(_Component):
    """Codes events with attribution, factuality, dates and places."""

    name, output = "tacitus_events", "tacitus_events"

    def run(self, doc: Doc) -> list[dict]:
        return find_events(
            doc,
            actors=doc._.tacitus_actors or [],
            quotes=doc._.tacitus_quotes or [],
            lexicon=load_lexicon(),
            ontology=load_ontology(),
            kb=self.kb,
            published=article_day(doc),
        )


# `token.pos` is set by the attribute ruler from the tags, which spaCy does not declare as
# an assignment; `token.tag` is what the tagger assigns and what POS is derived from.
@Language.factory(
    "tacitus_actors",
    requires=["token.dep", "token.lemma", "token.tag", "doc.ents", "doc.sents"],
    assigns=["doc._.tacitus_actors"],
    default_config={"kb_paths": []},
)
def make_actors(nlp: Language, name: str, kb_paths: list[str]) -> ActorsComponent:
    load_kb(kb_paths)  # read and check the tables now, not on the first article
    return ActorsComponent(tuple(kb_paths))


@Language.factory(
    "tacitus_quotes",
    requires=["token.dep", "token.lemma", "doc._.tacitus_actors"],
    assigns=["doc._.tacitus_quotes"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    load_lexicon()
    return QuotesComponent()


@Language.factory(
    "tacitus_events",
    requires=[
        "token.dep",
        "token.lemma",
        "doc.ents",
        "doc._.tacitus_actors",
        "doc._.tacitus_quotes",
    ],
    assigns=["doc._.tacitus_events"],
    default_config={"kb_paths": []},
)
def make_events(nlp: Language, name: str, kb_paths: list[str]) -> EventsComponent:
    load_lexicon()
    return EventsComponent(tuple(kb_paths))
