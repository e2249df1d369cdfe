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
from game.sim.rules import contest
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


def tender_offer(world: World, action: ActionDef, state_id: str | None, cost: float) -> tuple[str, str] | None:
    """While a tender is open in the state (C13, C15): the order's offer as a short line under its
    button ('tender offer about 3.8') and a sentence for its tooltip; None when no tender concerns it.

    The weight is the one the engine weighs the offer with (`contest.offer_weight`), read now, so
    other moves this turn can shift it a little.
    """
    if state_id is None or action.target != "state":
        return None
    tender = contest.open_tender(world, state_id)
    if tender is None:
        return None
    name = world.state_name(state_id)
    if not contest.makes_offer(world, action):
        return (
            "no tender offer",
            f"No offer for {name}'s tender: funding a project builds for the region (C15).",
        )
    weight = contest.offer_weight(world, action.power, action, state_id)
    prize = contest.prize(world)
    offer = cost * weight
    return (
        f"tender offer about {offer:.1f}",
        f"{name} has a tender open: this order counts as an offer of about {offer:.1f} ({points(cost)} points "
        f"×{weight:.2f}, as {name} weighs {world.powers.adjective(action.power)} offers now); the best offer "
        f"when it closes wins +{prize:.0f} alignment and floor there (C13, C15).",
    )


def action_tip(world: World, action: ActionDef, state_id: str | None, cost: float, reason: str | None) -> str:
    """The full tooltip for an action button."""
    parts = [action.description] if action.description else []
    delay = f", lands {turn_due(world.turn + action.delay_turns, world.scenario.turns)}" if action.delay_turns else ""
    parts.append(f"Cost {points(cost)} {action.track.replace('_', ' ')}{delay}. Claims: {', '.join(action.claims)}.")
    parts.append("Expected: " + "; ".join(effect_lines(world, action, state_id)) + ".")
    parts.extend(factor_lines(world, action, state_id))
    offer = tender_offer(world, action, state_id, cost)
    if offer is not None:
        parts.append(offer[1])
    if reason:
        parts.append(f"Not possible now: {reason}.")
    return " ".join(parts)
