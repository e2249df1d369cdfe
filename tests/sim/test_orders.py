"""Orders are refused with a reason the player can read, and nothing is half-applied."""

from __future__ import annotations

import attrs
import pytest

from game.ai.doctrine import choose_rival_orders
from game.sim.engine import Simulation
from game.sim.orders import IllegalOrder, Order
from game.sim.state import state_hash


@pytest.fixture
def sim(window_2023):
    return Simulation(window_2023, 1, rival_chooser=choose_rival_orders)


@pytest.mark.parametrize(
    ("order", "reason"),
    [
        (Order("us", "no_such_action", "kazakhstan"), "there is no action"),
        (Order("us", "security_guarantee", "kazakhstan"), "not available to us"),
        (Order("russia", "security_guarantee", "kazakhstan"), "played by the computer"),
        (Order("us", "education_exchanges", None), "needs a state"),
        (Order("us", "education_exchanges", "atlantis"), "needs a state"),
        (Order("us", "fund_ericen", "kazakhstan"), "takes no state"),
        (Order("us", "fund_corridor", "tajikistan"), "cannot target Tajikistan"),
        (Order("us", "security_cooperation", "kazakhstan"), "cannot target Kazakhstan"),
    ],
)
def test_illegal_orders_are_refused_with_a_reason(sim, order, reason):
    before = state_hash(sim.state)
    with pytest.raises(IllegalOrder, match=reason):
        sim.queue(order)
    assert sim.queued == []
    assert state_hash(sim.state) == before


def test_an_order_beyond_the_budget_is_refused_and_says_what_is_left(sim):
    assert sim.remaining_budget()["trade"] == 4
    sim.queue(Order("us", "investment", "kazakhstan"))
    with pytest.raises(IllegalOrder, match=r"not enough trade points: Fund the Trans-Caspian route costs 4, 1 left"):
        sim.queue(Order("us", "fund_corridor", "turkmenistan"))


def test_the_same_action_twice_on_one_target_is_refused(sim):
    sim.queue(Order("us", "culture_and_tourism", "kyrgyzstan"))
    with pytest.raises(IllegalOrder, match="already ordered"):
        sim.queue(Order("us", "culture_and_tourism", "kyrgyzstan"))


def test_queued_orders_can_be_removed(sim):
    sim.queue(Order("us", "culture_and_tourism", "kyrgyzstan"))
    assert sim.remaining_budget()["soft_power"] == sim.state.powers["us"].budget["soft_power"] - 1
    sim.unqueue(0)
    assert sim.queued == []
    assert sim.remaining_budget()["soft_power"] == sim.state.powers["us"].budget["soft_power"]


def test_ending_a_turn_pays_for_orders_and_reports_them(sim):
    before = sim.state.powers["us"].budget["soft_power"]
    sim.queue(Order("us", "education_exchanges", "kazakhstan"))
    report = sim.end_turn()
    us_orders = [p.order for p in report.orders if p.order.power == "us"]
    assert us_orders == [Order("us", "education_exchanges", "kazakhstan")]
    paid = [
        c for c in report.changes if c.cause == "action:us:education_exchanges" and c.variable == "budget.soft_power"
    ]
    assert [c.delta for c in paid] == [-2.0]
    assert sim.state.countries["kazakhstan"].goodwill_due  # goodwill is in the pipeline (C5, C6)
    assert before > 0


def test_rivals_give_orders_with_stated_reasons(sim):
    report = sim.end_turn()
    rival = [p for p in report.orders if p.order.power in ("russia", "china")]
    assert rival
    assert all(p.reason and "{" not in p.reason for p in rival)


def test_no_orders_after_the_campaign_ends(window_2023):
    from tests.conftest import tweak

    short = Simulation(tweak(window_2023, turns=1), 1, rival_chooser=choose_rival_orders)
    short.end_turn()
    assert short.state.finished
    with pytest.raises(IllegalOrder, match="over"):
        short.queue(Order("us", "education_exchanges", "kazakhstan"))
    with pytest.raises(IllegalOrder, match="over"):
        short.end_turn()


def test_skilled_rivals_bid_where_a_tender_is_open_and_say_so(window_2023):
    """C15: a rival of full skill answers a tender with orders there, each naming the tender."""
    sims = {
        skill: Simulation(
            attrs.evolve(
                window_2023,
                difficulties=tuple(
                    attrs.evolve(d, rival_skill=skill) if d.id == "normal" else d for d in window_2023.difficulties
                ),
            ),
            1,
            rival_chooser=choose_rival_orders,
        )
        for skill in (0.0, 1.0)
    }
    counts = {}
    for skill, game in sims.items():
        game.state.tenders = [{"state": "kazakhstan", "opened": 0, "closes": 2, "bids": {}}]
        report = game.end_turn()
        there = [p for p in report.orders if p.order.power != "us" and p.order.target == "kazakhstan"]
        counts[skill] = len(there)
        if skill:
            named = [p.reason for p in there if "tender closes" in p.reason]
            assert named and "Kazakhstan's tender closes in 2 turns" in named[0]
    assert counts[1.0] > counts[0.0]
