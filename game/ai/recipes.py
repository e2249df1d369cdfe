"""Recipes: the standard US planner's preferences as a vector a search can climb.

A recipe is weights, not rules: per-tag and per-action multipliers, per-track multipliers,
how much a second order in the same state is worth (spread) and which part of the campaign
the US acts in. `to_strategy` feeds it to the same greedy planner every strategy uses, so a
recipe the search finds is something a player could follow, and the game's rules stay put.
"""

from __future__ import annotations

import random

import attrs

from game.ai.strategies import STRATEGIES, Strategy
from game.content.scenario import Scenario

WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)  # the ladder a multiplier moves along (0 = never)
SPREADS = (0.2, 0.4, 0.6, 0.8, 1.0)
STARTS = (0.0, 0.25, 0.5)  # share of the campaign before the US starts acting
ENDS = (0.5, 0.75, 1.0)  # share of the campaign after which it stops
FOCUS = 3.0  # how much more a lookahead candidate values orders in the state it leans on

Weights = tuple[tuple[str, float], ...]


@attrs.frozen
class ActiveWindow:
    """Acts only between two shares of the campaign (a class, so worker processes can pickle it)."""

    start: float = 0.0
    end: float = 1.0

    def __call__(self, turn: int, total: int) -> bool:
        return self.start * total < turn <= self.end * total


@attrs.frozen
class Recipe:
    """One point in the search space; weights left out are 1."""

    tags: Weights = ()
    actions: Weights = ()
    tracks: Weights = ()
    spread: float = 0.6
    start: float = 0.0
    end: float = 1.0
    focus: Weights = ()  # state id -> multiplier: the lookahead's lean on some states (never searched)

    def to_strategy(self, name: str = "recipe") -> Strategy:
        """The planner's strategy for this recipe; a tag weighted 0 is never used."""
        return Strategy(
            name,
            f"searched recipe: {self.describe()}",
            prefer=tuple((tag, w) for tag, w in self.tags if w > 0),
            exclude=tuple(tag for tag, w in self.tags if w == 0),
            prefer_actions=self.actions,
            track_weights=self.tracks,
            spread=self.spread,
            active=ActiveWindow(self.start, self.end),
            state_weights=self.focus,
        )

    def describe(self) -> str:
        """The recipe in one line, only what differs from neutral: 'culture_and_tourism x4, ...'."""
        parts = [
            f"{name} x{w:g}"
            for group in (self.tracks, self.tags, self.actions)
            for name, w in group
            if w > 0 and w != 1
        ]
        never = [name for group in (self.tracks, self.tags, self.actions) for name, w in group if w == 0]
        if never:
            parts.append("never " + ", ".join(never))
        parts.append(f"spread {self.spread:g}")
        if (self.start, self.end) != (0.0, 1.0):
            parts.append(f"acts from {self.start:.0%} to {self.end:.0%} of the campaign")
        leaning = [state for state, w in self.focus if w > 1]
        if leaning:
            parts.append(f"leans on {', '.join(leaning)}")
        return "; ".join(parts)

    def leaning_on(self, state: str, states: tuple[str, ...], weight: float = FOCUS) -> Recipe:
        """The same recipe leaning on one state: its orders count `weight` times, the others' less,
        so the states' mean weight stays 1 and region-wide orders keep their place."""
        rest = (len(states) - weight) / (len(states) - 1) if len(states) > 1 else 1.0
        return attrs.evolve(self, focus=tuple((s, weight if s == state else rest) for s in states))

    def to_data(self) -> dict[str, object]:
        """Plain data for balance.json (weights as mappings)."""
        return {
            "tags": dict(self.tags),
            "actions": dict(self.actions),
            "tracks": dict(self.tracks),
            "spread": self.spread,
            "start": self.start,
            "end": self.end,
            **({"focus": dict(self.focus)} if self.focus else {}),
        }

    @classmethod
    def from_data(cls, data: dict[str, object]) -> Recipe:
        """Read `to_data` back (as written to balance.json)."""

        def weights(key: str) -> Weights:
            raw = data.get(key) or {}
            if not isinstance(raw, dict):
                raise ValueError(f"recipe '{key}' must be a mapping of name to weight")
            return tuple((str(k), float(v)) for k, v in raw.items())

        return cls(
            weights("tags"),
            weights("actions"),
            weights("tracks"),
            float(data.get("spread", 0.6)),  # type: ignore[arg-type]
            float(data.get("start", 0.0)),  # type: ignore[arg-type]
            float(data.get("end", 1.0)),  # type: ignore[arg-type]
            weights("focus"),
        )


def from_strategy(strategy: Strategy, scenario: Scenario) -> Recipe:
    """The recipe equal to a named strategy (the search starts from `balanced`), over the scenario's US genes."""
    us = [a for a in scenario.actions if a.power == "us"]
    prefer = dict(strategy.prefer)
    tags = sorted({tag for a in us for tag in a.tags})
    tag_weights = tuple((tag, 0.0 if tag in strategy.exclude else prefer.get(tag, 1.0)) for tag in tags)
    chosen = set(strategy.tracks)
    tracks = tuple((track, 1.0 if track in chosen else 0.0) for track in sorted({a.track for a in us}))
    return Recipe(tag_weights, tuple((a.id, 1.0) for a in us), tracks, strategy.spread)


def balanced_recipe(scenario: Scenario) -> Recipe:
    return from_strategy(STRATEGIES["balanced"], scenario)


def _step(ladder: tuple[float, ...], value: float, rng: random.Random) -> float:
    index = min(range(len(ladder)), key=lambda i: abs(ladder[i] - value))
    return ladder[max(0, min(len(ladder) - 1, index + rng.choice((-2, -1, 1, 2))))]


def mutate(recipe: Recipe, rng: random.Random, genes: int = 2) -> Recipe:
    """A neighbour: `genes` randomly chosen weights (or spread/timing) moved a step or two up or down."""
    groups = {"tags": list(recipe.tags), "actions": list(recipe.actions), "tracks": list(recipe.tracks)}
    slots = [(g, i) for g, items in groups.items() for i in range(len(items))] + [
        ("spread", 0),
        ("start", 0),
        ("end", 0),
    ]
    spread, start, end = recipe.spread, recipe.start, recipe.end
    for group, index in rng.sample(slots, min(genes, len(slots))):
        if group == "spread":
            spread = _step(SPREADS, spread, rng)
        elif group == "start":
            start = _step(STARTS, start, rng)
        elif group == "end":
            end = _step(ENDS, end, rng)
        else:
            name, weight = groups[group][index]
            groups[group][index] = (name, _step(WEIGHTS, weight, rng))
    return Recipe(tuple(groups["tags"]), tuple(groups["actions"]), tuple(groups["tracks"]), spread, start, end)
