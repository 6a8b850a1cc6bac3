"""Coding articles in this process (or `n_process` local processes) with nlp.pipe."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tacitus.errors import InputError
from tacitus.records import Article, CodedDocument, Failure

__all__ = ["PIPE_BATCH", "Result", "code_articles", "code_text"]

Result = CodedDocument | Failure
# Documents per nlp.pipe batch (`tacitus bench speed` times bare spaCy with the same size).
PIPE_BATCH = 32


def code_articles(
    items: Iterable[Article | InputError],
    *,
    nlp=None,
    n_process: int = 1,
    batch_size: int = PIPE_BATCH,
    kb_paths: Iterable[str] = (),
) -> Iterator[Result]:
    """Coded documents (or failures) in input order; bad articles never stop the run.

    `items` may mix Articles and the InputErrors a reader produced for bad inputs. Items are
    taken in chunks so failures keep their place in the output order.
    """
    from tacitus.nlp.pipeline import default_pipeline, make_doc
    from tacitus.nlp.serialize import to_record

    nlp = nlp if nlp is not None else default_pipeline(kb_paths)
    chunk_size = max(256, batch_size * max(n_process, 1) * 8)
    for chunk in _chunks(items, chunk_size):
        articles = [(k, item) for k, item in enumerate(chunk) if isinstance(item, Article)]
        processes = n_process if len(articles) > batch_size else 1
        docs = nlp.pipe(
            ((make_doc(nlp, a), k) for k, a in articles),
            as_tuples=True,
            n_process=processes,
            batch_size=batch_size,
        )
        # Keyed by position: results are matched to their article, never by order alone.
        coded = {k: doc for doc, k in docs}
        for k, item in enumerate(chunk):
            if isinstance(item, InputError):
                yield Failure(None, item.source or "<input>", "read", item.reason, str(item))
            elif k not in coded:
                yield Failure(item.id, item.id, "nlp", "error", "the pipeline returned no document")
            elif coded[k]._.tacitus_errors:
                yield Failure(
                    item.id, item.id, "nlp", "error", "; ".join(coded[k]._.tacitus_errors)
                )
            else:
                yield to_record(coded[k], item)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def code_text(
    text: str,
    *,
    published: str | None = None,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    nlp=None,
) -> CodedDocument:
    """Code one article given as a string; raises InputError for text that cannot be coded."""
    from tacitus.ingest import check_article
    from tacitus.ingest.readers import _check_date, article_id

    if published is not None:
        _check_date(published, "published")
    article = Article(id or article_id(text), text, title, url, published, source)
    check_article(article, source=id or "<text>")
    for result in code_articles([article], nlp=nlp):
        if isinstance(result, Failure):
            from tacitus.errors import TacitusError

            raise TacitusError(f"coding failed: {result.message}")
        return result
    raise AssertionError("code_articles yielded nothing for one article")
