"""C5/C6 goodwill and roots, given/when/then on a one-state world with explicit parameters."""

from pytest import approx
from worlds import make_scenario, make_state, make_world

from game.sim.receptivity import multiplier
from game.sim.rules import goodwill

LONG_GAME = {
    "strength": 1.0,
    "trust_per_goodwill": 0.5,
    "alignment_per_goodwill": 0.2,
    "dividend": 0.0,
    "roots": 0.01,
    "roots_cap": 40.0,
}


def test_goodwill_due_this_turn_matures_into_trust_and_durable_alignment():
    # Given 10 goodwill due on turn 1
    world = make_world(make_scenario(rules={"long_game": LONG_GAME}))
    country = world.state.countries["kazakhstan"]
    country.goodwill_due["1"] = 10.0
    receptive = multiplier(world, country, "us", "soft_power")
    # When goodwill matures
    goodwill.mature_goodwill(world)
    # Then it leaves the pipeline as trust (0.5 each) and US alignment (0.2 each, times receptivity)
    assert country.goodwill_due.get("1", 0.0) == 0
    assert country.values["us_trust"] == approx(5.0, abs=1e-3)
    assert country.alignment["us"] == approx(30 + 2.0 * receptive, abs=1e-3)


def test_goodwill_not_yet_due_waits():
    world = make_world(make_scenario(rules={"long_game": LONG_GAME}))
    country = world.state.countries["kazakhstan"]
    country.goodwill_due["3"] = 10.0
    goodwill.mature_goodwill(world)
    assert country.goodwill_due["3"] == 10.0
    assert country.values["us_trust"] == 0


def test_trust_takes_root_as_a_rising_us_floor_up_to_the_cap():
    world = make_world(make_scenario((make_state(us_trust=20.0),), {"long_game": LONG_GAME}))
    country = world.state.countries["kazakhstan"]
    goodwill.take_root(world)
    assert country.floors["us"] == approx(2.0 + 0.2, abs=1e-3)  # roots * trust, window off
    capped = make_world(make_scenario((make_state(us_trust=20.0),), {"long_game": {**LONG_GAME, "roots_cap": 2.0}}))
    goodwill.take_root(capped)
    assert capped.state.countries["kazakhstan"].floors["us"] == 2.0
