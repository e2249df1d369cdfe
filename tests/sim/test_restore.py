"""`Simulation.restore(snapshot)` rebuilds a game exactly, without anyone setting its private attributes."""

from __future__ import annotations

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.sim.engine import Simulation, Snapshot
from game.sim.state import from_data, state_hash, to_data


def test_a_restored_game_is_the_same_game_and_plays_on_identically(window_2023):
    sim = Simulation(window_2023, 9, humans=("us",), rival_chooser=choose_rival_orders)
    for _ in range(4):
        play_turn(sim, STRATEGIES["balanced"])
    sim.started, sim.classroom = "2026-11-30T10:00:00+00:00", {"timer_minutes": 4}
    snapshot = Snapshot(
        state=from_data(to_data(sim.state)),
        ledger=tuple(sim.ledger),
        initial=sim.initial,
        pending=tuple(sim.pending),
        queued=tuple(sim.queued),
        history=tuple(sim.history),
        reports=tuple(sim.reports),
        state_hashes=tuple(sim.state_hashes),
        started=sim.started,
        classroom=sim.classroom,
    )

    restored = Simulation.restore(
        window_2023, 9, sim.difficulty_id, ("us",), snapshot, rival_chooser=choose_rival_orders
    )

    assert state_hash(restored.state) == state_hash(sim.state)
    assert (restored.ledger, restored.history, restored.reports) == (sim.ledger, sim.history, sim.reports)
    assert (restored.started, restored.classroom) == (sim.started, {"timer_minutes": 4})
    for game in (sim, restored):
        play_turn(game, STRATEGIES["balanced"])
    assert state_hash(restored.state) == state_hash(sim.state)
    assert restored.ledger == sim.ledger
