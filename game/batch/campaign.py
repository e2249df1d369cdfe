"""Play one headless campaign with a US strategy against the rival AIs."""

from __future__ import annotations

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES, Strategy, choose_decision, choose_us_orders
from game.content.scenario import Scenario
from game.sim.engine import Simulation


def play_turn(sim: Simulation, strategy: Strategy) -> None:
    """Answer pending events, queue the strategy's orders, end the turn."""
    world = sim.world
    # Only random strategies draw on it, and seeding a generator costs more than choosing.
    rng = world.rng("strategy") if strategy.random_orders else None
    for decision in list(sim.pending):
        sim.decide(decision.key, choose_decision(world, strategy, decision, rng))
    for order in choose_us_orders(world, strategy, rng, list(sim.queued))[len(sim.queued) :]:
        sim.queue(order)
    sim.end_turn()


def play_campaign(
    scenario: Scenario, seed: int, strategy: str | Strategy, difficulty: str | None = None, turns: int | None = None
) -> Simulation:
    """A finished (or `turns`-long) campaign."""
    chosen = STRATEGIES[strategy] if isinstance(strategy, str) else strategy
    sim = Simulation(scenario, seed, difficulty, rival_chooser=choose_rival_orders, record_hashes=False)
    limit = turns if turns is not None else scenario.turns
    while not sim.state.finished and len(sim.reports) < limit:
        play_turn(sim, chosen)
    return sim
