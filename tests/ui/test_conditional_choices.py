"""An event dialog offers a choice with `when` only while it holds, and number keys follow what is shown."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
from ui_helpers import button_labels, press, settle

from game.ai.doctrine import choose_rival_orders
from game.content.loader import load_scenario
from game.sim.engine import Simulation
from game.sim.orders import Decision
from game.ui.scene import push
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.event import EventScene

ROOT = Path(__file__).resolve().parents[2]
BACKLASH = ROOT / "scenarios" / "china-backlash.yaml"
SHOTS = os.environ.get("CROSSROADS_SHOTS")
FUND = "Back a fund the region runs"


@pytest.fixture
def backlash_sim():
    return Simulation(load_scenario(BACKLASH), 5, scenario_path=str(BACKLASH), rival_chooser=choose_rival_orders)


def _open(app, sim) -> EventScene:
    app.apply(push(CampaignScene(app.ctx, sim)))  # the dialog opens over the campaign, as in play
    decision = Decision("chinese_project_backlash", "kyrgyzstan", sim.turn)
    sim.pending.append(decision)
    scene = EventScene(app.ctx, sim, decision)
    app.apply(push(scene))
    settle(app)
    return scene


def test_the_fund_is_not_offered_before_protests_spread(app, backlash_sim):
    scene = _open(app, backlash_sim)
    labels = button_labels(scene)
    assert not any(FUND in label for label in labels)
    assert any(label.startswith("2. Stay quiet") for label in labels)
    press(app, pygame.K_3)  # no third answer on offer: nothing happens
    assert backlash_sim.pending
    press(app, pygame.K_2)
    assert backlash_sim.state.choices_made == {"chinese_project_backlash": ["stay_quiet"]}


def test_the_fund_is_offered_once_the_wave_has_grown(app, backlash_sim):
    world = backlash_sim.world
    world.ledger.change(world.state.globals, "protest_wave", "region", "globals", 2, "test", ())
    scene = _open(app, backlash_sim)
    assert any(label.startswith(f"3. {FUND}") for label in button_labels(scene))
    app.draw()
    if SHOTS:
        pygame.image.save(app.screen, str(Path(SHOTS) / "conditional-choice.png"))
    press(app, pygame.K_3)
    assert backlash_sim.state.choices_made == {"chinese_project_backlash": ["regional_fund"]}
