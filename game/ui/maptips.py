"""The tooltip of a state on the map: its name, who leads it, every power's alignment and share.

Kept apart from the map view, which only draws, so the text can be tested without a window.
"""

from __future__ import annotations

from game.sim.engine import Simulation
from game.ui.contest import next_tier_lines, state_looks, tender_line
from game.ui.figures import signed_amount


def state_tip(sim: Simulation, state_id: str) -> str:
    country = sim.state.countries[state_id]
    leader, names = country.leader(), sim.world.powers
    shares = ", ".join(f"{names.name(p)} {country.alignment[p]:.1f}" for p in names.ids)
    look = dict(state_looks(sim))[state_id]
    standing = ", ".join(
        f"{names.name(p)} {100 * look.shares[i]:.0f}% ({signed_amount(look.changes[i])})"
        for i, p in enumerate(look.powers)
    )
    tipped = (
        f" The lead tipped from {names.name(look.tipped_from)} since you last pressed End Turn."
        if look.tipped_from
        else ""
    )
    if look.opening:
        tipped += (
            f" An opening for the US lasts here: efforts go about \u00d7{look.opening:.1f} as far while it does (C7)."
        )
    tender = tender_line(sim, state_id)  # a contract out for offers (C15): when it closes, the offers so far
    if tender:
        tipped += f" {tender}."
    return (
        f"{sim.world.state_name(state_id)} — leans toward {names.name(leader)}. "
        f"Alignment: {shares}. Shares of the {names.count_word} (change in points since End Turn): {standing}.{tipped} "
        f"{next_tier_lines(sim, state_id)[0]}. Click to select it."
    )
