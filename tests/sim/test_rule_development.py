"""C12/C13 development and shared threats, given/when/then with explicit parameters."""

from pytest import approx
from worlds import make_scenario, make_state, make_world

from game.sim.rules import development


def test_a_strong_economy_steadies_a_state_while_the_economy_drifts_down():
    rules = {"win_win": {"strength": 1.0, "economy_drift": 1.0, "stability_per_economy": 0.1}}
    world = make_world(make_scenario((make_state(economy=70.0, stability=50.0),), rules))
    development.develop(world)
    values = world.state.countries["kazakhstan"].values
    assert values["economy"] == approx(69.0)
    assert values["stability"] == approx(50 + 0.1 * 19, abs=1e-3)


def test_resilience_fades_and_stability_recovers_toward_60():
    rules = {"shared_threats": {"strength": 1.0, "resilience_decay": 2.0, "recovery": 0.5}}
    world = make_world(make_scenario((make_state(stability=40.0, resilience=20.0),), rules))
    development.develop(world)
    values = world.state.countries["kazakhstan"].values
    assert values["resilience"] == approx(18.0)
    assert values["stability"] == approx(50.0)


def test_with_both_rules_off_nothing_changes():
    world = make_world(make_scenario((make_state(economy=70.0, stability=40.0),)))
    development.develop(world)
    assert world.ledger.entries == []
