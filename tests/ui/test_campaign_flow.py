"""A whole turn driven through the real campaign screen with posted mouse and key events."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import button_labels, click, click_button, press, settle

from game.ui.scene import push
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.event import EventScene
from game.ui.scenes.report import ReportScene


def _label(scene, prefix: str) -> str:
    return next(label for label in button_labels(scene) if label.startswith(prefix))


@pytest.fixture
def campaign(app, sim):
    scene = CampaignScene(app.ctx, sim)
    app.apply(push(scene))
    settle(app)
    return scene


def test_clicking_a_state_on_the_map_selects_it(app, campaign):
    click(app, campaign.map.screen_point("uzbekistan"))
    assert campaign.selected == "uzbekistan"
    click(app, campaign.map.screen_point("tajikistan"))
    assert campaign.selected == "tajikistan"


def test_tab_moves_to_the_next_state(app, campaign, sim):
    first = campaign.selected
    press(app, pygame.K_TAB)
    ids = sim.world.state_ids
    assert campaign.selected == ids[(ids.index(first) + 1) % len(ids)]


def test_map_is_not_redrawn_when_only_the_selection_changes(app, campaign):
    app.draw()
    renders = campaign.map.renders
    click(app, campaign.map.screen_point("kyrgyzstan"))
    app.draw()
    assert campaign.map.renders == renders


def test_an_illegal_order_is_explained_not_queued(app, campaign, sim):
    for _ in range(2):  # 4 soft-power points: two exchanges at 2 each
        press(app, pygame.K_TAB)
        click_button(app, _label(campaign, "Education exchanges"))
    assert len(sim.queued) == 2
    click_button(app, _label(campaign, "Consumer markets"))
    assert len(sim.queued) == 2
    assert "not enough soft power points" in campaign.status
    assert not campaign.status_good


def test_a_whole_turn_with_mouse_and_keys(app, campaign, sim, crossroads_home):
    # select a state and queue an order by clicking
    click(app, campaign.map.screen_point("kazakhstan"))
    click_button(app, _label(campaign, "Education exchanges"))
    assert [(o.action, o.target) for o in sim.queued] == [("education_exchanges", "kazakhstan")]
    # remove it by clicking the queued order, then queue it again
    click_button(app, _label(campaign, "×  Education exchanges"))
    assert sim.queued == []
    click_button(app, _label(campaign, "Education exchanges"))
    press(app, pygame.K_2)  # the trade tab
    assert campaign.track == "trade"
    # end the turn with the keyboard: the report opens
    press(app, pygame.K_RETURN)
    assert sim.turn == 2
    report = app.top
    assert isinstance(report, ReportScene)
    assert report.rows and any(r.cause == "action:us:education_exchanges" for r in report.rows)
    click_button(app, "Kazakhstan")
    assert report.filter == "kazakhstan"
    assert all(r.target == "kazakhstan" for r in report.rows)
    pages = report.pages
    press(app, pygame.K_RIGHT)
    assert report.page == min(1, pages - 1)
    # closing the report brings the summit decision
    click_button(app, "Continue (Enter)")
    dialog = app.top
    assert isinstance(dialog, EventScene)
    assert dialog.event.id == "c5plus1_summit"
    click_button(app, _label(dialog, "1. "))
    assert sim.pending == []
    assert any(c.cause.startswith("event:c5plus1_summit:president") for c in sim.ledger)
    assert app.top.name == "reflection"  # turn 2 puts questions to the class; Escape skips them
    while app.top.name == "reflection":
        press(app, pygame.K_ESCAPE)
    assert app.top is campaign
    # report again with R, back with Escape
    press(app, pygame.K_r)
    assert isinstance(app.top, ReportScene)
    press(app, pygame.K_ESCAPE)
    assert app.top is campaign
    # quitting asks first; cancel keeps playing
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "dialog"
    click_button(app, "Cancel")
    assert app.top is campaign and app.running


def test_save_and_load_through_the_screens(app, campaign, sim, crossroads_home):
    click_button(app, _label(campaign, "Education exchanges"))
    press(app, pygame.K_RETURN)
    click_button(app, "Continue (Enter)")
    if isinstance(app.top, EventScene):
        click_button(app, _label(app.top, "2. "))
    assert sim.turn == 2
    autosaves = list(crossroads_home.rglob("*"))
    assert any(p.is_file() for p in autosaves), "End Turn autosaves"
    while app.top.name == "reflection":
        press(app, pygame.K_ESCAPE)
    press(app, pygame.K_s)
    assert app.top.name == "save"
    app.top.entry.set_text("my game")
    click_button(app, "Save")
    assert "Saved" in app.top.message
    assert any("my game" in s.name for s in app.top.slots)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_l)
    load = app.top
    assert load.name == "load"
    label = next(lbl for lbl in button_labels(load) if lbl.startswith("my game"))
    click_button(app, label)  # choose it, then load (nothing is lost: the game was just saved)
    click_button(app, "Load (Enter)")
    settle(app)
    while app.top.name == "reflection":  # a loaded game asks its unanswered questions again
        press(app, pygame.K_ESCAPE)
    loaded = app.top
    assert isinstance(loaded, CampaignScene) and loaded is not campaign
    assert loaded.sim.turn == 2
    assert loaded.sim.state.countries["kazakhstan"].alignment == sim.state.countries["kazakhstan"].alignment
