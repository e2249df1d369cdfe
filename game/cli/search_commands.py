"""`check-balance FILE --search N`: the options and the run (the work is in game.batch.degenerate).

Exit codes follow `game.cli`: 0 done, 1 the input is wrong (a broken scenario or recipe file),
2 usage. `--out DIR` writes balance.csv and balance.json beside the printed report.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import attrs

from game.ai.recipes import Recipe
from game.ai.rivals import RIVAL_MODES
from game.batch.csvfile import write_csv
from game.batch.degenerate import SearchOptions, SearchReport, report_lines, run_search
from game.batch.search import Settings
from game.batch.stats import Interval, mean
from game.cli.outputs import folder_problem
from game.content.loader import check_scenario
from game.content.overrides import OverrideError, parse_set_option
from game.content.scenario import Scenario

USAGE = "python main.py check-balance: error:"


def add_search_options(parser: argparse.ArgumentParser) -> None:
    """The --search flags, added to check-balance's own."""
    group = parser.add_argument_group("recipe search (--search N)")
    group.add_argument("--search", type=int, default=0, metavar="N", help="hill-climb a recipe for N steps")
    group.add_argument("--train", type=int, default=8, help="training seeds of the search (default 8)")
    group.add_argument("--held-out", type=int, default=30, help="seeds the results are reported on (default 30)")
    group.add_argument("--depth", type=int, default=3, help="turns each lookahead rollout plays (default 3)")
    group.add_argument(
        "--candidates",
        type=int,
        default=3,
        help="searched recipes the lookahead tries a turn, besides the best leaning on each state (default 3)",
    )
    group.add_argument("--rollouts", type=int, default=1, help="imagined futures per candidate (default 1)")
    group.add_argument("--choice-seeds", type=int, default=4, help="seeds for the event-choice check (default 4)")
    group.add_argument(
        "--horizon", type=int, default=8, help="turns each event answer is played on; 0 = to the end (default 8)"
    )
    group.add_argument("--rivals", choices=tuple(RIVAL_MODES), default="active", help="active (default) or passive")
    group.add_argument(
        "--recipe-from",
        metavar="FILE",
        help="also play a recipe from elsewhere: a balance.json written by --out, or a scenario to search first",
    )
    group.add_argument("--set", action="append", default=[], metavar="PATH=VALUE", help="override a parameter")
    group.add_argument("--out", metavar="DIR", help="write balance.csv and balance.json here")


def _usage(message: str) -> int:
    print(f"{USAGE} {message}", file=sys.stderr)
    return 2


def _options(args: argparse.Namespace) -> SearchOptions | str:
    counts = {"--search": args.search, "--train": args.train, "--held-out": args.held_out, "--depth": args.depth}
    counts |= {"--candidates": args.candidates, "--rollouts": args.rollouts, "--jobs": args.jobs}
    low = [name for name, value in counts.items() if value < 1]
    if low or args.choice_seeds < 0 or args.horizon < 0:
        return f"{', '.join(low) or '--choice-seeds and --horizon'} must be at least {1 if low else 0}"
    return SearchOptions(
        iterations=args.search,
        train=args.train,
        held_out=args.held_out,
        depth=args.depth,
        candidates=args.candidates,
        rollouts=args.rollouts,
        choice_seeds=args.choice_seeds,
        horizon=args.horizon or None,
        seed=args.seed,
        jobs=args.jobs,
    )


def _overrides(scenario: Scenario, options: list[str]) -> tuple[tuple[str, Any], ...]:
    pairs = []
    for option in options:
        path, values = parse_set_option(scenario, option)
        if len(values) != 1:
            raise OverrideError(f"'{option}': the search takes one value per parameter, not a sweep")
        pairs.append((path, values[0]))
    return tuple(pairs)


def _progress(text: str) -> None:
    """One line that rewrites itself on a terminal; nothing when output goes to a file."""
    if sys.stderr.isatty():
        print(f"\r{text[:100]:<100}", end="", file=sys.stderr, flush=True)


def _foreign_recipe(path: str, settings: Settings, options: SearchOptions) -> tuple[str, Recipe] | str:
    """The recipe to transfer: read from balance.json, or searched on another scenario with the same options."""
    file = Path(path)
    if file.suffix == ".json":
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            return str(data["scenario"]), Recipe.from_data(data["recipe"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            return f"{path}: not a balance.json written by check-balance --out ({error})"
    scenario, problems = check_scenario(path)
    if scenario is None:
        return f"{path}: the scenario has errors, first: {problems[0] if problems else 'unknown'}"
    elsewhere = attrs.evolve(settings, scenario_path=str(file.resolve()))
    found = run_search(elsewhere, attrs.evolve(options, held_out=1, choice_seeds=0, candidates=1), progress=_progress)
    return scenario.id, found.search.best


def _interval(name: str, value: Interval) -> dict[str, Any]:
    return {"measure": name, "estimate": value.estimate, "low": value.low, "high": value.high, "n": value.n}


def write_outputs(report: SearchReport, folder: Path) -> tuple[Path, Path]:
    """balance.csv (one row per measure, then per dominated choice) and balance.json (everything)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        _interval("recipe_minus_balanced", report.recipe_vs_balanced),
        _interval("lookahead_minus_recipe", report.lookahead_vs_recipe),
    ]
    if report.transfer is not None:
        rows.append(_interval(f"own_minus_recipe_from_{report.transfer.source}", report.transfer.own_minus_transferred))
    for label, scores in (("balanced", report.balanced), ("recipe", report.recipe), ("lookahead", report.lookahead)):
        rows.append({"measure": f"mean_{label}", "estimate": mean(scores), "n": len(scores)})
    for c in report.dominated:
        rows.append({"measure": f"dominated_choice:{c.event}:{c.choice}", "estimate": -c.mean_loss, "n": c.offered})
    csv_path = folder / "balance.csv"
    columns = ("measure", "estimate", "low", "high", "n")
    write_csv(csv_path, ({column: row.get(column, "") for column in columns} for row in rows))
    data = {
        "scenario": report.scenario,
        "difficulty": report.settings.difficulty,
        "rivals": report.settings.rivals,
        "overrides": dict(report.settings.overrides),
        "options": attrs.asdict(report.options),
        "recipe": report.search.best.to_data(),
        "training_mean": {"start": report.search.start_score, "best": report.search.best_score},
        "held_out_seeds": list(report.held_out_seeds),
        "scores": {"balanced": report.balanced, "recipe": report.recipe, "lookahead": report.lookahead},
        "measures": rows,
        "transfer": None
        if report.transfer is None
        else {
            "from": report.transfer.source,
            "recipe": report.transfer.recipe.to_data(),
            "scores": report.transfer.scores,
        },
        "event_choices": [
            {"event": c.event, "choice": c.choice, "offered": c.offered, "best": c.best, "mean_loss": c.mean_loss}
            for c in report.choices
        ],
        "seconds": report.seconds,
    }
    json_path = folder / "balance.json"
    json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return csv_path, json_path


def run_search_command(args: argparse.Namespace, scenario: Scenario) -> int:
    """check-balance --search: validate the flags, run, print, write."""
    options = _options(args)
    if isinstance(options, str):
        return _usage(options)
    try:
        overrides = _overrides(scenario, args.set)
    except OverrideError as error:
        return _usage(str(error))
    if args.out and (problem := folder_problem(args.out)):
        return _usage(problem)
    settings = Settings(str(Path(args.path).resolve()), args.difficulty, args.rivals, overrides)
    transfer = None
    if args.recipe_from:
        found = _foreign_recipe(args.recipe_from, settings, options)
        if isinstance(found, str):
            print(found, file=sys.stderr)
            return 1
        transfer = found
    report = run_search(settings, options, transfer_from=transfer, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print("\n".join(report_lines(report)))
    if args.out:
        csv_path, json_path = write_outputs(report, Path(args.out))
        print(f"wrote {csv_path} and {json_path}")
    return 0
