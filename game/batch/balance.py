"""Balance check: play every standard strategy over paired seeds and report what play reveals.

The validator finds what the file alone decides (an event with probability 0); this finds
what only play shows: win rates and score spreads per strategy, events that never fired,
actions nobody (no strategy, no AI) ever ordered, milestones, grades and victory never
reached, and a strategy that beats all others so often that players have no reason to vary.

Seeds come from `game.batch.runner.plan_runs`, so run i uses the same seed for every
strategy (paired comparisons). Each campaign is played with `play_campaign` here rather than
through `run_batch`, because the check needs what the batch rows leave out: the events fired
and the actions ordered.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from game.ai.strategies import STANDARD_STRATEGIES
from game.batch.campaign import play_campaign
from game.batch.runner import RunSpec, plan_runs
from game.batch.stats import Interval, mean_interval, variance
from game.content.loader import load_scenario
from game.content.scenario import Scenario

DOMINANCE = 0.9  # share of paired seeds on which a strategy must beat every other to be "dominant"
MILESTONES = {"partnership": "the Kazakhstan partnership", "corridor": "the Trans-Caspian route", "pntr": "PNTR"}


@attrs.frozen
class RunOutcome:
    """What one campaign showed: its score and outcome, and the content it used."""

    strategy: str
    seed: int
    score: float
    outcome: str
    grade: str
    events: frozenset[str]
    actions: frozenset[str]
    milestones: frozenset[str]
    us_ordered: frozenset[str] = frozenset()  # US actions the strategy ordered, changed anything or not
    projects_done: frozenset[str] = frozenset()  # projects at 100 when the campaign ended


@attrs.frozen
class StrategySummary:
    """One strategy over all seeds."""

    name: str
    runs: int
    win_rate: float
    loss_rate: float
    score: Interval
    spread: float  # standard deviation of the score
    low: float
    high: float


@attrs.frozen
class BalanceReport:
    """Everything `check-balance` prints."""

    scenario: str
    runs: int
    strategies: tuple[StrategySummary, ...]
    events_never_fired: tuple[str, ...]
    actions_never_used: tuple[str, ...]
    never_reached: tuple[str, ...]
    dominant: str | None
    warnings: tuple[str, ...]
    projects_never_completed: tuple[str, ...] = ()
    us_actions_never_chosen: tuple[str, ...] = ()
    actions_without_effect: tuple[str, ...] = ()  # ordered, yet the ledger shows no change from them


def play_outcome(scenario: Scenario, spec: RunSpec) -> RunOutcome:
    """Play one campaign and keep what the balance check needs."""
    sim = play_campaign(scenario, spec.seed, spec.strategy, spec.difficulty)
    actions = frozenset(change.cause.split(":", 2)[2] for change in sim.ledger if change.cause.startswith("action:"))
    parts = sim.score_breakdown()
    reached = frozenset(name for name in MILESTONES if getattr(parts, name) > 0)
    score = sim.score()
    return RunOutcome(
        spec.strategy,
        spec.seed,
        score,
        sim.state.outcome,
        sim.grade(),
        frozenset(e for e, turns in sim.state.events_fired.items() if turns),
        actions,
        reached,
        frozenset(order.action for record in sim.history for order in record.orders),
        frozenset(p for p, progress in sim.state.projects.items() if progress >= 100),
    )


@functools.lru_cache(maxsize=2)
def _scenario(path: str) -> Scenario:
    return load_scenario(path)


def _play_chunk(path: str, specs: Sequence[RunSpec]) -> list[RunOutcome]:
    """Worker entry point (top level so a process pool can pickle it)."""
    scenario = _scenario(path)
    return [play_outcome(scenario, spec) for spec in specs]


def play_all(
    path: str | Path,
    specs: Sequence[RunSpec],
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = 10,
) -> list[RunOutcome]:
    """Every spec played, in spec order whatever the number of jobs."""
    resolved = str(Path(path).resolve())
    chunks = [specs[i : i + chunk_size] for i in range(0, len(specs), chunk_size)]
    results: list[RunOutcome] = []
    if jobs <= 1:
        for chunk in chunks:
            results += _play_chunk(resolved, chunk)
            if progress:
                progress(len(chunk))
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for chunk, done in zip(chunks, [pool.submit(_play_chunk, resolved, c) for c in chunks], strict=True):
            results += done.result()
            if progress:
                progress(len(chunk))
    return results


def summarise(scenario: Scenario, outcomes: Sequence[RunOutcome], strategies: Sequence[str]) -> BalanceReport:
    """Turn the campaigns into the report: per-strategy figures, dead content, dominance."""
    by_strategy = {name: [o for o in outcomes if o.strategy == name] for name in strategies}
    summaries = []
    for name, runs in by_strategy.items():
        scores = [o.score for o in runs]
        summaries.append(
            StrategySummary(
                name,
                len(runs),
                sum(o.outcome == "victory" for o in runs) / len(runs),
                sum(o.outcome == "defeat" for o in runs) / len(runs),
                mean_interval(scores),
                variance(scores) ** 0.5,
                min(scores),
                max(scores),
            )
        )
    fired = set().union(*(o.events for o in outcomes))
    used = set().union(*(o.actions for o in outcomes))
    reached = set().union(*(o.milestones for o in outcomes))
    grades = {o.grade for o in outcomes}
    never: list[str] = []
    if not any(o.outcome == "victory" for o in outcomes):
        never.append(f"victory (victory_score {scenario.score.victory_score:g})")
    points = {
        "partnership": scenario.score.partnership_points,
        "corridor": scenario.score.corridor_points,
        "pntr": scenario.score.pntr_points,
    }
    never += [f"milestone: {MILESTONES[m]}" for m in MILESTONES if points[m] > 0 and m not in reached]
    never += [f"grade {g.name} (min_score {g.min_score:g})" for g in scenario.score.grades if g.name not in grades]
    dominant = _dominant(by_strategy)
    warnings = []
    if dominant is not None:
        warnings.append(
            f"'{dominant}' beats every other standard strategy on at least {DOMINANCE:.0%} of the same seeds: "
            "players who find it have no reason to try anything else"
        )
    return BalanceReport(
        scenario.id,
        len(next(iter(by_strategy.values()), [])),
        tuple(summaries),
        tuple(e.id for e in scenario.events if e.id not in fired),
        tuple(a.id for a in scenario.actions if a.id not in used),
        tuple(never),
        dominant,
        tuple(warnings),
        *unfinished_content(scenario, outcomes),
    )


def unfinished_content(
    scenario: Scenario, outcomes: Sequence[RunOutcome]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Projects no campaign completed, US actions no strategy chose, and actions ordered to no effect.

    An author's new action that is never chosen, or chosen and changes nothing, would
    otherwise leave the results exactly as before without a word.
    """
    done = set().union(*(o.projects_done for o in outcomes))
    chosen = set().union(*(o.us_ordered for o in outcomes))
    changed = set().union(*(o.actions for o in outcomes))
    us_actions = [a.id for a in scenario.actions if a.power == "us"]
    return (
        tuple(p.id for p in scenario.projects if p.id not in done),
        tuple(a for a in us_actions if a not in chosen),
        tuple(a for a in us_actions if a in chosen and a not in changed),
    )


def _dominant(by_strategy: dict[str, list[RunOutcome]]) -> str | None:
    """The strategy that beats every other on `DOMINANCE` of paired seeds, if there is one."""
    if len(by_strategy) < 2:
        return None
    for name, runs in by_strategy.items():
        mine = {o.seed: o.score for o in runs}
        beats_all = True
        for other, their_runs in by_strategy.items():
            if other == name:
                continue
            pairs = [(mine[o.seed], o.score) for o in their_runs if o.seed in mine]
            if not pairs or sum(a > b for a, b in pairs) < DOMINANCE * len(pairs):
                beats_all = False
                break
        if beats_all:
            return name
    return None


def check_balance(
    path: str | Path,
    runs: int,
    seed: int,
    jobs: int = 1,
    strategies: Sequence[str] = STANDARD_STRATEGIES,
    difficulty: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> BalanceReport:
    """Play `runs` paired seeds of every strategy on the scenario at `path` and report."""
    scenario = load_scenario(path)
    specs = plan_runs(list(strategies), runs, seed, difficulty=difficulty)
    return summarise(scenario, play_all(path, specs, jobs, progress), strategies)


def report_lines(report: BalanceReport) -> list[str]:
    """The report as the command prints it."""
    lines = [f"{report.scenario}: {report.runs} paired seeds per strategy", ""]
    lines.append(f"{'strategy':<14} {'win':>5} {'loss':>5}  {'score (95% CI)':<22} {'sd':>5} {'min':>6} {'max':>6}")
    for s in sorted(report.strategies, key=lambda s: -s.score.estimate):
        ci = f"{s.score.estimate:.1f} [{s.score.low:.1f}, {s.score.high:.1f}]"
        lines.append(
            f"{s.name:<14} {s.win_rate:>5.0%} {s.loss_rate:>5.0%}  {ci:<22} {s.spread:>5.1f} {s.low:>6.1f} {s.high:>6.1f}"
        )
    lines.append("")
    for title, items in (
        ("events that never fired", report.events_never_fired),
        ("actions no strategy or AI ever ordered", report.actions_never_used),
        ("projects never completed", report.projects_never_completed),
        ("US actions no standard strategy ever chose", report.us_actions_never_chosen),
        ("actions ordered that changed nothing", report.actions_without_effect),
        ("never reached", report.never_reached),
    ):
        lines.append(f"{title}: {', '.join(items) if items else 'none'}")
    lines += [f"warning: {w}" for w in report.warnings]
    return lines
