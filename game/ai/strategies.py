"""US strategies for headless play, batch experiments and the thesis checks.

A strategy is data about preferences (tracks, tags, timing, concentration) fed to one
greedy planner, so strategies differ only in what they value — never in how rules apply.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs

from game.content import effects as e
from game.content.scenario import ActionDef
from game.sim.effects import effect_value
from game.sim.events import available_choices
from game.sim.legality import check_order, legal_moves, order_cost, out_of_budget, remaining
from game.sim.orders import Decision, IllegalOrder, Order
from game.sim.rules import contest
from game.sim.rules.summits import region_share
from game.sim.world import World


@attrs.frozen
class Strategy:
    """How a headless US side spends its points."""

    name: str
    description: str
    tracks: tuple[str, ...] = ("soft_power", "trade", "diplomacy")
    prefer: tuple[tuple[str, float], ...] = ()  # action tag -> multiplier
    prefer_actions: tuple[tuple[str, float], ...] = ()  # action id -> multiplier (searched recipes)
    track_weights: tuple[tuple[str, float], ...] = ()  # track -> multiplier (searched recipes)
    exclude: tuple[str, ...] = ()  # action tags never used
    active: Callable[[int, int], bool] = lambda turn, total: True
    spread: float = 0.6  # value kept by each further order in the same state this turn (1 = concentrate)
    only_states: Callable[[World, str], bool] = lambda world, state_id: True
    random_orders: bool = False
    state_weights: tuple[tuple[str, float], ...] = ()  # state id -> multiplier (the lookahead's focus)


class _Prefs(NamedTuple):
    """A strategy's preference tables as dicts, built once per turn instead of once per order."""

    tags: dict[str, float]
    states: dict[str, float]
    actions: dict[str, float]
    tracks: dict[str, float]


def _prefs(strategy: Strategy, memo: dict[Any, Any]) -> _Prefs:
    prefs = memo.get(_Prefs)  # the class itself as the key: no state id or (action, flag) pair equals it
    if prefs is None:
        prefs = memo[_Prefs] = _Prefs(
            dict(strategy.prefer),
            dict(strategy.state_weights),
            dict(strategy.prefer_actions),
            dict(strategy.track_weights),
        )
    return prefs


def order_worth(
    world: World,
    strategy: Strategy,
    action: ActionDef,
    state_id: str | None,
    memo: dict[Any, Any] | None = None,
    cost: float | None = None,
) -> float:
    """The planner's estimate of an order's value per point spent.

    `memo` (one turn's, one strategy's) keeps the parts orders share: an action's worth
    (which depends on the state only through its Afghan border), each state's weight and the
    strategy's preferences; `cost` is the action's `order_cost` if the caller already has it.
    """
    if memo is None:
        memo = {}
    weight = 1.0
    afghan = False
    if state_id is not None:
        known = memo.get(state_id)
        if known is None:
            country = world.state.countries[state_id]
            known = memo[state_id] = (
                bool(country.flags.get("afghan_border")),
                (0.5 + 3 * world.state_defs[state_id].score_weight + 0.15 * country.values["neglect_turns"])
                * _prefs(strategy, memo).states.get(state_id, 1.0),
            )
        afghan, weight = known
    key = (action.id, afghan)
    worth = memo.get(key)
    if worth is None:
        prefs = _prefs(strategy, memo)
        tags = prefs.tags
        pressure = tags.get("pressure", 0.3)
        worth = sum(effect_value(world, effect, state_id, pressure) for effect in action.effects)
        worth *= region_share(world, action, "us") * (len(world.state_ids) if action.target == "region" else 1)
        for tag in action.tags:
            worth *= tags.get(tag, 1.0)
        if strategy.prefer_actions or strategy.track_weights:
            worth *= prefs.actions.get(action.id, 1.0) * prefs.tracks.get(action.track, 1.0)
        memo[key] = worth
    if state_id is not None:
        worth *= weight
    worth *= contest.expected_fatigue(world, "us", action, state_id)  # C1: a tired lever yields less
    return worth / max(0.5, order_cost(world, action) if cost is None else cost)


def choose_us_orders(
    world: World, strategy: Strategy, rng: random.Random | None, queued: list[Order] | None = None
) -> list[Order]:
    """The orders the strategy gives this turn (after any already `queued`).

    `rng` is only drawn on by random strategies (others may pass None).
    """
    chosen: list[Order] = list(queued or [])
    if not strategy.tracks or not strategy.active(world.turn, world.scenario.turns):
        return chosen
    actions = _strategy_actions(world, strategy)
    candidates = [
        (action, target)
        for action, target in legal_moves(world, "us", chosen, actions)
        if target is None or strategy.only_states(world, target)
    ]
    if strategy.random_orders:
        assert rng is not None, "a random strategy needs its generator"
        rng.shuffle(candidates)
        for action, target in candidates:
            _try_add(world, Order("us", action.id, target), chosen)
        return chosen
    costs = {action.id: order_cost(world, action) for action in actions}  # fixed while choosing
    # A lazy max-heap on value after the strategy's per-state discount: an entry whose state
    # gained picks since it was pushed is re-pushed at its new value before it can win.
    heap: list[tuple[float, int, int, ActionDef, str | None]] = []
    memo: dict[Any, Any] = {}
    for index, (action, target) in enumerate(candidates):
        worth = order_worth(world, strategy, action, target, memo, costs[action.id])
        if worth > 0:
            heap.append((-worth, index, 0, action, target))
    heapq.heapify(heap)
    budget = remaining(world, "us", chosen)
    picks: dict[str | None, int] = {}
    # The cheapest candidate per track: once no track's budget covers its cheapest, every later
    # pop would be dropped as unaffordable, so the loop stops there (budgets only fall).
    cheapest: dict[str, float] = {}
    for action, _ in candidates:
        if costs[action.id] < cheapest.get(action.track, math.inf):
            cheapest[action.track] = costs[action.id]
    spent = out_of_budget(budget, cheapest)  # asked again only after a pick: nothing else spends
    while heap and not spent:
        negative, index, seen, action, target = heapq.heappop(heap)
        cost = costs[action.id]
        if cost > budget[action.track] + 1e-9 or action.capital_cost > budget["capital"] + 1e-9:
            continue  # budgets only fall: it will never be affordable, so it is dropped, not re-pushed
        now = picks.get(target, 0)
        if seen != now:
            heapq.heappush(heap, (negative * strategy.spread ** (now - seen), index, now, action, target))
            continue
        budget[action.track] -= cost
        budget["capital"] -= action.capital_cost
        chosen.append(Order("us", action.id, target))
        picks[target] = now + 1
        spent = out_of_budget(budget, cheapest)
    return chosen


def _strategy_actions(world: World, strategy: Strategy) -> list[ActionDef]:
    """The US actions a strategy may use, in scenario order (content only: found once per game)."""
    memo = world.facts.setdefault("strategy_actions", {})
    known = memo.get(strategy.name)
    if known is not None and known[0] is strategy:
        return known[1]
    excluded = set(strategy.exclude)
    actions = [
        a
        for a in world.scenario.actions
        if a.power == "us" and a.track in strategy.tracks and excluded.isdisjoint(a.tags)
    ]
    memo[strategy.name] = (strategy, actions)
    return actions


def _try_add(world: World, order: Order, chosen: list[Order]) -> bool:
    try:
        check_order(world, order, chosen)
    except IllegalOrder:
        return False
    chosen.append(order)
    return True


def choose_decision(world: World, strategy: Strategy, decision: Decision, rng: random.Random | None) -> str:
    """Pick an event choice: the best-valued for engaged strategies, the default for neglect.

    `rng` is only drawn on by random strategies (others may pass None).
    """
    event = world.scenario.event(decision.event)
    if strategy.name == "neglect" or not event.choices:
        return event.default_choice or event.choices[0].id
    offered = available_choices(world, decision)  # a choice with `when` only while it holds
    if strategy.random_orders:
        assert rng is not None, "a random strategy needs its generator"
        return rng.choice(offered).id

    def worth(choice: Any) -> float:
        return sum(effect_value(world, effect, decision.state, 0.3) for effect in choice.effects) + sum(
            effect.amount * 0.2 for effect in choice.effects if isinstance(effect, e.Budget) and effect.power == "us"
        )

    return max(offered, key=worth).id


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
