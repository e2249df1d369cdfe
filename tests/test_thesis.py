"""The article's argument as checks on the simulation (claims.md, "The thesis, as checks").

Each check plays whole campaigns through the engine on window-2023 with paired seeds (run i
uses the same seed in every arm) and asserts that the 95% confidence interval of the
difference in means lies on the side the claim predicts. With 16 runs per arm and effects
several standard deviations wide, a false failure is very unlikely; the intervals are
printed with -s for a class to read.
"""

from __future__ import annotations

import functools

import pytest

from game.batch.campaign import play_campaign
from game.batch.runner import run_seed
from game.batch.stats import Interval, mean, paired_interval
from tests.conftest import WINDOW_2023, tweak

RUNS = 16


@functools.cache
def _arm(strategy: str, **settings: float) -> tuple:
    from game.content.loader import load_scenario

    scenario = tweak(load_scenario(WINDOW_2023), **settings)
    return tuple(play_campaign(scenario, run_seed(2023, i), strategy) for i in range(RUNS))


def _cached_arm(strategy: str, settings: tuple = ()) -> tuple:
    return _arm(strategy, **dict(settings))


def _show(name: str, interval: Interval) -> None:
    print(f"{name}: {interval}")


def _mean_alignment(sim, power: str) -> float:
    return mean([c.alignment[power] for c in sim.state.countries.values()])


@pytest.mark.parametrize(
    "engaged", ["soft-power", "trade", "diplomacy", "balanced", "overreach", "early", "late", "random"]
)
def test_1_neglect_loses_to_every_engaged_strategy(engaged):  # C19
    difference = paired_interval([s.score() for s in _cached_arm(engaged)], [s.score() for s in _cached_arm("neglect")])
    _show(f"{engaged} - neglect", difference)
    assert difference.low > 5


def test_2_balance_beats_overreach_through_balancing_and_backlash():  # C1, C2
    balanced, overreach = _cached_arm("balanced"), _cached_arm("overreach")
    difference = paired_interval([s.score() for s in balanced], [s.score() for s in overreach])
    _show("balanced - overreach", difference)
    assert difference.low > 0
    assert mean([s.state.region["backlash"] for s in overreach]) > mean([s.state.region["backlash"] for s in balanced])


def test_3_patience_pays_soft_power_is_weak_early_and_strong_late():  # C5, C6
    soft, trade = _cached_arm("soft-power"), _cached_arm("trade")
    early = paired_interval([s.state.score_history[7] for s in soft], [s.state.score_history[7] for s in trade])
    late = paired_interval([s.state.score_history[-1] for s in soft], [s.state.score_history[-1] for s in trade])
    _show("soft - trade after 8 turns", early)
    _show("soft - trade after 40 turns", late)
    assert early.high < 0
    assert late.low > 0


def test_4_early_effort_beats_the_same_effort_late():  # C7
    difference = paired_interval([s.score() for s in _cached_arm("early")], [s.score() for s in _cached_arm("late")])
    _show("early - late", difference)
    assert difference.low > 0


def test_5_the_corridor_lowers_russian_leverage_in_kazakhstan():  # C9
    built, not_built = _cached_arm("balanced"), _cached_arm("balanced-no-corridor")
    assert all(s.state.projects["trans_caspian"] >= 100 for s in built)
    assert not any(s.state.projects["trans_caspian"] >= 100 for s in not_built)
    leverage = paired_interval(
        [s.state.countries["kazakhstan"].floors["russia"] for s in built],
        [s.state.countries["kazakhstan"].floors["russia"] for s in not_built],
    )
    _show("Russian floor in Kazakhstan, built - not built", leverage)
    assert leverage.high < 0


@pytest.mark.parametrize(("rule", "power"), [("russia_strain", "russia"), ("china_wariness", "china")])
def test_6_switching_a_claim_off_changes_the_world(rule, power):  # C3, C4
    base = _cached_arm("balanced")
    off = _cached_arm("balanced", ((f"rules.{rule}.strength", 0.0),))
    difference = paired_interval([_mean_alignment(s, power) for s in off], [_mean_alignment(s, power) for s in base])
    _show(f"{power} alignment with {rule} off - on", difference)
    assert difference.low > 0
