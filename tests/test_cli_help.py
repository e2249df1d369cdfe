"""Every command's --help prints and exits 0 (argparse formats help lazily, so typos hide there)."""

from __future__ import annotations

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
