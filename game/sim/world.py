"""The world a rule sees: scenario, state, ledger and seeded randomness, with typed helpers.

Rules never touch state dicts directly; they call these helpers so every change carries a
cause and claim ids, and alignment never falls below a structural floor.
"""

from __future__ import annotations

import random
from typing import Any

from game.content.powers import PowerTable
from game.content.scenario import ActionDef, Difficulty, Scenario, StateDef
from game.sim.ledger import Ledger
from game.sim.state import CountryState, GameState

Claims = tuple[str, ...]


class World:
    """One game's scenario, state and ledger, plus lookups built once."""

    def __init__(self, scenario: Scenario, state: GameState, ledger: Ledger, seed: int, difficulty: Difficulty) -> None:
        self.scenario = scenario
        self.rules = scenario.rules
        self.state = state
        self.ledger = ledger
        self.seed = seed
        self.difficulty = difficulty
        self.actions: dict[str, ActionDef] = {a.id: a for a in scenario.actions}
        self.state_defs: dict[str, StateDef] = {s.id: s for s in scenario.states}
        self.state_ids: tuple[str, ...] = tuple(s.id for s in scenario.states)
        self.powers: PowerTable = scenario.power_table
        self.rivals: tuple[str, ...] = self.powers.rivals  # every power the computer may play
        self.lead_state = max(scenario.states, key=lambda s: s.score_weight).id  # C14
        # Facts derived from the content alone, built on first use by the rules that need them
        # (the actions never change during a game: a facilitator changes rule parameters only).
        self.facts: dict[str, Any] = {}

    @property
    def turn(self) -> int:
        return self.state.turn

    def rng(self, purpose: str) -> random.Random:
        """A generator for one purpose this turn, so a draw in one place cannot shift another."""
        return random.Random(f"{self.seed}:{self.state.turn}:{purpose}")

    def country(self, state_id: str) -> CountryState:
        return self.state.countries[state_id]

    # --- changes, each recorded in the ledger ---------------------------------------------

    def shift_alignment(
        self,
        country: CountryState,
        power: str,
        delta: float,
        cause: str,
        claims: Claims,
        factors: tuple[tuple[str, str, float], ...] = (),
    ) -> float:
        """Move a power's alignment; it never drops below the power's structural floor.

        `factors` are the receptivity multipliers already applied to `delta`, kept in the
        ledger so a student sees why a gain was large or small.
        """
        floor = country.floors[power]
        return self.ledger.change(
            country.alignment, power, country.id, "alignment", delta, cause, claims, lo=floor, factors=factors
        )

    def adjust(self, country: CountryState, variable: str, delta: float, cause: str, claims: Claims) -> float:
        return self.ledger.change(country.values, variable, country.id, "values", delta, cause, claims)

    def adjust_fragile(self, country: CountryState, power: str, delta: float, cause: str, claims: Claims) -> float:
        return self.ledger.change(country.fragile, power, country.id, "fragile", delta, cause, claims)

    def adjust_floor(self, country: CountryState, power: str, delta: float, cause: str, claims: Claims) -> float:
        return self.ledger.change(country.floors, power, country.id, "floors", delta, cause, claims)

    def add_goodwill(self, country: CountryState, due_turn: int, amount: float, cause: str, claims: Claims) -> float:
        return self.ledger.change(
            country.goodwill_due, str(due_turn), country.id, "goodwill_due", amount, cause, claims, hi=1e6
        )

    def set_flag(self, country: CountryState, flag: str, value: bool, cause: str, claims: Claims) -> bool:
        return self.ledger.set_flag(country.flags, flag, country.id, value, cause, claims)

    def adjust_budget(self, power: str, track: str, delta: float, cause: str, claims: Claims) -> float:
        return self.ledger.change(self.state.powers[power].budget, track, power, "budget", delta, cause, claims, hi=1e6)

    def adjust_washington(self, variable: str, delta: float, cause: str, claims: Claims) -> float:
        hi = self.rules.pntr.capital_cap if variable == "political_capital" else 100.0
        return self.ledger.change(
            self.state.washington,
            variable,
            "washington",
            "washington",
            delta,
            cause,
            claims,
            hi=max(hi, self.state.washington[variable]),
        )

    def adjust_region(self, variable: str, delta: float, cause: str, claims: Claims) -> float:
        # Summit preparation is for the next summit: it cannot be banked past full (C8).
        hi = 100.0 if variable == "c5plus1_preparation" else 1e6
        return self.ledger.change(self.state.region, variable, "region", "region", delta, cause, claims, hi=hi)

    def advance_project(self, project: str, delta: float, cause: str, claims: Claims) -> float:
        return self.ledger.change(self.state.projects, project, "region", "projects", delta, cause, claims)

    def set_global(self, name: str, value: bool, cause: str, claims: Claims) -> bool:
        return self.ledger.set_flag(self.state.globals, name, "region", value, cause, claims, group="globals")

    # --- reading -----------------------------------------------------------------------

    def state_name(self, state_id: str) -> str:
        return self.state_defs[state_id].name
