"""Russia and China choose their orders from the doctrines in the scenario YAML.

Each candidate order scores its priority's weight times how well the target fits the
priority's focus; responses to last turn's US moves add candidates. Lower skill adds noise.
Each chosen order carries a one-line stated reason for the turn report.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.content.vocabulary import POWER_NAMES
from game.sim.conditions import holds
from game.sim.legality import affordable, check_action, order_cost, remaining
from game.sim.orders import IllegalOrder, Order, PlannedOrder
from game.sim.world import World


def _focus(world: World, power: str, focus: str, state_id: str | None) -> float:
    """How well a target suits a priority's focus (region-wide orders count as average)."""
    if state_id is None:
        return 1.0
    country = world.country(state_id)
    own = country.alignment[power]
    start = world.state_defs[state_id].alignment.get(power)
    weight = 0.4 + 3 * world.state_defs[state_id].score_weight
    if focus == "defend":
        fit = 1 + max(0.0, start - own) / 8 + country.alignment["us"] / 40
    elif focus == "expand":
        fit = max(0.2, 1 + (60 - own) / 40)
    elif focus == "contest":
        fit = 0.4 + country.alignment["us"] / 25
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
    # Candidates carry a reason template; only chosen orders have their reason filled in.
    candidates: list[tuple[float, int, Order, str]] = []
    for priority in doctrine.priorities:
        action = world.actions[priority.action]
        targets: Sequence[str | None] = world.state_ids if action.target == "state" else (None,)
        for target in targets:
            if (
                target is not None
                and priority.when is not None
                and not holds(priority.when, world, world.country(target))
            ):
                continue
            value = priority.weight * _focus(world, power, priority.focus, target)
            candidates.append(
                (
                    value,
                    len(candidates),
                    Order(power, action.id, target),
                    priority.reason or f"{action.name} in {{state}}",
                )
            )
    for response in doctrine.responses:
        action = world.actions[response.action]
        for us_order in world.state.last_us_orders:
            target = us_order["target"] if action.target == "state" else None
            if response.to_tag in us_order["tags"] and (target or action.target != "state"):
                candidates.append(
                    (
                        response.weight * 1.5,
                        len(candidates),
                        Order(power, action.id, target),
                        response.reason or "answering a US move in {state}",
                    )
                )
    scored = [
        (value * (1 + noise * rng.uniform(-0.8, 0.8)), index, order, reason)
        for value, index, order, reason in candidates
    ]
    scored.sort(key=lambda item: (-item[0], item[1]))
    budget = remaining(world, power, already)
    chosen: set[Order] = set()
    sensible: dict[Order, bool] = {}
    planned: list[PlannedOrder] = []
    for _, _, order, reason in scored:
        action = world.actions[order.action]
        if order in chosen or not affordable(world, action, budget):
            continue
        if order not in sensible:
            try:
                check_action(world, order)
                sensible[order] = True
            except IllegalOrder:
                sensible[order] = False
        if not sensible[order]:
            continue
        chosen.add(order)
        budget[action.track] -= order_cost(world, action)
        planned.append(PlannedOrder(order, _reason(reason, world, power, order.target)))
    return planned
