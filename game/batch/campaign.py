"""Play one headless campaign with a US strategy against the rival AIs (or passive rivals)."""

from __future__ import annotations

from game.ai.autopilot import play_turn  # the one 'play the US for me' turn, shared with the window
from game.ai.rivals import rival_chooser
from game.ai.strategies import STRATEGIES, Strategy
from game.content.scenario import Scenario
from game.sim.engine import Simulation


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
