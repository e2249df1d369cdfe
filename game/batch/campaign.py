"""Play one headless campaign with a US strategy against the rival AIs (or passive rivals)."""

from __future__ import annotations

from game.ai.rivals import rival_chooser
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


def new_campaign(scenario: Scenario, seed: int, difficulty: str | None = None, rivals: str = "active") -> Simulation:
    """A headless game at its first turn; `rivals` is 'active' (the doctrines) or 'passive' (no orders)."""
    return Simulation(scenario, seed, difficulty, rival_chooser=rival_chooser(rivals), record_hashes=False)


def play_campaign(
    scenario: Scenario,
    seed: int,
    strategy: str | Strategy,
    difficulty: str | None = None,
    turns: int | None = None,
    *,
    rivals: str = "active",
) -> Simulation:
    """A finished (or `turns`-long) campaign."""
    chosen = STRATEGIES[strategy] if isinstance(strategy, str) else strategy
    sim = new_campaign(scenario, seed, difficulty, rivals)
    limit = turns if turns is not None else scenario.turns
    while not sim.state.finished and len(sim.reports) < limit:
        play_turn(sim, chosen)
    return sim
