"""`simulate` and `bench`: headless campaigns from the command line."""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path

from game.ai.rivals import RIVAL_MODES
from game.ai.strategies import STRATEGIES
from game.batch.report import BatchFiles
from game.batch.runner import count_runs, iter_runs, plan_runs, run_batch
from game.cli.limits import CAMPAIGN_SECONDS, LARGE_BATCH, capped_jobs, describe_duration
from game.cli.outputs import folder_problem
from game.content.library import DEFAULT_SCENARIO
from game.content.loader import check_scenario
from game.content.overrides import OverrideError, parse_set_option


def register_simulate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO), help="scenario YAML file (default: window-2023)")
    parser.add_argument("--strategy", default="balanced", help=f"US strategy or a comma list ({', '.join(STRATEGIES)})")
    parser.add_argument(
        "--runs", type=int, default=100, help="campaigns per strategy and per swept value (default 100)"
    )
    parser.add_argument(
        "--seed", type=int, default=1, help="base seed: run i uses the same seed for every strategy (default 1)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1; use the number of cores)")
    parser.add_argument("--difficulty", default=None, help="easy, normal or hard (default: the scenario's)")
    parser.add_argument(
        "--rivals",
        choices=tuple(RIVAL_MODES),
        default="active",
        help="active: the rival powers play their doctrines (default); passive: they issue no orders",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help="override a parameter, e.g. rules.russia_strain.strength=0; a comma list sweeps (repeatable)",
    )
    parser.add_argument(
        "--out", default="out/simulate", help="folder for runs.csv and turns.csv (default out/simulate)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.add_argument(
        "--yes",
        action="store_true",
        help=f"run a batch of more than {LARGE_BATCH:,} campaigns (an estimate is printed first)",
    )


def _usage_error(message: str) -> int:
    print(f"python main.py simulate: error: {message}", file=sys.stderr)
    return 2


def run_simulate(args: argparse.Namespace) -> int:
    strategies = [s.strip() for s in args.strategy.split(",") if s.strip()]
    unknown = [s for s in strategies if s not in STRATEGIES]
    if unknown or not strategies:
        return _usage_error(f"unknown strategy {', '.join(unknown) or '(none)'}; choose from {', '.join(STRATEGIES)}")
    if args.runs < 1 or args.jobs < 1:
        return _usage_error("--runs and --jobs must be at least 1")
    scenario, problems = check_scenario(args.scenario)
    if scenario is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(
            f"{args.scenario}: the scenario has errors; fix them first (python main.py validate {args.scenario})",
            file=sys.stderr,
        )
        return 1
    if args.difficulty and args.difficulty not in [d.id for d in scenario.difficulties]:
        return _usage_error(
            f"unknown difficulty '{args.difficulty}'; choose from {', '.join(d.id for d in scenario.difficulties)}"
        )
    try:
        sweeps = [parse_set_option(scenario, option) for option in args.set]
    except OverrideError as error:
        return _usage_error(str(error))
    problem = folder_problem(args.out)
    if problem:
        return _usage_error(problem)
    jobs = capped_jobs(args.jobs)
    total = count_runs(strategies, args.runs, sweeps)
    if total > LARGE_BATCH:
        estimate = describe_duration(total * CAMPAIGN_SECONDS * scenario.turns / 40 / jobs)
        print(f"{total:,} campaigns with --jobs {jobs}: about {estimate}", file=sys.stderr)
        if not args.yes:
            return _usage_error(f"batches above {LARGE_BATCH:,} campaigns need --yes (this one: {total:,})")
    specs = iter_runs(strategies, args.runs, args.seed, sweeps, args.difficulty, args.rivals)
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=total, unit="run", file=sys.stderr)
    started = time.perf_counter()
    replaced = (Path(args.out) / "runs.csv").exists()  # a second run to the same folder: say so, not silently
    with BatchFiles(Path(args.out), tuple(path for path, _ in sweeps)) as files:
        run_batch(args.scenario, specs, jobs=jobs, progress=bar.update if bar else None, on_rows=files)
    if bar:
        bar.close()
    if not args.quiet:
        print(f"{total} campaigns of {scenario.about.title} in {time.perf_counter() - started:.1f} s")
        print("\n".join(files.summary.lines()))
        note = " (replacing the last run's files there: give --out another folder to keep both)" if replaced else ""
        print(f"wrote {files.runs_path} and {files.turns_path}{note}")
    return 0


def register_bench(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO), help="scenario YAML file (default: window-2023)")
    parser.add_argument("--campaigns", type=int, default=30, help="campaigns timed one by one (default 30)")
    parser.add_argument("--batch", type=int, default=1000, help="campaigns in the parallel batch (default 1000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the batch (default 2)")
    parser.add_argument(
        "--ui",
        action=argparse.BooleanOptionalAction,
        default=importlib.util.find_spec("pygame") is not None,
        help="also measure the game window under the dummy video driver (default: on when pygame is installed)",
    )


CAMPAIGN_TARGET_MS, CAMPAIGN_GOAL_MS = 8.0, 5.0  # issue 12: a 40-turn balanced campaign, median
BATCH_TARGET_S = 6.0  # issue 12: 1,000 balanced campaigns with --jobs 2
THESIS_TARGET_S = 30.0  # issue 12: `experiment thesis` at its defaults
CAMPAIGN_KINDS = (  # (US strategy, rivals, how bench names it)
    ("balanced", "active", "balanced vs both AIs"),
    ("neglect", "active", "neglect vs both AIs"),
    ("neglect", "passive", "nobody orders (the rules alone)"),
)


def _verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "MISSED"


def run_bench(args: argparse.Namespace) -> int:
    """Print speed figures with their targets beside them; nothing is asserted (machines differ)."""
    from game.batch.campaign import play_campaign
    from game.batch.sensitivity import MODEL_CARD_STRATEGIES
    from game.cli.classroom_commands import EXPERIMENT_RUNS, experiment_arms
    from game.content.loader import load_scenario

    load_times = []
    for _ in range(10):
        started = time.perf_counter()
        scenario = load_scenario(args.scenario)
        load_times.append((time.perf_counter() - started) * 1000)
    print(
        f"load + validate {Path(args.scenario).name}: median {statistics.median(load_times):.1f} ms (first {load_times[0]:.1f} ms)"
    )
    # Who acts: the balanced US against both AIs is the target; the US doing nothing, and then
    # nobody ordering at all (the rules alone: drift, goodwill, income, events), show what the
    # planners and the orders add on top of the turn's own bookkeeping.
    for strategy, rivals, who in CAMPAIGN_KINDS:
        times = []
        for seed in range(args.campaigns):
            started = time.perf_counter()
            play_campaign(scenario, seed, strategy, rivals=rivals)
            times.append((time.perf_counter() - started) * 1000)
        median = statistics.median(times)
        target = (
            f" (target ≤ {CAMPAIGN_TARGET_MS:g} ms: {_verdict(median, CAMPAIGN_TARGET_MS)}, goal {CAMPAIGN_GOAL_MS:g} ms)"
            if strategy == "balanced"
            else ""
        )
        print(
            f"{scenario.turns}-turn campaign, {who}: median {median:.1f} ms, "
            f"p95 {sorted(times)[int(0.95 * (len(times) - 1))]:.1f} ms over {len(times)}{target}"
        )
    specs = plan_runs(["balanced"], args.batch, 1)
    jobs = capped_jobs(args.jobs)
    started = time.perf_counter()
    run_batch(args.scenario, specs, jobs=jobs)
    elapsed = time.perf_counter() - started
    rate = args.batch / elapsed
    # The batch target is for 1,000 campaigns; another size is scaled to it.
    per_thousand = elapsed * 1000 / args.batch
    print(
        f"batch of {args.batch} campaigns with --jobs {args.jobs}: {elapsed:.1f} s ({rate:.0f} campaigns/s) "
        f"on {os.cpu_count()} cores (target 1,000 in ≤ {BATCH_TARGET_S:g} s with --jobs 2: "
        f"{_verdict(per_thousand, BATCH_TARGET_S)})"
    )
    campaigns = len(experiment_arms(scenario, MODEL_CARD_STRATEGIES, model_card=False)) * EXPERIMENT_RUNS
    estimate = campaigns / rate
    card = len(experiment_arms(scenario, MODEL_CARD_STRATEGIES)) * EXPERIMENT_RUNS
    print(
        f"experiment thesis at its defaults: {campaigns} campaigns, about {estimate:.0f} s at this batch's rate "
        f"(an estimate, not a run; target ≤ {THESIS_TARGET_S:g} s: {_verdict(estimate, THESIS_TARGET_S)}); "
        f"with --model-card about {card / rate:.0f} s"
    )
    if args.ui:
        try:
            from game.ui.bench import run_bench_ui
        except ImportError as error:  # pygame or pygame_gui missing
            print(f"window: skipped ({error})")
        else:
            print()
            for line in run_bench_ui():
                print(line)
    return 0
