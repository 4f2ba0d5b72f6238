"""Every command documents itself with an example (docs as tests)."""

from __future__ import annotations

import pytest
from _support import REPO
from click.testing import CliRunner

from newstrace.cli import main


@pytest.mark.parametrize("command", sorted(main.commands))
def test_help_has_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`newstrace {command} --help` shows no example"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_documented(command):
    assert f"newstrace {command}" in (REPO / "docs" / "cli.md").read_text()


def test_module_entry_point():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "newstrace", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("newstrace, version")
