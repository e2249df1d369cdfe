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


def _register_play(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO), help="scenario YAML file (default: window-2023)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one)")
    parser.add_argument("--difficulty", default=None, help="easy, normal or hard (default: the scenario's)")
    parser.add_argument("--load", default=None, metavar="SAVE", help="continue a saved game")
    parser.add_argument("--autoplay", type=int, default=None, metavar="TURNS", help="let a strategy play TURNS turns in the window")
    parser.add_argument("--strategy", default="balanced", help="the strategy --autoplay uses")
    parser.add_argument("--screenshot", default=None, metavar="DIR", help="save a PNG of each screen shown into DIR")


def run_play(args: argparse.Namespace) -> int:
    from game.cli.play import run_play as start

    return start(args)


def run_title(args: argparse.Namespace) -> int:
    from game.cli.play import run_title_screen

    return run_title_screen(args)


COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {
    "play": (_register_play, run_play),
    "validate": (_register_validate, run_validate),
}
HELP: dict[str, str] = {
    "play": "open the game window on a scenario (or --autoplay a strategy and --screenshot each screen)",
    "validate": "check scenario files and report every problem as file:line:column",
}
