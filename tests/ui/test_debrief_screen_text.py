"""Playtest 6: the end screen's numbers stay readable at 1024 wide and beside the grade lines."""

from __future__ import annotations

import pygame
import pytest

from game.ui.charts import Line, line_chart
from game.ui.text import Text


@pytest.fixture
def drawn(monkeypatch):
    """(text, rect) of every hand-drawn line."""
    lines: list[tuple[str, pygame.Rect]] = []
    original = Text.draw

    def draw(self, target, text, *args, **kwargs):
        rect = original(self, target, text, *args, **kwargs)
        lines.append((text, rect))
        return rect

    monkeypatch.setattr(Text, "draw", draw)
    return lines


def test_a_score_ending_on_a_grade_line_does_not_cover_its_letter(app, drawn):
    box = pygame.Rect(10, 10, 400, 240)
    lines = [Line("position", [16.0, 18.6], (90, 170, 230)), Line("score", [16.0, 18.5], (230, 160, 20), 3)]
    guides = [(28.0, "A"), (21.0, "C"), (18.5, "D")]
    line_chart(app.screen, box, app.ctx.text, "Score over time", lines, 0.0, 33.0, guides)
    letters = [rect for text, rect in drawn if text in ("A", "C", "D")]
    ends = [rect for text, rect in drawn if text.startswith(("position ", "score "))]
    assert len(letters) == 3 and len(ends) == 2
    assert not [(end, letter) for end in ends for letter in letters if end.colliderect(letter)]
    assert all(box.contains(rect) for rect in ends)


def test_the_standing_figure_is_shown_whole_at_1024_wide(app, sim, drawn):
    from game.ui.scene import push
    from game.ui.scenes.end import EndScene

    app.resize((1024, 768))
    for _ in range(2):
        sim.end_turn()
    end = EndScene(app.ctx, sim)
    app.apply(push(end))
    app.draw()
    standing = [text for text, _rect in drawn if text.startswith("standing")]
    assert standing and f"{end.breakdown.standing:.1f}" in standing[0]


def test_the_outcome_line_says_why_the_game_ended_as_it_did(app, sim, drawn):
    from game.ui.scene import push
    from game.ui.scenes.end import EndScene

    while not sim.state.finished:
        sim.end_turn()
    sim.state.outcome = "stalemate"
    app.apply(push(EndScene(app.ctx, sim)))
    app.draw()
    rules = sim.scenario.score
    line = next(text for text, _rect in drawn if text.startswith("Outcome:"))
    assert f"campaign score {sim.score():.1f}" in line
    assert f"above defeat ({rules.defeat_score:g}) but short of victory ({rules.victory_score:g})" in line
