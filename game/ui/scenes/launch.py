"""How a campaign starts: a new seeded simulation with the rival chooser, and its screen."""

from __future__ import annotations

import secrets
from pathlib import Path

from game.ai.doctrine import choose_rival_orders
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.ui.classroom import Session
from game.ui.scene import Context, Scene


def start_campaign(
    ctx: Context,
    scenario: Scenario,
    path: Path | str | None,
    seed: int | None,
    difficulty: str | None = None,
    humans: tuple[str, ...] = ("us",),
) -> Simulation:
    seed = seed if seed is not None else secrets.randbelow(1_000_000)
    return Simulation(
        scenario,
        seed,
        difficulty,
        humans=humans,
        rival_chooser=choose_rival_orders,
        scenario_path=str(path) if path else None,
    )


def campaign(ctx: Context, sim: Simulation, session: Session | None = None) -> Scene:
    from game.ui.scenes.campaign import CampaignScene

    return CampaignScene(ctx, sim, session)
