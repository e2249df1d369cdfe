"""C12/C13: the economy steadies or strains a state; resilience fades; stability recovers slowly."""

from __future__ import annotations

from game.sim.world import World


def develop(world: World) -> None:
    win_win, threats = world.rules.win_win, world.rules.shared_threats
    for country in world.state.countries.values():
        values = country.values
        if win_win.strength:
            world.adjust(country, "economy", -win_win.strength * win_win.economy_drift, "rule:development", ("C13",))
            steadying = win_win.strength * win_win.stability_per_economy * (values["economy"] - 50)
            world.adjust(country, "stability", steadying, "rule:development", ("C13",))
        if threats.strength:
            world.adjust(
                country, "resilience", -threats.strength * threats.resilience_decay, "rule:shared_threats", ("C12",)
            )
            world.adjust(
                country, "stability", threats.recovery * (60 - values["stability"]), "rule:shared_threats", ("C12",)
            )
