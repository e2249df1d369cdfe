"""US strategies for headless play, batch experiments and the thesis checks.

A strategy is data about preferences (tracks, tags, timing, concentration) fed to one
greedy planner, so strategies differ only in what they value — never in how rules apply.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from typing import Any

import attrs

from game.content import effects as e
from game.content.scenario import ActionDef
from game.sim.legality import check_order, legal_orders, order_cost, remaining
from game.sim.orders import Decision, IllegalOrder, Order
from game.sim.world import World

# Rough worth of one unit of each effect to the US, for ranking orders (not for resolving them).
_VARIABLE_WORTH = {"stability": 0.3, "economy": 0.25, "china_wariness": 0.05, "resilience": 0.15, "us_trust": 0.5}


@attrs.frozen
class Strategy:
    """How a headless US side spends its points."""

    name: str
    description: str
    tracks: tuple[str, ...] = ("soft_power", "trade", "diplomacy")
    prefer: tuple[tuple[str, float], ...] = ()  # action tag -> multiplier
    exclude: tuple[str, ...] = ()  # action tags never used
    active: Callable[[int, int], bool] = lambda turn, total: True
    spread: float = 0.6  # value kept by each further order in the same state this turn (1 = concentrate)
    only_states: Callable[[World, str], bool] = lambda world, state_id: True
    random_orders: bool = False


def _region_share(world: World, action: ActionDef) -> float:
    return world.rules.c5plus1.region_share * len(world.state_ids) if action.target == "region" else 1.0


def _effect_worth(world: World, effect: Any, state_id: str | None, pressure: float) -> float:
    if isinstance(effect, e.Influence):
        if effect.power in (None, "us"):
            return effect.amount * (1.0 if effect.durable else 0.7)
        return -effect.amount * 0.6 * pressure if effect.amount < 0 else 0.0
    if isinstance(effect, e.Goodwill):
        return effect.amount * 0.9
    if isinstance(effect, e.Adjust):
        worth = _VARIABLE_WORTH.get(effect.variable, 0.0) * effect.amount
        if effect.variable == "resilience" and state_id and world.country(state_id).flags.get("afghan_border"):
            worth *= 2
        return worth
    if isinstance(effect, e.Progress):
        remaining = 100 - world.state.projects.get(effect.project, 0.0)
        return 0.2 * min(effect.amount, remaining) if remaining > 0 else 0.0
    if isinstance(effect, e.RegionAdjust) and effect.variable == "c5plus1_preparation":
        room = 100 - world.state.region["c5plus1_preparation"]
        return 0.06 * min(effect.amount, room)
    if isinstance(effect, e.Washington):
        return 0.15 * effect.amount
    return 0.0


def order_worth(
    world: World, strategy: Strategy, action: ActionDef, state_id: str | None, memo: dict[Any, float] | None = None
) -> float:
    """The planner's estimate of an order's value per point spent.

    `memo` shares the state-independent part between an action's targets within one turn.
    """
    prefs = dict(strategy.prefer)
    afghan = bool(state_id and world.country(state_id).flags.get("afghan_border"))
    key = (action.id, afghan)
    if memo is not None and key in memo:
        worth = memo[key]
    else:
        pressure = prefs.get("pressure", 0.3)
        worth = sum(_effect_worth(world, effect, state_id, pressure) for effect in action.effects)
        worth *= _region_share(world, action)
        for tag in action.tags:
            worth *= prefs.get(tag, 1.0)
        if memo is not None:
            memo[key] = worth
    if state_id is not None:
        definition = world.state_defs[state_id]
        country = world.country(state_id)
        worth *= 0.5 + 3 * definition.score_weight + 0.15 * country.values["neglect_turns"]
    return worth / max(0.5, order_cost(world, action))


def choose_us_orders(
    world: World, strategy: Strategy, rng: random.Random, queued: list[Order] | None = None
) -> list[Order]:
    """The orders the strategy gives this turn (after any already `queued`)."""
    chosen: list[Order] = list(queued or [])
    if not strategy.tracks or not strategy.active(world.turn, world.scenario.turns):
        return chosen
    candidates = [
        order
        for order in legal_orders(world, "us", chosen)
        if world.actions[order.action].track in strategy.tracks
        and not set(world.actions[order.action].tags) & set(strategy.exclude)
        and (order.target is None or strategy.only_states(world, order.target))
    ]
    if strategy.random_orders:
        rng.shuffle(candidates)
        for order in candidates:
            _try_add(world, order, chosen)
        return chosen
    # A lazy max-heap on value after the strategy's per-state discount: an entry whose state
    # gained picks since it was pushed is re-pushed at its new value before it can win.
    heap: list[tuple[float, int, int, Order]] = []
    memo: dict[Any, float] = {}
    for index, order in enumerate(candidates):
        worth = order_worth(world, strategy, world.actions[order.action], order.target, memo)
        if worth > 0:
            heap.append((-worth, index, 0, order))
    heapq.heapify(heap)
    budget = remaining(world, "us", chosen)
    picks: dict[str | None, int] = {}
    cheapest = min((order_cost(world, world.actions[o.action]) for o in candidates), default=0.0)
    while heap and max(budget[t] for t in strategy.tracks) + 1e-9 >= cheapest:
        negative, index, seen, order = heapq.heappop(heap)
        now = picks.get(order.target, 0)
        if seen != now:
            heapq.heappush(heap, (negative * strategy.spread ** (now - seen), index, now, order))
            continue
        action = world.actions[order.action]
        cost = order_cost(world, action)
        if cost <= budget[action.track] + 1e-9 and action.capital_cost <= budget["capital"] + 1e-9:
            budget[action.track] -= cost
            budget["capital"] -= action.capital_cost
            chosen.append(order)
            picks[order.target] = now + 1
    return chosen


def _try_add(world: World, order: Order, chosen: list[Order]) -> bool:
    try:
        check_order(world, order, chosen)
    except IllegalOrder:
        return False
    chosen.append(order)
    return True


def choose_decision(world: World, strategy: Strategy, decision: Decision, rng: random.Random) -> str:
    """Pick an event choice: the best-valued for engaged strategies, the default for neglect."""
    event = world.scenario.event(decision.event)
    if strategy.name == "neglect" or not event.choices:
        return event.default_choice or event.choices[0].id
    if strategy.random_orders:
        return rng.choice(event.choices).id

    def worth(choice: Any) -> float:
        return sum(_effect_worth(world, effect, decision.state, 0.3) for effect in choice.effects) + sum(
            effect.amount * 0.2 for effect in choice.effects if isinstance(effect, e.Budget) and effect.power == "us"
        )

    return max(event.choices, key=worth).id


def _first_half(turn: int, total: int) -> bool:
    return turn <= total // 2


def _second_half(turn: int, total: int) -> bool:
    return turn > total // 2


STRATEGIES: dict[str, Strategy] = {
    s.name: s
    for s in (
        Strategy("neglect", "Does nothing: the cost of neglect (C19).", tracks=()),
        Strategy("soft-power", "Spends only soft power: education, culture, markets (C5, C6).", tracks=("soft_power",)),
        Strategy("trade", "Spends only the trade track: investment, resources, corridor, PNTR.", tracks=("trade",)),
        Strategy(
            "diplomacy",
            "Spends only diplomacy: C5+1, visits, security, water.",
            tracks=("diplomacy",),
            exclude=("pressure",),
        ),
        Strategy(
            "balanced",
            "Spends every track across the region and never tries to push rivals out.",
            exclude=("pressure",),
            prefer=(("corridor", 3.0), ("ericen", 2.0)),
        ),
        Strategy(
            "balanced-no-corridor",
            "Balanced, but never funds the Trans-Caspian route (for the C9 check).",
            exclude=("pressure", "corridor"),
        ),
        Strategy(
            "overreach",
            "Tries to push Russia and China out with pressure, concentrated on the big states (C1, C2).",
            prefer=(("pressure", 6.0), ("security", 2.0), ("resources", 1.5)),
            spread=1.0,
        ),
        Strategy(
            "early",
            "Balanced effort in the first half, then nothing (C7).",
            exclude=("pressure",),
            prefer=(("corridor", 3.0), ("ericen", 2.0)),
            active=_first_half,
        ),
        Strategy(
            "late",
            "Nothing in the first half, then balanced effort (C7).",
            exclude=("pressure",),
            prefer=(("corridor", 3.0), ("ericen", 2.0)),
            active=_second_half,
        ),
        Strategy("random", "Random legal orders until the points run out.", random_orders=True),
        Strategy(
            "old-lens",
            "The pre-2021 lens: security along the Afghan border only (C18).",
            tracks=("diplomacy",),
            prefer=(("security", 3.0),),
            exclude=("pressure",),
            only_states=lambda world, state_id: bool(world.country(state_id).flags.get("afghan_border")),
        ),
    )
}

STANDARD_STRATEGIES = (
    "neglect",
    "soft-power",
    "trade",
    "diplomacy",
    "balanced",
    "overreach",
    "early",
    "late",
    "random",
)
