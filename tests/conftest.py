"""Shared fixtures: one Tacitus pipeline per test session (loading it takes ~2 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from tacitus.nlp.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def code(nlp):
    """code(text, published=...) -> CodedDocument, using the session pipeline."""
    from tacitus.run.local import code_text

    def run(text: str, published: str | None = "2024-03-20"):
        return code_text(text, published=published, nlp=nlp)

    return run


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference material {path} is not available (../shared is absent)")
    return path
