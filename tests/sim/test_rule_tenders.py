"""Tenders (C13, C15): a contract for the best offer, an opportunity that expires, given/when/then."""

import attrs
import pytest
from pytest import approx
from worlds import changes_by, make_scenario, make_state, make_world

from game.content import effects as e
from game.sim.receptivity import multiplier
from game.sim.rules import contest

TENDERS = {
    "contest": {
        "strength": 1.0,
        "tender_chance": 1.0,  # every state without one opens a tender at the end of a turn
        "tender_turns": 2,
        "tender_prize": 10.0,
        "tender_min_bid": 2.0,
    }
}


def _opened(world):
    contest.open_tenders(world)
    return contest.open_tender(world, "kazakhstan")


def test_a_tender_opens_for_offers_over_the_next_turns():
    world = make_world(make_scenario(rules=TENDERS))
    tender = _opened(world)
    assert tender is not None and tender["closes"] == world.turn + 2 and tender["bids"] == {}


def test_no_tender_opens_with_the_rule_off():
    world = make_world(make_scenario(rules={"contest": {**TENDERS["contest"], "strength": 0.0}}))
    assert _opened(world) is None


def test_the_best_offer_wins_a_durable_gain_when_the_tender_closes():
    world = make_world(make_scenario(rules=TENDERS))
    _opened(world)
    country = world.country("kazakhstan")
    us_before, floor_before, china_before = country.alignment["us"], country.floors["us"], country.alignment["china"]
    contest.bid(world, "us", world.actions["us_visit"], "kazakhstan", 6.0)
    contest.bid(world, "china", world.actions["china_visit"], "kazakhstan", 4.0)
    world.state.turn += 2  # the tender's last turn for offers
    contest.close_tenders(world)
    assert country.alignment["us"] == approx(us_before + 10.0)
    assert country.floors["us"] == approx(floor_before + 10.0)  # durable: the contract outlasts upkeep
    assert country.alignment["china"] == approx(china_before)  # the loser gains nothing
    assert world.state.tenders == [] and world.state.tender_results[-1]["winner"] == "us"
    won = changes_by(world, "rule:tender_won")
    assert sorted((c.variable, round(c.delta, 6)) for c in won) == [("alignment.us", 10.0), ("floors.us", 10.0)]
    assert all(set(c.claims) == {"C13", "C15"} for c in won)


def test_a_tender_stays_open_until_its_last_turn():
    world = make_world(make_scenario(rules=TENDERS))
    _opened(world)
    contest.bid(world, "us", world.actions["us_visit"], "kazakhstan", 6.0)
    world.state.turn += 1
    contest.close_tenders(world)
    assert contest.open_tender(world, "kazakhstan") is not None and world.state.tender_results == []


def test_offers_below_the_minimum_win_nothing():
    world = make_world(make_scenario(rules=TENDERS))
    _opened(world)
    contest.bid(world, "us", world.actions["us_visit"], "kazakhstan", 1.0)
    world.state.turn += 2
    contest.close_tenders(world)
    assert world.state.tender_results[-1]["winner"] == ""
    assert not changes_by(world, "rule:tender_won")


@pytest.mark.parametrize("weighting", [1.0, 0.5, 0.0])
def test_a_wary_state_counts_a_chinese_offer_for_less_as_far_as_offer_weighting_says(weighting):
    contest_rules = {**TENDERS["contest"], "offer_weighting": weighting}
    rules = {"contest": contest_rules, "china_wariness": {"strength": 1.0, "receptivity_penalty": 0.5}}
    world = make_world(make_scenario((make_state(china_wariness=100.0),), rules=rules))
    _opened(world)
    contest.bid(world, "us", world.actions["us_visit"], "kazakhstan", 5.0)
    contest.bid(world, "china", world.actions["china_visit"], "kazakhstan", 5.0)
    bids = contest.open_tender(world, "kazakhstan")["bids"]
    country = world.country("kazakhstan")
    receptive = {p: multiplier(world, country, p, "diplomacy") for p in ("us", "china")}
    assert receptive["china"] < receptive["us"] / 2  # wariness halves China's and opens the door to the US
    assert bids["china"] == approx(5.0 * receptive["china"] ** weighting)
    assert bids["us"] == approx(5.0 * receptive["us"] ** weighting)
    if weighting:
        assert bids["china"] < bids["us"]
    else:
        assert bids["china"] == bids["us"]  # points alone: the state's unease no longer weighs the money


def test_funding_a_regional_project_makes_no_offer():
    world = make_world(make_scenario(rules=TENDERS))
    visit = world.actions["us_visit"]
    fund = attrs.evolve(visit, id="fund_route", effects=(e.Progress(type="progress", project="route", amount=10.0),))
    world.facts.pop("contest", None)
    _opened(world)
    contest.bid(world, "us", fund, "kazakhstan", 5.0)
    assert contest.open_tender(world, "kazakhstan")["bids"] == {}


def test_the_offers_read_as_a_sentence():
    world = make_world(make_scenario(rules=TENDERS))
    tender = _opened(world)
    assert contest.closing_text(world, tender) == "in 3 turns (no offers yet)"
    contest.bid(world, "china", world.actions["china_visit"], "kazakhstan", 3.0)
    contest.bid(world, "us", world.actions["us_visit"], "kazakhstan", 6.0)
    world.state.turn += 2
    weight = contest.offer_weight(world, "us", world.actions["us_visit"], "kazakhstan")  # 0.7: room to grow at 30
    assert contest.closing_text(world, tender) == (
        f"at the end of this turn (offers so far: US {6 * weight:.1f}, China {3 * weight:.1f})"
    )
