"""Income at the start of a turn: budgets, leverage (C16), catch-up (C17), political capital (C11)."""

from __future__ import annotations

from game.content.vocabulary import TRACKS
from game.sim.standing import regional_standing
from game.sim.world import World


def collect_income(world: World) -> None:
    """Give every power its income; unspent points carry over up to the power's cap."""
    for power in world.scenario.powers:
        scale = world.difficulty.rival_budget if power.id in world.rivals else 1.0
        budget = world.state.powers[power.id].budget
        for track in TRACKS:
            income = power.budget.get(track) * scale
            kept = min(budget[track], power.carry_over * income)
            world.adjust_budget(power.id, track, kept + income - budget[track], "income", ())
    leverage = world.rules.leverage  # C16: standing in the region pays diplomatic dividends
    us_standing = regional_standing(world, "us")
    if leverage.strength:
        bonus = leverage.strength * leverage.income_per_standing * max(0.0, us_standing - leverage.baseline)
        world.adjust_budget("us", "diplomacy", bonus, "rule:leverage", ("C16",))
    drift = world.rules.multipolar  # C17: rivals press their advantage where the US lags
    if drift.strength:
        for rival in world.rivals:
            gap = regional_standing(world, rival) - us_standing
            if gap > 0:
                world.adjust_budget(rival, "trade", drift.strength * drift.catch_up * gap, "rule:multipolar", ("C17",))
    pntr = world.rules.pntr  # C11: Washington banks political capital for the PNTR fight
    world.adjust_washington("political_capital", pntr.capital_income, "rule:washington", ("C11",))
