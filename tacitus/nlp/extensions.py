"""The Doc extensions Tacitus declares, all here and only here.

Values are plain data (str, lists of dicts) so that `Doc.to_bytes()` and
`nlp.pipe(..., n_process=N)` carry them between processes.

- `doc._.tacitus_published`: the article's publication date (`YYYY-MM-DD`) or None; set it
  before the pipeline runs (tacitus.nlp.pipeline.make_doc does).
- `doc._.tacitus_actors`: actor mentions (dicts), set by `tacitus_actors`.
- `doc._.tacitus_quotes`: quotes (dicts), set by `tacitus_quotes`.
- `doc._.tacitus_events`: events (dicts), set by `tacitus_events`.
- `doc._.tacitus_errors`: messages of component errors caught while coding a batch
  (see tacitus.nlp.factories), or None.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["DOC_EXTENSIONS", "register_extensions"]

DOC_EXTENSIONS = (
    "tacitus_published",
    "tacitus_actors",
    "tacitus_quotes",
    "tacitus_events",
    "tacitus_errors",
)


def register_extensions() -> None:
    """Declare the extensions once; a second call (or another import) changes nothing."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
