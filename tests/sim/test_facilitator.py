"""Facilitator acts and reflection answers change the game on record, replay exactly, and undo."""

from __future__ import annotations

import pytest

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.saves import load_game, save_game, verify_replay
from game.sim.engine import Simulation
from game.sim.facilitator import undo_last_turn
from game.sim.orders import IllegalOrder, Order
from game.sim.state import state_hash
from tests.conftest import WINDOW_2023


@pytest.fixture
def sim(window_2023):
    return Simulation(window_2023, 8, scenario_path=str(WINDOW_2023), rival_chooser=choose_rival_orders)


def test_a_facilitator_can_inject_a_scenario_event_with_its_choices(sim):
    sim.act("inject_event", {"event": "water_crisis", "state": "uzbekistan"})
    keys = [d.key for d in sim.pending if d.event == "water_crisis"]
    assert keys
    assert any(c.cause == "facilitator:event:water_crisis" and c.target == "uzbekistan" for c in sim.ledger)
    report = sim.end_turn()
    assert "water_crisis" in [e.event for e in report.events]


def test_a_state_event_needs_a_state_and_unknown_events_are_refused(sim):
    with pytest.raises(IllegalOrder, match="choose one"):
        sim.act("inject_event", {"event": "water_crisis"})
    with pytest.raises(IllegalOrder, match="no event 'flood'"):
        sim.act("inject_event", {"event": "flood"})


def test_free_text_news_applies_structured_effects_on_record(sim):
    before = sim.state.countries["kyrgyzstan"].alignment["china"]
    sim.act(
        "news",
        {
            "title": "Bishkek cancels a Chinese mine",
            "states": ["kyrgyzstan"],
            "effects": [{"type": "shift", "power": "china", "amount": -4}],
        },
    )
    assert sim.state.countries["kyrgyzstan"].alignment["china"] == before - 4
    assert sim.state.news[-1]["title"] == "Bishkek cancels a Chinese mine"
    with pytest.raises(IllegalOrder, match="did you mean 'shift'"):
        sim.act("news", {"title": "Typo", "effects": [{"type": "shfit", "power": "china", "amount": -4}]})


def test_a_rule_parameter_can_change_mid_game_and_is_logged_in_the_ledger(sim):
    sim.act("set_parameter", {"path": "rules.russia_strain.strength", "value": 0.0})
    assert sim.world.rules.russia_strain.strength == 0.0
    logged = [c for c in sim.ledger if c.target == "rules"]
    assert logged[-1].variable == "rules.russia_strain.strength" and logged[-1].delta == -1.0
    assert logged[-1].cause == "facilitator:set_parameter" and logged[-1].claims == ("C3",)
    report = sim.end_turn()
    assert not [c for c in report.changes if c.cause == "rule:russia_strain"]
    with pytest.raises(IllegalOrder, match="between 0 and 5"):
        sim.act("set_parameter", {"path": "rules.window.strength", "value": 9.0})


def test_reflection_prompts_come_due_and_answers_are_kept(sim):
    sim.end_turn()
    due = [r.id for r in sim.due_reflections()]
    assert "first_moves" in due and "after_summit" in due
    sim.act("reflection", {"id": "first_moves", "answer": "Goodwill takes turns to mature."})
    assert [r.id for r in sim.due_reflections()] == ["after_summit"]
    assert sim.state.reflections[0]["answer"] == "Goodwill takes turns to mature."
    with pytest.raises(IllegalOrder, match="empty"):
        sim.act("reflection", {"id": "after_summit", "answer": "  "})


def test_acts_survive_save_and_load_and_replay_bit_for_bit(sim, tmp_path):
    play_turn(sim, STRATEGIES["balanced"])
    sim.act("set_parameter", {"path": "rules.window.bonus", "value": 0.5})
    sim.act("inject_event", {"event": "brics_expansion"})
    sim.act("reflection", {"id": "first_moves", "answer": "Trust first."})
    play_turn(sim, STRATEGIES["balanced"])
    path = tmp_path / "class.json"
    save_game(sim, path)
    loaded = load_game(path, rival_chooser=choose_rival_orders)
    assert loaded.world.rules.window.bonus == 0.5
    assert state_hash(loaded.state) == state_hash(sim.state)
    assert verify_replay(path, rival_chooser=choose_rival_orders).matches
    for game in (sim, loaded):
        play_turn(game, STRATEGIES["balanced"])
    assert state_hash(loaded.state) == state_hash(sim.state)


def test_undo_returns_to_before_the_last_end_turn_with_its_orders_queued(sim):
    play_turn(sim, STRATEGIES["balanced"])
    before = state_hash(sim.state)
    sim.queue(Order("us", "culture_and_tourism", "turkmenistan"))
    sim.end_turn()
    undone = undo_last_turn(sim)
    assert undone.turn == 2
    assert undone.queued == [Order("us", "culture_and_tourism", "turkmenistan")]
    undone.unqueue(0)
    assert state_hash(undone.state) == before


def test_an_injected_decision_waits_over_end_turn_and_the_game_still_replays(sim, tmp_path):
    sim.act("inject_event", {"event": "water_crisis", "state": "uzbekistan"})
    mid_turn = tmp_path / "mid-turn.json"
    save_game(sim, mid_turn)
    sim.end_turn()
    waiting = [d for d in sim.pending if d.event == "water_crisis" and d.state == "uzbekistan"]
    assert waiting and waiting[0].turn == 1  # not answered by default behind the US's back
    loaded = load_game(mid_turn)  # a game saved before End Turn carries it too
    loaded.end_turn()
    assert any(d.key == waiting[0].key for d in loaded.pending)
    sim.decide(waiting[0].key, sim.scenario.event("water_crisis").choices[0].id)
    sim.end_turn()
    path = tmp_path / "answered.json"
    save_game(sim, path)
    assert verify_replay(path).matches
