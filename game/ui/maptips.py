"""The tooltip of a state on the map: its name, who leads it, the three alignments and shares.

Kept apart from the map view, which only draws, so the text can be tested without a window.
"""

from __future__ import annotations

from game.content.vocabulary import POWER_NAMES, POWERS
from game.sim.engine import Simulation
from game.ui.contest import next_tier_lines, state_looks
from game.ui.figures import signed_amount


def state_tip(sim: Simulation, state_id: str) -> str:
    country = sim.state.countries[state_id]
    leader = country.leader()
    shares = ", ".join(f"{POWER_NAMES[p]} {country.alignment[p]:.1f}" for p in POWERS)
    look = dict(state_looks(sim))[state_id]
    standing = ", ".join(
        f"{POWER_NAMES[p]} {100 * look.shares[i]:.0f}% ({signed_amount(look.changes[i])})" for i, p in enumerate(POWERS)
    )
    tipped = (
        f" The lead tipped from {POWER_NAMES[look.tipped_from]} since you last pressed End Turn."
        if look.tipped_from
        else ""
    )
    return (
        f"{sim.world.state_name(state_id)} — leans toward {POWER_NAMES[leader]}. "
        f"Alignment: {shares}. Shares of the three (change in points since End Turn): {standing}.{tipped} "
        f"{next_tier_lines(sim, state_id)[0]}. Click to select it."
    )
