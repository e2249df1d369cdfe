"""Hill-climb a recipe for the standard planner on training seeds (issue 8: find degenerate play).

If a fixed recipe beats `balanced` on seeds it never saw, players can skip reading the
board; the search is how an author finds that out before the players do. Every candidate is
scored on the same training seeds (common random numbers), and a candidate replaces the best
only when its mean is strictly higher, so the result is never worse than the start there.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import Any

import attrs

from game.ai.recipes import Recipe, mutate
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_campaign
from game.batch.stats import mean
from game.content.loader import load_scenario
from game.content.overrides import apply_override
from game.content.scenario import Scenario

Evaluate = Callable[[Recipe | str, Sequence[int]], list[float]]  # a recipe, or a strategy by name


@attrs.frozen
class Settings:
    """What every campaign of one check shares."""

    scenario_path: str
    difficulty: str | None = None
    rivals: str = "active"
    overrides: tuple[tuple[str, Any], ...] = ()  # --set PATH=VALUE, applied to every campaign

    def scenario(self) -> Scenario:
        """The scenario with its overrides (cached per process, so workers load it once)."""
        return _with_overrides(self.scenario_path, self.overrides)


@functools.lru_cache(maxsize=8)
def _with_overrides(path: str, overrides: tuple[tuple[str, Any], ...]) -> Scenario:
    scenario = load_scenario(path)
    for name, value in overrides:
        scenario = apply_override(scenario, name, value)
    return scenario


def play_score(settings: Settings, plan: Recipe | str, seed: int) -> float:
    """One campaign's score (top level and by name, so worker processes can run and pickle it)."""
    strategy = plan.to_strategy() if isinstance(plan, Recipe) else STRATEGIES[plan]
    scenario = settings.scenario()
    return play_campaign(scenario, seed, strategy, settings.difficulty, rivals=settings.rivals).score()


def evaluator(settings: Settings, pool: Executor | None = None) -> Evaluate:
    """Scores of a recipe (or named strategy) on each seed, in seed order; in `pool` if given."""

    def evaluate(plan: Recipe | str, seeds: Sequence[int]) -> list[float]:
        if pool is None:
            return [play_score(settings, plan, seed) for seed in seeds]
        return list(pool.map(play_score, [settings] * len(seeds), [plan] * len(seeds), seeds))

    return evaluate


@attrs.frozen
class SearchResult:
    """The climb: where it started, where it ended, and every recipe it accepted on the way."""

    start: Recipe
    start_score: float
    best: Recipe
    best_score: float
    accepted: tuple[tuple[Recipe, float], ...]  # oldest first, the start included
    iterations: int

    def leaders(self, count: int) -> list[Recipe]:
        """The `count` best distinct recipes seen, best first (the lookahead's candidates)."""
        ranked = sorted(self.accepted, key=lambda item: -item[1])
        return [recipe for recipe, _ in ranked[:count]]


def hill_climb(
    start: Recipe,
    seeds: Sequence[int],
    iterations: int,
    evaluate: Evaluate,
    *,
    search_seed: int = 1,
    progress: Callable[[int, float], None] | None = None,
) -> SearchResult:
    """Mutate the best recipe `iterations` times, keeping a neighbour only if it scores higher on `seeds`."""
    rng = random.Random(f"{search_seed}:recipe-search")
    best, best_score = start, mean(evaluate(start, seeds))
    start_score = best_score
    accepted = [(best, best_score)]
    for step in range(1, iterations + 1):
        candidate = mutate(best, rng, genes=rng.choice((1, 2, 3)))
        score = mean(evaluate(candidate, seeds))
        if score > best_score:
            best, best_score = candidate, score
            accepted.append((best, best_score))
        if progress:
            progress(step, best_score)
    return SearchResult(start, start_score, best, best_score, tuple(accepted), iterations)
