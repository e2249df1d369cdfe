"""A tender on screen (C15): the map plate's tag, the state panel's line with the offers, the
report's award line. Driven by real posted events; with CROSSROADS_SHOTS set, screenshots are saved."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
from contest_helpers import new_game, open_campaign, played
from ui_helpers import press, settle

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
    assert lines and lines[0].startswith(f"• Tender — Uzbekistan awarded its contract to {winner} (offers: ")
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
