"""Playtest 6: the facilitator's rule pages name each claim, not only its id, and a value typed right
after picking a parameter replaces it (the page says "click a parameter, then type a new value")."""

from __future__ import annotations

import pygame
from test_classroom import _campaign
from ui_helpers import click_button, press

from game.ui.classroom import ClassroomSetup


def test_rule_pages_head_each_claim_with_its_title_and_paragraphs(app, scenario, drawn_lines):
    _campaign(app, scenario, ClassroomSetup())
    press(app, pygame.K_F9)
    click_button(app, "Rules")
    drawn_lines.clear()
    app.draw()
    assert "C1 Multi-vector (¶5)" in drawn_lines
    assert "C1" not in drawn_lines  # the bare id alone tells a teacher nothing


def test_typing_after_picking_a_parameter_replaces_its_value(app, scenario):
    campaign = _campaign(app, scenario, ClassroomSetup())
    press(app, pygame.K_F9)
    click_button(app, "Rules")
    click_button(app, "balancing.strength = 1")
    app.drop_text = False  # a real key press clears it before its text arrives
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="0"))
    press(app, pygame.K_RETURN)
    assert campaign.sim.scenario.rules.balancing.strength == 0
