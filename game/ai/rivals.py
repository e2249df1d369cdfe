"""How the computer's sides are played: the doctrines (active) or not at all (passive).

Front ends pick one of these by name and pass it to `Simulation` as its rival chooser;
passive rivals measure how much the contest matters and give a first lesson without one.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.doctrine import choose_rival_orders
from game.sim.engine import RivalChooser
from game.sim.orders import Order, PlannedOrder
from game.sim.world import World


def issue_no_orders(world: World, power: str, queued: Sequence[Order]) -> list[PlannedOrder]:
    """A passive rival: it spends nothing, so only the rules (drift, balancing, events) move it."""
    return []


RIVAL_MODES: dict[str, RivalChooser] = {"active": choose_rival_orders, "passive": issue_no_orders}


def rival_chooser(mode: str) -> RivalChooser:
    """The chooser for `mode` ('active' or 'passive'); a clear error for anything else."""
    try:
        return RIVAL_MODES[mode]
    except KeyError:
        raise ValueError(f"unknown rivals mode '{mode}'; choose from {', '.join(RIVAL_MODES)}") from None
