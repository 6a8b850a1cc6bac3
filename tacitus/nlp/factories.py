"""The three spaCy components, registered as factories with what they need and set.

`nlp.add_pipe("tacitus_actors")` etc. work in any English pipeline that has a tagger,
lemmatizer, parser and NER; `nlp.analyze_pipes()` checks their order from `requires`.
Components are thin: the rules live in tacitus.nlp.actors / quotes / events.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

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


class ActorsComponent:
    """Finds actor mentions and resolves them with the KB on the article's date."""

    def __call__(self, doc: Doc) -> Doc:
        day = article_day(doc) or date.today()
        doc._.tacitus_actors = find_actors(doc, kb=load_kb(), day=day)
        return doc


class QuotesComponent:
    """Finds direct, indirect and mixed quotes with their speakers."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.tacitus_quotes = find_quotes(
            doc, actors=doc._.tacitus_actors or [], lexicon=load_lexicon()
        )
        return doc


class EventsComponent:
    """Codes events with attribution, factuality, dates and places."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.tacitus_events = find_events(
            doc,
            actors=doc._.tacitus_actors or [],
            quotes=doc._.tacitus_quotes or [],
            lexicon=load_lexicon(),
            ontology=load_ontology(),
            kb=load_kb(),
            published=article_day(doc),
        )
        return doc


@Language.factory(
    "tacitus_actors",
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    assigns=["doc._.tacitus_actors"],
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    load_kb()  # read and check the tables now, not on the first article
    return ActorsComponent()


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
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    load_lexicon()
    return EventsComponent()
