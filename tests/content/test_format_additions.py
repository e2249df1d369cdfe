"""Format additions an author asked for: number-valued globals, conditional choices, earlier answers."""

from __future__ import annotations

import shutil

import pytest

from game.ai.doctrine import choose_rival_orders
from game.content.loader import check_scenario
from game.sim import events as event_rules
from game.sim.conditions import holds
from game.sim.engine import Simulation
from game.sim.orders import Decision, IllegalOrder
from tests.conftest import WINDOW_2023

HEAD = "format_version: 1\nextends: window-2023.yaml\nid: child\n"
DROUGHT = """\
globals: {drought: 0}
events:
  - id: dry_year
    title: A dry year
    text: The rivers run low.
    claims: [C12]
    effects:
      - {type: global_number, name: drought, amount: 2, at_most: 3}
  - id: water_crisis
    condition: {type: global_number, name: drought, at_least: 2}
"""
CHOICES = """\
events:
  - id: russian_pressure
    choices:
      - id: stand_firm
        when: {type: alignment, power: us, at_least: 60}
      - id: back_off
  - id: border_clash
    condition: {type: choice_made, event: russian_pressure, choice: back_off}
"""


@pytest.fixture
def load(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(WINDOW_2023, folder / WINDOW_2023.name)

    def write(body: str):
        path = folder / "child.yaml"
        path.write_text(HEAD + body, encoding="utf-8")
        return check_scenario(path)

    return write


def test_a_number_valued_global_is_raised_by_effects_within_its_range_and_tested_by_conditions(load):
    scenario, problems = load(DROUGHT)
    assert [str(p) for p in problems if p.severity == "error"] == []
    sim = Simulation(scenario, 1, rival_chooser=choose_rival_orders)
    crisis = scenario.event("water_crisis").condition
    assert sim.state.globals["drought"] == 0.0
    assert not holds(crisis, sim.world)
    event_rules.fire(scenario.event("dry_year"), sim.world, None)
    assert sim.state.globals["drought"] == 2.0 and holds(crisis, sim.world)
    event_rules.fire(scenario.event("dry_year"), sim.world, None)
    assert sim.state.globals["drought"] == 3.0  # at_most holds it
    causes = [c.cause for c in sim.world.ledger.entries if c.variable == "globals.drought"]
    assert causes == ["event:dry_year", "event:dry_year"]


def test_a_global_number_naming_an_undeclared_global_is_an_error_with_its_line(load):
    _, problems = load("events:\n  - id: water_crisis\n    condition: {type: global_number, name: drougth}\n")
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.line, p.code) for p in errors] == [(6, "reference")]
    assert "unknown global condition 'drougth'" in errors[0].message


def test_a_choice_with_when_is_offered_only_while_it_holds(load):
    scenario, problems = load(CHOICES)
    assert [str(p) for p in problems if p.severity == "error"] == []
    sim = Simulation(scenario, 1, rival_chooser=choose_rival_orders)
    decision = Decision("russian_pressure", "kazakhstan", sim.turn)
    sim.pending.append(decision)
    assert [c.id for c in sim.choices_for(decision)] == ["back_off"]
    with pytest.raises(IllegalOrder, match="not on offer"):
        sim.decide(decision.key, "stand_firm")
    sim.world.shift_alignment(sim.state.countries["kazakhstan"], "us", 40, "test", ())
    assert [c.id for c in sim.choices_for(decision)] == ["stand_firm", "back_off"]


def test_a_condition_on_an_earlier_choice_holds_once_that_answer_is_given(load):
    scenario, _ = load(CHOICES)
    sim = Simulation(scenario, 1, rival_chooser=choose_rival_orders)
    condition = scenario.event("border_clash").condition
    assert not holds(condition, sim.world)
    decision = Decision("russian_pressure", "kazakhstan", sim.turn)
    sim.pending.append(decision)
    sim.decide(decision.key, "back_off")
    assert holds(condition, sim.world)


def test_the_default_choice_cannot_be_conditional(load):
    body = "events:\n  - id: russian_pressure\n    choices:\n      - id: back_off\n        when: {type: turn, at_least: 3}\n"
    _, problems = load(body)
    errors = [p for p in problems if p.severity == "error"]
    assert [p.code for p in errors] == ["scope"] and "default choice" in errors[0].message


def test_a_condition_on_a_choice_the_event_lacks_lists_its_choices(load):
    body = (
        "events:\n  - id: border_clash\n    condition: {type: choice_made, event: russian_pressure, choice: give_in}\n"
    )
    _, problems = load(body)
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and "unknown choice 'give_in'; valid choices: stand_firm, back_off" in errors[0].message


def test_a_child_adds_one_rival_response_by_id_without_restating_the_list(load):
    body = (
        "powers:\n  - id: china\n    doctrine:\n      responses:\n"
        "        - {id: answer_security, to_tag: security, action: surveillance_tech, weight: 1.1}\n"
        "        - {id: answer_pressure, weight: 2.0}\n"
    )
    scenario, problems = load(body)
    assert [str(p) for p in problems if p.severity == "error"] == []
    responses = scenario.power("china").doctrine.responses
    assert [(r.id, r.weight) for r in responses] == [
        ("answer_corridor", 1.4),
        ("answer_resources", 1.5),
        ("answer_pressure", 2.0),
        ("answer_security", 1.1),
    ]


def test_doctrine_entries_either_all_have_ids_or_none(load):
    body = (
        "powers:\n  - id: china\n    doctrine:\n      summary: x\n      priorities:\n"
        "        - {id: loans, action: infrastructure_loan, weight: 1}\n"
        "        - {action: trade_deal, weight: 1}\n"
    )
    _, problems = load(body)
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.line, p.code) for p in errors] == [(10, "missing-key")]
    assert "give every entry an id or none" in errors[0].message


SANCTIONS = """\
events:
  - id: sanctions_bite
    title: Sanctions bite
    text: Western sanctions cut Russia's trade.
    claims: [C3]
    condition: {type: turn, at_most: 1}
    once: true
    effects:
      - {type: income, power: russia, track: trade, amount: -1.5, turns: 2}
      - {type: income, power: china, track: diplomacy, amount: 1}
"""


def test_an_income_effect_lasts_its_turns_or_for_good_and_each_turn_is_in_the_ledger(load):
    scenario, problems = load(SANCTIONS)
    assert [str(p) for p in problems if p.severity == "error"] == []
    sim = Simulation(scenario, 3, rival_chooser=choose_rival_orders)  # the sim holds no AI of its own
    event_rules.fire(scenario.event("sanctions_bite"), sim.world, None)
    for _ in range(5):
        sim.end_turn()
    paid = [(c.turn, c.target, c.delta) for c in sim.world.ledger.entries if c.cause == "lasting:event:sanctions_bite"]
    assert [p for p in paid if p[1] == "russia"] == [(2, "russia", -1.5), (3, "russia", -1.5)]
    assert [p[0] for p in paid if p[1] == "china"] == [2, 3, 4, 5, 6]


def test_an_income_effect_needs_at_least_one_turn(load):
    _, problems = load(SANCTIONS.replace("turns: 2", "turns: 0"))
    errors = [p for p in problems if p.severity == "error"]
    assert [(p.line, p.code) for p in errors] == [(12, "range")]


def test_a_lasting_change_reads_as_its_cause_in_the_turn_report(load):
    from game.sim.explain import describe_cause

    scenario, _ = load(SANCTIONS)
    assert describe_cause("lasting:event:sanctions_bite", scenario) == "Sanctions bite (still paying)"


OWN = """\
state_variables: {water_stress: 10}
state_flags: {dam_dispute: false}
states:
  - id: uzbekistan
    own: {water_stress: 60, dam_dispute: true}
events:
  - id: water_crisis
    condition: {type: all, of: [{type: variable, variable: water_stress, at_least: 50}, {type: flag, flag: dam_dispute}]}
    effects:
      - {type: adjust, variable: water_stress, amount: 5}
      - {type: flag, flag: dam_dispute, value: false}
"""


def test_a_scenario_declares_its_own_state_variables_and_flags(load):
    scenario, problems = load(OWN)
    assert [str(p) for p in problems if p.severity == "error"] == []
    sim = Simulation(scenario, 1, rival_chooser=choose_rival_orders)
    uzbekistan, kazakhstan = sim.state.countries["uzbekistan"], sim.state.countries["kazakhstan"]
    assert (uzbekistan.values["water_stress"], kazakhstan.values["water_stress"]) == (60.0, 10.0)
    condition = scenario.event("water_crisis").condition
    assert holds(condition, sim.world, uzbekistan) and not holds(condition, sim.world, kazakhstan)
    event_rules.fire(scenario.event("water_crisis"), sim.world, "uzbekistan")
    assert uzbekistan.values["water_stress"] == 65.0 and not holds(condition, sim.world, uzbekistan)


def test_an_undeclared_state_variable_says_where_to_declare_it(load):
    _, problems = load(OWN.replace("variable: water_stress, at_least", "variable: water_stres, at_least"))
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and "did you mean 'water_stress'" in errors[0].message


def test_own_values_must_fit_their_kind(load):
    _, problems = load(OWN.replace("{water_stress: 60, dam_dispute: true}", "{water_stress: true, dam_dispute: 3}"))
    messages = sorted(p.message for p in problems if p.severity == "error")
    assert any("'dam_dispute' is a state flag" in m for m in messages)
    assert any("'water_stress' is a state variable" in m for m in messages)


def test_a_new_name_cannot_reuse_a_built_in_one(load):
    _, problems = load("state_variables: {stability: 5}\n")
    assert [p.code for p in problems if p.severity == "error"] == ["duplicate-id"]


TRAITS = """\
events:
  - id: ashgabat_opens
    title: Ashgabat opens up
    text: Turkmenistan eases its neutrality.
    claims: [C1]
    effects:
      - {type: trait, trait: openness, amount: 0.2, states: [turkmenistan]}
      - {type: trait, trait: multivector, amount: -2, states: [turkmenistan]}
"""


def test_a_trait_effect_changes_openness_and_multivector_strength_that_the_rules_read(load):
    from game.sim.receptivity import multiplier

    scenario, problems = load(TRAITS)
    assert [str(p) for p in problems if p.severity == "error"] == []
    sim = Simulation(scenario, 1, rival_chooser=choose_rival_orders)
    turkmenistan = sim.state.countries["turkmenistan"]
    start = scenario.state("turkmenistan").openness
    before = multiplier(sim.world, turkmenistan, "us", "trade")
    event_rules.fire(scenario.event("ashgabat_opens"), sim.world, None)
    assert turkmenistan.values["openness"] == pytest.approx(start + 0.2)
    assert turkmenistan.values["multivector"] == 0.0  # kept within 0-1
    assert multiplier(sim.world, turkmenistan, "us", "trade") > before
    assert "openness" not in sim.state.countries["kazakhstan"].values  # other states keep their definition


def test_pntr_by_state_pays_each_eligible_state_its_weighted_part(load):
    from game.sim.score import score_breakdown

    scenario, problems = load("score: {pntr_points: 6, pntr_by_state: true}\n")
    assert [str(p) for p in problems if p.severity == "error"] == []
    sim = Simulation(scenario, 1, rival_chooser=choose_rival_orders)
    eligible = [s for s in scenario.states if s.flags.pntr_eligible]
    assert score_breakdown(sim.world).pntr == 0.0
    sim.world.set_flag(sim.state.countries[eligible[0].id], "pntr", True, "test", ())
    share = eligible[0].score_weight / sum(s.score_weight for s in eligible)
    assert score_breakdown(sim.world).pntr == pytest.approx(6 * share)


def test_any_project_can_earn_points_while_complete(load):
    from game.sim.score import score_breakdown

    scenario, problems = load("score: {project_points: {ericen: 3, pntr: 1}}\n")
    assert [str(p) for p in problems if p.severity == "error"] == []
    sim = Simulation(scenario, 1, rival_chooser=choose_rival_orders)
    before = score_breakdown(sim.world)
    sim.world.advance_project("ericen", 100, "test", ())
    after = score_breakdown(sim.world)
    assert (before.projects, after.projects) == (0.0, 3.0)
    assert after.total - before.total == pytest.approx(3.0, abs=1e-9)


def test_project_points_name_a_project_that_exists(load):
    _, problems = load("score: {project_points: {ericenn: 3}}\n")
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and "unknown project 'ericenn' (did you mean 'ericen'?)" in errors[0].message
