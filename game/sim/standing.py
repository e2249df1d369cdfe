"""Standing: a power's place in a state relative to the others (C1, C2).

A state's value to a power is its *share* of all the powers' alignment there, so every
rival gain is a loss. The share counts only up to the preferred-partner share: the article's
best result is a welcome, preferred additional partner (C2), not a state pulled out of its
neighbours' orbit, which balancing (C1) would undo anyway. The map, the state panel, the
score and the rivals' AI all read these functions, so they agree.
"""

from __future__ import annotations

import attrs

from game.sim.state import CountryState
from game.sim.world import World

DEFAULT_PREFERRED_SHARE = 0.40  # scenarios may set score.preferred_share

# Tiers of standing, worst first: what a player reads on the map and in the state panel.
RIVAL_LED = "rival-led"
LEVEL = "level"
LEADING = "leading"
PREFERRED = "preferred partner"
TIERS = (RIVAL_LED, LEVEL, LEADING, PREFERRED)
LEVEL_BAND = 2.0  # alignment points within which two powers count as level


def share(alignment: dict[str, float], power: str) -> float:
    """The power's share of all the powers' alignment (an even share when all are zero)."""
    total = sum(alignment.values())
    return alignment[power] / total if total else 1 / len(alignment)


def standing_value(alignment: dict[str, float], power: str, preferred_share: float) -> float:
    """The power's standing in a state, in percent: its share, counted up to the preferred share."""
    return 100.0 * min(share(alignment, power), preferred_share)


@attrs.frozen
class StateStanding:
    """A power's standing in one state, for display and for the rivals' AI."""

    state: str
    power: str
    share: float  # 0–1
    value: float  # percent, capped at the preferred share
    tier: str  # one of TIERS
    strongest_other: str  # the other power with the highest alignment
    next_tier: str | None  # the tier above, or None at the top
    points_needed: float  # the power's alignment gain that reaches the next tier (0 at the top)


def state_standing(country: CountryState, power: str, preferred_share: float) -> StateStanding:
    """Where `power` stands in `country`, and how far it is from the next tier.

    Points needed assume the others stand still: to be level, reach the strongest other's
    alignment less the level band; to lead, pass it; to be preferred, reach
    preferred_share / (1 - preferred_share) times the others' total.
    """
    alignment = country.alignment
    own = alignment[power]
    order = list(alignment)  # the scenario's declared order breaks ties
    others = [p for p in order if p != power]
    strongest = max(others, key=lambda p: (alignment[p], -order.index(p)))
    top_other = alignment[strongest]
    others_total = sum(alignment[p] for p in others)
    own_share = share(alignment, power)
    preferred_at = preferred_share / (1 - preferred_share) * others_total
    if own_share >= preferred_share and own > top_other:
        tier, target = PREFERRED, None
    elif own > top_other + LEVEL_BAND:
        tier, target = LEADING, preferred_at
    elif own >= top_other - LEVEL_BAND:
        tier, target = LEVEL, max(top_other + LEVEL_BAND, own) + 0.1
    else:
        tier, target = RIVAL_LED, top_other - LEVEL_BAND
    index = TIERS.index(tier)
    return StateStanding(
        state=country.id,
        power=power,
        share=own_share,
        value=100.0 * min(own_share, preferred_share),
        tier=tier,
        strongest_other=strongest,
        next_tier=TIERS[index + 1] if index + 1 < len(TIERS) else None,
        points_needed=max(0.0, target - own) if target is not None else 0.0,
    )


def regional_standing(world: World, power: str) -> float:
    """A power's standing across the region: each state's standing (its share of all the
    powers' alignment, counted up to the preferred-partner share), weighted by the state's
    importance (C14). A rival's gain anywhere is a loss for the others (C1, C2)."""
    preferred = world.scenario.score.preferred_share
    countries = world.state.countries
    total = 0.0
    weights = 0.0
    for definition in world.scenario.states:
        total += definition.score_weight * standing_value(countries[definition.id].alignment, power, preferred)
        weights += definition.score_weight
    return total / weights if weights else 0.0
