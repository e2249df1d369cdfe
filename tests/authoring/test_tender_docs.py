"""Playtest as an author: the format reference says how to switch tenders off, and that the minimum
bid is measured on the weighed offer (as `contest.tender_leader` compares it), not on points spent."""

from __future__ import annotations

from game.content.docs import README


def _row(key: str) -> str:
    return next(line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith(f"| `{key}` |"))


def test_the_reference_says_how_to_switch_tenders_off():
    assert "0: no tenders" in _row("tender_chance")


def test_the_reference_says_the_minimum_bid_is_a_weighed_offer(window_2023):
    from game.ai.doctrine import choose_rival_orders
    from game.sim.engine import Simulation
    from game.sim.rules import contest

    assert "weighed as the state receives that power" in _row("tender_min_bid")
    sim = Simulation(window_2023, 1, rival_chooser=choose_rival_orders)
    least = sim.world.rules.contest.tender_min_bid
    tender = {"state": "kazakhstan", "opened": 1, "closes": 3, "bids": {"russia": least - 0.1}}
    assert contest.tender_leader(sim.world, tender) is None  # the weighed offer is what must reach it
