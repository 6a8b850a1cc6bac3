"""The store: Parquet parts written atomically, DuckDB views over them (docs/store.md).

This layer never imports spaCy: it receives finished records.
"""
