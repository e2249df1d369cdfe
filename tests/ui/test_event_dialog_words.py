"""The event dialog's date line says when the news came and when the answer applies, in the
quarters the top bar uses; reached by ending turns with real key presses.
"""

from __future__ import annotations

import pygame
from contest_helpers import new_game, open_campaign
from ui_helpers import press, settle


def _first_event_dialog(app, scenario):
    sim = new_game(scenario, seed=3)
    open_campaign(app, sim, (1280, 720))
    for _ in range(6):
        press(app, pygame.K_RETURN)  # End Turn, then the report's Continue
        while app.top.name in ("report", "reflection"):
            press(app, pygame.K_RETURN if app.top.name == "report" else pygame.K_ESCAPE)
        if app.top.name == "event":
            return sim, app.top
    raise AssertionError("no event asked for an answer in six turns")


def test_the_date_line_names_the_quarter_of_the_news_and_of_the_answer(app, scenario, monkeypatch):
    sim, dialog = _first_event_dialog(app, scenario)
    fired, now = sim.date_label(dialog.decision.turn), sim.date_label()
    assert fired != now, "an event is answered in the quarter after the one it came in"
    drawn: list[str] = []
    original = app.ctx.text.draw
    monkeypatch.setattr(app.ctx.text, "draw", lambda s, line, *a, **k: drawn.append(line) or original(s, line, *a, **k))
    settle(app)
    app.draw()
    [line] = {line for line in drawn if "your answer applies now" in line}
    assert line.startswith(f"{fired} news, your answer applies now in {now} · ")
    assert now.startswith("Q") and now.split()[1].isdigit()  # 'Q4 2023', as the top bar writes it
