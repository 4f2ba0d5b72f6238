"""Every command documents itself with an example (docs as tests)."""

from __future__ import annotations

import click
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


def _numeric_options():
    for name, command in sorted(main.commands.items()):
        for param in command.params:
            if isinstance(param, click.Option) and isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType)):
                yield name, param


@pytest.mark.parametrize(("command", "param"), list(_numeric_options()), ids=lambda v: getattr(v, "name", v))
def test_every_numeric_option_has_a_range(command, param):
    # a negative --limit once meant "unlimited" without a word: every number a user gives is checked
    assert isinstance(param.type, (click.IntRange, click.FloatRange)), f"newstrace {command} {param.opts[0]} takes any number"
    assert param.type.min is not None, f"newstrace {command} {param.opts[0]} has no lower bound"


@pytest.mark.parametrize("args", [["search", "x", "--limit", "-1"], ["quotes", "--limit", "0"], ["timeline", "--limit", "-5"],
                                  ["stories", "--min-articles", "0"], ["batch", "x", "--workers", "-2"]])
def test_negative_or_zero_limits_are_errors(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "Invalid value" in result.output
