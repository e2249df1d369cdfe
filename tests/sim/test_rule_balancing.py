"""C1 balancing, given/when/then on a one-state world with explicit parameters."""

from pytest import approx
from worlds import make_scenario, make_state, make_world

from game.sim.rules import balancing

RULES = {"balancing": {"strength": 1.0, "threshold": 0.5, "drift": 10.0}}


def test_a_state_pulls_back_from_a_dominant_power_toward_the_other_two():
    # Given Russia holds 60% of a state's alignment, above a 50% threshold
    world = make_world(
        make_scenario((make_state(alignment={"us": 20, "russia": 60, "china": 20}, multivector=0.5),), RULES)
    )
    # When balancing runs
    balancing.balance(world)
    # Then Russia loses strength*drift*multivector*(share-threshold)/(1-threshold) = 1.0, split between the others
    alignment = world.state.countries["kazakhstan"].alignment
    assert alignment == approx({"us": 20.5, "russia": 59.0, "china": 20.5}, abs=1e-3)
    assert {c.cause for c in world.ledger.entries} == {"rule:balancing"}


def test_no_pull_below_the_threshold_or_with_the_rule_off():
    balanced = make_world(make_scenario((make_state(alignment={"us": 30, "russia": 40, "china": 30}),), RULES))
    off = make_world(
        make_scenario(
            (make_state(alignment={"us": 20, "russia": 60, "china": 20}),),
            {"balancing": {**RULES["balancing"], "strength": 0.0}},
        )
    )
    for world in (balanced, off):
        balancing.balance(world)
        assert world.ledger.entries == []


def test_a_state_that_does_not_balance_keeps_its_leader():
    world = make_world(
        make_scenario((make_state(alignment={"us": 20, "russia": 60, "china": 20}, multivector=0.0),), RULES)
    )
    balancing.balance(world)
    assert world.state.countries["kazakhstan"].alignment["russia"] == 60
