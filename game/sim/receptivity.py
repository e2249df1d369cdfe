"""How much of an influence effort a state takes in: the claims that scale every gain.

One function, so the player's preview, the AIs and the resolution all agree. Each factor
names its claim; a claim's `strength` of 0 makes its factor 1.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from game.content.vocabulary import CORRIDOR
from game.sim.state import CountryState
from game.sim.world import World


class Factor(NamedTuple):
    """One multiplier on a gain and the claim behind it (a tuple: it is built on the hot path)."""

    claim: str
    label: str
    value: float


def receptivity(world: World, country: CountryState, power: str, track: str | None) -> list[Factor]:
    """The multipliers on `power`'s influence gains in `country` right now."""
    return [Factor._make(factor) for factor in _factors(world, country, power, track)]


def factor_tuples(world: World, country: CountryState, power: str, track: str | None) -> list[tuple[str, str, float]]:
    """The same factors as plain (claim, label, value) tuples, for the engine's hot path."""
    return _factors(world, country, power, track)


def multiplier(world: World, country: CountryState, power: str, track: str | None) -> float:
    """The product of all receptivity factors (the same factors the preview explains)."""
    result = 1.0
    for _, _, value in _factors(world, country, power, track):
        result *= value
    return result


def reads_track(power: str) -> bool:
    """Whether `power`'s factors depend on the track at all: only the US's do (C5 trust, C11 PNTR).

    Planners use it to work out a rival's multiplier once per state instead of once per track;
    keep it in step with `_factors`.
    """
    return power == "us"


def window_opening(world: World, values: dict[str, float]) -> float:
    """How far the C7 window stands open in a state, 0–1: the geometric mean of strain with
    Russia (C3) and wariness of China (C4) above the window's threshold, plus any passing
    opening an event announced (`opening`: a reform drive or a tender that fades within a
    few quarters). A claim switched off contributes nothing, so with C3 or C4 off the window
    narrows (thesis check 6)."""
    return structural_opening(world, values) + values["opening"] / 100


def window_gain(world: World, values: dict[str, float]) -> float:
    """The window's extra US receptivity in a state (its C7 factor is 1 + this; 0 when shut or off).

    The one formula the factor, the roots rule (C6, C7) and the map's opening tag all read.
    """
    window = world.rules.window
    return window.strength * window.bonus * window_opening(world, values) if window.strength else 0.0


def structural_opening(world: World, values: dict[str, float]) -> float:
    """The part of the window that strain with Russia and wariness of China open (no passing openings)."""
    rules = world.rules
    strain = values["russia_strain"] if rules.russia_strain.strength else 0.0
    wariness = values["china_wariness"] if rules.china_wariness.strength else 0.0
    both = math.sqrt(max(0.0, strain) * max(0.0, wariness))
    return max(0.0, both - rules.window.threshold) / 100


def _factors(world: World, country: CountryState, power: str, track: str | None) -> list[tuple[str, str, float]]:
    """The factors as plain (claim, label, value) tuples: the one place they are worked out.

    Runs for every gain, so lookups are hoisted into locals and shares come from one total
    (the same values `CountryState.share` gives).
    """
    rules = world.rules
    definition = world.state_defs[country.id]
    alignment = country.alignment
    values = country.values
    factors = [("C1", "openness to outside powers", values.get("openness", definition.openness))]

    # C1 multi-vector balancing: a dominant power meets resistance, the others find open doors.
    balancing = rules.balancing
    threshold = balancing.threshold
    pull = balancing.strength * values.get("multivector", definition.multivector) * balancing.receptivity_drop
    total = sum(alignment.values())
    share = alignment[power] / total if total else 1 / 3
    if share > threshold:
        factors.append(("C1", "balancing against a dominant partner", max(0.15, 1 - pull * (share - threshold))))
    else:
        top = -math.inf  # the largest other alignment (a loop: cheaper than max() of a list here)
        for other, value in alignment.items():
            if other != power and value > top:
                top = value
        top_other = top / total if total else 1 / 3
        if top_other > threshold:
            factors.append(("C1", "balancing toward other partners", 1 + 0.5 * pull * (top_other - threshold)))

    # C1: no state gives itself wholly to one partner; the last points are the hardest won.
    factors.append(("C1", "room to grow", max(0.0, (100 - alignment[power]) / 100)))

    wariness = values["china_wariness"] / 100
    if power == "us":
        third = rules.third_vector  # C2: the additional partner where both rivals are present
        if third.strength and alignment["russia"] >= third.rival_level and alignment["china"] >= third.rival_level:
            factors.append(("C2", "welcome as an additional partner", 1 + third.strength * third.premium))
        gain = window_gain(world, values)  # C7: strain with Russia and wariness of China together open the door
        if gain > 0:
            factors.append(("C7", "window of opportunity", 1 + gain))
        wary = rules.china_wariness  # C4: wariness of China opens the door to the US
        if wary.strength and wariness > 0:
            factors.append(("C4", "wariness of China", 1 + wary.strength * wary.us_opening * wariness))
        if track == "trade" or track == "diplomacy":  # C5: big moves need trust built by soft power first
            first = rules.soft_power_first
            trusted = min(1.0, values["us_trust"] / first.trust_needed)
            effect = first.untrusted_effect + (1 - first.untrusted_effect) * trusted
            if first.strength and effect < 1:
                factors.append(("C5", "trust not yet built", max(0.0, 1 - first.strength * (1 - effect))))
        if track == "trade" and country.flags.get("pntr"):  # C11: PNTR lifts trade
            pntr = rules.pntr
            factors.append(("C11", "permanent normal trade relations", 1 + pntr.strength * pntr.trade_bonus))
    elif power == "russia":  # C3: strained ties make Moscow's efforts land less
        strain = rules.russia_strain
        if strain.strength and values["russia_strain"] > 0:
            factors.append(
                (
                    "C3",
                    "strained ties with Russia",
                    max(0.05, 1 - strain.strength * strain.receptivity_penalty * values["russia_strain"] / 100),
                )
            )
        corridor = rules.corridor  # C9: once trade bypasses Russia, its transit leverage there is gone
        if corridor.strength and country.flags.get("on_corridor") and world.state.projects.get(CORRIDOR, 0.0) >= 100:
            factors.append(("C9", "trade bypasses Russia", max(0.05, 1 - corridor.strength * corridor.russia_leverage)))
    elif power == "china":  # C4: wariness lowers China's receptivity
        wary = rules.china_wariness
        if wary.strength and wariness > 0:
            factors.append(
                ("C4", "public wariness of China", max(0.05, 1 - wary.strength * wary.receptivity_penalty * wariness))
            )

    threats = rules.shared_threats  # C12: instability erodes every power's gains
    instability = 1 - values["stability"] / 100
    if threats.strength and instability > 0:
        factors.append(
            ("C12", "instability", max(0.05, 1 - threats.strength * threats.instability_penalty * instability))
        )
    return factors
