"""C5/C6: goodwill matures into trust and durable alignment; trust pays a dividend."""

from __future__ import annotations

from game.sim.effects import scaled_by
from game.sim.receptivity import window_gain
from game.sim.world import World


def mature_goodwill(world: World) -> None:
    long_game = world.rules.long_game
    due_key = str(world.turn)
    for country in world.state.countries.values():
        amount = country.goodwill_due.get(due_key, 0.0)
        if amount:
            world.add_goodwill(country, world.turn, -amount, "rule:goodwill", ("C6",))
            if long_game.strength:
                cause = "rule:goodwill"
                world.adjust(
                    country, "us_trust", long_game.strength * long_game.trust_per_goodwill * amount, cause, ("C5", "C6")
                )
                scale, factors = scaled_by(world, country, "us", "soft_power")
                gain = long_game.strength * long_game.alignment_per_goodwill * amount * scale
                world.shift_alignment(country, "us", gain, cause, ("C6",), factors)
        trust = country.values["us_trust"]
        if long_game.strength and trust > 0:
            world.shift_alignment(
                country, "us", long_game.strength * long_game.dividend * trust, "rule:trust_dividend", ("C6",)
            )


def take_root(world: World) -> None:
    """C6: trust sustained over time becomes structure (alumni, firms, institutions): the US floor rises.

    C7: while the window stands open, ties take root faster: agreements signed while the door
    is open outlast it, which is why early engagement is worth more.
    """
    long_game = world.rules.long_game
    if not long_game.strength:
        return
    for country in world.state.countries.values():
        room = min(long_game.roots_cap, country.alignment["us"]) - country.floors["us"]
        opening = window_gain(world, country.values)
        growth = long_game.strength * long_game.roots * country.values["us_trust"] * (1 + opening)
        if room > 0 and growth > 0:
            claims = ("C6", "C7") if opening else ("C6",)
            world.adjust_floor(country, "us", min(room, growth), "rule:roots", claims)
