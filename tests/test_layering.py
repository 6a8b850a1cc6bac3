"""Data flows one way: a module imports only from its own layer or lower ones."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tacitus"

# Lower numbers are lower layers (STYLE.md: ingest -> nlp -> store -> query -> web/export;
# run/ orchestrates, cli/ sits on top).
LAYERS = {
    "errors": 0,
    "records": 0,
    "resources": 1,
    "config": 1,
    "ontology": 2,
    "kb": 2,
    "ingest": 3,
    "nlp": 4,
    "store": 5,
    "query": 6,
    "export": 6,
    "run": 7,
    "eval": 8,
    "web": 9,
    "cli": 10,
}
# Layers that must never import spaCy, even lazily inside a function.
NO_SPACY = {
    "errors",
    "records",
    "resources",
    "config",
    "ontology",
    "kb",
    "ingest",
    "store",
    "query",
    "export",
    "web",
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts == ("__init__.py",):
            continue  # the public API sits above every layer
        yield rel, rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("rel,layer", list(_modules()), ids=lambda v: str(v))
def test_imports_point_down(rel, layer):
    assert layer in LAYERS, f"tacitus/{rel}: add its layer '{layer}' to LAYERS in this test"
    for line, module in _imports(PACKAGE / rel):
        parts = module.split(".")
        if parts[0] == "spacy" or parts[0] == "thinc":
            assert layer not in NO_SPACY, (
                f"tacitus/{rel}:{line} imports {module}: the {layer} layer never uses spaCy"
            )
        if parts[0] != "tacitus" or len(parts) < 2:
            continue
        target = parts[1]
        assert target in LAYERS, f"tacitus/{rel}:{line}: unknown layer {target}"
        assert LAYERS[target] <= LAYERS[layer], (
            f"tacitus/{rel}:{line} imports {module}: layer '{layer}' may not import the "
            f"higher layer '{target}'"
        )


def test_layer_table_knows_every_package():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert packages | modules <= set(LAYERS)
