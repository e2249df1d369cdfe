"""Issue 11, sizes: the UI scale reaches button text, is remembered across restarts, and a large
window draws larger (a small one no larger than fits)."""

from __future__ import annotations

import argparse

import pygame
import pytest
from ui_helpers import click_button, settle

from game.ui.scene import push


def _button_font_height(scene) -> int:
    widget = next(iter(scene.handlers))
    return widget.drawable_shape.theming["font"].size("Hg")[1]


def test_the_130_percent_scale_makes_button_text_larger(app, sim):
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.settings import SettingsScene

    campaign = CampaignScene(app.ctx, sim)
    app.apply(push(campaign))
    before = _button_font_height(campaign)
    app.apply(push(SettingsScene(app.ctx)))
    settle(app)
    click_button(app, "130%")
    assert app.ctx.scale == pytest.approx(1.3)
    assert _button_font_height(campaign) >= round(before * 1.25)


def test_the_ui_scale_is_remembered_after_a_restart(app, crossroads_home):
    from game.ui.app import make_app
    from game.ui.scenes.settings import SettingsScene

    app.apply(push(SettingsScene(app.ctx)))
    settle(app)
    click_button(app, "115%")
    pygame.quit()
    again = make_app(argparse.Namespace(seed=None, difficulty=None, screenshot=None))
    assert again.ctx.settings.ui_scale == pytest.approx(1.15)
    assert again.ctx.text.scale == pytest.approx(1.15)


def test_a_damaged_settings_file_means_the_defaults(crossroads_home):
    from game.ui import prefs

    crossroads_home.mkdir(parents=True, exist_ok=True)
    prefs.settings_file().write_text("{not json", encoding="utf-8")
    assert prefs.load_ui_scale() == 1.0


def test_a_full_hd_window_draws_text_and_panels_larger(app, sim):
    from game.ui.scenes.campaign import CampaignScene

    campaign = CampaignScene(app.ctx, sim)
    app.apply(push(campaign))
    small_top = campaign.layout.top.height
    small_font = _button_font_height(campaign)
    app.resize((1920, 1080))
    assert app.ctx.scale == pytest.approx(1.5)
    assert campaign.layout.top.height >= small_top * 1.4
    assert _button_font_height(campaign) >= small_font * 1.3


@pytest.mark.parametrize(
    ("size", "setting", "drawn"),
    [((1024, 640), 1.3, 1.07), ((1280, 720), 1.3, 1.3), ((1280, 800), 1.0, 1.0), ((1920, 1080), 1.3, 1.95)],
)
def test_the_scale_drawn_is_the_setting_fitted_to_the_window(size, setting, drawn):
    from game.ui.layout import effective_scale

    assert effective_scale(size, setting) == pytest.approx(drawn)
