"""The docs say what the code does: generated CLI reference, components, tables, quick start."""

from __future__ import annotations

import re

from tacitus.cli.docs import cli_markdown
from tacitus.cli.main import main

from conftest import ROOT


def test_cli_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_markdown(), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_every_command_is_documented():
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"`tacitus {name}`" in reference


def test_every_component_is_documented():
    from tacitus.nlp.factories import COMPONENTS

    pipeline = (ROOT / "docs" / "pipeline.md").read_text(encoding="utf-8")
    for name in COMPONENTS:
        assert f"## {name}" in pipeline


def test_readme_quick_start_is_exactly_make_demo_and_make_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    assert readme.index("## Quick start") < readme.index("## Coding articles")


def test_output_contract_lists_every_record_field():
    import dataclasses

    from tacitus.records import Actor, Event, Quote

    contract = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    for record in (Actor, Event, Quote):
        for f in dataclasses.fields(record):
            assert f"`{f.name}`" in contract, f"{record.__name__}.{f.name} is not in docs/output.md"
