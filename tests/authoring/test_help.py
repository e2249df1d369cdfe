"""Every authoring command's --help prints (argparse formats help lazily, so a stray % hides there)."""

from __future__ import annotations

import pytest

from tests.authoring.conftest import COMMANDS, cli


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_prints(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli(command, "--help")
    assert done.value.code == 0
    assert f"usage: python main.py {command}" in capsys.readouterr().out
