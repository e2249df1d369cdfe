"""What an order is expected to do: the effects with receptivity applied (no simulation run).

The numbers use the same `receptivity` function the engine resolves with, so the preview
and the outcome agree except where other moves this turn change the picture.
"""

from __future__ import annotations

from typing import Any

from game.content import effects as e
from game.content.scenario import ActionDef
from game.content.vocabulary import POWER_NAMES
from game.sim.explain import describe_variable
from game.sim.receptivity import multiplier, receptivity
from game.sim.world import World


def _scale(world: World, action: ActionDef) -> float:
    if action.target != "region":
        return 1.0
    c5 = world.rules.c5plus1
    return c5.region_share * c5.strength


def effect_lines(world: World, action: ActionDef, state_id: str | None) -> list[str]:
    """One short line per effect, e.g. 'US alignment +2.1 now (fades)'."""
    scale = _scale(world, action)
    targets = [state_id] if state_id else list(world.state_ids)
    lines: list[str] = []
    lands = f"on turn {world.turn + action.delay_turns}" if action.delay_turns else "now"
    for effect in action.effects:
        lines.append(_line(world, action, effect, targets, scale, lands))
    if action.capital_cost:
        lines.append(f"spends {action.capital_cost} political capital")
    return lines


def _line(world: World, action: ActionDef, effect: Any, targets: list[str], scale: float, lands: str) -> str:
    each = " in each state" if len(targets) > 1 else ""
    if isinstance(effect, e.Influence):
        power = effect.power or action.power
        if effect.amount >= 0:
            gains = [effect.amount * scale * multiplier(world, world.country(t), power, action.track) for t in targets]
            mean = sum(gains) / len(gains)
            kind = "lasting" if effect.durable else "fades (C6)"
            return f"{POWER_NAMES[power]} alignment +{mean:.1f}{' on average' if each else ''} {lands} ({kind})"
        return f"{POWER_NAMES[power]} alignment {effect.amount * scale:+.1f}{each} {lands}"
    if isinstance(effect, e.Goodwill):
        delay = effect.matures_in or world.rules.long_game.mature_turns
        due = world.turn + action.delay_turns + delay
        return f"goodwill +{effect.amount * scale:.1f}{each}, matures on turn {due} (C5, C6)"
    if isinstance(effect, e.Shift):
        return f"{POWER_NAMES[effect.power]} alignment {effect.amount * scale:+.1f}{each} {lands}"
    if isinstance(effect, e.Adjust):
        return f"{describe_variable('values.' + effect.variable)} {effect.amount * scale:+.1f}{each}"
    if isinstance(effect, e.Floor):
        return f"{POWER_NAMES[effect.power]}'s floor {effect.amount:+.1f}"
    if isinstance(effect, e.Progress):
        name = next((p.name for p in world.scenario.projects if p.id == effect.project), effect.project)
        done = world.state.projects.get(effect.project, 0.0)
        return f"{name} +{effect.amount * scale:.0f}% (now {done:.0f}%)"
    if isinstance(effect, e.RegionAdjust):
        return f"{effect.variable.replace('_', ' ')} {effect.amount * scale:+.1f}"
    if isinstance(effect, e.Washington):
        return f"{effect.variable.replace('_', ' ')} {effect.amount:+.1f}"
    if isinstance(effect, e.Budget):
        return f"{POWER_NAMES[effect.power]} {effect.track.replace('_', ' ')} {effect.amount:+.1f}"
    if isinstance(effect, e.SetFlag):
        return f"{effect.flag.replace('_', ' ')} {'granted' if effect.value else 'removed'}"
    return type(effect).__name__.lower()


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
    delay = f", lands in {action.delay_turns} turn(s)" if action.delay_turns else ""
    parts.append(f"Cost {cost:g} {action.track.replace('_', ' ')}{delay}. Claims: {', '.join(action.claims)}.")
    parts.append("Expected: " + "; ".join(effect_lines(world, action, state_id)) + ".")
    parts.extend(factor_lines(world, action, state_id))
    if reason:
        parts.append(f"Not possible now: {reason}.")
    return " ".join(parts)
