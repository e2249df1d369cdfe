"""The contest: rules that make each turn a decision rather than a recipe.

- Repeat fatigue (C1): a multi-vector state tires of one lever pulled again and again; each
  consecutive turn a power repeats an action in the same state keeps a share of its effect.
  Funding a project is building, not repeating a lever, so project actions never tire.
- Contested capacity (C4, C15): a state hosts only so many large projects at once, from any
  power; a Chinese loan and a US investment compete for the same place.
- Preparation that cannot be banked (C8): summit preparation is capped at 100 and fades.
- Trust before big moves (C5): a state refuses a big move until US trust reaches a threshold.
"""

from __future__ import annotations

from typing import NamedTuple

from game.content import effects as e
from game.content.scenario import ActionDef
from game.sim.world import World

LARGE_PROJECT = "large_project"
BIG_MOVE = "big"
PREPARATION = "c5plus1_preparation"


def _key(power: str, action: ActionDef, target: str | None) -> str:
    return f"{power}:{action.id}:{target or 'region'}"


class Facts(NamedTuple):
    """What the contest rules need to know of an action, worked out once per game (see `_facts`)."""

    action: ActionDef  # the action described (a test's variant with the same id is judged afresh)
    tires: bool  # repeat fatigue applies: not a project (building) nor a Washington order (C1)
    prepares: bool  # it adds summit preparation (C8)
    refusable: bool  # some refusal rule concerns it: a big move, a large project or preparation


def _facts(world: World) -> dict[str, Facts]:
    """Per action id, the action's `Facts`.

    The planners ask for every candidate order, so scanning effects each time would cost more
    than the rest of the question.
    """
    facts = world.facts.get("contest")
    if facts is None:
        facts = world.facts["contest"] = {action.id: _action_facts(action) for action in world.scenario.actions}
    return facts


def _action_facts(action: ActionDef) -> Facts:
    # Funding a project is building, not pulling a lever; Washington orders engage no state.
    builds = any(isinstance(effect, e.Progress) for effect in action.effects)
    prepares = any(isinstance(x, e.RegionAdjust) and x.variable == PREPARATION and x.amount > 0 for x in action.effects)
    return Facts(
        action,
        tires=not builds and action.target != "washington",
        prepares=prepares,
        refusable=prepares or BIG_MOVE in action.tags or LARGE_PROJECT in action.tags,
    )


def _fact(world: World, action: ActionDef) -> Facts:
    known = (world.facts.get("contest") or _facts(world)).get(action.id)
    if known is not None and known.action is action:
        return known
    return _action_facts(action)  # an action made outside the scenario (a test's variant)


def _keep(world: World) -> float:
    """The share of effect a repeated lever keeps (C1: 1 when balancing is switched off)."""
    balancing = world.rules.balancing
    return max(0.0, 1 - balancing.strength * (1 - balancing.repeat_fatigue))


def fatigue(world: World, power: str, action: ActionDef, target: str | None, uses: dict[str, float]) -> float:
    """The share of its effect an order keeps, and count it as a use this turn (C1)."""
    keep = _keep(world)
    if keep >= 1 or not _fact(world, action).tires:
        return 1.0
    key = _key(power, action, target)
    repeated = world.state.repeats.get(key, 0.0) + uses.get(key, 0.0)
    uses[key] = uses.get(key, 0.0) + 1
    return keep**repeated


def expected_fatigue(world: World, power: str, action: ActionDef, target: str | None) -> float:
    """The share of its effect an order placed now would keep (for planners; changes nothing).

    Asked for every candidate order of every planner, so written flat (the same arithmetic as `_keep`).
    """
    if not _fact(world, action).tires:
        return 1.0
    balancing = world.rules.balancing
    keep = 1 - balancing.strength * (1 - balancing.repeat_fatigue)
    if keep >= 1:
        return 1.0
    repeated = world.state.repeats.get(f"{power}:{action.id}:{target or 'region'}", 0.0)
    return (keep if keep > 0.0 else 0.0) ** repeated


def remember_uses(world: World, uses: dict[str, float]) -> None:
    """Consecutive uses carry into next turn; a lever rested for a turn is fresh again."""
    previous = world.state.repeats
    world.state.repeats = {key: previous.get(key, 0.0) + count for key, count in uses.items()}


def hosted_in(world: World, state_id: str) -> list[dict]:
    """The large projects a state hosts now (each occupies its place until its `until` turn)."""
    return [h for h in world.state.hosted if h["state"] == state_id and h["until"] >= world.turn]


def host_project(world: World, power: str, action: ActionDef, state_id: str | None) -> None:
    rules = world.rules.contest
    if rules.strength and state_id and LARGE_PROJECT in action.tags:
        world.state.hosted.append(
            {"state": state_id, "power": power, "action": action.id, "until": world.turn + rules.project_turns - 1}
        )


def settle(world: World) -> None:
    """End of turn: finished projects free their place; summit preparation fades (C8)."""
    world.state.hosted = [h for h in world.state.hosted if h["until"] > world.turn]
    rules = world.rules.contest
    preparation = world.state.region.get(PREPARATION, 0.0)
    if rules.strength and preparation > 0:
        world.adjust_region(PREPARATION, -rules.preparation_decay * preparation, "rule:preparation_fades", ("C8",))


def may_refuse(world: World, action: ActionDef) -> bool:
    """Whether any contest rule concerns the action at all (if not, `refusal` is always None)."""
    return _fact(world, action).refusable


def refusal(world: World, action: ActionDef, state_id: str | None) -> str | None:
    """Why the contest rules refuse this action now (None: they allow it)."""
    facts = _fact(world, action)
    if not facts.refusable:  # neither a big move, a large project nor summit preparation
        return None
    if action.power == "us" and state_id is not None and BIG_MOVE in action.tags:
        first = world.rules.soft_power_first
        trust = world.state.countries[state_id].values["us_trust"]
        if first.strength and trust < first.big_move_trust:
            return (
                f"{world.state_name(state_id)} does not trust the US enough yet for {action.name.lower()}: "
                f"trust {trust:.0f} of {first.big_move_trust:.0f} needed (C5: soft power first)"
            )
    rules = world.rules.contest
    if not rules.strength:
        return None
    if state_id is not None and LARGE_PROJECT in action.tags:
        hosted = hosted_in(world, state_id)
        if len(hosted) >= rules.project_capacity:
            names = ", ".join(
                f"{world.powers.name(h['power'])}'s {world.actions[h['action']].name.lower()}" for h in hosted
            )
            return f"{world.state_name(state_id)} hosts as many large projects as it will take ({names})"
    if facts.prepares and world.state.region.get(PREPARATION, 0.0) >= 100:
        return "the next C5+1 summit is fully prepared; more preparation would be wasted"
    return None
