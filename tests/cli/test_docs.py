"""Every command the CLI offers is documented in docs/cli.md (and nothing stale is)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import typer

from watchline.cli.main import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def command_paths(command: object, prefix: tuple[str, ...]) -> Iterator[str]:
    subcommands = getattr(command, "commands", None)
    if not subcommands:
        yield " ".join(prefix)
        return
    for name, sub in subcommands.items():
        yield from command_paths(sub, (*prefix, name))


def test_every_command_has_a_section_in_docs_cli_md() -> None:
    commands = set(command_paths(typer.main.get_command(app), ("watchline",)))
    documented = set(re.findall(r"^### `(watchline[^`]*)`", DOC.read_text(), re.MULTILINE))
    assert commands - documented == set(), "commands missing from docs/cli.md"
    assert documented - commands == set(), "docs/cli.md documents commands that do not exist"
