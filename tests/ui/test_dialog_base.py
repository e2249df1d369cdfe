"""Issue 12: every box drawn over another screen is a `Dialog`, and the shared frame behaves the same in each."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types

import pygame
from ui_helpers import click_button, press, settle

from game.ui.scene import Scene, pop, push


def _scene_classes() -> list[type[Scene]]:
    import game.ui.scenes

    found = []
    for info in pkgutil.iter_modules(game.ui.scenes.__path__):
        module = importlib.import_module(f"game.ui.scenes.{info.name}")
        found += [
            cls
            for _name, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, Scene) and cls.__module__ == module.__name__
        ]
    return found


def test_every_scene_drawn_over_another_is_a_dialog():
    from game.ui.dialog import Dialog

    overlays = [cls for cls in _scene_classes() if cls.overlay]
    assert {cls.__name__ for cls in overlays} >= {
        "MessageScene",
        "EventScene",
        "PinScene",
        "ProblemsScene",
        "ReflectionScene",
    }
    assert [cls.__name__ for cls in overlays if not issubclass(cls, Dialog)] == []


def test_the_full_screen_forms_share_the_dialog_keys_without_its_frame():
    from game.ui.dialog import Dialog
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.save import SaveScene
    from game.ui.scenes.scenario_choice import ScenarioScene
    from game.ui.scenes.setup import SetupScene

    for form in (SaveScene, LoadScene, SetupScene, ScenarioScene):
        assert issubclass(form, Dialog) and not form.overlay, form.__name__


def test_no_scene_module_draws_its_own_modal_backdrop():
    import game.ui.scenes

    copies = []
    for info in pkgutil.iter_modules(game.ui.scenes.__path__):
        source = inspect.getsource(importlib.import_module(f"game.ui.scenes.{info.name}"))
        if "shade.fill((0, 0, 0," in source:
            copies.append(info.name)
    assert copies == []


def _dialogs(app, sim):
    """One of each dialog, built over the title screen."""
    from game.ui.classroom import ClassroomSetup, Session
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.message import MessageScene
    from game.ui.scenes.pin import PinScene
    from game.ui.scenes.problems import ProblemsScene
    from game.ui.scenes.reflection import ReflectionScene

    while not sim.pending:
        sim.end_turn()
    session = Session(sim, ClassroomSetup(pin="1234"))
    prompt = types.SimpleNamespace(id="why", prompt="Why?")
    return [
        MessageScene(app.ctx, "A title", "A message."),
        EventScene(app.ctx, sim, sim.pending[0], lambda: None),
        PinScene(app.ctx, session),
        ProblemsScene(app.ctx, "Reload refused", "Fix these.", ("x.yaml:1:1: error[bad]: broken",)),
        ReflectionScene(app.ctx, session, prompt),
    ]


def test_each_dialog_dims_the_screen_beneath_frames_its_box_and_closes_on_escape(app, sim):
    from game.ui.scenes.title import TitleScene

    app.apply(push(TitleScene(app.ctx)))
    settle(app)
    for dialog in _dialogs(app, sim):
        app.apply(push(dialog))
        settle(app)
        surface = pygame.Surface(app.ctx.size)
        surface.fill((200, 200, 200))
        dialog.draw(surface)
        assert surface.get_at((2, 2))[:3] < (200, 200, 200), dialog.name  # the backdrop dims the corner
        assert surface.get_at((dialog.box.x, dialog.box.centery))[:3] == dialog.edge, dialog.name
        press(app, pygame.K_ESCAPE)
        assert app.top.name == "title", dialog.name


def test_enter_takes_the_default_choice_and_the_buttons_run_right_to_left_in_order(app):
    from game.ui.scenes.message import MessageScene
    from game.ui.scenes.title import TitleScene

    taken = []
    choices = (("First", lambda: taken.append("first") or pop()), ("Second", lambda: taken.append("second") or pop()))
    dialog = MessageScene(app.ctx, "Pick", "Which?", choices, default=1)
    app.apply(push(TitleScene(app.ctx)))
    app.apply(push(dialog))
    settle(app)
    assert dialog.button_rect("First").right < dialog.button_rect("Second").left
    assert dialog.find("Second").object_ids[-1] == "#primary"
    press(app, pygame.K_RETURN)
    assert taken == ["second"]
    app.apply(push(MessageScene(app.ctx, "Pick", "Which?", choices)))
    settle(app)
    click_button(app, "Second")
    assert taken == ["second", "second"]
