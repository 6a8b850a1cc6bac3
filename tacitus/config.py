"""User configuration: where extra knowledge tables live, where the store is.

Read, in order (later wins for single values, lists add up):
1. `~/.config/tacitus/config.toml`
2. `./tacitus.toml` in the working directory
3. the file named by `TACITUS_CONFIG`
4. `TACITUS_KB`: extra table files or folders, separated by the OS path separator
5. options given on the command line (`--kb`)

```toml
[kb]
paths = ["my-tables/", "/data/wikidata-people.tsv"]   # relative to the config file
[store]
path = "tacitus-data"
```
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tacitus.errors import UsageError

__all__ = ["Config", "load_config"]


@dataclass(frozen=True)
class Config:
    kb_paths: tuple[str, ...] = ()
    store: str = "tacitus-data"

    def with_kb(self, paths: Iterable[str]) -> Config:
        return Config(self.kb_paths + tuple(str(p) for p in paths), self.store)


def load_config(*, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """The configuration from the files and environment described in the module docstring."""
    env = os.environ if env is None else env
    cwd = Path.cwd() if cwd is None else cwd
    files = [Path.home() / ".config" / "tacitus" / "config.toml", cwd / "tacitus.toml"]
    if env.get("TACITUS_CONFIG"):
        explicit = Path(env["TACITUS_CONFIG"])
        if not explicit.is_file():
            raise UsageError(f"TACITUS_CONFIG={explicit}: no such file")
        files.append(explicit)
    kb: list[str] = []
    store = "tacitus-data"
    for path in files:
        if not path.is_file():
            continue
        data = _read(path)
        paths = data.get("kb", {}).get("paths", [])
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise UsageError(f"{path}: [kb] paths must be a list of strings")
        kb.extend(str((path.parent / p).resolve()) for p in paths)
        store = str(data.get("store", {}).get("path", store))
    kb.extend(p for p in env.get("TACITUS_KB", "").split(os.pathsep) if p)
    return Config(tuple(kb), store)


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise UsageError(f"{path}: not valid TOML ({e})") from e
