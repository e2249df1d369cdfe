"""The subcommands: each has a `register(parser)` and a `run(args) -> exit code`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from game.content.library import DEFAULT_SCENARIO
from game.content.loader import check_scenario


def _register_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help="scenario YAML files to check")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one 'file:line:column: error[code]: message' line per problem (default); "
        "json: a list of problems for editors and scripts",
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")


def run_validate(args: argparse.Namespace) -> int:
    """Print every problem in every file; exit 1 if any file has errors (or warnings with --strict).

    A file is checked completely before the next, and a bug in the checker is reported as a
    problem of that file rather than a traceback, so an author always gets a usable answer.
    """
    import json

    from game.content.yamlread import Problem

    failed = False
    found: list[Problem] = []
    for path in args.paths:
        try:
            scenario, problems = check_scenario(path)
        except Exception as error:  # never show an author a traceback
            message = f"the checker failed unexpectedly ({type(error).__name__}: {error}); please report this"
            scenario, problems = None, [Problem(str(path), 0, 0, message, code="internal")]
        found += problems
        bad = scenario is None or any(p.severity == "error" or args.strict for p in problems)
        failed = failed or bad
        if args.format == "json":
            continue
        for problem in problems:
            print(problem)
        if not bad and scenario is not None:
            counts = [
                (len(scenario.states), "state"),
                (len(scenario.actions), "action"),
                (len(scenario.events), "event"),
            ]
            summary = ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)
            warnings = f"; {len(problems)} warning{'' if len(problems) == 1 else 's'}" if problems else ""
            print(f"{path}: ok ({summary}{warnings})")
    if args.format == "json":
        json.dump([p.as_dict() for p in found], sys.stdout, indent=2)
        print()
    return 1 if failed else 0


def _register_play(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO), help="scenario YAML file (default: window-2023)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one)")
    parser.add_argument("--difficulty", default=None, help="easy, normal or hard (default: the scenario's)")
    parser.add_argument("--load", default=None, metavar="SAVE", help="continue a saved game")
    parser.add_argument(
        "--autoplay", type=int, default=None, metavar="TURNS", help="let a strategy play TURNS turns in the window"
    )
    parser.add_argument("--strategy", default="balanced", help="the strategy --autoplay uses")
    parser.add_argument("--screenshot", default=None, metavar="DIR", help="save a PNG of each screen shown into DIR")


def run_play(args: argparse.Namespace) -> int:
    from game.cli.play import run_play as start

    return start(args)


def run_title(args: argparse.Namespace) -> int:
    from game.cli.play import run_title_screen

    return run_title_screen(args)


def _register_rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO), help="show this scenario's parameter values")


def run_rules(args: argparse.Namespace) -> int:
    """List every rule with its claims, and every parameter with its value and meaning."""
    import attrs

    from game.sim.phases import turn_order_lines

    scenario, problems = check_scenario(args.scenario)
    if scenario is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print("A turn's phases, in the order the engine runs them, with the rules and claims behind them:")
    for line in turn_order_lines():
        print(f"  {line}")
    print()
    print(f"Parameters ({args.scenario}); set any with --set rules.GROUP.NAME=VALUE:")
    for group in attrs.fields(type(scenario.rules)):
        params = getattr(scenario.rules, group.name)
        print(f"  rules.{group.name} - {type(params).__doc__.strip().splitlines()[0]}")
        for field in attrs.fields(type(params)):
            print(f"    {field.name} = {getattr(params, field.name):g}  ({field.metadata['doc']})")
    return 0


def _lazy(
    module: str, name: str
) -> tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]:
    """A command whose module is imported only when it is used, so `--help` and headless runs stay light."""

    def register(parser: argparse.ArgumentParser) -> None:
        getattr(importlib.import_module(module), f"register_{name}")(parser)

    def run(args: argparse.Namespace) -> int:
        return int(getattr(importlib.import_module(module), f"run_{name}")(args))

    return register, run


COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {
    "play": (_register_play, run_play),
    "validate": (_register_validate, run_validate),
    "simulate": _lazy("game.cli.batch_commands", "simulate"),
    "bench": _lazy("game.cli.batch_commands", "bench"),
    "rules": (_register_rules, run_rules),
    "experiment": _lazy("game.cli.classroom_commands", "experiment"),
    "report": _lazy("game.cli.classroom_commands", "report"),
    "compare": _lazy("game.cli.classroom_commands", "compare"),
    "schema": _lazy("game.cli.authoring_commands", "schema"),
    "new-scenario": _lazy("game.cli.authoring_commands", "new_scenario"),
    "resolve": _lazy("game.cli.authoring_commands", "resolve"),
    "explain": _lazy("game.cli.authoring_commands", "explain"),
    "migrate": _lazy("game.cli.authoring_commands", "migrate"),
    "docs": _lazy("game.cli.authoring_commands", "docs"),
    "check-balance": _lazy("game.cli.authoring_commands", "check_balance"),
}
HELP: dict[str, str] = {
    "play": "open the game window on a scenario (or --autoplay a strategy and --screenshot each screen)",
    "validate": "check scenario files and report every problem as file:line:column",
    "simulate": "play many campaigns headless and write runs.csv and turns.csv",
    "bench": "print speed figures: campaign time, batch throughput, load time",
    "rules": "list the rules with their claims, and every rule parameter",
    "experiment": "run the article's six thesis checks on a scenario (effects with 95% intervals); --model-card adds a sensitivity table",
    "report": "write a debrief pack (report.html, PNG charts and their CSV) from a save or a simulate folder",
    "compare": "line up teams' saves of one game: score per turn, decisions side by side, where they diverged and why",
    "schema": "print the JSON Schema of scenario files (draft-07), or write it with --out",
    "new-scenario": "write a commented new scenario (or, with --from, a child that extends one) that validates clean",
    "resolve": "print a scenario merged with its parents, each value marked with the file and line that set it",
    "explain": "say in plain English what an event, action or rule group does",
    "migrate": "upgrade scenario files from older format versions in place, keeping their comments",
    "docs": "write scenarios/README.md, the format reference, from the definitions (--check: is it current?)",
    "check-balance": "play every standard strategy on paired seeds: win rates, score spreads, content play never reaches",
}
