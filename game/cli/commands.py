"""The subcommands: each has a `register(parser)` and a `run(args) -> exit code`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from game.content.loader import check_scenario

DEFAULT_SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "window-2023.yaml"


def _register_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help="scenario YAML files to check")


def run_validate(args: argparse.Namespace) -> int:
    """Print every problem in every file as file:line:column; exit 1 if any has errors."""
    failed = False
    for path in args.paths:
        scenario, problems = check_scenario(path)
        for problem in problems:
            print(problem)
        errors = [p for p in problems if p.severity == "error"]
        failed = failed or bool(errors) or scenario is None
        if not errors and scenario is not None:
            print(f"{path}: ok ({len(scenario.states)} states, {len(scenario.actions)} actions, {len(scenario.events)} events)")
    return 1 if failed else 0


def run_title(args: argparse.Namespace) -> int:
    from game.cli.play import run_title_screen

    return run_title_screen(args)


COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {
    "validate": (_register_validate, run_validate),
}
HELP: dict[str, str] = {
    "validate": "check scenario files and report every problem as file:line:column",
}
