"""Reading articles from files and streams (no spaCy here)."""

from tacitus.ingest.checks import check_article, looks_english
from tacitus.ingest.readers import read_paths, read_text_stream

__all__ = ["check_article", "looks_english", "read_paths", "read_text_stream"]
