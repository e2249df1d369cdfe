"""A tender on screen (C15): the map plate's tag, the state panel's line with the offers, the
report's award line. Driven by real posted events; with CROSSROADS_SHOTS set, screenshots are saved."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
from contest_helpers import new_game, open_campaign, played
from ui_helpers import click, click_button, press, settle

SHOTS = os.environ.get("CROSSROADS_SHOTS")


def _with_tender(scenario, state_id="uzbekistan"):
    sim = played(new_game(scenario), 2)
    sim.state.tenders = [{"state": state_id, "opened": sim.turn - 1, "closes": sim.turn + 1, "bids": {"china": 3.4}}]
    return sim


def test_a_state_with_a_tender_carries_a_tag_and_its_panel_gives_the_offers(app, scenario):
    sim = _with_tender(scenario)
    scene = open_campaign(app, sim)
    plates = scene.map.plates
    assert plates["uzbekistan"].tender
    assert not any(plate.tender for state, plate in plates.items() if state != "uzbekistan")
    point = scene.map.screen_point("uzbekistan")
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=point, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=point, button=1))
    settle(app)
    line = "Tender: the contract goes to the best offer in 2 turns (offers so far: China 3.4)"
    zone = next((rect for rect, tip in scene.tips.zones if isinstance(tip, str) and tip.startswith("A tender")), None)
    assert zone is not None, "the state panel shows the tender with its tooltip"
    if SHOTS:
        pygame.image.save(app.screen, str(Path(SHOTS) / "tender-map-panel.png"))
    from game.ui.contest import tender_line

    assert tender_line(sim, "uzbekistan") == line


def test_the_report_names_the_tender_awarded_this_turn(app, scenario):
    sim = _with_tender(scenario)
    sim.state.tenders[0]["closes"] = sim.turn  # this turn is the last for offers
    open_campaign(app, sim)
    press(app, pygame.K_RETURN)  # End Turn: the tender closes
    lines = [line for line, _colour in app.top.summary_lines() if line.startswith("• Tender")]
    result = sim.state.tender_results[-1]
    winner = sim.world.powers.name(result["winner"])
    adjective = sim.world.powers.adjective(result["winner"])
    assert lines and lines[0].startswith(
        f"• Tender — Uzbekistan awarded its contract to the {adjective} offer (offers: "
    )
    assert f"{winner} +16 alignment and floor there" in lines[0]
    if SHOTS:
        pygame.image.save(app.screen, str(Path(SHOTS) / "tender-report.png"))


def test_the_award_line_is_shown_whole_when_the_summary_is_crowded(app, scenario):
    """At 1280×720 a turn with a line per state left too little room: the award, listed last, was cut
    mid-sentence ('… to United States'); the US lines per state give way to it now (the ledger has them)."""
    sim = played(new_game(scenario), 3)  # three idle quarters: every state has its US line (neglect)
    opened = sim.turn - 2
    sim.state.tenders = [  # two tenders close at once (seed 8 opens two on turn 1)
        {"state": "kazakhstan", "opened": opened, "closes": sim.turn, "bids": {"us": 30.0}},
        {"state": "uzbekistan", "opened": opened, "closes": sim.turn, "bids": {"china": 30.0}},
    ]
    open_campaign(app, sim, size=(1280, 720))
    press(app, pygame.K_RETURN)  # End Turn: the tenders close
    report = app.top
    awards = [line for line, _colour in report.summary_lines() if line.startswith("• Tender")]
    assert len(awards) == 2 and len(report.summary_lines()) > 6, "a crowded summary, as in play"
    shown = " ".join(part for part, _colour in report.summary_wrapped)
    for award in awards:
        assert award in shown, "each award is shown whole"
    assert shown.index("• US") < shown.index("• Tender"), "the US lines still come first"
    if SHOTS:
        pygame.image.save(app.screen, str(Path(SHOTS) / "tender-report-crowded.png"))


def test_the_opened_line_says_what_the_best_offer_wins(scenario):
    """A new player read 'every point spent there … counts as an offer' without learning what was at stake."""
    from game.ui.contest import tenders_in_turn

    sim = played(new_game(scenario), 1)
    sim.state.tenders = [{"state": "kazakhstan", "opened": sim.turn, "closes": sim.turn + 3, "bids": {}}]
    (line,) = tenders_in_turn(sim, sim.turn)
    assert line.startswith("Kazakhstan opened a tender: every point spent there over the next 3 turns")
    assert line.endswith("; the best offer wins +16 alignment and floor there")


def test_hovering_a_state_with_a_tender_on_the_map_tells_of_it(app, scenario):
    sim = _with_tender(scenario)
    scene = open_campaign(app, sim)
    point = scene.map.screen_point("uzbekistan")
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0), buttons=(0, 0, 0)))
    settle(app, 2)
    tip = scene.tips.at(point)
    assert tip and tip.startswith("Uzbekistan")
    assert "Tender: the contract goes to the best offer in 2 turns (offers so far: China 3.4)." in tip
    other = scene.tips.at(scene.map.screen_point("kazakhstan"))
    assert other and "Tender" not in other


def test_an_order_in_a_state_with_a_tender_says_what_it_offers(app, scenario):
    """The order buttons said nothing of the tender: how much an order offers, or that funding
    the corridor offers nothing, had to be guessed from the glossary."""
    from game.sim.rules.contest import offer_weight

    sim = _with_tender(scenario, "kazakhstan")
    scene = open_campaign(app, sim)
    click(app, scene.map.screen_point("kazakhstan"))
    assert scene.selected == "kazakhstan"
    lines = {name: " ".join(parts) for _y, parts, _bad, name in scene.orders.action_lines}
    action = sim.world.actions["education_exchanges"]
    offer = sim.cost(action.id) * offer_weight(sim.world, "us", action, "kazakhstan")
    assert lines[action.name].startswith(f"tender offer about {offer:.1f}; goodwill")
    tip = next(w.tool_tip_text for w in scene.handlers if w.text.startswith(action.name))
    assert f"counts as an offer of about {offer:.1f}" in tip and "wins +16 alignment and floor" in tip
    press(app, pygame.K_2)  # trade: funding the corridor builds for the region
    route = next(a for a in sim.world.scenario.actions if a.name == "Fund the Trans-Caspian route")
    lines = {name: " ".join(parts) for _y, parts, _bad, name in scene.orders.action_lines}
    assert lines[route.name].startswith("no tender offer")
    click(app, scene.map.screen_point("tajikistan"))  # no tender there: no word of one
    assert not any("tender" in " ".join(parts) for _y, parts, _b, _n in scene.orders.action_lines)


def test_help_says_each_order_tells_what_it_would_offer():
    from game.content.powers import standard_table
    from game.ui.reference import meters

    tender = next(line for line in meters(standard_table()).splitlines() if line.startswith("Tender:"))
    assert "each order's line there says what it would offer" in tender


def test_many_notices_take_more_room_and_each_is_shown_whole(app, scenario):
    """Seed 8 closed two tenders, opened one and tipped two states in one turn: the notices alone
    overflowed a third of the column and were cut again. They may take up to half of it now."""
    sim = played(new_game(scenario), 3)
    opened = sim.turn - 2
    sim.state.tenders = [
        {"state": state, "opened": opened, "closes": sim.turn, "bids": {power: 30.0}}
        for state, power in (("kazakhstan", "us"), ("uzbekistan", "china"), ("kyrgyzstan", "china"))
    ] + [{"state": "tajikistan", "opened": opened, "closes": sim.turn, "bids": {"russia": 30.0}}]
    open_campaign(app, sim, size=(1280, 720))
    press(app, pygame.K_RETURN)
    report = app.top
    notices = [line for line, _colour in report.summary_lines() if not line.startswith("• US")]
    assert len(notices) >= 4
    shown = " ".join(part for part, _colour in report.summary_wrapped)
    for notice in notices:
        assert notice in shown, f"shown whole: {notice}"
    assert report.summary_wrapped[-1][0].startswith("… more below")
    assert report.summary.height <= report.right.height + report.summary.height // 2, "the ledger keeps room"
    if SHOTS:
        pygame.image.save(app.screen, str(Path(SHOTS) / "tender-report-many-notices.png"))


def test_help_and_the_corridor_chip_say_the_route_lowers_russias_pull_there():
    """C9 (new since the last playtest): the built route makes Russia's gains count for less in the
    states on it; the claims page and the state panel's 'On corridor' chip only spoke of the floor."""
    from game.ui.glossary import FLAG_DOCS
    from game.ui.reference import CLAIMS

    assert "makes Russia's gains count for less in the states on the route" in CLAIMS["C9"].in_game
    assert "Russia's gains there count for less" in FLAG_DOCS["on_corridor"]


def test_the_end_screen_tallies_the_tenders_and_writes_the_debrief_pack(app, scenario, tmp_path, monkeypatch):
    """The playtest found no tender tally and no way to the debrief pack from the end screen."""
    from game.batch.campaign import play_campaign
    from game.ui.scene import push
    from game.ui.scenes.end import EndScene, tender_tally

    monkeypatch.setenv("CROSSROADS_HOME", str(tmp_path))
    sim = play_campaign(scenario, 3, "balanced")
    results = sim.state.tender_results
    assert results
    won = sum(1 for r in results if r["winner"] == "us")
    assert tender_tally(sim).startswith(f"Tenders won: US {won} of {len(results)}")
    end = EndScene(app.ctx, sim)
    app.apply(push(end))
    settle(app)
    click_button(app, "Write debrief")
    assert app.top.name == "dialog" and app.top.title == "Debrief written"
    page = tmp_path / "debriefs" / f"{scenario.id}-seed3" / "report.html"
    assert page.is_file() and ">Tenders</h2>" in page.read_text(encoding="utf-8")
    assert str(page.parent) in app.top.message
    if SHOTS:
        pygame.image.save(app.screen, str(Path(SHOTS) / "end-debrief-written.png"))
