"""What an order is expected to do: the effects with receptivity applied (no simulation run).

The numbers use the same `receptivity` function the engine resolves with, so the preview
and the outcome agree except where other moves this turn change the picture.
"""

from __future__ import annotations

from game.content import effects as e
from game.content.scenario import ActionDef
from game.sim.effects import preview_line
from game.sim.preview import Look
from game.sim.receptivity import multiplier, receptivity
from game.sim.rules.summits import region_share
from game.sim.world import World
from game.ui.figures import points, turn_due


def effect_lines(world: World, action: ActionDef, state_id: str | None) -> list[str]:
    """One short line per effect, e.g. 'US alignment +2.1 now (fades)'."""
    targets = [state_id] if state_id else list(world.state_ids)
    lands = turn_due(world.turn + action.delay_turns, world.scenario.turns) if action.delay_turns else "now"
    look = Look(action, targets, region_share(world, action, action.power), lands)
    lines = [preview_line(world, effect, look) for effect in action.effects]
    if action.capital_cost:
        lines.append(f"spends {action.capital_cost} political capital")
    return lines


def factor_lines(world: World, action: ActionDef, state_id: str | None) -> list[str]:
    """The receptivity multipliers behind an influence gain, each with its claim."""
    if state_id is None or not any(isinstance(x, e.Influence) for x in action.effects):
        return []
    country = world.country(state_id)
    factors = receptivity(world, country, action.power, action.track)
    total = multiplier(world, country, action.power, action.track)
    parts = [f"×{f.value:.2f} {f.label} ({f.claim})" for f in factors]
    return [f"receptivity ×{total:.2f} in {world.state_name(state_id)}: " + "; ".join(parts)]


def action_tip(world: World, action: ActionDef, state_id: str | None, cost: float, reason: str | None) -> str:
    """The full tooltip for an action button."""
    parts = [action.description] if action.description else []
    delay = f", lands {turn_due(world.turn + action.delay_turns, world.scenario.turns)}" if action.delay_turns else ""
    parts.append(f"Cost {points(cost)} {action.track.replace('_', ' ')}{delay}. Claims: {', '.join(action.claims)}.")
    parts.append("Expected: " + "; ".join(effect_lines(world, action, state_id)) + ".")
    parts.extend(factor_lines(world, action, state_id))
    if reason:
        parts.append(f"Not possible now: {reason}.")
    return " ".join(parts)
