"""Playtest 6: the state panel wraps its '·' lists between items, never inside one ('China' at the
end of a line and its '3.0' on the next)."""

from __future__ import annotations

import pygame

from game.ui.layout import CampaignLayout
from game.ui.state_panel import draw_state_panel
from game.ui.tips import Tips


def test_fading_cash_wraps_between_powers_not_between_a_power_and_its_amount(app, sim, drawn_lines):
    country = sim.state.countries["kazakhstan"]
    country.fragile.update({"us": 2.3, "russia": 2.1, "china": 3.0})
    area = CampaignLayout.for_size(app.ctx.size, app.ctx.scale).state
    draw_state_panel(pygame.Surface(area.size), app.ctx, sim, "kazakhstan", Tips(app.ctx), area.topleft)
    start = max(i for i, line in enumerate(drawn_lines) if line.startswith("Cash influence fading"))
    lines = drawn_lines[start : start + 2]
    assert " ".join(lines).replace("\u00a0", " ").endswith("US 2.3 · Russia 2.1 · China 3.0")
    assert not any(line.rstrip().endswith(("US", "Russia", "China")) for line in lines)
