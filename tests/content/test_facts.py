"""Facts the scenarios must respect (../shared/facts/central-asia.md): treaty memberships,
resources, dates and the direction of events. Each test names the fact it holds the game to."""

from __future__ import annotations

from game.ai.doctrine import choose_rival_orders
from game.content.loader import load_scenario
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.sim.orders import Order
from tests.conftest import ROOT

EAEU_2023 = {"kazakhstan", "kyrgyzstan", "uzbekistan"}  # members, and Uzbekistan an observer since 2020 [WFB24]
CSTO = {"kazakhstan", "kyrgyzstan", "tajikistan"}  # Uzbekistan left in 2012; Turkmenistan is neutral [WFB24]


def _scenario(name: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / f"{name}.yaml")


def _russian_targets(sim: Simulation, action: str) -> set[str]:
    return {o.target for o in sim.legal_orders("russia") if o.action == action and o.target}


def _russia_played_by_hand(scenario: Scenario) -> Simulation:
    return Simulation(scenario, 3, humans=("us", "russia"), record_hashes=False, rival_chooser=choose_rival_orders)


def test_eurasian_union_pressure_only_reaches_members_and_observers(window_2023):
    sim = _russia_played_by_hand(window_2023)
    assert _russian_targets(sim, "eurasian_union_pressure") == EAEU_2023


def test_in_2015_uzbekistan_is_not_yet_an_eaeu_observer():
    sim = _russia_played_by_hand(_scenario("c5plus1-2015"))
    assert _russian_targets(sim, "eurasian_union_pressure") == {"kazakhstan", "kyrgyzstan"}
    while sim.turn < 21:  # observer status in 2020 (turn 21)
        sim.end_turn()
    assert _russian_targets(sim, "eurasian_union_pressure") == EAEU_2023


def test_csto_drills_raise_russia_only_in_csto_members(window_2023):
    sim = _russia_played_by_hand(window_2023)
    sim.queue(Order("russia", "csto_exercise", None))
    report = sim.end_turn()
    touched = {
        c.target
        for c in report.changes
        if c.cause == "action:russia:csto_exercise" and c.variable != "budget.diplomacy"
    }
    assert touched == CSTO


def test_russia_offers_no_cheap_energy_to_gas_exporting_turkmenistan(window_2023):
    sim = _russia_played_by_hand(window_2023)
    targets = _russian_targets(sim, "energy_discount")
    assert "turkmenistan" not in targets
    assert "kyrgyzstan" in targets


def test_protests_against_a_chinese_project_raise_wariness_of_china(window_2023):
    sim = Simulation(window_2023, 3, record_hashes=False, rival_chooser=choose_rival_orders)
    before = sim.state.countries["kyrgyzstan"].values["china_wariness"]
    sim.act("inject_event", {"event": "chinese_project_backlash", "state": "kyrgyzstan"})
    assert sim.state.countries["kyrgyzstan"].values["china_wariness"] > before


def test_the_2015_scenario_dates_the_war_from_2014_and_the_full_scale_invasion_from_2022():
    scenario = _scenario("c5plus1-2015")
    assert "no war in Ukraine" not in scenario.about.how_it_works
    assert "2014" in scenario.about.how_it_works
    invasion = scenario.event("russia_invades_ukraine")
    assert "full-scale" in invasion.title


def test_the_uzbek_opening_is_spread_over_2016_and_2017_not_one_quarter():
    scenario = _scenario("c5plus1-2015")
    sim = Simulation(scenario, 1, record_hashes=False, rival_chooser=choose_rival_orders)
    while sim.turn <= 9:
        sim.end_turn()
    assert sim.state.events_fired["uzbek_reforms"] == [5]  # Q4 2016: Mirziyoyev takes office
    assert sim.state.events_fired["uzbek_reforms_take_hold"] == [9]  # Q4 2017: a year of reforms
    assert "currency" not in scenario.event("uzbek_reforms").text
