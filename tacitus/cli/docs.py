"""Write docs/cli.md from the commands' own --help (run: `make docs`).

A test checks the file is current, so the reference never drifts from the code.
"""

from __future__ import annotations

import click

from tacitus.cli.main import main

__all__ = ["cli_markdown"]


def cli_markdown() -> str:
    """The CLI reference as Markdown: every command with its help text."""
    lines = [
        "# Command line reference",
        "",
        "Generated from `--help` by `make docs`; do not edit by hand.",
        "",
    ]
    lines += _section(main, ["tacitus"])
    return "\n".join(lines).rstrip() + "\n"


def _section(
    command: click.Command, path: list[str], parent: click.Context | None = None
) -> list[str]:
    # make_context applies the command's context_settings (e.g. -h for help), as a real
    # invocation does; a bare click.Context would not.
    ctx = command.make_context(
        path[-1],
        [],
        parent=parent,
        resilient_parsing=True,
        terminal_width=88,
        max_content_width=88,
    )
    text = command.get_help(ctx)
    lines = [f"{'#' * min(len(path) + 1, 4)} `{' '.join(path)}`", "", "```text", text, "```", ""]
    if isinstance(command, click.Group):
        for name in sorted(command.list_commands(ctx)):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                lines += _section(sub, [*path, name], ctx)
    return lines


if __name__ == "__main__":
    print(cli_markdown(), end="")
