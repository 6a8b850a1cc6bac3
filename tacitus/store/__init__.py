"""The store: Parquet parts written atomically, DuckDB views over them (docs/store.md).

This layer never imports spaCy: it receives finished records.
"""

from tacitus.store.keys import StoredKeys, stored_keys
from tacitus.store.views import VIEWS, open_store
from tacitus.store.writer import StoreWriter

__all__ = ["VIEWS", "StoreWriter", "StoredKeys", "open_store", "stored_keys"]
