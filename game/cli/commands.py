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


def _register_simulate(parser: argparse.ArgumentParser) -> None:
    from game.cli.batch_commands import register_simulate

    register_simulate(parser)


def run_simulate(args: argparse.Namespace) -> int:
    from game.cli.batch_commands import run_simulate as run

    return run(args)


def _register_bench(parser: argparse.ArgumentParser) -> None:
    from game.cli.batch_commands import register_bench

    register_bench(parser)


def run_bench(args: argparse.Namespace) -> int:
    from game.cli.batch_commands import run_bench as run

    return run(args)


def _register_rules(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO), help="show this scenario's parameter values")


def run_rules(args: argparse.Namespace) -> int:
    """List every rule with its claims, and every parameter with its value and meaning."""
    import attrs

    from game.sim.rules.catalogue import RULES

    scenario, problems = check_scenario(args.scenario)
    if scenario is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print("Rules, in the order a turn applies them, with the claims behind them:")
    for rule in RULES:
        print(f"  {rule.title} [{', '.join(rule.claims)}]: {rule.summary}")
    print()
    print(f"Parameters ({args.scenario}); set any with --set rules.GROUP.NAME=VALUE:")
    for group in attrs.fields(type(scenario.rules)):
        params = getattr(scenario.rules, group.name)
        print(f"  rules.{group.name} - {type(params).__doc__.strip().splitlines()[0]}")
        for field in attrs.fields(type(params)):
            print(f"    {field.name} = {getattr(params, field.name):g}  ({field.metadata['doc']})")
    return 0


def _register_experiment(parser: argparse.ArgumentParser) -> None:
    from game.cli.classroom_commands import register_experiment

    register_experiment(parser)


def run_experiment(args: argparse.Namespace) -> int:
    from game.cli.classroom_commands import run_experiment as run

    return run(args)


def _register_report(parser: argparse.ArgumentParser) -> None:
    from game.cli.classroom_commands import register_report

    register_report(parser)


def run_report(args: argparse.Namespace) -> int:
    from game.cli.classroom_commands import run_report as run

    return run(args)


def _register_compare(parser: argparse.ArgumentParser) -> None:
    from game.cli.classroom_commands import register_compare

    register_compare(parser)


def run_compare(args: argparse.Namespace) -> int:
    from game.cli.classroom_commands import run_compare as run

    return run(args)


COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {
    "play": (_register_play, run_play),
    "validate": (_register_validate, run_validate),
    "simulate": (_register_simulate, run_simulate),
    "bench": (_register_bench, run_bench),
    "rules": (_register_rules, run_rules),
    "experiment": (_register_experiment, run_experiment),
    "report": (_register_report, run_report),
    "compare": (_register_compare, run_compare),
}
HELP: dict[str, str] = {
    "play": "open the game window on a scenario (or --autoplay a strategy and --screenshot each screen)",
    "validate": "check scenario files and report every problem as file:line:column",
    "simulate": "play many campaigns headless and write runs.csv and turns.csv",
    "bench": "print speed figures: campaign time, batch throughput, load time",
    "rules": "list the rules with their claims, and every rule parameter",
    "experiment": "run the article's six thesis checks on a scenario (effects with 95%% intervals) and a sensitivity table",
    "report": "write a debrief pack (report.html, PNG charts and their CSV) from a save or a simulate folder",
    "compare": "line up teams' saves of one game: score per turn, decisions side by side, where they diverged and why",
}
