"""Issue-3 polish: the crash offer, tooltips on map states, the briefing beside the map, new screens draw."""

from __future__ import annotations

import os
import time

import pygame
import pytest
from ui_helpers import settle

from game.ai.doctrine import choose_rival_orders
from game.ui.scene import push


def test_crash_marker_offers_the_newer_autosave(crossroads_home, sim):
    from game.ui import crash, saves

    assert crash.begin_session() is False  # first start: no marker yet
    sim.end_turn()
    assert saves.autosave(sim) == ""
    assert crash.recovery_autosave(crashed=False) is None
    crashed = crash.begin_session()  # the marker was never removed: the last session crashed
    assert crashed is True
    assert crash.recovery_autosave(crashed) is not None
    assert saves.save(sim, "my named save") == ""
    later = time.time() + 5
    named = next(p for p in (crossroads_home / "saves").glob("my named save*.json"))
    os.utime(named, (later, later))
    assert crash.recovery_autosave(crashed) is None  # the player's own save is newer
    crash.end_session()
    assert crash.begin_session() is False  # a clean quit removed the marker


def test_the_title_offers_to_continue_after_a_crash(app, crossroads_home, sim):
    from game.ui import saves
    from game.ui.app import _offer_recovery
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.title import TitleScene

    sim.end_turn()
    saves.autosave(sim)
    app.apply(push(TitleScene(app.ctx)))
    _offer_recovery(app, saves.latest_autosave())
    settle(app)
    assert app.top.title == "Continue after a crash?"
    app.apply(app.top.press("Continue"))
    assert isinstance(app.top, CampaignScene) and app.top.sim.turn == 2


def test_map_states_have_tooltips(app, sim):
    from game.ui.scenes.campaign import CampaignScene

    scene = CampaignScene(app.ctx, sim)
    app.apply(push(scene))
    settle(app)
    tip = scene.tips.at(scene.map.screen_point("uzbekistan"))
    assert tip is not None and tip.startswith("Uzbekistan — leans toward")
    assert "United States" in tip and "Russia" in tip and "China" in tip
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=scene.map.screen_point("kazakhstan"), rel=(0, 0), buttons=(0, 0, 0))
    )
    settle(app)
    scene.update(1.0)
    assert scene.tips.shown and scene.tips.hover[1].startswith("Kazakhstan")


def test_the_briefing_shows_the_map_beside_its_panel(app, sim):
    from game.ui.scenes.briefing import BriefingScene

    scene = BriefingScene(app.ctx, sim)
    app.apply(push(scene))
    app.draw()
    assert not scene.box.colliderect(scene.map_rect)
    assert scene.map_rect.width > app.ctx.size[0] * 0.4


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_classroom_screens_draw(app, sim, scenario, size):
    from conftest import SCENARIO

    from game.ui.classroom import ClassroomSetup, Session
    from game.ui.scenes.facilitator import TABS, FacilitatorScene
    from game.ui.scenes.handover import PassScreenScene, PauseScene
    from game.ui.scenes.pin import PinScene
    from game.ui.scenes.reflection import ReflectionScene
    from game.ui.scenes.setup import SetupScene

    app.resize(size)
    session = Session(sim, ClassroomSetup(humans=("us", "china"), pin="1", minutes=5))
    session.advance()
    window = pygame.Rect((0, 0), size)
    for scene in (
        SetupScene(app.ctx, scenario, SCENARIO, 1, None),
        PassScreenScene(app.ctx, session),
        PauseScene(app.ctx, session),
        PinScene(app.ctx, session),
        ReflectionScene(app.ctx, session, scenario.reflections[0]),
    ):
        app.apply(push(scene))
        app.draw()
        assert all(window.contains(w.rect) for w in scene.handlers), scene.name
    view = FacilitatorScene(app.ctx, session)
    app.apply(push(view))
    for tab in TABS:
        view.press(tab)
        app.draw()
        assert view.tab == tab
        assert all(window.contains(w.rect) for w in view.handlers), tab


def test_reveal_lists_every_sides_orders(app, scenario):
    from game.sim.engine import Simulation
    from game.ui.facilitator_data import reveal_lines

    sim = Simulation(scenario, 3, humans=("us", "russia"), rival_chooser=choose_rival_orders)
    sim.queue(sim.legal_orders("russia")[0])
    sim.queue(sim.legal_orders("us")[0])
    lines = [line for line, _ in reveal_lines(sim)]
    assert any(line.startswith("Russia:") for line in lines) and any(
        line.startswith("United States:") for line in lines
    )
    assert any("×" in line and "(C1)" in line for line in lines)  # receptivity factors with their claims
