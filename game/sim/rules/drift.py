"""Drifts and decays each turn: Russia strain (C3), China wariness (C4), cash fading (C6),
trust fading (C6), neglect (C19)."""

from __future__ import annotations

from game.content.vocabulary import RULE_GLOBALS
from game.sim.world import World

# Ties above the floor need upkeep. For the US that is the long game (C6: what is not renewed
# fades); for every rival it is the states' multi-vector balancing (C1: no partner's ties
# are taken for granted), so the rivals' upkeep is not labelled as the US long game.
US_UPKEEP = ("rule:ties_fade", ("C6",))
RIVAL_UPKEEP = ("rule:rival_upkeep", ("C1",))


# The count of quarters without US engagement: kept whether or not C19 is on, because the C7
# window reads it too; only the decay that follows is C19's own rule.
ABSENCE = ("rule:absence", ("C7", "C19"))


def russia_strain(world: World, engaged: dict[str, float] | None = None) -> None:
    """C3: the war strains each state's ties with Moscow (more where the state balances harder,
    C1); strain eases slowly, fast once the war is over; Russian alignment slides toward the
    floor its structural ties guarantee in proportion to the strain.

    C7: where the US has left a state alone for `unopposed_after` quarters and did not engage
    it this turn either (`engaged`, points per state), Moscow repairs ties unopposed and the
    strain eases faster, so a window left unused closes (claims.md C7). A US side that rotates
    among the states is not punished; one that stays away is.
    """
    strain = world.rules.russia_strain
    if not strain.strength:
        return
    at_war = bool(world.state.globals.get(RULE_GLOBALS[0]))  # war_in_ukraine
    window = world.rules.window
    unopposed = window.strength * window.closes_unopposed
    least = world.rules.neglect.min_engagement - 1e-9
    for country in world.state.countries.values():
        multivector = world.state_defs[country.id].multivector
        change = (strain.growth * multivector - strain.ease) if at_war else -strain.ease_after_war
        world.adjust(country, "russia_strain", strain.strength * change, "rule:russia_strain", ("C3",))
        if (
            unopposed
            and engaged is not None
            and engaged.get(country.id, 0.0) < least
            and country.values["neglect_turns"] >= window.unopposed_after
        ):
            world.adjust(country, "russia_strain", -unopposed, "rule:window_closes", ("C3", "C7"))
        slide = strain.strength * strain.drift_per_turn * country.values["russia_strain"] / 100
        if slide > 0:
            world.shift_alignment(country, "russia", -slide, "rule:russia_strain", ("C3",))


def openings_fade(world: World) -> None:
    """C7: an opening an event announced (a reform drive, a quarrel with a rival) passes within a few quarters."""
    fade = world.rules.window.opening_fade
    for country in world.state.countries.values():
        opening = country.values["opening"]
        if opening > 0:
            world.adjust(country, "opening", -min(opening, fade), "rule:openings_fade", ("C7",))


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
                cause, claims = US_UPKEEP if power == "us" else RIVAL_UPKEEP
                world.shift_alignment(country, power, -long_game.durable_decay * above, cause, claims)
        trust = country.values["us_trust"]
        world.adjust(country, "us_trust", -long_game.trust_decay * trust, "rule:trust_fades", ("C6",))


def neglect(world: World, engaged: dict[str, float]) -> None:
    """C19: where the US did not engage, its alignment decays and rivals fill the gap.

    Judged state by state: `engaged` holds the points the US spent on each state this turn
    (a region-wide order shared among the five), and a state counts as engaged only at
    `min_engagement` points or more.
    """
    rules = world.rules.neglect
    for country in world.state.countries.values():  # counted even with C19 off: the C7 window reads it
        if engaged.get(country.id, 0.0) >= rules.min_engagement - 1e-9:
            if country.values["neglect_turns"]:
                world.adjust(country, "neglect_turns", -country.values["neglect_turns"], *ABSENCE)
            continue
        world.adjust(country, "neglect_turns", 1, *ABSENCE)
        overdue = country.values["neglect_turns"] - rules.grace_turns
        if overdue <= 0 or not rules.strength:
            continue
        above = country.alignment["us"] - country.floors["us"]
        rate = rules.strength * min(rules.max_decay, rules.decay_per_turn * overdue)
        loss = -world.shift_alignment(country, "us", -rate * above, "rule:neglect", ("C19",))
        rival_total = sum(country.alignment[r] for r in world.rivals) or 1.0
        for rival in world.rivals:
            share = country.alignment[rival] / rival_total
            world.shift_alignment(country, rival, loss * rules.fill_share * share, "rule:neglect", ("C19",))
