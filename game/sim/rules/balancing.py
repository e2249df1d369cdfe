"""C1 multi-vector balancing: states pull back from a dominant power toward the others."""

from __future__ import annotations

from game.sim.world import World


def balance(world: World) -> None:
    rules = world.rules.balancing
    if not rules.strength:
        return
    for country in world.state.countries.values():
        # A `trait` effect may have changed it during play; otherwise the definition's value.
        strength = country.values.get("multivector", world.state_defs[country.id].multivector)
        leader = country.leader()
        over = country.share(leader) - rules.threshold
        if over <= 0 or strength <= 0:
            continue
        pull = rules.strength * rules.drift * strength * over / (1 - rules.threshold)
        lost = -world.shift_alignment(country, leader, -pull, "rule:balancing", ("C1",))
        others = [p for p in world.powers.ids if p != leader]  # the pull is shared evenly
        for other in others:
            if lost > 0:
                world.shift_alignment(country, other, lost / len(others), "rule:balancing", ("C1",))
