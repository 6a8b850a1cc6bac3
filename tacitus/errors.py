"""Every error and warning Tacitus raises.

```
TacitusError
├── DataError            a knowledge table is malformed or inconsistent (names file:line:column)
├── InputError           an input article or file cannot be read (names the input)
│   ├── EmptyInputError      nothing to code after extraction
│   ├── BinaryInputError     not text (NUL bytes, undecodable)
│   ├── TooLargeInputError   over the size limit
│   ├── NotEnglishError      the text does not look like English
│   ├── MalformedInputError  broken JSON line, HTML without text, bad field
│   └── FetchError           a URL (feed or page) cannot be fetched
├── ModelError           the spaCy model is missing or unusable
├── StoreError           a store cannot be opened, read or written (names the store and what to do)
└── UsageError           a bad option or argument from the caller

TacitusWarning
└── DataWarning          a knowledge table has something suspicious but usable
```
Third-party errors are re-raised as one of these `from` the original at the boundary.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "DataError",
    "DataWarning",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "MalformedInputError",
    "ModelError",
    "NotEnglishError",
    "StoreError",
    "TacitusError",
    "TacitusWarning",
    "TooLargeInputError",
    "UsageError",
]


class TacitusError(Exception):
    """Base of every error Tacitus raises on purpose."""


class DataError(TacitusError):
    """A knowledge table (ontology, lexicon, actor KB) is malformed or inconsistent."""


class InputError(TacitusError):
    """An input article or file cannot be coded.

    `source` names the input (a path, `path:line`, or `<stdin>`); `reason` is a short
    machine-readable key used to count failures (`empty`, `binary`, ...).
    """

    reason = "input"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(f"{source}: {message}" if source else message)
        self.source = source


class EmptyInputError(InputError):
    """The input holds no text to code."""

    reason = "empty"


class BinaryInputError(InputError):
    """The input is not text: NUL bytes or bytes that do not decode."""

    reason = "binary"


class TooLargeInputError(InputError):
    """The input is over the size limit."""

    reason = "too_large"


class NotEnglishError(InputError):
    """The text does not look like English, and the pipeline only reads English."""

    reason = "not_english"


class MalformedInputError(InputError):
    """The input is structurally broken: a bad JSON line, a missing field, HTML without text."""

    reason = "malformed"


class FetchError(InputError):
    """A URL (feed or article page) cannot be fetched: network error, HTTP error, timeout."""

    reason = "fetch"


class ModelError(TacitusError):
    """The spaCy model cannot be loaded."""


class StoreError(TacitusError):
    """A store cannot be used: missing, locked by another writer, or of another schema version."""


class UsageError(TacitusError):
    """The caller passed a bad option or argument."""


class TacitusWarning(UserWarning):
    """Base of every warning Tacitus issues."""


class DataWarning(TacitusWarning):
    """A knowledge table has something suspicious but usable (e.g. a shadowed alias)."""
