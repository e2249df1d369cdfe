"""Every command's --help prints and exits 0 (argparse formats help lazily, so typos hide there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.cli.commands import COMMANDS


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_prints_for_every_command(command, capsys):
    arguments = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as done:
        main(arguments)
    assert done.value.code == 0
    assert "usage: python main.py" in capsys.readouterr().out


def test_an_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as done:
        main(["simulte"])
    assert done.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_a_percent_sign_once_never_doubled(command, capsys):
    arguments = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit):
        main(arguments)
    out = " ".join(capsys.readouterr().out.split())
    assert "%%" not in out
    if command in (None, "experiment"):
        assert "95% intervals" in out


def test_the_readme_command_table_shows_that_experiments_take_a_scenario():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `python main.py experiment")]
    assert rows and "--scenario PATH" in rows[0]
