"""Issue 11, raw text on the campaign screen: points written one way, where an order acts,
goodwill that matures after the campaign, and small changes that never read '-0.0'."""

from __future__ import annotations

import re

import pytest
from ui_helpers import settle

from game.sim.orders import IllegalOrder, Order
from game.ui.scene import push

BUDGET_LINE = re.compile(r"^\d+(\.\d)?/\d+(\.\d)? left$")


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_every_track_budget_is_written_left_slash_total(app, sim, size):
    from game.content.vocabulary import TRACKS
    from game.ui.scenes.campaign import CampaignScene

    app.resize(size)
    sim.state.powers["us"].budget["diplomacy"] += 1 / 3
    scene = CampaignScene(app.ctx, sim)
    app.apply(push(scene))
    budgets = [line for _pos, line in scene.budget_lines]
    assert len(budgets) == len(TRACKS)
    assert all(BUDGET_LINE.match(line) for line in budgets), budgets
    assert budgets[TRACKS.index("diplomacy")].startswith(f"{round(sim.remaining_budget()['diplomacy'], 1):g}/")


def test_not_enough_points_is_said_with_one_decimal_at_most(sim):
    sim.state.powers["us"].budget["soft_power"] = 1 + 1 / 3
    with pytest.raises(IllegalOrder) as refused:
        sim.queue(Order("us", "education_exchanges", "kazakhstan"))
    assert refused.value.reason.endswith("costs 2, 1.3 left")


def test_an_order_on_washington_is_not_said_to_act_on_the_region(app, sim):
    from game.ui.scenes.campaign import CampaignScene

    scene = CampaignScene(app.ctx, sim)
    app.apply(push(scene))
    settle(app)
    assert scene.queue_order(Order("us", "pntr_push", None))
    shown = [w.tool_tip_text for w in scene.handlers if w.text.startswith("×")] + [t for _p, t in scene.queue_lines]
    assert any(line.startswith("Lobby Congress for PNTR · Washington") for line in shown)
    assert "Washington · 1 trade" in [t for _p, t in scene.queue_lines]
    assert not any("region" in line for line in shown)


def test_goodwill_that_would_mature_after_the_last_turn_says_so(sim):
    from game.ui.preview import effect_lines

    action = sim.world.actions["education_exchanges"]
    sim.state.turn = sim.scenario.turns - 1
    line = effect_lines(sim.world, action, "kazakhstan")[0]
    assert "matures after the campaign ends" in line
    assert f"turn {sim.scenario.turns}" not in line and "on turn" not in line


def test_small_changes_keep_their_sign_and_nothing_reads_minus_zero():
    from game.ui.figures import budget, points, signed_amount

    assert signed_amount(-0.02) == "−0.02"
    assert signed_amount(-0.001) == "±0"
    assert signed_amount(0.0) == "±0"
    assert signed_amount(2.94) == "+2.9"
    assert points(-0.0001) == "0" and points(3.33594) == "3.3" and points(4.0) == "4"
    assert budget(-0.4, 4) == "0/4"
