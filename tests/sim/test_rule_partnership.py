"""C14 partnership, given/when/then on a one-state world with explicit parameters."""

from worlds import make_scenario, make_state, make_world

from game.sim.rules import partnership

RULES = {"kazakhstan_leads": {"strength": 1.0, "partnership_share": 0.4, "partnership_trust": 20.0}}


def test_a_partnership_forms_once_us_share_and_trust_pass_their_thresholds():
    world = make_world(
        make_scenario((make_state(alignment={"us": 50, "russia": 25, "china": 25}, us_trust=30.0),), RULES)
    )
    partnership.check_partnership(world)
    country = world.state.countries["kazakhstan"]
    assert country.flags["partnership"]
    assert country.alignment["us"] == 52  # 2 x strength, once
    partnership.check_partnership(world)
    assert country.alignment["us"] == 52


def test_no_partnership_without_enough_trust():
    world = make_world(
        make_scenario((make_state(alignment={"us": 50, "russia": 25, "china": 25}, us_trust=10.0),), RULES)
    )
    partnership.check_partnership(world)
    assert not world.state.countries["kazakhstan"].flags["partnership"]
