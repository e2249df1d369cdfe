"""C1 multi-vector balancing: states pull back from a dominant power toward the others."""

from __future__ import annotations

from game.content.vocabulary import POWERS
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
        for other in POWERS:
            if other != leader and lost > 0:
                world.shift_alignment(country, other, lost / 2, "rule:balancing", ("C1",))
