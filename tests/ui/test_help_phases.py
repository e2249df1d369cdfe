"""The in-game help's Rules tab lists the turn's phases in the order the engine runs them."""

from __future__ import annotations

import pygame
from ui_helpers import press, settle

from game.sim.phases import turn_order


def test_help_rules_tab_shows_the_phase_table_in_engine_order(app):
    from game.ui.scene import push
    from game.ui.scenes.title import TitleScene

    app.apply(push(TitleScene(app.ctx)))
    settle(app)
    press(app, pygame.K_F1)
    help_scene = app.top
    while help_scene.tab != "Rules":
        press(app, pygame.K_TAB)
    shown = [line for page in help_scene.lines for line in page]
    text = "\n".join(shown)
    positions = [text.find(f"{number}. {phase.name}") for number, phase in enumerate(turn_order(), start=1)]
    assert -1 not in positions and positions == sorted(positions)
