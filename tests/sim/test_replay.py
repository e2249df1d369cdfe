"""Replays: the recorded human input of a game reproduces it, and a save can prove it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.content.loader import load_scenario
from game.content.scenario import Scenario
from game.saves import ReplayError, load_game, read_save, replay, save_game, verify_replay
from game.sim.engine import Simulation, TurnRecord
from game.sim.state import state_hash

SCENARIO_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "window-2023.yaml"
BALANCED = STRATEGIES["balanced"]


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_scenario(SCENARIO_FILE)


def new_game(scenario: Scenario, seed: int = 11) -> Simulation:
    return Simulation(scenario, seed, scenario_path=str(SCENARIO_FILE), rival_chooser=choose_rival_orders)


def play_until(sim: Simulation, turns: int) -> list[str]:
    """Play on with the balanced strategy; returns the state hash after each turn played."""
    hashes = []
    while len(sim.reports) < turns and not sim.state.finished:
        play_turn(sim, BALANCED)
        hashes.append(state_hash(sim.state))
    return hashes


def replay_of(sim: Simulation) -> Simulation:
    return replay(
        sim.scenario,
        sim.seed,
        sim.difficulty_id,
        sim.humans,
        sim.history,
        finished=sim.state.finished,
        rival_chooser=choose_rival_orders,
    )


def rewrite(path: Path, edit) -> None:
    """Edit a save's payload and fix its checksum, so only the replay can notice."""
    document = json.loads(path.read_text())
    edit(document["payload"])
    text = json.dumps(document["payload"], sort_keys=True, separators=(",", ":"))
    document["checksum"] = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
    path.write_text(json.dumps(document))


def answer_one_and_queue_first(sim: Simulation) -> None:
    """Mid-turn input in the order a person might give it: an order first, then an answer."""
    sim.queue(sim.legal_orders()[0])
    decision = sim.pending[0]
    sim.decide(decision.key, sim.scenario.event(decision.event).choices[-1].id)


def game_with_a_pending_event(scenario: Scenario) -> Simulation:
    sim = new_game(scenario)
    while not sim.pending:
        play_turn(sim, BALANCED)
    return sim


# --- replay ------------------------------------------------------------------------------------


def test_replaying_a_finished_campaign_reproduces_it_bit_for_bit(scenario):
    sim = new_game(scenario)
    play_until(sim, 40)

    again = replay_of(sim)

    assert sim.state.finished and again.state.finished
    assert state_hash(again.state) == state_hash(sim.state)
    assert again.ledger == sim.ledger
    assert again.reports == sim.reports
    assert again.history == sim.history


def test_replaying_a_game_in_progress_stops_where_the_player_did(scenario):
    sim = game_with_a_pending_event(scenario)
    answer_one_and_queue_first(sim)

    again = replay_of(sim)

    assert state_hash(again.state) == state_hash(sim.state)
    assert (again.pending, again.queued, again.history) == (sim.pending, sim.queued, sim.history)
    again.end_turn()
    sim.end_turn()
    assert again.ledger == sim.ledger


def test_a_recorded_answer_the_game_never_asked_for_stops_the_replay_at_its_turn(scenario):
    sim = new_game(scenario)
    play_until(sim, 3)
    history = [*sim.history[:2], TurnRecord(decisions=[("no_such_event@region@3", "yes")])]

    with pytest.raises(ReplayError) as raised:
        replay(scenario, sim.seed, None, sim.humans, history, rival_chooser=choose_rival_orders)

    assert raised.value.turn == 3
    assert "no_such_event@region@3" in str(raised.value)


# --- per-turn hashes in saves ----------------------------------------------------------------------


def test_a_save_stores_the_state_hash_after_every_turn(scenario, tmp_path):
    sim = new_game(scenario)
    live = play_until(sim, 5)
    save_game(sim, tmp_path / "game.json")

    assert read_save(tmp_path / "game.json")["turn_hashes"] == live


def test_per_turn_hashes_carry_on_across_a_load(scenario, tmp_path):
    sim = new_game(scenario)
    live = play_until(sim, 3)
    save_game(sim, tmp_path / "game.json")
    loaded = load_game(tmp_path / "game.json", rival_chooser=choose_rival_orders)
    live += play_until(loaded, 6)
    save_game(loaded, tmp_path / "game.json")

    assert read_save(tmp_path / "game.json")["turn_hashes"] == live


# --- verify_replay -----------------------------------------------------------------------------


@pytest.fixture
def saved_game(scenario, tmp_path) -> Path:
    """A save of six played turns plus a turn in progress with input given."""
    sim = game_with_a_pending_event(scenario)
    play_until(sim, max(6, len(sim.reports)))
    if sim.pending:
        answer_one_and_queue_first(sim)
    save_game(sim, tmp_path / "game.json")
    return tmp_path / "game.json"


def test_a_save_replays_to_itself(saved_game):
    check = verify_replay(saved_game, rival_chooser=choose_rival_orders)

    assert check.matches and check.first_divergence is None
    assert check.turns_checked == len(read_save(saved_game)["reports"])
    assert "matches it bit for bit" in check.message


def test_a_finished_campaign_replays_to_itself(scenario, tmp_path):
    sim = new_game(scenario, seed=40)
    play_until(sim, 40)
    save_game(sim, tmp_path / "done.json")

    check = verify_replay(tmp_path / "done.json", rival_chooser=choose_rival_orders)

    assert check.matches and check.turns_checked == 40


def test_changed_input_is_found_at_the_first_turn_it_changes(saved_game):
    rewrite(saved_game, lambda payload: payload["history"][2]["orders"].pop(0))

    check = verify_replay(saved_game, rival_chooser=choose_rival_orders)

    assert not check.matches
    assert check.first_divergence == 3
    assert "first differs at turn 3" in check.message


def test_a_wrong_turn_hash_is_found_at_its_turn(saved_game):
    def corrupt(payload):
        payload["turn_hashes"][4] = "0" * 64

    rewrite(saved_game, corrupt)

    check = verify_replay(saved_game, rival_chooser=choose_rival_orders)

    assert (check.matches, check.first_divergence) == (False, 5)
    assert "the state at the end of the turn differs" in check.message


def test_an_unreplayable_answer_is_reported_at_its_turn(saved_game):
    event = next(e for e in load_scenario(SCENARIO_FILE).events if e.choices)  # real ids, never asked then
    answer = [f"{event.id}@region@2", event.choices[0].id]
    rewrite(saved_game, lambda payload: payload["history"][1]["decisions"].append(answer))

    check = verify_replay(saved_game, rival_chooser=choose_rival_orders)

    assert (check.matches, check.first_divergence) == (False, 2)
    assert "cannot be replayed" in check.message


def test_a_scenario_with_other_starting_numbers_differs_from_the_start(saved_game, tmp_path):
    changed = tmp_path / "changed.yaml"
    text = SCENARIO_FILE.read_text()
    changed.write_text(text.replace("  political_capital: 10\n", "  political_capital: 12\n", 1))

    check = verify_replay(saved_game, scenario_path=changed, rival_chooser=choose_rival_orders)

    assert (check.matches, check.first_divergence) == (False, 0)
    assert "starting state" in check.message


def test_a_save_without_its_starting_state_cannot_be_verified(saved_game):
    rewrite(saved_game, lambda payload: payload.update(initial=None))

    check = verify_replay(saved_game, rival_chooser=choose_rival_orders)

    assert not check.matches and check.first_divergence is None
    assert "cannot be replayed" in check.message
