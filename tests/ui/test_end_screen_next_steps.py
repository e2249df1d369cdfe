"""The end screen says what to try next, read from the game just played, and shows it whole."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.ui.scene import push
from game.ui.scenes.end import EndScene, next_steps


def finished(sim, plan: str = "neglect"):
    while not sim.state.finished:
        play_turn(sim, STRATEGIES[plan])
    return sim


def test_the_biggest_drag_is_named_with_its_size(sim):
    steps = next_steps(finished(sim), [("Cost of neglect", -10.5), ("Trust pays a dividend", 4.6), ("Strain", -2.0)])
    assert steps[0].startswith("Biggest drag: Cost of neglect (-10.5).")


def test_lost_tenders_are_counted_and_a_won_majority_is_not_nagged(sim):
    sim = finished(sim)
    results = sim.state.tender_results
    results[:] = [{"winner": "china"}, {"winner": "us"}, {"winner": "russia"}]
    assert any("the US won 1 of 3" in step for step in next_steps(sim, []))
    results[:] = [{"winner": "us"}, {"winner": "us"}, {"winner": "russia"}]
    assert not any("Tenders" in step for step in next_steps(sim, []))


def test_the_same_seed_replay_is_always_offered_with_this_games_seed(sim):
    steps = next_steps(finished(sim), [])
    assert len(steps) >= 1 and f"seed {sim.seed}" in steps[-1] and "compare" in steps[-1]


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_the_end_screen_draws_whole_suggestions_under_the_causes(app, sim, drawn_lines, size):
    app.resize(size)
    end = EndScene(app.ctx, finished(sim, "balanced"))
    app.apply(push(end))
    app.draw()
    shots = os.environ.get("CROSSROADS_SHOTS")
    if shots:
        pygame.image.save(app.screen, str(Path(shots) / f"end-next-steps-{size[0]}.png"))
    assert "Try next" in drawn_lines
    shown = [lines for lines in end.step_lines if all(line in drawn_lines for line in lines)]
    assert len(shown) == len(end.steps), "a suggestion did not fit"
    assert all(line in drawn_lines for line in shown[0])  # whole, never cut mid-sentence
    partly = [lines for lines in end.step_lines if any(line in drawn_lines for line in lines) and lines not in shown]
    assert not partly
