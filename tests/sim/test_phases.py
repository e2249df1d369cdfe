"""The turn is a table of phases: the engine runs it in order, each phase runs alone, and help reads it."""

import attrs
import pytest
from worlds import make_scenario, make_state, make_world

from game.sim.engine import Simulation
from game.sim.phases import OPENING, PHASES, TurnContext, turn_order, turn_order_lines
from game.sim.rules.catalogue import RULES


def _sim(rules: dict | None = None) -> Simulation:
    scenario = make_scenario((make_state(alignment={"us": 20, "russia": 60, "china": 20}),), rules, turns=3)
    return Simulation(scenario, seed=3, rival_chooser=lambda world, power, taken: [])


def test_end_turn_runs_every_phase_of_the_table_in_order(monkeypatch):
    ran: list[str] = []

    def recorded(phase):
        def run(turn):
            ran.append(phase.name)
            phase.run(turn)

        return attrs.evolve(phase, run=run)

    monkeypatch.setattr(Simulation, "PHASES", tuple(recorded(p) for p in PHASES))
    monkeypatch.setattr(Simulation, "OPENING", tuple(recorded(p) for p in OPENING))
    _sim().end_turn()
    assert ran == [p.name for p in turn_order()]


def test_a_phase_left_out_of_the_table_does_not_run(monkeypatch):
    rules = {"balancing": {"strength": 1.0, "threshold": 0.5, "drift": 10.0}}
    with_it = _sim(rules).end_turn()
    assert any(c.cause == "rule:balancing" for c in with_it.changes)
    monkeypatch.setattr(Simulation, "PHASES", tuple(p for p in PHASES if p.name != "balancing"))
    without = _sim(rules).end_turn()
    assert not any(c.cause == "rule:balancing" for c in without.changes)


def test_a_phase_runs_alone_on_a_turn_context():
    sim = _sim({"balancing": {"strength": 1.0, "threshold": 0.5, "drift": 10.0}})
    before = len(sim.world.ledger.entries)
    (balancing,) = [p for p in PHASES if p.name == "balancing"]
    balancing.run(TurnContext(sim))
    assert {c.cause for c in sim.world.ledger.entries[before:]} == {"rule:balancing"}


def test_the_drift_phase_judges_neglect_by_what_the_actions_phase_engaged():
    world_rules = {"neglect": {"strength": 1.0, "grace_turns": 0, "decay_per_turn": 0.1, "min_engagement": 1.0}}
    sim = _sim(world_rules)
    (drift,) = [p for p in PHASES if p.name == "drift"]
    country = sim.state.countries["kazakhstan"]
    drift.run(TurnContext(sim, engaged={"kazakhstan": 5.0}))
    assert country.values["neglect_turns"] == 0
    drift.run(TurnContext(sim))
    assert country.values["neglect_turns"] == 1


def test_every_catalogue_rule_belongs_to_exactly_one_phase_and_phases_name_only_known_rules():
    named = [rule for phase in turn_order() for rule in phase.rules]
    assert sorted(named) == sorted(rule.id for rule in RULES)
    assert len({p.name for p in turn_order()}) == len(turn_order())


def test_help_and_the_rules_command_list_the_phases_in_the_engine_order(capsys):
    from game.cli.commands import run_rules
    from game.ui.reference import rules_text

    phase_lines = [line for line in turn_order_lines() if not line.startswith(" ")]
    assert [line.split(".", 1)[1].split(":")[0].split(" [")[0].strip() for line in phase_lines] == [
        p.name for p in turn_order()
    ]
    assert all(line in rules_text() for line in turn_order_lines())
    import argparse

    from game.cli.commands import DEFAULT_SCENARIO

    assert run_rules(argparse.Namespace(scenario=str(DEFAULT_SCENARIO))) == 0
    out = capsys.readouterr().out
    assert all(line in out for line in turn_order_lines())


def test_a_tiny_world_is_a_valid_scenario():
    from game.content.validator import validate_references

    assert [str(f) for f in validate_references(make_scenario())] == []
    assert make_world().state.turn == 1


@pytest.mark.parametrize("phase", turn_order(), ids=lambda p: p.name)
def test_every_phase_runs_alone_on_a_fresh_turn_context(phase):
    sim = _sim({"balancing": {"strength": 1.0, "threshold": 0.5, "drift": 10.0}})
    before = len(sim.world.ledger.entries)
    phase.run(TurnContext(sim))
    assert all(c.turn == sim.turn for c in sim.world.ledger.entries[before:])
