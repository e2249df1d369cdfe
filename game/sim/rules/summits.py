"""C8 C5+1 formats: how much of a region-wide order each state receives.

The one place the region share is computed: the engine resolves with it, the preview shows it
and the US planner values orders by it.
"""

from __future__ import annotations

from game.content.scenario import ActionDef
from game.sim.world import World

C5PLUS1_TAG = "c5plus1"


def region_share(world: World, action: ActionDef, power: str) -> float:
    """The share of a region-wide action's effect each state receives (1 for a one-state action).

    Only US C5+1 formats depend on the C5+1 claim's strength, so switching C8 off does not
    freeze other region-wide work such as ERICEN.
    """
    if action.target != "region":
        return 1.0
    c5 = world.rules.c5plus1
    share = c5.region_share
    if power == "us" and C5PLUS1_TAG in action.tags:
        share *= c5.strength
    return share
