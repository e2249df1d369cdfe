"""Drifts and decays each turn: Russia strain (C3), China wariness (C4), cash fading (C6),
trust fading (C6), neglect (C19)."""

from __future__ import annotations

from game.content.vocabulary import RIVALS, RULE_GLOBALS
from game.sim.world import World

# Ties above the floor need upkeep. For the US that is the long game (C6: what is not renewed
# fades); for Russia and China it is the states' multi-vector balancing (C1: no partner's
# ties are taken for granted), so the rivals' upkeep is not labelled as the US long game.
UPKEEP: dict[str, tuple[str, tuple[str, ...]]] = {
    "us": ("rule:ties_fade", ("C6",)),
    "russia": ("rule:rival_upkeep", ("C1",)),
    "china": ("rule:rival_upkeep", ("C1",)),
}


def russia_strain(world: World) -> None:
    """C3: while the war lasts, Russian alignment slides toward the floor its ties guarantee."""
    strain = world.rules.russia_strain
    if not strain.strength or not world.state.globals.get(RULE_GLOBALS[0]):  # war_in_ukraine
        return
    for country in world.state.countries.values():
        world.shift_alignment(
            country, "russia", -strain.strength * strain.drift_per_turn, "rule:russia_strain", ("C3",)
        )


def china_wariness(world: World) -> None:
    """C4: Chinese weight above a threshold keeps adding wariness, which also fades slowly."""
    wary = world.rules.china_wariness
    for country in world.state.countries.values():
        growth = wary.strength * wary.from_weight * max(0.0, country.alignment["china"] - 30)
        world.adjust(country, "china_wariness", growth - wary.decay, "rule:china_wariness", ("C4",))


def cash_fades(world: World) -> None:
    """C6: cash-bought influence fades fast; all ties need upkeep and fade slowly; so does trust."""
    long_game = world.rules.long_game
    for country in world.state.countries.values():
        for power, fragile in country.fragile.items():
            if fragile > 0:
                lost = -world.shift_alignment(
                    country, power, -fragile * long_game.cash_decay, "rule:cash_fades", ("C6",)
                )
                world.adjust_fragile(
                    country, power, -max(lost, fragile * long_game.cash_decay), "rule:cash_fades", ("C6",)
                )
            above = country.alignment[power] - country.floors[power]
            if above > 0:
                cause, claims = UPKEEP[power]
                world.shift_alignment(country, power, -long_game.durable_decay * above, cause, claims)
        trust = country.values["us_trust"]
        world.adjust(country, "us_trust", -long_game.trust_decay * trust, "rule:trust_fades", ("C6",))


def neglect(world: World, engaged: set[str]) -> None:
    """C19: where the US did not engage, its alignment decays and rivals fill the gap."""
    rules = world.rules.neglect
    if not rules.strength:
        return
    for country in world.state.countries.values():
        if country.id in engaged:
            if country.values["neglect_turns"]:
                world.adjust(country, "neglect_turns", -country.values["neglect_turns"], "rule:neglect", ("C19",))
            continue
        world.adjust(country, "neglect_turns", 1, "rule:neglect", ("C19",))
        overdue = country.values["neglect_turns"] - rules.grace_turns
        if overdue <= 0:
            continue
        above = country.alignment["us"] - country.floors["us"]
        rate = rules.strength * min(rules.max_decay, rules.decay_per_turn * overdue)
        loss = -world.shift_alignment(country, "us", -rate * above, "rule:neglect", ("C19",))
        rival_total = sum(country.alignment[r] for r in RIVALS) or 1.0
        for rival in RIVALS:
            share = country.alignment[rival] / rival_total
            world.shift_alignment(country, rival, loss * rules.fill_share * share, "rule:neglect", ("C19",))
