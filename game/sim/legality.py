"""Which orders are legal and what they cost: shared by the player's UI, the AIs and the engine.

Legality has two parts: whether an order makes sense now (`check_action`: the action, its
power, target, eligibility and availability) and whether it can be paid for alongside other
orders (`check_order` adds budgets, political capital and once-per-turn).
"""

from __future__ import annotations

from collections.abc import Iterable

from game.content.scenario import ActionDef
from game.sim.conditions import holds
from game.sim.orders import IllegalOrder, Order
from game.sim.rules import contest
from game.sim.rules.projects import ericen_funded
from game.sim.world import World


def order_cost(world: World, action: ActionDef) -> float:
    """Points an action costs now; ERICEN makes US trade cheaper once funded (C10)."""
    cost = float(action.cost)
    if action.power == "us" and action.track == "trade" and ericen_funded(world):
        cost *= 1 - world.rules.ericen.strength * world.rules.ericen.discount
    return cost


def check_action(world: World, order: Order) -> ActionDef:
    """Return the order's action if it makes sense now, ignoring budgets; else raise `IllegalOrder`."""
    if world.state.finished:
        raise IllegalOrder("the campaign is over")
    action = world.actions.get(order.action)
    if action is None:
        raise IllegalOrder(f"there is no action '{order.action}'")
    if action.power != order.power:
        raise IllegalOrder(f"{action.name} is not available to {order.power}")
    if action.target == "state":
        if order.target not in world.state.countries:
            raise IllegalOrder(f"{action.name} needs a state as its target")
        # `holds` is asked only when there is a condition (most actions have none: a call saved)
        eligible = action.eligible
        if eligible is not None and not holds(eligible, world, world.state.countries[order.target]):
            raise IllegalOrder(f"{action.name} cannot target {world.state_name(order.target)}")
    elif order.target is not None:
        raise IllegalOrder(f"{action.name} acts on the whole region; it takes no state")
    if action.requires is not None and not holds(action.requires, world):
        raise IllegalOrder(f"{action.name} is not available now")
    reason = contest.refusal(world, action, order.target)
    if reason:
        raise IllegalOrder(reason)
    return action


def eligible_states(world: World, action: ActionDef) -> list[str]:
    """The states a state action may target now (all of them when it has no `eligible` condition):
    a refusal can then say where the action does work. Not for the planners' loop; it asks every state."""
    countries = world.state.countries
    if action.eligible is None:
        return list(countries)
    return [state_id for state_id, country in countries.items() if holds(action.eligible, world, country)]


def remaining(world: World, power: str, queued: Iterable[Order] = ()) -> dict[str, float]:
    """Points per track (and, for the US, political capital) left after `queued` orders."""
    budget = dict(world.state.powers[power].budget)
    budget["capital"] = world.state.washington["political_capital"] if power == "us" else 0.0
    for order in queued:
        if order.power == power:
            action = world.actions[order.action]
            budget[action.track] -= order_cost(world, action)
            budget["capital"] -= action.capital_cost
    return budget


def affordable(world: World, action: ActionDef, budget: dict[str, float], cost: float | None = None) -> bool:
    """Whether `budget` (from `remaining`) covers the action; `cost` is its `order_cost` if known."""
    if cost is None:
        cost = order_cost(world, action)
    return cost <= budget[action.track] + 1e-9 and action.capital_cost <= budget["capital"] + 1e-9


def out_of_budget(budget: dict[str, float], cheapest: dict[str, float]) -> bool:
    """Whether no track's budget covers the cheapest candidate on it: the planners stop there
    (budgets only fall while choosing, so every later candidate would be dropped)."""
    for track, least in cheapest.items():  # noqa: SIM110 - a loop: no generator per pick
        if budget[track] + 1e-9 >= least:
            return False
    return True


def check_order(world: World, order: Order, queued: Iterable[Order] = ()) -> ActionDef:
    """Return the order's action if it is legal alongside `queued`; else raise `IllegalOrder`."""
    action = check_action(world, order)
    queued = list(queued)
    if action.once_per_turn and order in queued:
        raise IllegalOrder(f"{action.name} is already ordered there this turn")
    if queued:
        budget = remaining(world, order.power, queued)
        points, capital = budget[action.track], budget["capital"]
    else:  # the engine's re-check as each order resolves: what `remaining` gives, without a copy
        points = world.state.powers[order.power].budget[action.track]
        capital = world.state.washington["political_capital"] if order.power == "us" else 0.0
    cost = order_cost(world, action)
    if cost > points + 1e-9:
        track = action.track.replace("_", " ")
        raise IllegalOrder(
            f"not enough {track} points: {action.name} costs {round(cost, 1):g}, {round(max(0.0, points), 1):g} left"
        )
    if action.capital_cost > capital + 1e-9:
        raise IllegalOrder(
            f"not enough political capital: {action.name} needs {action.capital_cost}, {round(max(0.0, capital), 1):g} left"
        )
    return action


def legal_moves(
    world: World, power: str, queued: Iterable[Order] = (), actions: Iterable[ActionDef] | None = None
) -> list[tuple[ActionDef, str | None]]:
    """Every (action, target) `power` could add now, in scenario order (the verdicts of `check_order`).

    `actions` narrows the search (a planner's tracks); pairs rather than `Order`s because
    planners weigh many more moves than they give.
    """
    queued = list(queued)
    result: list[tuple[ActionDef, str | None]] = []
    if world.state.finished:
        return result
    budget = remaining(world, power, queued)
    taken = {(o.action, o.target) for o in queued if o.power == power}  # for once-per-turn actions
    countries = world.state.countries
    for action in world.scenario.actions if actions is None else actions:
        if action.power != power or not affordable(world, action, budget):
            continue
        if action.requires is not None and not holds(action.requires, world):
            continue
        once = action.once_per_turn
        if action.target != "state":
            if not (once and (action.id, None) in taken) and not contest.refusal(world, action, None):
                result.append((action, None))
            continue
        eligible = action.eligible
        refusable = contest.may_refuse(world, action)  # most actions: no contest rule to ask per state
        for target in world.state_ids:
            if once and (action.id, target) in taken:
                continue
            if (eligible is None or holds(eligible, world, countries[target])) and not (
                refusable and contest.refusal(world, action, target)
            ):
                result.append((action, target))
    return result


def legal_orders(world: World, power: str, queued: Iterable[Order] = ()) -> list[Order]:
    """Every order `power` could add now, in scenario order (the same verdicts as `check_order`)."""
    return [Order(power, action.id, target) for action, target in legal_moves(world, power, queued)]
