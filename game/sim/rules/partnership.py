"""C14: a strategic partnership with Kazakhstan (the lead state) once alignment and trust are high."""

from __future__ import annotations

from game.sim.standing import share
from game.sim.world import World


def check_partnership(world: World) -> None:
    rules = world.rules.kazakhstan_leads
    country = world.country(world.lead_state)
    if not rules.strength or country.flags.get("partnership"):
        return
    # Standing, not raw alignment: a partnership means the US counts as much as Moscow and Beijing.
    if (
        share(country.alignment, "us") >= rules.partnership_share
        and country.values["us_trust"] >= rules.partnership_trust
    ):
        world.set_flag(country, "partnership", True, "rule:partnership", ("C14",))
        world.shift_alignment(country, "us", 2 * rules.strength, "rule:partnership", ("C14",))
