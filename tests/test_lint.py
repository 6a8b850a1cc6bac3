"""The code stays as STYLE.md asks: ruff lint and format, and mypy on the package."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (ROOT / ".venv/bin/ruff").exists(),
    reason="ruff is not installed (pip install -e '.[dev]')",
)
def test_ruff():
    lint = run("ruff", "check", "tacitus", "tests")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = run("ruff", "format", "--check", "tacitus", "tests")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_mypy():
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[dev]')")
    result = run("mypy", "tacitus")
    assert result.returncode == 0, result.stdout + result.stderr
