"""Income (C11, C16, C17), given/when/then on a one-state world with explicit parameters."""

from pytest import approx
from worlds import changes_by, make_scenario, make_state, make_world

from game.sim.rules import income
from game.sim.standing import regional_standing


def test_every_power_receives_its_budget_and_washington_banks_capital():
    world = make_world(make_scenario(rules={"pntr": {"capital_income": 3.0}}))
    income.collect_income(world)
    assert world.state.powers["us"].budget == approx({"soft_power": 4, "trade": 4, "diplomacy": 4})
    assert world.state.powers["china"].budget["trade"] == approx(4.0)  # normal difficulty: rival budget x1
    assert world.state.washington["political_capital"] == approx(10 + 3.0)


def test_standing_above_the_baseline_pays_the_us_diplomatic_leverage():
    scenario = make_scenario(
        (make_state(alignment={"us": 60, "russia": 20, "china": 20}),),
        {"leverage": {"strength": 1.0, "income_per_standing": 0.5, "baseline": 10.0}},
    )
    world = make_world(scenario)
    standing = regional_standing(world, "us")
    income.collect_income(world)
    (bonus,) = changes_by(world, "rule:leverage")
    assert bonus.delta == approx(0.5 * (standing - 10.0), abs=1e-3)


def test_rivals_catch_up_where_the_us_trails_them():
    scenario = make_scenario(
        (make_state(alignment={"us": 10, "russia": 50, "china": 50}),),
        {"multipolar": {"strength": 1.0, "catch_up": 0.1}},
    )
    world = make_world(scenario)
    income.collect_income(world)
    assert {c.target for c in changes_by(world, "rule:multipolar")} == {"russia", "china"}
    level = make_world(make_scenario(rules={"multipolar": {"strength": 1.0, "catch_up": 0.1}}))
    income.collect_income(level)
    assert changes_by(level, "rule:multipolar") == []
