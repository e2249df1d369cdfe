"""'Play the US for me': one turn loop shared by batch runs, the window's autoplay and a class
whose US side the computer plays.

A turn is always: answer the US's pending event decisions, then queue the strategy's orders,
then end the turn — with one generator per turn shared by both steps, so a random strategy
makes the same draws whichever front end asks. Front ends that must show each step (the
window) pass their own `decide` and `queue` callbacks; the choices stay the pilot's.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.ai.strategies import STRATEGIES, Strategy, choose_decision, choose_us_orders
from game.sim.engine import Simulation
from game.sim.orders import Decision, Order


class Autopilot:
    """A strategy playing the US side of one game, turn after turn."""

    def __init__(self, strategy: Strategy | str) -> None:
        self.strategy = STRATEGIES[strategy] if isinstance(strategy, str) else strategy
        self._rng_turn = -1
        self._rng: random.Random | None = None

    def rng(self, sim: Simulation) -> random.Random | None:
        """This turn's generator, shared by the decisions and the orders (None unless the strategy
        draws: seeding a generator costs more than choosing)."""
        if not self.strategy.random_orders:
            return None
        if self._rng_turn != sim.turn:
            self._rng_turn, self._rng = sim.turn, sim.world.rng("strategy")
        return self._rng

    def choice(self, sim: Simulation, decision: Decision) -> str:
        """The choice the strategy makes for one event decision."""
        return choose_decision(sim.world, self.strategy, decision, self.rng(sim))

    def answer_events(self, sim: Simulation, decide: Callable[[Decision, str], object] | None = None) -> None:
        """Answer every pending decision (through `decide`, by default `sim.decide`)."""
        for decision in list(sim.pending):
            choice = self.choice(sim, decision)
            if decide is None:
                sim.decide(decision.key, choice)
            else:
                decide(decision, choice)

    def orders(self, sim: Simulation) -> list[Order]:
        """The orders the strategy adds this turn to those already queued."""
        return choose_us_orders(sim.world, self.strategy, self.rng(sim), list(sim.queued))[len(sim.queued) :]

    def queue_orders(self, sim: Simulation, queue: Callable[[Order], object] | None = None) -> None:
        """Queue this turn's orders (through `queue`, by default `sim.queue`)."""
        for order in self.orders(sim):
            (queue or sim.queue)(order)

    def play_turn(self, sim: Simulation) -> None:
        """One whole turn: decisions, orders, End Turn."""
        self.answer_events(sim)
        self.queue_orders(sim)
        sim.end_turn()


def play_turn(sim: Simulation, strategy: Strategy) -> None:
    """One headless turn of `strategy` (a fresh pilot: the generator is per turn anyway)."""
    Autopilot(strategy).play_turn(sim)
