"""One tab row for the help, the facilitator, the charts, the news form and the settings.

Each row's buttons stand side by side on one line, a gap apart, the chosen one pressed, and a
click (a posted mouse event) chooses another; rows of the same kind are laid out alike.
"""

from __future__ import annotations

import itertools

import pygame
from test_classroom import _campaign
from ui_helpers import click_button, press, settle

from game.ui.classroom import ClassroomSetup
from game.ui.scene import Scene, push
from game.ui.scenes.settings import SettingsScene
from game.ui.tab_row import RowStyle, Tab, tab_row


def _row(scene, labels) -> list[pygame.Rect]:
    return [scene.button_rect(label) for label in labels]


def _gaps(rects: list[pygame.Rect]) -> set[int]:
    return {b.x - a.right for a, b in itertools.pairwise(rects)}


def test_tab_row_lays_buttons_side_by_side_and_presses_the_chosen_one(app):
    scene = Scene(app.ctx)
    app.apply(push(scene))
    pressed: list[str] = []
    tabs = [Tab(label, lambda t=label: pressed.append(t), chosen=label == "Beta") for label in ("A", "Beta", "Gamma")]
    end = tab_row(scene, 10, 20, tabs, RowStyle(height=30, gap=5, pad=20))
    rects = _row(scene, ["A", "Beta", "Gamma"])
    assert rects[0].x == 10 and {r.y for r in rects} == {20} and {r.height for r in rects} == {30}
    assert _gaps(rects) == {5} and end == rects[-1].right + 5
    assert [r.width for r in rects] == [app.ctx.text.width(t, 15) + 20 for t in ("A", "Beta", "Gamma")]
    assert [scene.find(t).is_selected for t in ("A", "Beta", "Gamma")] == [False, True, False]
    click_button(app, "Gamma")
    assert pressed == ["Gamma"]


def test_a_fixed_width_row_ignores_the_labels_length(app):
    scene = Scene(app.ctx)
    app.apply(push(scene))
    tab_row(scene, 0, 0, [Tab("x", lambda: None), Tab("a longer label", lambda: None)], RowStyle(36, 8, width=90))
    assert [r.width for r in _row(scene, ["x", "a longer label"])] == [90, 90]


def test_the_help_and_the_facilitator_tab_bars_line_up(app, scenario):
    _campaign(app, scenario, ClassroomSetup())
    press(app, pygame.K_F1)
    help_tabs = _row(app.top, list(app.top.sources))
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_F9)
    facilitator = app.top
    click_button(app, "News")
    assert facilitator.tab == "News" and facilitator.find("News").is_selected
    bar = _row(facilitator, ["Control", "Events", "News", "Rules", "Reveal"])
    assert help_tabs[0].topleft == bar[0].topleft and help_tabs[0].height == bar[0].height
    assert _gaps(help_tabs) == _gaps(bar) == {app.ctx.px(4)}


def test_the_settings_rows_choose_by_click(app):
    app.apply(push(SettingsScene(app.ctx)))
    settle(app)
    scene = app.top
    scales = _row(scene, ["85%", "100%", "115%", "130%"])
    assert len({r.y for r in scales}) == 1 and _gaps(scales) == {app.ctx.px(10)}
    assert scene.find("100%").is_selected and not scene.find("115%").is_selected
    sizes = _row(scene, ["1280×720", "1600×900", "1920×1080"])
    assert sizes[0].x == scales[0].x and _gaps(sizes) == {app.ctx.px(10)}
