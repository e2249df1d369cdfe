"""The facilitator view, driven by posted events: the clock waits, injected decisions reach the US,
acts reach the turn report, news says what it applies, and undo asks first and stays undone."""

from __future__ import annotations

import pygame
import pytest
from test_classroom import FakeClock, _campaign, _label, _skip_prompts, _type
from ui_helpers import click_button, press, settle

from game.ui.classroom import ClassroomSetup
from game.ui.scenes.report import ReportScene
from game.ui.text import Text


def _answer_events(app) -> None:
    while app.top.name == "event":
        press(app, pygame.K_1)


def test_the_class_clock_waits_while_the_facilitator_works(app, scenario):
    clock = FakeClock()
    campaign = _campaign(app, scenario, ClassroomSetup(minutes=1), clock)
    press(app, pygame.K_F9)
    assert app.top.name == "facilitator"
    clock.now += 500  # a long intervention, without pausing the game
    press(app, pygame.K_F9)
    settle(app)
    assert app.top is campaign
    assert not campaign.session.locked
    assert campaign.session.timer.remaining() == pytest.approx(60)
    clock.now += 10
    assert campaign.session.timer.remaining() == pytest.approx(50)  # and runs again after


def test_the_clock_waits_at_the_pin_prompt_too(app, scenario):
    clock = FakeClock()
    campaign = _campaign(app, scenario, ClassroomSetup(minutes=1, pin="2468"), clock)
    press(app, pygame.K_F9)
    assert app.top.name == "pin"
    clock.now += 120
    press(app, pygame.K_ESCAPE)
    assert app.top is campaign and campaign.session.timer.remaining() == pytest.approx(60)


def test_an_event_injected_during_russias_seat_reaches_the_us_next_turn(app, scenario):
    campaign = _campaign(app, scenario, ClassroomSetup(humans=("us", "russia")))
    sim = campaign.sim
    press(app, pygame.K_RETURN)
    click_button(app, _label(app.top, "I am Russia"))
    assert campaign.power == "russia"
    press(app, pygame.K_F9)
    view = app.top
    click_button(app, "Events")
    click_button(app, _label(view, "Water"))
    click_button(app, "Tajikistan")
    click_button(app, "Inject event")
    assert view.good, view.message
    press(app, pygame.K_F9)
    assert app.top is campaign  # Russia is not asked the US's question
    press(app, pygame.K_RETURN)  # Russia ends the turn
    assert isinstance(app.top, ReportScene) and sim.turn == 2
    assert any(d.event == "water_crisis" and d.state == "tajikistan" for d in sim.pending)
    press(app, pygame.K_RETURN)
    assert app.top.name == "pass_screen" and app.top.side == "the United States"
    press(app, pygame.K_RETURN)
    shown = []
    while app.top.name == "event":
        shown.append(app.top.decision.event)
        press(app, pygame.K_1)
    assert "water_crisis" in shown
    assert any(key.startswith("water_crisis@tajikistan@1") for key, _ in sim.history[-1].decisions)


def test_facilitator_acts_open_the_turn_report(app, scenario):
    _campaign(app, scenario, ClassroomSetup())
    press(app, pygame.K_F9)
    view = app.top
    click_button(app, "News")
    click_button(app, "1·type: (none)")
    view.form.rows[0].kind, view.form.rows[0].power = "shift", "china"
    view.rebuild()
    view.form.title_entry.set_text("Port deal collapses")
    view.form.amount_entries[0].set_text("-4")
    click_button(app, "Kazakhstan")
    click_button(app, "Publish news")
    assert view.good, view.message
    click_button(app, "Rules")
    click_button(app, _label(view, "balancing.strength"))
    view.rule_entry.set_text("")
    _type(app, view.rule_entry, "0.5")
    assert view.good, view.message
    press(app, pygame.K_F9)
    press(app, pygame.K_RETURN)
    report = app.top
    assert isinstance(report, ReportScene)
    lines = [line for line, _colour, _bold in report.moves()]
    assert lines[0] == "Facilitator acts (2)"
    assert "• News: Port deal collapses — Kazakhstan alignment with China -4.00" in lines
    assert "• Rule changed: rules.balancing.strength set to 0.5 (was 1; claim C1)" in lines
    assert any(row.cause == "facilitator:news:Port deal collapses" and row.delta == -4 for row in report.rows)
    _answer_events(app)
    _skip_prompts(app)


def test_the_news_form_shows_the_value_receptivity_will_apply(app, scenario, monkeypatch):
    drawn: list[str] = []
    render = Text.render
    monkeypatch.setattr(Text, "render", lambda self, text, *a, **k: drawn.append(text) or render(self, text, *a, **k))
    campaign = _campaign(app, scenario, ClassroomSetup())
    sim = campaign.sim
    press(app, pygame.K_F9)
    view = app.top
    click_button(app, "News")
    click_button(app, "1·type: (none)")
    assert view.form.rows[0].kind == "influence" and view.form.rows[0].power == "us"
    view.form.title_entry.set_text("Scholarship fund")
    view.form.amount_entries[0].set_text("5")
    click_button(app, "Kazakhstan")
    app.draw()
    preview = " ".join(drawn)
    assert "5 × receptivity" in preview
    click_button(app, "Publish news")
    assert view.good, view.message
    gain = sum(
        c.delta
        for c in sim.ledger
        if c.cause == "facilitator:news:Scholarship fund" and c.variable == "alignment.us" and c.target == "kazakhstan"
    )
    assert gain != pytest.approx(5)  # receptivity scales it, as the form said it would
    assert f"Kazakhstan {gain:+.2f}" in preview  # the previewed value is the one applied
    assert f"{gain:+.2f}" in view.message


def test_undo_asks_first_and_an_undone_turn_stays_undone_after_continue(app, scenario):
    from game.ui.scenes.title import TitleScene

    campaign = _campaign(app, scenario, ClassroomSetup())
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    _answer_events(app)
    _skip_prompts(app)
    assert campaign.sim.turn == 2
    press(app, pygame.K_F9)
    click_button(app, "Undo the last turn")
    assert app.top.name == "dialog" and campaign.sim.turn == 2  # nothing happens on one click
    click_button(app, "Cancel")
    assert app.top.name == "facilitator" and campaign.sim.turn == 2
    click_button(app, "Undo the last turn")
    click_button(app, "Undo turn")
    assert app.top.name == "facilitator" and app.top.good, app.top.message
    assert campaign.sim.turn == 1
    from game.ui import saves

    campaigns = {info.campaign for info in saves.list_slots()[0]}
    assert len(campaigns) == 1  # the undone game's autosave stays with its campaign
    press(app, pygame.K_F9)
    _skip_prompts(app)
    press(app, pygame.K_ESCAPE)
    click_button(app, "Main menu")
    assert isinstance(app.top, TitleScene)
    click_button(app, "Continue")
    _skip_prompts(app)
    assert app.top.name == "campaign" and app.top.sim.turn == 1
