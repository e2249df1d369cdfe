"""Issue 12: batch runs, the window's autoplay and a class whose US the computer plays all use one
'play the US for me' turn loop, so the same seed and strategy give the same game in each."""

from __future__ import annotations

import argparse

import pygame
import pytest
from ui_helpers import press, settle

from game.batch.campaign import play_campaign
from game.ui.scene import push
from tests.conftest import WINDOW_2023 as SCENARIO

TURNS = 4
SEED = 3


def _game(sim) -> tuple:
    """What makes two games the same: every turn's decisions and orders, and every change they made.

    The window answers the events left by the last End Turn as soon as the map is back; batch
    stops before them, so changes after the last turn played are not compared; autoplay also
    writes an answer to each reflection prompt, which is kept with the game but moves nothing."""
    changes = [repr(change) for change in sim.ledger if change.turn <= TURNS]
    turns = [
        ([d for d in record.decisions if d[0] != "reflection"], list(record.orders)) for record in sim.history[:TURNS]
    ]
    return turns, changes


def _batch(scenario, strategy: str):
    return play_campaign(scenario, SEED, strategy, turns=TURNS)


def _autoplay(app, strategy: str):
    from game.ui.autoplay import autoplay_script

    args = argparse.Namespace(
        autoplay=TURNS, strategy=strategy, seed=SEED, scenario=str(SCENARIO), difficulty=None, load=None
    )
    app.loop(autoplay_script(app, args))
    return app.top.sim


def _turn_flow(app, scenario):
    """A class that leaves the US to the computer: End Turn (Enter), close the report, repeat."""
    from game.sim.engine import Simulation
    from game.ui.classroom import ClassroomSetup, Session
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.launch import start_campaign

    sim: Simulation = start_campaign(app.ctx, scenario, SCENARIO, SEED)
    app.apply(push(CampaignScene(app.ctx, sim, Session(sim, ClassroomSetup(humans=())))))
    settle(app)
    while len(sim.reports) < TURNS:
        press(app, pygame.K_RETURN)  # End Turn
        assert app.top.name == "report"
        press(app, pygame.K_ESCAPE)  # back to the map: the computer answers the US's events
        settle(app)
        while app.top.name == "reflection":  # a class's reflection prompt: skipped here
            press(app, pygame.K_ESCAPE)
        assert app.top.name == "campaign"
    return sim


def test_batch_autoplay_and_the_turn_flow_play_the_same_game(app, scenario):
    batch = _game(_batch(scenario, "balanced"))
    assert any(decisions for decisions, _orders in batch[0]), "the test needs an event answered"
    assert _game(_turn_flow(app, scenario)) == batch
    assert _game(_autoplay(app, "balanced")) == batch


@pytest.mark.parametrize("strategy", ["random"])
def test_a_random_strategy_draws_the_same_in_batch_and_autoplay(app, scenario, strategy):
    batch = _game(_batch(scenario, strategy))
    assert any(decisions for decisions, _orders in batch[0])
    assert _game(_autoplay(app, strategy)) == batch
