"""Helpers for the authoring tests: run a command through its register/run pair, copy scenarios."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from game.cli import authoring_commands

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
WINDOW = SCENARIOS / "window-2023.yaml"
MINIMAL = ROOT / "tests" / "content" / "good" / "minimal.yaml"
HERE = Path(__file__).parent

COMMANDS = {
    "schema": "schema",
    "new-scenario": "new_scenario",
    "resolve": "resolve",
    "explain": "explain",
    "migrate": "migrate",
    "docs": "docs",
    "check-balance": "check_balance",
}


def cli(*argv: str) -> int:
    """Parse and run one authoring command exactly as main.py would (through its own parser)."""
    parser = argparse.ArgumentParser(prog="python main.py")
    sub = parser.add_subparsers(dest="command")
    for name, function in COMMANDS.items():
        getattr(authoring_commands, f"register_{function}")(sub.add_parser(name))
    args = parser.parse_args(list(argv))
    return getattr(authoring_commands, f"run_{COMMANDS[args.command]}")(args)


@pytest.fixture
def scenarios_dir(tmp_path: Path) -> Path:
    """A scenarios folder holding a copy of window-2023, for children to extend."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(WINDOW, folder / WINDOW.name)
    return folder
