"""Every screen renders a frame headless, at the smallest and the largest supported sizes."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import settle

from game.ui.scene import push


def _non_blank(surface: pygame.Surface) -> bool:
    colours = {
        surface.get_at((x, y))[:3] for x in range(0, surface.get_width(), 9) for y in range(0, surface.get_height(), 7)
    }
    return len(colours) > 3


def _screens(ctx, sim):
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.charts import ChartsScene
    from game.ui.scenes.end import EndScene
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.help import HelpScene
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.message import quit_confirm
    from game.ui.scenes.report import ReportScene
    from game.ui.scenes.save import SaveScene
    from game.ui.scenes.scenario_choice import ScenarioScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import TitleScene

    report = sim.end_turn()
    return [
        TitleScene(ctx),
        ScenarioScene(ctx),
        BriefingScene(ctx, sim),
        CampaignScene(ctx, sim),
        ReportScene(ctx, sim, report),
        EventScene(ctx, sim, sim.pending[0]),
        ChartsScene(ctx, sim, "kazakhstan"),
        EndScene(ctx, sim),
        HelpScene(ctx, sim.scenario),
        SettingsScene(ctx),
        SaveScene(ctx, sim),
        LoadScene(ctx),
        quit_confirm(ctx),
    ]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_screen_draws_a_frame(app, sim, size):
    app.resize(size)
    for scene in _screens(app.ctx, sim):
        app.apply(push(scene))
        app.draw()
        assert app.top is scene
        assert _non_blank(app.screen), scene.name
        assert app.screen.get_size() == size


def test_campaign_panels_stay_inside_the_window(app, sim):
    from game.ui.scenes.campaign import CampaignScene

    for size in [(1280, 720), (1600, 900), (1920, 1080)]:
        app.resize(size)
        scene = CampaignScene(app.ctx, sim)
        app.apply(push(scene))
        window = pygame.Rect((0, 0), size)
        for widget in scene.handlers:
            assert window.contains(widget.rect), (size, widget.text)
        lay = scene.layout
        for a, b in [(lay.state, lay.map), (lay.map, lay.orders), (lay.region, lay.queue), (lay.map, lay.queue)]:
            assert not a.colliderect(b)


def test_ui_scale_setting_rebuilds_every_scene(app, sim):
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.settings import SettingsScene

    campaign = CampaignScene(app.ctx, sim)
    app.apply(push(campaign))
    app.apply(push(SettingsScene(app.ctx)))
    app.apply(app.top.press("115%"))
    settle(app)
    assert app.ctx.scale == pytest.approx(1.15)  # 1280×720 has room for it
    assert campaign.layout.top.height == round(48 * 1.15)


def test_an_invalid_scenario_is_listed_with_its_errors(app, tmp_path, monkeypatch):
    from game.ui import catalogue
    from game.ui.scenes.scenario_choice import ScenarioScene

    (tmp_path / "broken.yaml").write_text("format_version: 1\nid: broken\nturns: many\n", encoding="utf-8")
    (tmp_path / "garbage.yaml").write_text("key: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(catalogue, "SCENARIO_DIR", tmp_path)
    scene = ScenarioScene(app.ctx)
    app.apply(push(scene))
    app.draw()
    assert [e.scenario for e in scene.entries] == [None, None]
    assert all(e.problems for e in scene.entries)
    assert any("line" in p for e in scene.entries for p in e.problems)
    assert scene.start() is None  # nothing to start, and no crash


def test_escape_closes_menus_and_dialogs_but_not_the_campaign(app, sim):
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.save import SaveScene
    from game.ui.scenes.settings import SettingsScene

    escape = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="")
    for scene in (SettingsScene(app.ctx), SaveScene(app.ctx, sim), LoadScene(app.ctx)):
        app.apply(push(scene))
        transition = scene.handle_event(escape)
        assert transition is not None and transition.kind == "pop", scene.name
    campaign = CampaignScene(app.ctx, sim)
    app.apply(push(campaign))
    transition = campaign.handle_event(escape)
    assert transition is None or transition.kind != "pop"
