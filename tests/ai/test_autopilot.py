"""The 'play the US for me' loop: a front end that shows each step gets the same game as batch."""

from __future__ import annotations

from game.ai.autopilot import Autopilot
from game.ai.rivals import rival_chooser
from game.sim.engine import Simulation

TURNS = 5


def _new(scenario) -> Simulation:
    return Simulation(scenario, 3, rival_chooser=rival_chooser("active"), record_hashes=False)


def _moves(sim: Simulation) -> list:
    return [(list(r.decisions), list(r.orders)) for r in sim.history]


def test_stepping_through_callbacks_plays_the_game_play_turn_plays(window_2023):
    """Given a random strategy (the one that draws), when one game is played by `play_turn` and
    another answers and queues through callbacks as a window does, then both make the same moves."""
    whole, stepped = _new(window_2023), _new(window_2023)
    for _ in range(TURNS):
        Autopilot("random").play_turn(whole)
    pilot, answered, queued = Autopilot("random"), [], []
    for _ in range(TURNS):
        pilot.answer_events(stepped, lambda d, c: (answered.append(c), stepped.decide(d.key, c)))
        pilot.queue_orders(stepped, lambda o: (queued.append(o), stepped.queue(o)))
        stepped.end_turn()
    assert _moves(stepped) == _moves(whole)
    assert answered and queued


def test_a_strategy_that_never_draws_seeds_no_generator(window_2023):
    sim = _new(window_2023)
    assert Autopilot("balanced").rng(sim) is None
    pilot = Autopilot("random")
    assert pilot.rng(sim) is pilot.rng(sim)  # one generator per turn, shared by answers and orders
    sim.end_turn()
    assert pilot.rng(sim) is not None
