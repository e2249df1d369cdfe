"""C3, C4, C6 and C19 drifts, given/when/then on a one-state world with explicit parameters."""

from pytest import approx
from worlds import changes_by, make_scenario, make_state, make_world

from game.sim.rules import drift

STRAIN = {"strength": 1.0, "growth": 10.0, "ease": 1.0, "ease_after_war": 5.0, "drift_per_turn": 10.0}


def test_war_strains_ties_with_moscow_and_russian_alignment_slides():
    # Given a state at war-time strain 50 that balances at 0.5
    scenario = make_scenario(
        (make_state(russia_strain=50.0, multivector=0.5),), {"russia_strain": STRAIN}, globals={"war_in_ukraine": True}
    )
    world = make_world(scenario)
    # When the strain rule runs
    drift.russia_strain(world)
    # Then strain grows by growth*multivector - ease = 4, and Russia slides by drift_per_turn * 54/100
    country = world.state.countries["kazakhstan"]
    assert country.values["russia_strain"] == approx(54.0, abs=1e-3)
    assert country.alignment["russia"] == approx(30 - 5.4, abs=1e-3)


def test_after_the_war_strain_eases():
    scenario = make_scenario(
        (make_state(russia_strain=50.0),), {"russia_strain": STRAIN}, globals={"war_in_ukraine": False}
    )
    world = make_world(scenario)
    drift.russia_strain(world)
    assert world.state.countries["kazakhstan"].values["russia_strain"] == approx(45.0, abs=1e-3)


def test_chinese_weight_above_30_adds_wariness_which_also_fades():
    scenario = make_scenario(
        (make_state(alignment={"us": 20, "russia": 20, "china": 40}, china_wariness=10.0),),
        {"china_wariness": {"strength": 1.0, "from_weight": 0.2, "decay": 1.0}},
    )
    world = make_world(scenario)
    drift.china_wariness(world)
    # 0.2 * (40 - 30) - 1 = +1
    assert world.state.countries["kazakhstan"].values["china_wariness"] == approx(11.0, abs=1e-3)


def test_cash_bought_influence_fades_fast_and_takes_its_alignment_with_it():
    scenario = make_scenario(
        rules={"long_game": {"cash_decay": 0.5, "durable_decay": 0.0, "trust_decay": 0.0}},
    )
    world = make_world(scenario)
    country = world.state.countries["kazakhstan"]
    country.fragile["russia"] = 10.0
    drift.cash_fades(world)
    assert country.alignment["russia"] == approx(25.0, abs=1e-3)
    assert country.fragile["russia"] == approx(5.0, abs=1e-3)
    assert changes_by(world, "rule:cash_fades")


NEGLECT = {
    "strength": 1.0,
    "grace_turns": 1,
    "decay_per_turn": 0.1,
    "max_decay": 1.0,
    "fill_share": 0.5,
    "min_engagement": 1.0,
}


def test_neglect_waits_out_its_grace_then_the_us_decays_and_rivals_fill_the_gap():
    world = make_world(make_scenario(rules={"neglect": NEGLECT}))
    country = world.state.countries["kazakhstan"]
    # Given a first unengaged turn: within the grace, nothing but the count changes
    drift.neglect(world, {})
    assert country.alignment["us"] == 30
    # When a second unengaged turn passes
    drift.neglect(world, {})
    # Then the US loses 0.1 of its 28 points above its floor of 2, rivals pick up half of it by share
    assert country.alignment["us"] == approx(30 - 2.8, abs=1e-3)
    assert country.alignment["russia"] == approx(30 + 0.7, abs=1e-3)
    assert country.alignment["china"] == approx(30 + 0.7, abs=1e-3)


def test_engagement_resets_the_neglect_count():
    world = make_world(make_scenario(rules={"neglect": NEGLECT}))
    country = world.state.countries["kazakhstan"]
    drift.neglect(world, {})
    drift.neglect(world, {"kazakhstan": 1.0})
    assert country.values["neglect_turns"] == 0
    drift.neglect(world, {})
    assert country.alignment["us"] == 30
