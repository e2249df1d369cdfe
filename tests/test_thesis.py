"""The article's argument as checks on the simulation (claims.md, "The thesis, as checks").

The checks live in `game.batch.thesis` and are shared with `python main.py experiment
thesis`, so the test and the classroom command cannot drift apart. Each plays whole
campaigns through the engine on window-2023, 16 paired runs per arm: run i uses the seed
`run_seed(2023, i)` in every arm, so arms differ only in what the check varies.

Statistics: the effect is the mean of the 16 paired differences (arm a − arm b) with a
t-based 95% confidence interval (t with 15 degrees of freedom, 2.131); a prediction holds
when the whole interval lies on the predicted side: above 5 points for check 1, above or
below 0 for the others. The backlash part of check 2 compares the two means. Cohen's d is
reported beside each. The effects are many standard errors wide, so a false failure is
very unlikely; run with -s to print the intervals.
"""

from __future__ import annotations

import os

import pytest

from game.batch.thesis import ENGAGED, Arms, CheckResult, Comparison, run_thesis
from tests.conftest import WINDOW_2023

RUNS = 16


@pytest.fixture(scope="module")
def checks() -> dict[int, CheckResult]:
    arms = Arms(WINDOW_2023, RUNS, 2023, jobs=min(2, os.cpu_count() or 1))
    return {result.number: result for result in run_thesis(arms)}


def _comparison(result: CheckResult, label: str, measure: str = "") -> Comparison:
    found = [c for c in result.comparisons if c.label == label and measure in c.measure]
    assert len(found) == 1, f"no single comparison {label!r} {measure!r} in check {result.number}"
    print(f"{label}, {found[0].measure}: {found[0].effect} (d = {found[0].effect_size:.1f})")
    return found[0]


@pytest.mark.parametrize("engaged", ENGAGED)
def test_1_neglect_loses_to_every_engaged_strategy(checks, engaged):  # C19
    assert _comparison(checks[1], f"{engaged} − neglect").effect.low > 5


def test_2_balance_beats_overreach_through_balancing_and_backlash(checks):  # C1, C2
    assert _comparison(checks[2], "balanced − overreach", "score").effect.low > 0
    assert _comparison(checks[2], "overreach − balanced", "backlash").effect.estimate > 0  # more backlash


def test_3_patience_pays_soft_power_is_weak_early_and_strong_late(checks):  # C5, C6
    assert _comparison(checks[3], "soft-power − trade", "after 8 turns").effect.high < 0
    assert _comparison(checks[3], "soft-power − trade", "at the end").effect.low > 0


def test_4_early_effort_beats_the_same_effort_late(checks):  # C7
    assert _comparison(checks[4], "early − late").effect.low > 0


def test_5_the_corridor_lowers_russian_leverage_in_kazakhstan(checks):  # C9
    assert all(ok for _, ok in checks[5].conditions)  # built in every balanced run, never without funding
    assert _comparison(checks[5], "corridor built − not built", "Kazakhstan").effect.high < 0


@pytest.mark.parametrize(("rule", "power"), [("russia_strain", "Russia"), ("china_wariness", "China")])
def test_6_switching_a_claim_off_changes_the_world(checks, rule, power):  # C3, C4
    assert _comparison(checks[6], f"{rule} off − on", power).effect.low > 0


def test_every_check_reports_its_claims_sample_and_verdict(checks):
    assert sorted(checks) == [1, 2, 3, 4, 5, 6]
    for result in checks.values():
        assert result.claims and result.n == RUNS and result.held
        assert result.effect.n == RUNS
