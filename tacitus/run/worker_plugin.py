"""The Dask worker plugin of cluster runs (imported only when Dask is installed)."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

__all__ = ["LoadPipeline"]


class LoadPipeline(WorkerPlugin):
    """Load the pipeline when a worker starts (restarted workers included), so every batch
    finds it loaded and a worker pays the load once."""

    name = "tacitus-pipeline"

    def __init__(self, kb_paths: tuple[str, ...]) -> None:
        self.kb_paths = kb_paths

    def setup(self, worker: Any) -> None:
        from tacitus.nlp.pipeline import default_pipeline

        default_pipeline(self.kb_paths)
