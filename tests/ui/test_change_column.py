"""Issue 11, the change column: it counts answered events, and its colour says whether the change
helps the US (a Russian loss is good news), not which way the number went."""

from __future__ import annotations

import pytest

from game.ui.widgets import delta_colour

GREEN, RED = (80, 200, 150), (240, 140, 110)


@pytest.mark.parametrize("seed", [1, 3])
def test_value_minus_change_is_the_value_when_end_turn_was_pressed(scenario, seed):
    from game.ai.doctrine import choose_rival_orders
    from game.sim.engine import Simulation
    from game.ui.history import change_since_end_turn

    sim = Simulation(scenario, seed, rival_chooser=choose_rival_orders)
    for _ in range(10):
        before = {s: dict(sim.state.countries[s].alignment) for s in sim.world.state_ids}
        sim.end_turn()
        for decision in list(sim.pending):  # answered after End Turn, as a player does
            sim.decide(decision.key, sim.scenario.event(decision.event).choices[-1].id)
        for state_id in sim.world.state_ids:
            change = change_since_end_turn(sim, state_id)
            for power, value in sim.state.countries[state_id].alignment.items():
                shown = change.get(f"alignment.{power}", 0.0)
                assert value - shown == pytest.approx(before[state_id][power], abs=0.05), (state_id, power)


@pytest.mark.parametrize(
    ("variable", "delta", "colour"),
    [
        ("alignment.us", 2.0, GREEN),
        ("alignment.us", -2.9, RED),
        ("alignment.russia", -1.5, GREEN),  # Russia losing ground helps the US
        ("alignment.china", 3.0, RED),
        ("region.backlash", 2.0, RED),
        ("values.neglect_turns", 1.0, RED),
        ("values.us_trust", 1.0, GREEN),
    ],
)
def test_a_change_is_coloured_by_whether_it_helps_the_us(variable, delta, colour):
    assert delta_colour(delta, variable) == colour


def test_goodwill_paying_out_is_neither_good_nor_bad():
    from game.ui.theme import MUTED

    assert delta_colour(-4.0, "goodwill_due.7") == MUTED
