"""Issue 11: the seed can be typed when choosing a scenario, so teams on separate laptops can set
the same world from the window."""

from __future__ import annotations

import pygame
from ui_helpers import click, click_button, press, settle

from game.ui.scene import push


def _type_seed(app, scene, digits: str) -> None:
    click(app, scene.seed_entry.rect.center)
    for _ in range(12):
        press(app, pygame.K_BACKSPACE)
    for char in digits:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    settle(app, 2)


def test_a_typed_seed_is_the_seed_of_the_campaign(app):
    from game.ui.scenes.scenario_choice import ScenarioScene
    from game.ui.scenes.title import TitleScene

    app.apply(push(TitleScene(app.ctx)))
    scene = ScenarioScene(app.ctx)
    app.apply(push(scene))
    settle(app)
    _type_seed(app, scene, "4242")
    press(app, pygame.K_DOWN)  # moving through the list keeps the typed seed
    press(app, pygame.K_UP)
    click_button(app, "Start campaign")
    assert app.top.name == "setup" and app.top.seed == 4242
    press(app, pygame.K_RETURN)  # one player: Continue
    assert app.top.sim.seed == 4242


def test_a_seed_that_is_not_a_number_is_explained(app):
    from game.ui.scenes.scenario_choice import ScenarioScene

    scene = ScenarioScene(app.ctx)
    app.apply(push(scene))
    settle(app)
    _type_seed(app, scene, "")
    click_button(app, "Start campaign")
    assert app.top is scene
    assert scene.message.startswith("The seed must be a whole number")
