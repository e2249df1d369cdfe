"""The tooltip of a state on the map: its name, who leads it and the three alignments.

Kept apart from the map view, which only draws, so the text can be tested without a window.
"""

from __future__ import annotations

from game.content.vocabulary import POWER_NAMES, POWERS
from game.sim.engine import Simulation


def state_tip(sim: Simulation, state_id: str) -> str:
    country = sim.state.countries[state_id]
    leader = country.leader()
    shares = ", ".join(f"{POWER_NAMES[p]} {country.alignment[p]:.1f}" for p in POWERS)
    return (
        f"{sim.world.state_name(state_id)} — leans toward {POWER_NAMES[leader]}. "
        f"Alignment: {shares}. Click to select it."
    )
