"""Playtest 6: a rival's answers to one situation are listed under it, the situation said once
(the report opened six lines in a row with 'China gained 2.6 in Kazakhstan last quarter; …')."""

from __future__ import annotations

from game.sim.orders import Order, PlannedOrder
from game.ui.scene import push
from game.ui.scenes.report import ReportScene


def test_answers_sharing_a_situation_are_grouped_under_it(app, sim):
    report = sim.end_turn()
    situation = "China gained 2.6 in Kazakhstan last quarter"
    shared = [
        PlannedOrder(Order("russia", "energy_discount", "kazakhstan"), f"{situation}; Russia offers cheaper fuel"),
        PlannedOrder(Order("russia", "security_guarantee", "kazakhstan"), f"{situation}; the Kremlin reassures it"),
        PlannedOrder(Order("russia", "migrant_labour_deal", "kyrgyzstan"), "Russia trails by 9.0; work permits"),
    ]
    object.__setattr__(report, "orders", tuple(shared))
    scene = ReportScene(app.ctx, sim, report)
    app.apply(push(scene))
    lines = [line for line, _colour, bold in scene.moves() if not bold]
    names = [sim.world.actions[p.order.action].name for p in shared]
    assert lines[:4] == [
        f"• {situation}:",
        f"\u00a0\u00a0\u00a0– Russia offers cheaper fuel [{names[0]}]",
        f"\u00a0\u00a0\u00a0– The Kremlin reassures it [{names[1]}]",
        f"• Russia trails by 9.0; work permits [{names[2]}]",
    ]
    assert sum(situation in line for line in lines) == 1
