"""Authoring commands: schema, new-scenario, resolve, explain, migrate, docs, check-balance.

Each has `register_x(parser)` and `run_x(args) -> exit code` (0 ok, 1 the input is wrong,
2 usage). They are thin: the work is in game.content (schema, templates, resolve, explain,
migrate, docs) and game.batch.balance. Messages name the file and what to do next.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "scenarios"
SCHEMA_FILE = REPO / "schema" / "scenario.schema.json"
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _print_problems(path: str, problems: list[object]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{path}: fix these first (python main.py validate {path})", file=sys.stderr)


# --- schema -----------------------------------------------------------------------------------


def register_schema(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", default=None, metavar="FILE", help="write the schema to FILE instead of printing it")
    parser.add_argument(
        "--check", action="store_true", help=f"exit 1 if {SCHEMA_FILE.relative_to(REPO)} is not current"
    )


def run_schema(args: argparse.Namespace) -> int:
    """Print (or write) the JSON Schema generated from the scenario definitions."""
    from game.content.schema import schema_text

    text = schema_text()
    if args.check:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.is_file() else ""
        if current != text:
            return _fail(f"{SCHEMA_FILE}: out of date; run: python main.py schema --out {SCHEMA_FILE}")
        print(f"{SCHEMA_FILE}: current")
        return 0
    if args.out:
        from game.cli.outputs import file_problem

        if problem := file_problem(args.out):
            print(f"python main.py schema: error: {problem}", file=sys.stderr)
            return 2
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
        return 0
    sys.stdout.write(text)
    return 0


# --- new-scenario -------------------------------------------------------------------------------


def register_new_scenario(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="the new scenario's id and file name, e.g. my-variant")
    parser.add_argument(
        "--from",
        dest="parent",
        default=None,
        metavar="PARENT",
        help="build on this scenario (extends), e.g. window-2023; the new file goes beside it",
    )
    parser.add_argument(
        "--out", default=None, metavar="DIR", help="folder to write NAME.yaml into (default scenarios/)"
    )


def _find_parent(parent: str) -> Path | None:
    """A parent named as a path, or by name (with or without .yaml) in the scenarios folder."""
    for candidate in (Path(parent), SCENARIOS / parent, SCENARIOS / f"{parent}.yaml"):
        if candidate.is_file():
            return candidate
    return None


def _removable_event(scenario: Any) -> str:
    """An event whose removal breaks nothing (no question, condition or global waits on it), for the example."""
    from game.content.effects import SetGlobal

    asked = {r.after_event for r in scenario.reflections}
    waited = {need.event for e in scenario.events for need in _event_refs(e.condition)}
    for event in reversed(scenario.events):
        sets_global = any(isinstance(x, SetGlobal) for x in event.effects)
        if event.id not in asked | waited and not sets_global:
            return str(event.id)
    return "some_event"


def _event_refs(condition: Any) -> list[Any]:
    from game.content import conditions as cond

    return [item for _, item in cond.walk(condition) if isinstance(item, cond.EventFired)]


def run_new_scenario(args: argparse.Namespace) -> int:
    """Write a commented scenario that validates clean; never overwrite a file."""
    from game.content import templates
    from game.content.loader import check_scenario
    from game.content.structure import did_you_mean

    name = args.name.removesuffix(".yaml")
    if not _NAME.fullmatch(name):
        return _fail(f"'{args.name}' cannot be a scenario id: use lower-case letters, digits, '-' and '_'", 2)
    parent_path = None
    if args.parent is not None:
        parent_path = _find_parent(args.parent)
        if parent_path is None:
            known = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
            return _fail(
                f"no scenario '{args.parent}'{did_you_mean(args.parent, known)}; the scenarios are: {', '.join(known)}"
            )
    # A child goes beside its parent unless told otherwise: parents must be in the same scenarios folder.
    folder = Path(args.out) if args.out else (parent_path.parent if parent_path else SCENARIOS)
    target = folder / f"{name}.yaml"
    if target.exists():
        return _fail(f"{target} already exists; choose another name or delete it first (nothing was written)")
    schema = Path(os.path.relpath(SCHEMA_FILE, folder.resolve())).as_posix()
    shown = os.path.relpath(target) if not os.path.relpath(target).startswith("..") else str(target)
    if parent_path is None:
        text = templates.standalone(name, shown, schema)
    else:
        from game.content.inherit import _scenarios_root  # the rule the loader applies to parents

        root = _scenarios_root(target)
        shipped = parent_path.resolve().parent == SCENARIOS.resolve()
        if root not in parent_path.resolve().parents and not shipped:
            return _fail(
                f"{parent_path} is not inside {root}: a child must live in the same scenarios folder as its parent "
                "(nothing was written)"
            )
        parent, problems = check_scenario(parent_path)
        if parent is None:
            _print_problems(str(parent_path), problems)
            return 1
        examples = (parent.states[0].id, _removable_event(parent), "russia_strain")
        # A shipped parent is found by its file name from any folder (as the loader does), so a
        # teacher's own folder can hold the child without a path into the game's install.
        inside = root in parent_path.resolve().parents
        relative = (
            Path(os.path.relpath(parent_path.resolve(), folder.resolve())).as_posix() if inside else parent_path.name
        )
        text = templates.child(name, shown, schema, relative, parent.about.title, examples)
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    _, problems = check_scenario(target)
    for problem in problems:
        print(problem)
    print(f"wrote {target}" + ("" if problems else " (it validates clean)"))
    print(f"next: edit it, then python main.py validate {target}")
    return 1 if any(p.severity == "error" for p in problems) else 0


# --- resolve -------------------------------------------------------------------------------------


def register_resolve(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FILE", help="a scenario file (usually one that extends a parent)")
    parser.add_argument(
        "--format",
        choices=("yaml", "json"),
        default="yaml",
        help="yaml: the merged file with '# from FILE:LINE' on each value (default); json: data plus origins",
    )


def run_resolve(args: argparse.Namespace) -> int:
    """Print the merged scenario with the origin of every value."""
    from game.content.inherit import read_with_parents
    from game.content.loader import check_scenario
    from game.content.resolve import resolved_json, resolved_yaml

    document, problems = read_with_parents(args.path)
    if document is None:
        _print_problems(args.path, problems)
        return 1
    sys.stdout.write(resolved_json(document) if args.format == "json" else resolved_yaml(document))
    _, problems = check_scenario(args.path)
    errors = [p for p in problems if p.severity == "error"]
    if errors:  # the merge worked, so show it, but say it will not play
        _print_problems(args.path, errors)
        return 1
    return 0


# --- explain -------------------------------------------------------------------------------------


def register_explain(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FILE", help="a scenario file")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--event", metavar="ID", help="explain this event")
    what.add_argument("--action", metavar="ID", help="explain this action")
    what.add_argument("--rule", metavar="GROUP", help="explain this rule group, e.g. russia_strain")


def run_explain(args: argparse.Namespace) -> int:
    """Say in plain English what an event, action or rule group does."""
    from game.content import explain
    from game.content.loader import check_scenario
    from game.content.structure import did_you_mean

    scenario, problems = check_scenario(args.path)
    if scenario is None:
        _print_problems(args.path, problems)
        return 1
    if args.event is not None:
        kind, wanted, known = "event", args.event, [e.id for e in scenario.events]
    elif args.action is not None:
        kind, wanted, known = "action", args.action, [a.id for a in scenario.actions]
    else:
        kind, wanted, known = "rule group", args.rule, explain.rule_groups()
    if wanted not in known:
        return _fail(
            f"{args.path}: no {kind} '{wanted}'{did_you_mean(wanted, known)}; the {kind}s are: {', '.join(known)}"
        )
    if kind == "event":
        print(explain.explain_event(scenario.event(wanted), scenario))
    elif kind == "action":
        print(explain.explain_action(scenario.action(wanted), scenario))
    else:
        print(explain.explain_rule(wanted, scenario))
    return 0


# --- migrate -------------------------------------------------------------------------------------


def register_migrate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE", help="scenario files to upgrade in place")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if any file needs migrating")


def run_migrate(args: argparse.Namespace) -> int:
    """Upgrade each file to the current format_version in place, keeping its comments."""
    from game.content.migrate import MigrationError, migrate_file
    from game.content.scenario import FORMAT_VERSION

    status = 0
    for name in args.paths:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: no such file", file=sys.stderr)
            status = 1
            continue
        try:
            outcome = migrate_file(path, write=not args.check)
        except MigrationError as error:
            print(f"{name}: {error}", file=sys.stderr)
            status = 1
            continue
        if not outcome.changed:
            print(f"{name}: already at version {FORMAT_VERSION}")
            continue
        if args.check:
            print(f"{name}: needs migrating from version {outcome.before} to {outcome.after}")
            status = 1
            continue
        print(f"{name}: migrated from version {outcome.before} to {outcome.after}")
        for step in outcome.steps:
            print(f"  {step}")
    return status


# --- docs ------------------------------------------------------------------------------------------


def register_docs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="exit 1 if scenarios/README.md is not current")
    parser.add_argument("--out", default=None, metavar="FILE", help="write here instead of scenarios/README.md")


def run_docs(args: argparse.Namespace) -> int:
    """Write (or check) the format reference, scenarios/README.md."""
    from game.content.docs import README, readme_text

    text = readme_text()
    target = Path(args.out) if args.out else README
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            return _fail(f"{target}: out of date; run: python main.py docs")
        print(f"{target}: current")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


# --- check-balance --------------------------------------------------------------------------------


def register_check_balance(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FILE", help="a scenario file")
    parser.add_argument("--runs", type=int, default=50, help="paired seeds per strategy (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="base seed (default 1)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--difficulty", default=None, help="easy, normal or hard (default: the scenario's)")
    from game.cli.search_commands import add_search_options

    add_search_options(parser)


def run_check_balance(args: argparse.Namespace) -> int:
    """Play every standard strategy and report win rates, spreads and content play never reaches."""
    from game.batch.balance import check_balance, report_lines
    from game.content.loader import check_scenario

    if args.runs < 1 or args.jobs < 1:
        return _fail("python main.py check-balance: error: --runs and --jobs must be at least 1", 2)
    scenario, problems = check_scenario(args.path)
    if scenario is None:
        _print_problems(args.path, problems)
        return 1
    if args.difficulty and args.difficulty not in [d.id for d in scenario.difficulties]:
        known = ", ".join(d.id for d in scenario.difficulties)
        return _fail(
            f"python main.py check-balance: error: unknown difficulty '{args.difficulty}'; choose from {known}", 2
        )
    if args.search:
        from game.cli.search_commands import run_search_command

        return run_search_command(args, scenario)
    report = check_balance(args.path, args.runs, args.seed, args.jobs, difficulty=args.difficulty)
    print("\n".join(report_lines(report)))
    return 0
