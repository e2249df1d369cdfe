"""A fourth power in the simulation: shares, standing and the rules that read every rival count it,
and the fourth-power test scenario plays 40 turns headless with Turkey's orders in the ledger."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pytest import approx
from worlds import make_scenario, make_state, make_world

from game.ai.doctrine import choose_rival_orders
from game.batch.campaign import play_campaign
from game.batch.runner import RunSpec, play_spec
from game.content import effects as e
from game.content.loader import load_scenario
from game.saves.files import load_game, save_game
from game.sim.effects import EffectContext, apply_effects
from game.sim.engine import Simulation
from game.sim.rules import balancing, drift
from game.sim.standing import share, state_standing
from game.sim.state import state_hash
from game.sim.summary import summary_line

FOURTH = Path(__file__).resolve().parents[2] / "tests" / "scenarios" / "fourth-power.yaml"
FOUR = {"us": 20.0, "russia": 30.0, "china": 30.0, "turkey": 20.0}


def _world(alignment: dict[str, float], rules: dict[str, dict[str, float]] | None = None):
    return make_world(make_scenario((make_state(alignment=alignment),), rules, added_powers=("turkey",)))


@pytest.fixture(scope="module")
def campaign():
    return play_campaign(load_scenario(FOURTH), 5, "balanced")


def test_a_share_is_of_all_four_powers_alignment():
    assert share(FOUR, "us") == approx(0.2)
    assert share({p: 0.0 for p in FOUR}, "turkey") == approx(0.25)  # an even share when nobody has any


def test_the_fourth_power_can_be_the_strongest_other_and_sets_the_us_tier():
    world = _world({"us": 30.0, "russia": 10.0, "china": 10.0, "turkey": 40.0})
    standing = state_standing(world.state.countries["kazakhstan"], "us", 0.40)
    assert standing.strongest_other == "turkey"
    assert standing.tier == "rival-led"
    assert world.state.countries["kazakhstan"].leader() == "turkey"


def test_balancing_shares_the_pull_among_all_three_others():
    # Given Russia holds 60% of a four-power state, above a 50% threshold
    world = _world(
        {"us": 10.0, "russia": 60.0, "china": 20.0, "turkey": 10.0},
        {"balancing": {"strength": 1.0, "threshold": 0.5, "drift": 10.0}},
    )
    # When balancing runs (the state's multi-vector strength is 0.5)
    balancing.balance(world)
    # Then Russia loses 1.0 and each of the three others gains a third of it
    alignment = world.state.countries["kazakhstan"].alignment
    third = 1.0 / 3
    assert alignment == approx({"us": 10 + third, "russia": 59.0, "china": 20 + third, "turkey": 10 + third}, abs=1e-3)


def test_neglect_lets_every_rival_fill_the_gap_by_its_share():
    neglect = {"strength": 1.0, "grace_turns": 1, "decay_per_turn": 0.1, "max_decay": 0.5, "fill_share": 0.5}
    world = _world({"us": 30.0, "russia": 30.0, "china": 20.0, "turkey": 10.0}, {"neglect": neglect})
    drift.neglect(world, {})
    drift.neglect(world, {})
    alignment = world.state.countries["kazakhstan"].alignment
    lost = 0.1 * (30 - 2)  # a tenth of the US points above its floor of 2
    assert alignment["us"] == approx(30 - lost, abs=1e-3)
    for rival, start in (("russia", 30.0), ("china", 20.0), ("turkey", 10.0)):
        assert alignment[rival] == approx(start + lost * 0.5 * start / 60, abs=1e-3)


def test_turkey_issues_orders_every_turn_and_they_are_in_the_ledger(campaign):
    assert len(campaign.reports) == 40
    per_turn = [sum(p.order.power == "turkey" for p in report.orders) for report in campaign.reports]
    assert all(count > 0 for count in per_turn)
    actions = Counter(p.order.action for r in campaign.reports for p in r.orders if p.order.power == "turkey")
    assert set(actions) == {"turkic_summit", "turkish_trade_fair", "turkish_scholarships"}
    causes = {c.cause for c in campaign.ledger if c.variable == "alignment.turkey"}
    assert {f"action:turkey:{action}" for action in actions} <= causes
    assert "rule:rival_upkeep" in causes  # a rival's ties need upkeep like Russia's and China's (C1)


def test_turkeys_orders_carry_reasons_in_its_own_name(campaign):
    reasons = [p.reason for r in campaign.reports for p in r.orders if p.order.power == "turkey"]
    assert reasons and all("Turkey" in reason for reason in reasons)


def test_the_turn_report_line_names_turkey_with_its_short_name(campaign):
    changes = campaign.reports[0].changes
    line = summary_line(changes, "turkmenistan", "turkey", campaign.scenario)
    assert line.startswith("Turkey ") and " in Turkmenistan" in line


def test_the_fourth_power_game_is_deterministic(campaign):
    again = play_campaign(load_scenario(FOURTH), 5, "balanced")
    assert state_hash(again.state) == state_hash(campaign.state)


def test_a_batch_row_has_a_column_for_turkey_in_every_state():
    scenario = load_scenario(FOURTH)
    row, turns = play_spec(scenario, RunSpec(run=0, seed=2, strategy="neglect"), scenario.id)
    for state in scenario.states:
        assert f"{state.id}_turkey" in row
    assert len(turns) == 40


def test_an_added_power_that_pushes_a_rival_to_its_floor_meets_backlash_too():
    # Given Turkey pushes the US, which stands only 4 points above its floor of 2 (C2)
    rules = {"third_vector": {"strength": 1.0, "backlash_margin": 0.0, "backlash_alignment": 6.0}}
    world = _world({"us": 6.0, "russia": 30.0, "china": 30.0, "turkey": 20.0}, rules)
    push = e.Influence(type="influence", amount=-5.0, power="us")
    # When the push would take the US below its floor
    apply_effects((push,), world, EffectContext("turkey", ("kazakhstan",), "action:turkey:pressure", ("C2",)))
    # Then Turkey loses alignment to the backlash, as Russia or China would
    assert world.state.countries["kazakhstan"].alignment["turkey"] == approx(14.0, abs=1e-3)
    assert "rule:backlash:action:turkey:pressure" in {c.cause for c in world.ledger.entries}


def test_a_four_power_game_saves_loads_and_plays_on_identically(tmp_path):
    scenario = load_scenario(FOURTH)
    sim = Simulation(scenario, 9, scenario_path=str(FOURTH), rival_chooser=choose_rival_orders)
    for _ in range(3):
        sim.end_turn()
    save_game(sim, tmp_path / "four.json")
    loaded = load_game(tmp_path / "four.json", rival_chooser=choose_rival_orders)
    assert loaded.state.countries["turkmenistan"].alignment == sim.state.countries["turkmenistan"].alignment
    for game in (sim, loaded):
        game.end_turn()
    assert state_hash(loaded.state) == state_hash(sim.state)
    assert any(p.order.power == "turkey" for p in loaded.reports[-1].orders)
