"""The article's thesis as six checks over whole campaigns (claims.md, "The thesis, as checks").

Every check compares *arms*: an arm is a US strategy plus parameter overrides, played over
the same seeds (`run_seed(base_seed, i)`) as every other arm, so two arms differ only in
what the check varies. The statistics are those of `tests/test_thesis.py`, which calls this
module: the effect is the mean of the paired differences with a t-based 95% interval
(`paired_interval`), the effect size is Cohen's d over the two arms, and a prediction holds
when the whole interval lies on the side the claim predicts (beyond a margin for check 1).

Nothing here is a shortcut: each run is a full campaign through `Simulation.end_turn()`,
and only a handful of numbers per run travel back from the workers.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from game.ai.strategies import STANDARD_STRATEGIES
from game.batch.campaign import play_campaign
from game.batch.runner import run_seed
from game.batch.stats import Interval, cohens_d, mean, paired_interval
from game.content.loader import load_scenario
from game.content.overrides import apply_override
from game.content.scenario import Scenario
from game.content.vocabulary import POWERS
from game.sim.rules.projects import CORRIDOR

Overrides = tuple[tuple[str, Any], ...]
ArmKey = tuple[str, Overrides]  # (US strategy, parameter overrides)
Measures = dict[str, float]

DEFAULT_SEED = 2023  # the base seed the thesis tests have always used
LEVERAGE_STATE = "kazakhstan"  # check 5 reads Russia's floor here (C9: the corridor bypasses Russia)
EARLY_TURN = 8  # check 3 compares positions "after 8 turns" (claims.md)


# --- playing arms ----------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _scenario(path: str) -> Scenario:
    return load_scenario(path)


def measure(sim: Any) -> Measures:
    """The few numbers the checks and the sensitivity table read from one finished campaign."""
    state = sim.state
    history = state.score_history
    countries = state.countries
    leverage_state = LEVERAGE_STATE if LEVERAGE_STATE in countries else sim.world.lead_state
    measures = {
        "score": sim.score(),
        "position_early": history[min(EARLY_TURN, len(history)) - 1],
        "position_end": history[-1],
        "backlash": state.region["backlash"],
        "russia_floor_lead": countries[leverage_state].floors["russia"],
        "corridor_built": 1.0 if state.projects.get(CORRIDOR, 0.0) >= 100 else 0.0,
    }
    for power in POWERS:
        measures[f"alignment_{power}"] = mean([c.alignment[power] for c in countries.values()])
    return measures


def play_arm_runs(scenario_path: str, strategy: str, overrides: Overrides, seeds: Sequence[int]) -> list[Measures]:
    """Worker entry point (top level so any executor can pickle it): play and measure the runs."""
    scenario = _scenario(scenario_path)
    for path, value in overrides:
        scenario = apply_override(scenario, path, value)
    return [measure(play_campaign(scenario, seed, strategy)) for seed in seeds]


class Arms:
    """Plays arms over paired seeds on demand and keeps their measures, so checks can share arms.

    Pass an `executor` (any `concurrent.futures.Executor`) or `jobs` > 1 to play in parallel;
    the result is the same whatever runs it, because every run has its own seed.
    """

    def __init__(
        self,
        scenario_path: str | Path,
        runs: int,
        base_seed: int = DEFAULT_SEED,
        *,
        jobs: int = 1,
        executor: Executor | None = None,
        progress: Callable[[int], None] | None = None,
        chunk_size: int = 4,
    ) -> None:
        self.scenario_path = str(Path(scenario_path).resolve())
        self.runs = runs
        self.seeds = [run_seed(base_seed, index) for index in range(runs)]
        self.jobs = jobs
        self.executor = executor
        self.progress = progress
        self.chunk_size = chunk_size
        self._measures: dict[ArmKey, list[Measures]] = {}

    def missing_runs(self, keys: Iterable[ArmKey]) -> int:
        """How many campaigns `prefetch(keys)` would play (for a progress bar's total)."""
        return self.runs * len({k for k in keys if k not in self._measures})

    def prefetch(self, keys: Iterable[ArmKey]) -> None:
        """Play every arm not played yet, all in one go (in parallel when asked)."""
        todo = list(dict.fromkeys(k for k in keys if k not in self._measures))
        tasks = [
            (key, self.seeds[start : start + self.chunk_size])
            for key in todo
            for start in range(0, self.runs, self.chunk_size)
        ]
        results: dict[ArmKey, list[Measures]] = {key: [] for key in todo}
        if self.executor is None and self.jobs <= 1:
            for key, seeds in tasks:
                results[key].extend(play_arm_runs(self.scenario_path, key[0], key[1], seeds))
                self._tick(len(seeds))
        else:
            pool = self.executor or ProcessPoolExecutor(max_workers=self.jobs)
            try:
                futures = [
                    pool.submit(play_arm_runs, self.scenario_path, key[0], key[1], seeds) for key, seeds in tasks
                ]
                for future, (key, seeds) in zip(futures, tasks, strict=True):  # in submission order: deterministic
                    results[key].extend(future.result())
                    self._tick(len(seeds))
            finally:
                if self.executor is None:
                    pool.shutdown()
        self._measures.update(results)

    def values(self, strategy: str, what: str, overrides: Overrides = ()) -> list[float]:
        """One measure of every run of an arm, in seed order (played now if needed)."""
        key = (strategy, overrides)
        if key not in self._measures:
            self.prefetch([key])
        return [run[what] for run in self._measures[key]]

    def _tick(self, count: int) -> None:
        if self.progress:
            self.progress(count)


# --- results -----------------------------------------------------------------------------


@attrs.frozen
class Prediction:
    """What a claim predicts for a difference: its sign, a margin, and whether the whole CI must agree."""

    sign: int  # +1: the difference is positive; -1: negative
    margin: float = 0.0
    whole_interval: bool = True  # False: only the difference of means is compared

    def holds(self, effect: Interval) -> bool:
        if self.sign > 0:
            return (effect.low if self.whole_interval else effect.estimate) > self.margin
        return (effect.high if self.whole_interval else effect.estimate) < -self.margin

    def slack(self, effect: Interval) -> float:
        """How far the result is from failing (negative: it failed), in the measure's units."""
        if self.sign > 0:
            return (effect.low if self.whole_interval else effect.estimate) - self.margin
        return -self.margin - (effect.high if self.whole_interval else effect.estimate)

    def __str__(self) -> str:
        what = "95% CI" if self.whole_interval else "mean"
        return f"{what} {'above' if self.sign > 0 else 'below'} {self.sign * self.margin + 0.0:g}"  # + 0.0: no '-0'


@attrs.frozen
class Comparison:
    """One measured difference between two arms: a − b over paired seeds."""

    label: str  # "balanced − overreach"
    measure: str  # "campaign score"
    effect: Interval  # mean of the paired differences, with its 95% CI
    effect_size: float  # Cohen's d of the two arms
    prediction: Prediction

    @property
    def held(self) -> bool:
        return self.prediction.holds(self.effect)


@attrs.frozen
class CheckResult:
    """The outcome of one thesis check: its comparisons and whether the claim's prediction held."""

    number: int
    title: str
    claims: tuple[str, ...]
    n: int  # paired runs per arm
    comparisons: tuple[Comparison, ...]
    conditions: tuple[tuple[str, bool], ...] = ()  # what must be true of the arms for the check to mean anything

    @property
    def held(self) -> bool:
        return all(c.held for c in self.comparisons) and all(ok for _, ok in self.conditions)

    @property
    def headline(self) -> Comparison:
        """The comparison closest to failing: the one a sceptic should look at first."""
        return min(self.comparisons, key=lambda c: c.prediction.slack(c.effect))

    @property
    def effect(self) -> Interval:
        return self.headline.effect

    @property
    def effect_size(self) -> float:
        return self.headline.effect_size


def compare(
    arms: Arms, a: ArmKey, b: ArmKey, what: str, measure_name: str, prediction: Prediction, label: str
) -> Comparison:
    """Arm a minus arm b on one measure, over the same seeds."""
    values_a, values_b = arms.values(a[0], what, a[1]), arms.values(b[0], what, b[1])
    return Comparison(
        label, measure_name, paired_interval(values_a, values_b), cohens_d(values_a, values_b), prediction
    )


# --- the six checks ----------------------------------------------------------------------

ENGAGED = tuple(s for s in STANDARD_STRATEGIES if s != "neglect")
ABOVE_ZERO = Prediction(+1)
BELOW_ZERO = Prediction(-1)
SWITCHED_OFF = (("russia_strain", "russia"), ("china_wariness", "china"))


def _off(rule: str) -> Overrides:
    return ((f"rules.{rule}.strength", 0.0),)


def check_1_neglect_loses(arms: Arms) -> CheckResult:
    """C19: neglect scores clearly (over 5 points) below every engaged strategy."""
    comparisons = tuple(
        compare(arms, (s, ()), ("neglect", ()), "score", "campaign score", Prediction(+1, 5.0), f"{s} − neglect")
        for s in ENGAGED
    )
    return CheckResult(1, "Neglect loses", ("C19",), arms.runs, comparisons)


def check_2_balance_beats_overreach(arms: Arms) -> CheckResult:
    """C1, C2: balanced scores above overreach, and overreach provokes more backlash."""
    balanced, overreach = ("balanced", ()), ("overreach", ())
    return CheckResult(
        2,
        "Balance beats overreach",
        ("C1", "C2"),
        arms.runs,
        (
            compare(arms, balanced, overreach, "score", "campaign score", ABOVE_ZERO, "balanced − overreach"),
            compare(
                arms,
                overreach,
                balanced,
                "backlash",
                "regional backlash at the end",
                Prediction(+1, whole_interval=False),
                "overreach − balanced",
            ),
        ),
    )


def check_3_patience_pays(arms: Arms) -> CheckResult:
    """C5, C6: soft power alone trails trade after 8 turns and leads it at the end."""
    soft, trade = ("soft-power", ()), ("trade", ())
    return CheckResult(
        3,
        "Patience pays",
        ("C5", "C6"),
        arms.runs,
        (
            compare(
                arms,
                soft,
                trade,
                "position_early",
                f"US position after {EARLY_TURN} turns",
                BELOW_ZERO,
                "soft-power − trade",
            ),
            compare(arms, soft, trade, "position_end", "US position at the end", ABOVE_ZERO, "soft-power − trade"),
        ),
    )


def check_4_early_beats_late(arms: Arms) -> CheckResult:
    """C7: the same effort in the first half beats it in the second half."""
    comparison = compare(arms, ("early", ()), ("late", ()), "score", "campaign score", ABOVE_ZERO, "early − late")
    return CheckResult(4, "Early beats late", ("C7",), arms.runs, (comparison,))


def check_5_corridor_matters(arms: Arms) -> CheckResult:
    """C9: with the Trans-Caspian route built, Russia's floor in Kazakhstan ends lower."""
    built, not_built = ("balanced", ()), ("balanced-no-corridor", ())
    comparison = compare(
        arms,
        built,
        not_built,
        "russia_floor_lead",
        f"Russia's structural floor in {LEVERAGE_STATE.capitalize()}",
        BELOW_ZERO,
        "corridor built − not built",
    )
    conditions = (
        ("the corridor is built in every balanced run", all(arms.values(built[0], "corridor_built"))),
        ("the corridor is never built without funding", not any(arms.values(not_built[0], "corridor_built"))),
    )
    return CheckResult(5, "The corridor matters", ("C9",), arms.runs, (comparison,), conditions)


def check_6_removing_a_claim_changes_the_world(arms: Arms) -> CheckResult:
    """C3, C4: with Russia's strain off Russia ends stronger; with China's wariness off, China does."""
    comparisons = tuple(
        compare(
            arms,
            ("balanced", _off(rule)),
            ("balanced", ()),
            f"alignment_{power}",
            f"mean {power.capitalize()} alignment",
            ABOVE_ZERO,
            f"{rule} off − on",
        )
        for rule, power in SWITCHED_OFF
    )
    return CheckResult(6, "Removing a claim changes the world", ("C3", "C4"), arms.runs, comparisons)


@attrs.frozen
class ThesisCheck:
    """A check in the registry: the arms it plays (for prefetching) and how it judges them."""

    number: int
    arms: tuple[ArmKey, ...]
    evaluate: Callable[[Arms], CheckResult]


CHECKS: tuple[ThesisCheck, ...] = (
    ThesisCheck(1, (("neglect", ()), *((s, ()) for s in ENGAGED)), check_1_neglect_loses),
    ThesisCheck(2, (("balanced", ()), ("overreach", ())), check_2_balance_beats_overreach),
    ThesisCheck(3, (("soft-power", ()), ("trade", ())), check_3_patience_pays),
    ThesisCheck(4, (("early", ()), ("late", ())), check_4_early_beats_late),
    ThesisCheck(5, (("balanced", ()), ("balanced-no-corridor", ())), check_5_corridor_matters),
    ThesisCheck(
        6,
        (("balanced", ()), *(("balanced", _off(rule)) for rule, _ in SWITCHED_OFF)),
        check_6_removing_a_claim_changes_the_world,
    ),
)


def thesis_arms(checks: Sequence[ThesisCheck] = CHECKS) -> list[ArmKey]:
    """Every arm the checks need, once each."""
    return list(dict.fromkeys(key for check in checks for key in check.arms))


def run_thesis(arms: Arms, checks: Sequence[ThesisCheck] = CHECKS) -> list[CheckResult]:
    """Play what the checks need (in one parallel sweep) and evaluate each."""
    arms.prefetch(thesis_arms(checks))
    return [check.evaluate(arms) for check in checks]


def result_rows(results: Sequence[CheckResult]) -> list[dict[str, Any]]:
    """One CSV row per comparison (thesis.csv)."""
    rows = []
    for result in results:
        for comparison in result.comparisons:
            rows.append(
                {
                    "check": result.number,
                    "title": result.title,
                    "claims": " ".join(result.claims),
                    "comparison": comparison.label,
                    "measure": comparison.measure,
                    "n": result.n,
                    "effect": round(comparison.effect.estimate, 4),
                    "ci_low": round(comparison.effect.low, 4),
                    "ci_high": round(comparison.effect.high, 4),
                    "effect_size": round(comparison.effect_size, 3) if math.isfinite(comparison.effect_size) else "",
                    "prediction": str(comparison.prediction),
                    "comparison_held": comparison.held,
                    "check_held": result.held,
                }
            )
    return rows
