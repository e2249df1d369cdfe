"""C7 window, given/when/then: openings events announce, and a window the US leaves unused closes."""

from pytest import approx
from worlds import changes_by, make_scenario, make_state, make_world

from game.sim.receptivity import window_opening
from game.sim.rules import drift

STRAIN = {"strength": 1.0, "growth": 0.0, "ease": 0.0, "ease_after_war": 0.0, "drift_per_turn": 0.0}
WINDOW = {"strength": 1.0, "threshold": 30.0, "closes_unopposed": 3.0, "opening_fade": 8.0}
NEGLECT = {"min_engagement": 1.5}


def _world(**state):
    scenario = make_scenario(
        (make_state(**state),),
        {"russia_strain": STRAIN, "window": WINDOW, "china_wariness": {"strength": 1.0}, "neglect": NEGLECT},
        globals={"war_in_ukraine": True},
    )
    return make_world(scenario)


def test_where_the_us_stays_away_moscow_repairs_ties_and_the_window_narrows():
    # Given strain 50 and wariness 50: a window open by (50 - 30) / 100
    world = _world(russia_strain=50.0, china_wariness=50.0)
    country = world.state.countries["kazakhstan"]
    assert window_opening(world, country.values) == approx(0.20, abs=1e-3)
    # When a third quarter in a row passes with only 1 US point spent there (below the 1.5 that counts)
    country.values["neglect_turns"] = 2.0
    drift.russia_strain(world, {"kazakhstan": 1.0})
    # Then strain eases by closes_unopposed, under C7 as well as C3, and the window narrows
    assert country.values["russia_strain"] == approx(47.0, abs=1e-3)
    assert [c.claims for c in changes_by(world, "rule:window_closes")] == [("C3", "C7")]
    assert window_opening(world, country.values) < 0.20


def test_where_the_us_engages_or_was_there_lately_the_strain_holds():
    world = _world(russia_strain=50.0, china_wariness=50.0)
    country = world.state.countries["kazakhstan"]
    country.values["neglect_turns"] = 5.0
    drift.russia_strain(world, {"kazakhstan": 2.0})  # engaged this quarter
    country.values["neglect_turns"] = 1.0
    drift.russia_strain(world, {})  # away, but only since last quarter: a rotating US side is not punished
    assert country.values["russia_strain"] == approx(50.0, abs=1e-3)
    assert not changes_by(world, "rule:window_closes")


def test_with_the_window_switched_off_an_unused_window_does_not_close_faster():
    scenario = make_scenario(
        (make_state(russia_strain=50.0),),
        {"russia_strain": STRAIN, "window": {**WINDOW, "strength": 0.0}, "neglect": NEGLECT},
        globals={"war_in_ukraine": True},
    )
    world = make_world(scenario)
    world.state.countries["kazakhstan"].values["neglect_turns"] = 5.0
    drift.russia_strain(world, {})
    assert world.state.countries["kazakhstan"].values["russia_strain"] == approx(50.0, abs=1e-3)


def test_an_announced_opening_widens_the_window_and_passes_within_a_few_quarters():
    # Given no strain or wariness, but an opening of 20 an event announced
    world = _world(opening=20.0)
    country = world.state.countries["kazakhstan"]
    assert window_opening(world, country.values) == approx(0.20, abs=1e-3)
    # When turns pass, it fades by opening_fade a turn and stops at zero
    drift.openings_fade(world)
    assert country.values["opening"] == approx(12.0, abs=1e-3)
    drift.openings_fade(world)
    drift.openings_fade(world)
    assert country.values["opening"] == 0.0
    assert all(c.claims == ("C7",) for c in changes_by(world, "rule:openings_fade"))


def test_quarters_without_the_us_are_counted_even_with_the_cost_of_neglect_off():
    # The C7 window reads the count, so switching C19 off must not stop it (a switch leak otherwise)
    scenario = make_scenario((make_state(),), {"neglect": {"strength": 0.0, "min_engagement": 1.5}})
    world = make_world(scenario)
    drift.neglect(world, {})
    drift.neglect(world, {})
    assert world.state.countries["kazakhstan"].values["neglect_turns"] == 2.0
    assert not changes_by(world, "rule:neglect")
    drift.neglect(world, {"kazakhstan": 2.0})
    assert world.state.countries["kazakhstan"].values["neglect_turns"] == 0.0
