"""Russia and China choose their orders from the doctrines in the scenario YAML.

Each candidate order scores its priority's weight times how well the target fits the
priority's focus; responses to last turn's US moves add candidates. Lower skill adds noise.
Each chosen order carries a one-line stated reason for the turn report.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.content.scenario import ActionDef
from game.content.vocabulary import POWER_NAMES
from game.sim.conditions import holds
from game.sim.legality import affordable, check_action, order_cost, remaining
from game.sim.orders import IllegalOrder, Order, PlannedOrder
from game.sim.world import World


def _focus(world: World, power: str, focus: str, state_id: str | None) -> float:
    """How well a target suits a priority's focus (region-wide orders count as average)."""
    if state_id is None:
        return 1.0
    alignment = world.state.countries[state_id].alignment
    definition = world.state_defs[state_id]
    own = alignment[power]
    weight = 0.4 + 3 * definition.score_weight
    if focus == "defend":
        fit = 1 + max(0.0, definition.alignment.get(power) - own) / 8 + alignment["us"] / 40
    elif focus == "expand":
        fit = max(0.2, 1 + (60 - own) / 40)
    elif focus == "contest":
        fit = 0.4 + alignment["us"] / 25
    else:
        fit = 1.0
    return weight * fit


def _reason(template: str, world: World, power: str, state_id: str | None) -> str:
    name = world.state_name(state_id) if state_id else "the region"
    return template.format(state=name, power=POWER_NAMES[power])


def choose_rival_orders(world: World, power: str, already: Sequence[Order]) -> list[PlannedOrder]:
    """The orders an AI power gives this turn, each with its stated reason."""
    doctrine = world.scenario.power(power).doctrine
    if doctrine is None:
        return []
    rng = world.rng(f"ai:{power}")
    noise = 1 - world.difficulty.rival_skill
    countries = world.state.countries
    # Candidates are (value, index, action, target, reason template); an `Order` is built and
    # its reason filled in only for those chosen.
    candidates: list[tuple[float, int, ActionDef, str | None, str]] = []
    for priority in doctrine.priorities:
        action = world.actions[priority.action]
        targets: Sequence[str | None] = world.state_ids if action.target == "state" else (None,)
        reason = priority.reason or f"{action.name} in {{state}}"
        for target in targets:
            if target is not None and priority.when is not None and not holds(priority.when, world, countries[target]):
                continue
            value = priority.weight * _focus(world, power, priority.focus, target)
            candidates.append((value, len(candidates), action, target, reason))
    for response in doctrine.responses:
        action = world.actions[response.action]
        for us_order in world.state.last_us_orders:
            target = us_order["target"] if action.target == "state" else None
            if response.to_tag in us_order["tags"] and (target or action.target != "state"):
                candidates.append(
                    (
                        response.weight * 1.5,
                        len(candidates),
                        action,
                        target,
                        response.reason or "answering a US move in {state}",
                    )
                )
    uniform = rng.uniform
    # Sorted on (-score, index): indexes are unique, so the tuples' tails are never compared.
    scored = [
        (-(value * (1 + noise * uniform(-0.8, 0.8))), index, action, target, reason)
        for value, index, action, target, reason in candidates
    ]
    scored.sort()
    budget = remaining(world, power, already)
    costs = {action.id: order_cost(world, action) for _, _, action, _, _ in candidates}
    chosen: set[tuple[str, str | None]] = set()
    sensible: dict[tuple[str, str | None], bool] = {}  # check_action's verdict per (action, target)
    planned: list[PlannedOrder] = []
    for _, _, action, target, reason in scored:
        key = (action.id, target)
        cost = costs[action.id]
        if key in chosen or not affordable(world, action, budget, cost):
            continue
        order = Order(power, action.id, target)
        if key not in sensible:
            try:
                check_action(world, order)
                sensible[key] = True
            except IllegalOrder:
                sensible[key] = False
        if not sensible[key]:
            continue
        chosen.add(key)
        budget[action.track] -= cost
        planned.append(PlannedOrder(order, _reason(reason, world, power, target)))
    return planned
