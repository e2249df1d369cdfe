"""C9/C10 regional projects: funding, completion, ERICEN's boost and the corridor's trade."""

from __future__ import annotations

from game.content.vocabulary import CORRIDOR, ERICEN
from game.sim.effects import EffectContext, apply_effects
from game.sim.world import World


def ericen_funded(world: World) -> bool:
    return world.state.projects.get(ERICEN, 0.0) >= 100 and world.rules.ericen.strength > 0


def fund_project(world: World, project: str, amount: float, cause: str, claims: tuple[str, ...]) -> None:
    """Advance a project; ERICEN speeds the corridor (C10); completion fires its effects once."""
    if project == CORRIDOR and ericen_funded(world) and amount > 0:
        amount *= 1 + world.rules.ericen.strength * world.rules.ericen.corridor_boost
    before = world.state.projects[project]
    world.advance_project(project, amount, cause, claims)
    if before < 100 <= world.state.projects[project]:
        definition = next(p for p in world.scenario.projects if p.id == project)
        scale = world.rules.corridor.strength if project == CORRIDOR else 1.0
        ctx = EffectContext("event", world.state_ids, f"project:{project}", definition.claims, scale=scale)
        apply_effects(definition.on_complete, world, ctx)
    world.state.engaged.setdefault("projects", [])
    if project not in world.state.engaged["projects"]:
        world.state.engaged["projects"].append(project)


def advance_projects(world: World) -> None:
    """Unfunded projects slip; a finished corridor keeps bringing western trade (C9)."""
    funded = world.state.engaged.get("projects", [])
    for definition in world.scenario.projects:
        progress = world.state.projects[definition.id]
        if progress < 100 and definition.decay_per_turn and definition.id not in funded:
            world.advance_project(definition.id, -definition.decay_per_turn, "rule:projects_slip", definition.claims)
    corridor = world.rules.corridor
    if world.state.projects.get(CORRIDOR, 0.0) >= 100 and corridor.strength:
        world.adjust_region(
            "western_trade", corridor.strength * corridor.western_trade_per_turn, "rule:corridor", ("C9",)
        )
    world.state.engaged["projects"] = []
