"""`experiment`, `report` and `compare`: the classroom's headless commands (thin wrappers).

Exit codes follow `game.cli`: 0 done, 1 the input is wrong (a broken scenario, a damaged
save), 2 a usage error, each with a one-line message. A thesis check that does not hold is
a finding, not an error: the command still exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from game.ai.strategies import STRATEGIES
from game.batch.sensitivity import MODEL_CARD_STRATEGIES
from game.cli.limits import capped_jobs
from game.cli.outputs import folder_problem
from game.content.library import DEFAULT_SCENARIO
from game.content.loader import check_scenario

EXPERIMENTS = ("thesis",)
EXPERIMENT_RUNS = 16  # paired runs per arm by default (bench estimates the experiment's time from it)
UNVERIFIED_MARK = "(unverified)"  # after a team's name wherever compare shows it: text, HTML, CSV


def _usage_error(command: str, message: str) -> int:
    print(f"python main.py {command}: error: {message}", file=sys.stderr)
    return 2


def _progress_bar(total: int, quiet: bool) -> Any:
    """A tqdm bar on a terminal only (never in pipes, logs or tests)."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="run", file=sys.stderr)


# --- experiment ---------------------------------------------------------------------------


def register_experiment(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", choices=EXPERIMENTS, help="the experiment to run (thesis: the article's six checks)")
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO), help="scenario YAML file (default: window-2023)")
    parser.add_argument(
        "--runs", type=int, default=EXPERIMENT_RUNS, help=f"paired runs per arm (default {EXPERIMENT_RUNS})"
    )
    parser.add_argument("--seed", type=int, default=2023, help="base seed: run i has the same seed in every arm")
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="worker processes (default: one per CPU core; the results are the same for any number)",
    )
    parser.add_argument(
        "--model-card",
        action="store_true",
        help="also measure the model card: how far each rule parameter moves the score (about ten times the campaigns)",
    )
    parser.add_argument(
        "--sensitivity-strategy",
        default=",".join(MODEL_CARD_STRATEGIES),
        metavar="LIST",
        help=f"strategies for the model card, a comma list (default {','.join(MODEL_CARD_STRATEGIES)})",
    )
    parser.add_argument(
        "--out",
        default=None,
        metavar="DIR",
        help="also write thesis.csv (and, with --model-card, sensitivity.csv) here",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def experiment_arms(scenario: Any, strategies: Any, model_card: bool = True) -> list[Any]:
    """Every arm `experiment thesis` plays (the thesis checks and the model card share the unchanged ones)."""
    from game.batch.sensitivity import default_probes, sensitivity_arms
    from game.batch.thesis import thesis_arms

    card = sensitivity_arms(default_probes(scenario), strategies) if model_card else []
    return list(dict.fromkeys([*thesis_arms(scenario), *card]))


def run_experiment(args: argparse.Namespace) -> int:
    from game.batch.sensitivity import default_probes, run_sensitivity
    from game.batch.thesis import Arms, result_rows, run_thesis

    if args.runs < 2:
        return _usage_error("experiment", "--runs must be at least 2 (a confidence interval needs two runs)")
    if args.jobs is None:  # every run has its own seed, so more workers change only the time taken
        args.jobs = os.cpu_count() or 1
    if args.jobs < 1:
        return _usage_error("experiment", "--jobs must be at least 1")
    strategies = [s.strip() for s in args.sensitivity_strategy.split(",") if s.strip()]
    unknown = [s for s in strategies if s not in STRATEGIES]
    if unknown or not strategies:
        return _usage_error(
            "experiment", f"unknown strategy {', '.join(unknown) or '(none)'}; choose from {', '.join(STRATEGIES)}"
        )
    scenario, problems = check_scenario(args.scenario)
    if scenario is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{args.scenario}: the scenario has errors; fix them first (python main.py validate)", file=sys.stderr)
        return 1
    if args.out and (problem := folder_problem(args.out)):
        return _usage_error("experiment", problem)
    probes = default_probes(scenario)
    started = time.perf_counter()
    arms = Arms(args.scenario, args.runs, args.seed, jobs=capped_jobs(args.jobs))
    keys = experiment_arms(arms.scenario, strategies, args.model_card)
    bar = _progress_bar(arms.missing_runs(keys), args.quiet)
    arms.progress = bar.update if bar else None
    arms.prefetch(keys)  # one parallel sweep for both parts; they share the unchanged arms
    if bar:
        bar.close()
    results = run_thesis(arms)
    print(f"Thesis checks on {scenario.about.title}: {args.runs} paired runs per arm, base seed {args.seed}")
    print("\n".join(CONTROL_ARM_PRIMER))
    if args.runs < FEW_RUNS:
        print(
            f"Only {args.runs} paired runs per arm: the 95% intervals are wide, so a check may fail for lack of "
            f"runs alone. Use --runs {EXPERIMENT_RUNS} (the default) or more before telling a class a claim failed."
        )
    print("\n".join(thesis_lines(results)))
    table = run_sensitivity(arms, probes, strategies) if args.model_card else None
    if table is not None:
        _print_model_card(table, strategies, args.runs)
    else:
        print("(add --model-card for how far each rule parameter moves the score: the model card)")
    print(f"({len(dict.fromkeys(keys)) * args.runs} campaigns in {time.perf_counter() - started:.1f} s)")
    if args.out:
        _write_experiment(Path(args.out), result_rows(results), table)
    return 0


def _write_experiment(out: Path, thesis_rows: list[Any], table: Any) -> None:
    from game.batch.report import write_csv
    from game.batch.sensitivity import sensitivity_rows

    write_csv(out / "thesis.csv", thesis_rows)
    if table is None:
        print(f"wrote {out / 'thesis.csv'}")
    else:
        write_csv(out / "sensitivity.csv", sensitivity_rows(table))
        print(f"wrote {out / 'thesis.csv'} and {out / 'sensitivity.csv'}")


def _print_model_card(table: Any, strategies: list[str], runs: int) -> None:
    from game.batch.sensitivity import card_rows, inert_claims

    print()
    print(
        f"Model card: how far each rule parameter moves the mean campaign score, for the strategy it moves most "
        f"of {', '.join(strategies)} ({runs} paired runs; a row of +0.00 means the parameter does not matter "
        "for any of them; sensitivity.csv has every strategy)"
    )
    print("\n".join(sensitivity_lines(card_rows(table))))
    for row in inert_claims(table):
        print(
            f"  FLAG: {row.probe.claim} ({row.probe.path}) moves no strategy's score: the claim carries no weight here"
        )


FEW_RUNS = 12  # below this many paired runs the printout warns that intervals are wide

CONTROL_ARM_PRIMER = (
    "How to read this: each check compares two ways of playing (a contrast) twice, over the same seeds:",
    "once in the model as written (claims on) and once with the check's claims switched off (the control",
    "arm). If the contrast is just as large with the claims off, something else in the model produces it,",
    "not the claim. So a check holds only when the contrast appears with the claims on AND the difference",
    "between the arms (claims on minus claims off, a difference-in-differences) has its whole 95% interval",
    "on the side the article predicts. Numbers are alignment points; 95% CI is the confidence interval.",
)
VERDICTS = {"held": "HELD", "failed": "DID NOT HOLD", "not-applicable": "NOT APPLICABLE"}


def _ci(interval: Any) -> str:
    return f"{interval.estimate:+.2f} (95% CI {interval.low:+.2f} to {interval.high:+.2f})"


def thesis_lines(results: list[Any]) -> list[str]:
    """Per check: its verdict; each contrast with the claims on, its control arm beside it and the
    difference between them; then what the control arm shows, for a class."""
    lines = []
    for result in results:
        verdict = VERDICTS[result.status]
        if result.inconclusive:
            verdict += " (inconclusive: every estimate points the way the article predicts, but an interval still crosses it; more --runs may settle it)"
        lines.append(f"{result.number}. {result.title} [{', '.join(result.claims)}]: {verdict}")
        if result.reason:
            lines.append(f"     {result.reason}")
            continue
        for m in result.contrasts:
            c = m.contrast
            side = "above" if c.sign > 0 else "below"
            margin = f" {c.sign * c.margin:+g}" if c.margin else " 0"
            lines.append(f"     {c.label}, {c.outcome}:")
            lines.append(
                f"       claims on: {_ci(m.effect_on)}   | control arm, {', '.join(m.off_claims)} off: "
                f"{_ci(m.effect_off)}   predicted {side}{margin}: {'yes' if m.on_holds else 'NO'}"
            )
            if c.controlled:
                verdict = "yes" if m.did_holds else "NO"
                lines.append(f"       on minus off: {_ci(m.did)}   the claims' own part, predicted {side} 0: {verdict}")
            else:
                lines.append(
                    f"       on minus off: {_ci(m.did)}   (shown only: this part is judged with the claims on)"
                )
        for condition, ok in result.conditions:
            lines.append(f"     {'yes' if ok else 'NO'}: {condition}")
        lines.append(f"     What the control arm shows: {result.control}")
    held = sum(r.status == "held" for r in results)
    applicable = sum(r.status != "not-applicable" for r in results)
    lines.append(f"{held} of {applicable} applicable checks held ({len(results) - applicable} not applicable).")
    return lines


def sensitivity_lines(rows: list[Any]) -> list[str]:
    """The sensitivity table, largest effect first."""
    width = max([len(r.probe.path) for r in rows] + [9])
    several = len({r.strategy for r in rows}) > 1
    width_strategy = max([len(r.strategy) for r in rows] + [8])
    header = f"  {'parameter':<{width}}  claim  {'default':>7}  {'low':>6}  {'Δ score [95% CI]':<24}  {'high':>6}  Δ score [95% CI]"
    lines = [(f"  {'strategy':<{width_strategy}}" if several else "") + header]
    for row in rows:
        probe, low, high = row.probe, row.at_low, row.at_high
        prefix = f"  {row.strategy:<{width_strategy}}" if several else ""
        lines.append(
            f"{prefix}  {probe.path:<{width}}  {probe.claim:<5}  {probe.default:>7g}  {probe.low:>6g}  "
            f"{f'{low.estimate:+.2f} [{low.low:+.2f}, {low.high:+.2f}]':<24}  {probe.high:>6g}  "
            f"{high.estimate:+.2f} [{high.low:+.2f}, {high.high:+.2f}]"
        )
    return lines


# --- report ---------------------------------------------------------------------------------


def register_report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SAVE_OR_RUN_DIR", help="a save file, or a folder written by simulate")
    parser.add_argument(
        "--out", default="out/report", metavar="DIR", help="folder for report.html (default out/report)"
    )


def run_report(args: argparse.Namespace) -> int:
    from game.report.batch_report import build_batch_report, is_batch_folder

    source = Path(args.source)
    if not source.exists():
        return _usage_error("report", f"no such file or folder: {source}")
    if problem := folder_problem(args.out):
        return _usage_error("report", problem)
    if source.is_dir():
        if not is_batch_folder(source):
            return _usage_error("report", f"{source} has no runs.csv and turns.csv (write them with simulate --out)")
        page = build_batch_report(source, Path(args.out))
    else:
        sim = _load_save(source)
        if sim is None:
            return 1
        from game.report.game_report import build_game_report
        from game.saves import save_label, verify_game

        print(f"{source}: {verify_game(sim, str(source)).text}")
        page = build_game_report(sim, Path(args.out), name=save_label(source.stem, sim.started))
    print(f"wrote {page} (open it in any browser; the charts' CSV files are beside it)")
    return 0


def _load_save(path: Path) -> Any:
    """A Simulation from a save file, or None after printing why not (a damaged save is exit 1)."""
    from game.saves import SaveError, load_game

    try:
        sim = load_game(path)
    except SaveError as error:
        print(str(error), file=sys.stderr)
        return None
    for warning in sim.load_warnings:  # e.g. the scenario changed since the save: say so, never silently
        print(f"{path}: warning: {warning}", file=sys.stderr)
    return sim


# --- compare --------------------------------------------------------------------------------


def register_compare(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("saves", nargs="+", metavar="SAVE", help="two or more saves of the same scenario and seed")
    parser.add_argument("--names", default=None, help="team names, a comma list in the order of the saves")
    parser.add_argument("--out", default=None, metavar="DIR", help="also write compare.html and its CSV files here")


LONGEST_TEAM_NAME = 24  # wider, and the per-turn table no longer fits a terminal beside a second team


def default_team_names(saves: Sequence[str]) -> tuple[list[str], list[str]]:
    """Each save's file name as its team, or for long names (autosaves run to 80 characters)
    'game 1', 'game 2'… with a legend line saying which file each one is."""
    stems = [Path(save).stem for save in saves]
    if all(len(stem) <= LONGEST_TEAM_NAME for stem in stems):
        return stems, []
    names = [f"game {index}" for index in range(1, len(saves) + 1)]
    return names, [f"{name} = {save}" for name, save in zip(names, saves, strict=True)]


def run_compare(args: argparse.Namespace, load: Callable[[Path], Any] | None = None) -> int:
    """`load` is for tests: it stands in for reading a save file."""
    from game.report.compare import build_compare_report, compare_games, compare_lines

    if len(args.saves) < 2:
        return _usage_error("compare", "give at least two saves to compare")
    names, legend = ([n.strip() for n in args.names.split(",")], []) if args.names else default_team_names(args.saves)
    if len(names) != len(args.saves):
        return _usage_error("compare", f"--names has {len(names)} names for {len(args.saves)} saves")
    if len(set(names)) != len(names):
        return _usage_error("compare", "team names must differ (use --names)")
    missing = [s for s in args.saves if load is None and not Path(s).is_file()]
    if missing:
        return _usage_error("compare", f"no such save file: {missing[0]}")
    if args.out and (problem := folder_problem(args.out)):
        return _usage_error("compare", problem)
    from game.saves import verify_game

    sims, verdicts = [], []
    for save in args.saves:
        sim = (load or _load_save)(Path(save))
        if sim is None:
            return 1
        sims.append(sim)
        verdicts.append(verify_game(sim, save))
    for save, verdict in zip(args.saves, verdicts, strict=True):
        print(f"{save}: {verdict.text}")
    marked = [name if v.verified else f"{name} {UNVERIFIED_MARK}" for name, v in zip(names, verdicts, strict=True)]
    notes = legend + [f"{name}: {v.text}" for name, v in zip(names, verdicts, strict=True) if not v.verified]
    data = compare_games(sims, marked, notes=notes)
    print("\n".join(compare_lines(data)))
    if args.out:
        page = build_compare_report(data, Path(args.out))
        print(f"wrote {page}")
    return 0
