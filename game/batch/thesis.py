"""The article's thesis as six controlled experiments over whole campaigns (claims.md, "The thesis").

Every check measures a *contrast*: arm a minus arm b (an arm is a US strategy plus parameter
overrides) on one outcome, paired over the same seeds (`run_seed(base_seed, i)`), so two arms
differ only in what the check varies. It measures the contrast twice: in the model as written
(claims on) and in a *control arm* with the check's claims switched off
(`rules.<group>.strength` = 0). Per seed, the difference-in-differences is the contrast with
the claims on minus the contrast with them off; its mean and t-based 95% interval say how much
of the contrast the claims themselves produce. A check holds only when the contrast appears
with the claims on *and* the whole interval of the difference-in-differences lies on the side
the claim predicts. A contrast that exists just as much with the claims off is produced by
something else (any spending beats none, the scoring formula), and the check fails.

No check reads a variable its own claims' rules write directly: the outcomes are US standing
(the score-weighted mean US alignment), the rivals' alignment, and Russia's alignment in the
lead state, never a floor, a backlash counter or a score bonus a rule adds.

Each run is a full campaign through `Simulation.end_turn()`; only a handful of numbers per run
travel back from the workers.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from game.ai.strategies import STANDARD_STRATEGIES, STRATEGIES
from game.batch.campaign import new_campaign, play_turn
from game.batch.runner import run_seed
from game.batch.stats import Interval, mean, mean_interval
from game.content.loader import load_scenario
from game.content.overrides import apply_override
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.sim.receptivity import structural_opening
from game.sim.rules.projects import CORRIDOR
from game.sim.standing import regional_standing

Overrides = tuple[tuple[str, Any], ...]
ArmKey = tuple[str, Overrides]  # (US strategy, parameter overrides)
Measures = dict[str, float]

DEFAULT_SEED = 2023  # the base seed the thesis tests have always used
LEVERAGE_STATE = "kazakhstan"  # check 5 reads Russia's alignment here (C9: the corridor bypasses Russia)
EARLY_TURN = 8  # check 3: soft power "looks weak after 8 turns" (claims.md)
LATE_TURN = 40  # check 3: ... "and strong after 40": a shorter scenario cannot show it

HELD, FAILED, NOT_APPLICABLE = "held", "failed", "not-applicable"


# --- playing arms ----------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _scenario(path: str) -> Scenario:
    return load_scenario(path)


def measure(sim: Simulation, early_standing: float, mean_standing: float) -> Measures:
    """The few numbers the checks and the sensitivity table read from one finished campaign."""
    state = sim.state
    world = sim.world
    countries = state.countries
    lead = LEVERAGE_STATE if LEVERAGE_STATE in countries else world.lead_state
    measures = {
        "score": sim.score(),
        "standing_us_early": early_standing,
        "standing_us_mean": mean_standing,
        "russia_alignment_lead": countries[lead].alignment["russia"],
        "corridor_built": 1.0 if state.projects.get(CORRIDOR, 0.0) >= 100 else 0.0,
        "turns_played": float(len(sim.reports)),
    }
    for power in world.powers.ids:
        measures[f"standing_{power}"] = regional_standing(world, power)
    return measures


def play_and_measure(scenario: Scenario, seed: int, strategy: str) -> Measures:
    """One campaign (as `play_campaign` plays it), noting US standing after `EARLY_TURN` and on average."""
    chosen = STRATEGIES[strategy]
    sim = new_campaign(scenario, seed)  # as `play_campaign` starts one: the rivals' doctrines play
    early = math.nan
    standings: list[float] = []
    while not sim.state.finished and len(sim.reports) < scenario.turns:
        play_turn(sim, chosen)
        standings.append(regional_standing(sim.world, "us"))
        if len(sim.reports) == EARLY_TURN:
            early = standings[-1]
    return measure(sim, early, mean(standings))


def play_arm_runs(
    scenario_path: str, strategy: str, overrides: Overrides, seeds: Sequence[int], base: Overrides = ()
) -> list[Measures]:
    """Worker entry point (top level so any executor can pickle it): play and measure the runs."""
    scenario = _scenario(scenario_path)
    for path, value in (*base, *overrides):
        scenario = apply_override(scenario, path, value)
    return [play_and_measure(scenario, seed, strategy) for seed in seeds]


class Arms:
    """Plays arms over paired seeds on demand and keeps their measures, so checks can share arms.

    Pass an `executor` (any `concurrent.futures.Executor`) or `jobs` > 1 to play in parallel;
    the result is the same whatever runs it, because every run has its own seed. `base`
    overrides apply to every arm (a teacher's variant of the scenario, or a test's).
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
        base: Overrides = (),
    ) -> None:
        self.scenario_path = str(Path(scenario_path).resolve())
        self.runs = runs
        self.seeds = [run_seed(base_seed, index) for index in range(runs)]
        self.jobs = jobs
        self.executor = executor
        self.progress = progress
        self.chunk_size = chunk_size
        self.base = base
        self._measures: dict[ArmKey, list[Measures]] = {}

    @property
    def scenario(self) -> Scenario:
        """The scenario every arm starts from (with the base overrides)."""
        scenario = _scenario(self.scenario_path)
        for path, value in self.base:
            scenario = apply_override(scenario, path, value)
        return scenario

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
                results[key].extend(play_arm_runs(self.scenario_path, key[0], key[1], seeds, self.base))
                self._tick(len(seeds))
        else:
            pool = self.executor or ProcessPoolExecutor(max_workers=self.jobs)
            try:
                futures = [
                    pool.submit(play_arm_runs, self.scenario_path, key[0], key[1], seeds, self.base)
                    for key, seeds in tasks
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


# --- what a check measures ---------------------------------------------------------------


def switched_off(claims: Sequence[str], scenario: Scenario) -> Overrides:
    """The overrides that switch claims off: every rule group whose strength cites one of them."""
    overrides = []
    for group in attrs.fields(type(scenario.rules)):
        strength = attrs.fields_dict(type(getattr(scenario.rules, group.name))).get("strength")
        if strength is not None and strength.metadata.get("claim") in claims:
            overrides.append((f"rules.{group.name}.strength", 0.0))
    return tuple(overrides)


@attrs.frozen
class Contrast:
    """Arm a minus arm b on one outcome. A side of several strategies is their per-seed mean."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    measure: str  # a key of `Measures`
    outcome: str  # what a reader is told it is: "US standing at the end"
    sign: int  # +1: a − b is predicted positive; −1: negative
    margin: float = 0.0  # the claims-on effect must clear this (check 1: "clearly lower")
    controlled: bool = True  # False: judged on the claims-on effect alone (the control arm is still shown)
    off: tuple[str, ...] | None = None  # the claims its control arm switches off (None: the check's)
    a_label: str = ""
    b_label: str = ""

    @property
    def label(self) -> str:
        return f"{self.a_label or self.a[0]} \u2212 {self.b_label or self.b[0]}"


@attrs.frozen
class Measured:
    """One contrast, measured with the claims on and off, and its difference-in-differences."""

    contrast: Contrast
    off_claims: tuple[str, ...]
    effect_on: Interval
    effect_off: Interval
    did: Interval

    @property
    def on_holds(self) -> bool:
        bound = self.effect_on.low if self.contrast.sign > 0 else -self.effect_on.high
        return bound > self.contrast.margin

    @property
    def did_holds(self) -> bool:
        return (self.did.low if self.contrast.sign > 0 else -self.did.high) > 0

    @property
    def held(self) -> bool:
        return self.on_holds and (self.did_holds or not self.contrast.controlled)

    @property
    def points_predicted_way(self) -> bool:
        """The estimates (not the interval bounds) lie where `held` needs them: a failure that
        more runs may settle rather than evidence against the claim."""
        sign = self.contrast.sign
        on = sign * self.effect_on.estimate > self.contrast.margin
        return on and (sign * self.did.estimate > 0 or not self.contrast.controlled)

    def slack(self) -> float:
        """How far from failing (negative: failed), in the outcome's units: the headline is the smallest."""
        sign = self.contrast.sign
        on = (self.effect_on.low if sign > 0 else -self.effect_on.high) - self.contrast.margin
        if not self.contrast.controlled:
            return on
        return min(on, self.did.low if sign > 0 else -self.did.high)


@attrs.frozen
class CheckResult:
    """The outcome of one thesis check: its measured contrasts, side conditions and status."""

    number: int
    title: str
    claims: tuple[str, ...]
    off_claims: tuple[str, ...]
    n: int  # paired runs per arm
    contrasts: tuple[Measured, ...]
    conditions: tuple[tuple[str, bool], ...] = ()  # what must be true of the arms for the check to mean anything
    control: str = ""  # what the control arm shows, in a teacher's words
    reason: str = ""  # why it is not applicable, when it is not

    @property
    def status(self) -> str:
        if self.reason:
            return NOT_APPLICABLE
        ok = all(m.held for m in self.contrasts) and all(ok for _, ok in self.conditions)
        return HELD if ok else FAILED

    @property
    def held(self) -> bool:
        return self.status == HELD

    @property
    def inconclusive(self) -> bool:
        """Failed, yet every estimate points the way the article predicts (the intervals are too wide)."""
        return (
            self.status == FAILED
            and all(ok for _, ok in self.conditions)
            and all(m.points_predicted_way for m in self.contrasts)
        )

    @property
    def headline(self) -> Measured | None:
        """The contrast closest to failing: the one a sceptic should look at first."""
        return min(self.contrasts, key=lambda m: m.slack()) if self.contrasts else None


@attrs.frozen
class ThesisCheck:
    """A check in the registry: its contrasts, the claims its control arm switches off, and more."""

    number: int
    title: str
    claims: tuple[str, ...]
    off: tuple[str, ...]
    contrasts: tuple[Contrast, ...]
    control: str
    min_turns: int = 0
    conditions: Callable[[Arms], tuple[tuple[str, bool], ...]] | None = None
    needs: Callable[[Scenario], str] | None = None  # '' when the scenario can run it, else why not
    condition_arms: Callable[[Scenario], list[ArmKey]] | None = None  # arms only the conditions read

    def off_claims(self, contrast: Contrast) -> tuple[str, ...]:
        return contrast.off if contrast.off is not None else self.off

    def reason(self, scenario: Scenario) -> str:
        if scenario.turns < self.min_turns:
            return f"not applicable (needs {self.min_turns} turns; this scenario has {scenario.turns})"
        return self.needs(scenario) if self.needs else ""

    def arms(self, scenario: Scenario) -> list[ArmKey]:
        """Every arm the check plays: each side's strategies with the claims on and off."""
        if self.reason(scenario):
            return []
        keys: list[ArmKey] = []
        for contrast in self.contrasts:
            off = switched_off(self.off_claims(contrast), scenario)
            for strategy in (*contrast.a, *contrast.b):
                keys.extend([(strategy, ()), (strategy, off)])
        if self.condition_arms:
            keys.extend(self.condition_arms(scenario))
        return list(dict.fromkeys(keys))

    def evaluate(self, arms: Arms) -> CheckResult:
        scenario = arms.scenario
        reason = self.reason(scenario)
        measured = () if reason else tuple(self._measure(arms, c, scenario) for c in self.contrasts)
        conditions = self.conditions(arms) if self.conditions and not reason else ()
        return CheckResult(
            self.number, self.title, self.claims, self.off, arms.runs, measured, conditions, self.control, reason
        )

    def _measure(self, arms: Arms, contrast: Contrast, scenario: Scenario) -> Measured:
        off_claims = self.off_claims(contrast)
        off = switched_off(off_claims, scenario)

        def side(strategies: tuple[str, ...], overrides: Overrides) -> list[float]:
            columns = [arms.values(s, contrast.measure, overrides) for s in strategies]
            return [mean(values) for values in zip(*columns, strict=True)]

        diff_on = [x - y for x, y in zip(side(contrast.a, ()), side(contrast.b, ()), strict=True)]
        diff_off = [x - y for x, y in zip(side(contrast.a, off), side(contrast.b, off), strict=True)]
        did = [x - y for x, y in zip(diff_on, diff_off, strict=True)]
        return Measured(contrast, off_claims, mean_interval(diff_on), mean_interval(diff_off), mean_interval(did))


# --- the six checks ----------------------------------------------------------------------

ENGAGED = tuple(s for s in STANDARD_STRATEGIES if s not in ("neglect", "random"))
US_END = "US standing at the end"


def _corridor_conditions(arms: Arms) -> tuple[tuple[str, bool], ...]:
    return (
        ("the corridor is built in every balanced run", all(arms.values("balanced", "corridor_built"))),
        ("the corridor is never built without funding", not any(arms.values("balanced-no-corridor", "corridor_built"))),
    )


def _corridor_needed(scenario: Scenario) -> str:
    has = any(p.id == CORRIDOR for p in scenario.projects)
    return "" if has else f"not applicable (the scenario has no {CORRIDOR} project)"


def _window_opens_early(scenario: Scenario) -> str:
    """Check 4 asks whether effort meets the window while it is open; a scenario whose window
    (strain with Russia and wariness of China, C7) stays shut through the first half cannot show it.

    Judged on one campaign with the rivals' doctrines and no US orders (the window's opening
    does not depend on US play until the US stays away), on the structural part of the window:
    passing openings announced by events are not the window the article describes.
    """
    sim = new_campaign(scenario, DEFAULT_SEED)
    neglect = STRATEGIES["neglect"]
    for _ in range(scenario.turns // 2):
        if any(structural_opening(sim.world, c.values) > 0 for c in sim.state.countries.values()):
            return ""
        play_turn(sim, neglect)
    return (
        "not applicable (the window is shut through the first half of this scenario: strain with "
        "Russia and wariness of China stay below the threshold, so early effort meets no open door)"
    )


RESTRAINED = (("C3", "russia"), ("C4", "china"))  # the rival each claim restrains


def _rival_arms(scenario: Scenario) -> list[ArmKey]:
    return [("balanced", ()), *(("balanced", switched_off((claim,), scenario)) for claim, _ in RESTRAINED)]


def _rival_gains_conditions(arms: Arms) -> tuple[tuple[str, bool], ...]:
    """C3 and C4 off leave that rival stronger once all three powers have played (balanced US play)."""
    scenario = arms.scenario
    found = []
    for claim, power in RESTRAINED:
        off = switched_off((claim,), scenario)
        values_off = arms.values("balanced", f"standing_{power}", off)
        values_on = arms.values("balanced", f"standing_{power}")
        gap = mean_interval([x - y for x, y in zip(values_off, values_on, strict=True)])
        found.append(
            (
                f"with {claim} off, {power.capitalize()} ends stronger: {gap.estimate:+.2f} "
                f"(95% CI {gap.low:+.2f} to {gap.high:+.2f})",
                gap.low > 0,
            )
        )
    return tuple(found)


CHECKS: tuple[ThesisCheck, ...] = (
    ThesisCheck(
        1,
        "Neglect loses",
        ("C19",),
        ("C19",),
        (Contrast(ENGAGED, ("neglect",), "standing_us", US_END, +1, margin=2.0, a_label="engaged (mean)"),),
        "With the cost of neglect (C19) off, what is left of the gap is simply what spending buys; "
        "the claim is shown only by the part of the gap that disappears.",
    ),
    ThesisCheck(
        2,
        "Balance beats overreach",
        ("C1", "C2"),
        ("C1", "C2"),
        (Contrast(("balanced",), ("overreach",), "standing_us", US_END, +1),),
        "With multi-vector balancing (C1) and the additional-partner rule (C2) off, pushing rivals "
        "out costs nothing by rule; the claims are shown by how much of balance's lead then vanishes.",
    ),
    ThesisCheck(
        3,
        "Patience pays",
        ("C5", "C6"),
        ("C6",),
        (
            Contrast(
                ("soft-power",),
                ("trade",),
                "standing_us_early",
                f"US standing after {EARLY_TURN} turns",
                -1,
                controlled=False,
            ),
            Contrast(("soft-power",), ("trade",), "standing_us", US_END, +1),
        ),
        "With the long game (C6) off, goodwill no longer matures into lasting ties; soft power's "
        "late lead should shrink if it comes from patience rather than from the strategy's spending.",
        min_turns=LATE_TURN,
    ),
    ThesisCheck(
        4,
        "Early beats late",
        ("C7",),
        ("C7",),
        (
            Contrast(("early",), ("late",), "standing_us", US_END, +1),
            Contrast(("early",), ("late",), "standing_us_mean", "US standing over the campaign", +1),
        ),
        "With the window (C7) off, early and late effort meet the same door; an early lead that "
        "survives is a matter of timing alone (more turns to accumulate), not of the window.",
        needs=_window_opens_early,
    ),
    ThesisCheck(
        5,
        "The corridor matters",
        ("C9",),
        ("C9",),
        (
            Contrast(
                ("balanced",),
                ("balanced-no-corridor",),
                "russia_alignment_lead",
                f"Russia's alignment in {LEVERAGE_STATE.capitalize()}",
                -1,
                a_label="corridor built",
                b_label="not built",
            ),
        ),
        "With the corridor's rule (C9) off, building the route changes nothing by rule; any drop in "
        "Russia's alignment left over comes from the money the strategy spent elsewhere.",
        conditions=_corridor_conditions,
        needs=_corridor_needed,
    ),
    ThesisCheck(
        6,
        "Removing a claim changes the world",
        ("C3", "C4"),
        ("C3", "C4"),
        tuple(
            Contrast(("balanced",), ("neglect",), "standing_us", f"{US_END} (control: {claim} off)", +1, off=(claim,))
            for claim in ("C3", "C4")
        ),
        "The contrast is what US engagement wins (balanced play minus neglect). With Russia's strain "
        "(C3) or wariness of China (C4) off, the opening the article describes should narrow, so "
        "engagement wins less; the rival that claim restrains should end stronger.",
        conditions=_rival_gains_conditions,
        condition_arms=_rival_arms,
    ),
)


def thesis_arms(scenario: Scenario, checks: Sequence[ThesisCheck] = CHECKS) -> list[ArmKey]:
    """Every arm the checks need on `scenario`, once each (none for a check it cannot run)."""
    return list(dict.fromkeys(key for check in checks for key in check.arms(scenario)))


def run_thesis(arms: Arms, checks: Sequence[ThesisCheck] = CHECKS) -> list[CheckResult]:
    """Play what the checks need (in one parallel sweep) and evaluate each."""
    arms.prefetch(thesis_arms(arms.scenario, checks))
    return [check.evaluate(arms) for check in checks]


CSV_COLUMNS = (
    "check",
    "name",
    "claims",
    "outcome",
    "effect_on",
    "on_low",
    "on_high",
    "effect_off",
    "off_low",
    "off_high",
    "did",
    "did_low",
    "did_high",
    "status",
)


def result_rows(results: Sequence[CheckResult]) -> list[dict[str, Any]]:
    """One CSV row per check (thesis.csv): its headline contrast, the one closest to failing."""
    rows = []
    for result in results:
        row: dict[str, Any] = dict.fromkeys(CSV_COLUMNS, "")
        row.update(check=result.number, name=result.title, claims=" ".join(result.claims), status=result.status)
        head = result.headline
        if head is None:
            row["outcome"] = result.reason
        else:
            row["outcome"] = f"{head.contrast.label}: {head.contrast.outcome}"
            for prefix, interval in (("on", head.effect_on), ("off", head.effect_off), ("did", head.did)):
                estimate = "did" if prefix == "did" else f"effect_{prefix}"
                row[estimate] = round(interval.estimate, 4)
                row[f"{prefix}_low"] = round(interval.low, 4)
                row[f"{prefix}_high"] = round(interval.high, 4)
        rows.append(row)
    return rows
