"""The public API: short, sorted, light to import, one error tree."""

from __future__ import annotations

import inspect
import subprocess
import sys

import tacitus
from tacitus import errors


def test_all_is_sorted_and_complete():
    assert list(tacitus.__all__) == sorted(tacitus.__all__)
    for name in tacitus.__all__:
        assert hasattr(tacitus, name), name


def test_import_and_help_do_not_load_spacy():
    code = (
        "import sys, tacitus\n"
        "from click.testing import CliRunner\n"
        "from tacitus.cli.main import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
        "heavy = [m for m in ('spacy', 'fastapi', 'dask', 'trafilatura') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_one_error_tree():
    classes = [
        obj
        for _, obj in inspect.getmembers(errors, inspect.isclass)
        if obj.__module__ == errors.__name__
    ]
    assert sorted(c.__name__ for c in classes) == sorted(errors.__all__)
    for cls in classes:
        assert issubclass(cls, (errors.TacitusError, errors.TacitusWarning)), cls
        assert cls.__name__ in errors.__doc__, f"{cls.__name__} missing from the tree drawing"


def test_input_errors_name_their_source():
    error = errors.EmptyInputError("no text to code", source="a.txt:3")
    assert str(error) == "a.txt:3: no text to code" and error.reason == "empty"
