"""Issue 11, dialogs: keys do not leak between dialogs, Enter saves, Leave? defaults to Cancel,
and an event dialog can be set aside to look at the map and reopened."""

from __future__ import annotations

import types

import pygame
import pytest
from ui_helpers import click_button, settle

from game.ui.scene import push


def _key(app, key: int, typed: str = "") -> None:
    """A key press as SDL sends it: KEYDOWN, then (for printable keys) its TEXTINPUT, then KEYUP."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=typed, scancode=0))
    if typed:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=typed))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=typed, scancode=0))
    settle(app, 2)


@pytest.fixture
def pending_sim(sim):
    """A game whose first turn left an event waiting for the US answer."""
    while not sim.pending:
        sim.end_turn()
    return sim


def test_the_key_that_answers_an_event_is_not_typed_into_the_next_text_box(app, pending_sim):
    from game.ui.classroom import Session
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.reflection import ReflectionScene
    from game.ui.scenes.title import TitleScene

    prompt = types.SimpleNamespace(id="why", prompt="Why did you answer that way?")
    app.apply(push(TitleScene(app.ctx)))
    reflection = ReflectionScene(app.ctx, Session(pending_sim), prompt)
    app.apply(push(reflection))
    app.apply(push(EventScene(app.ctx, pending_sim, pending_sim.pending[0])))
    settle(app)
    _key(app, pygame.K_1, "1")
    assert app.top is reflection
    assert reflection.entry.get_text() == ""
    _key(app, pygame.K_a, "a")  # typing after that still reaches the box
    assert reflection.entry.get_text() == "a"


def test_enter_on_the_save_screen_saves_without_clicking_the_field(app, sim, crossroads_home):
    from game.ui import saves
    from game.ui.scenes.campaign import CampaignScene

    app.apply(push(CampaignScene(app.ctx, sim)))
    settle(app)
    _key(app, pygame.K_s, "s")  # S opens the save screen; its "s" must not be typed into the name
    assert app.top.name == "save"
    _key(app, pygame.K_RETURN)
    slots, _problem = saves.list_slots()
    assert [slot.name for slot in slots] == [f"{sim.scenario.id}-turn{sim.turn}"]
    assert app.top.message.startswith("Saved as")


def test_escape_then_enter_in_leave_keeps_the_game(app, sim):
    from game.ui.scenes.campaign import CampaignScene

    scene = CampaignScene(app.ctx, sim)
    app.apply(push(scene))
    settle(app)
    _key(app, pygame.K_ESCAPE)
    assert app.top.title == "Leave?"
    assert app.top.choices[app.top.default][0] == "Cancel"
    _key(app, pygame.K_RETURN)
    assert app.running
    assert app.top is scene


def test_an_event_can_be_set_aside_to_look_at_the_map_and_reopened(app, pending_sim):
    from game.ui.scenes.campaign import CampaignScene

    decision = pending_sim.pending[0]
    scene = CampaignScene(app.ctx, pending_sim)
    app.apply(push(scene))
    settle(app)
    assert app.top.name == "event"
    click_button(app, "Look at the map first (M)")
    settle(app, 5)
    assert app.top is scene
    assert pending_sim.pending[0] == decision  # still unanswered
    assert "Answer event (E)" in [widget.text for widget in scene.handlers]
    _key(app, pygame.K_RETURN)  # End Turn's key reopens the event instead of ending the turn
    assert app.top.name == "event" and pending_sim.turn == decision.turn + 1
    _key(app, pygame.K_m)
    assert app.top is scene
    _key(app, pygame.K_e)
    assert app.top.name == "event"
    _key(app, pygame.K_1, "1")
    assert decision not in pending_sim.pending
