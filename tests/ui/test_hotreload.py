"""F5 scenario hot reload, driven by posted key events on a copy of window-2023 in tmp_path."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pygame
import pytest
from ui_helpers import press, settle

from game.ai.doctrine import choose_rival_orders
from game.content.loader import load_scenario
from game.sim.engine import Simulation
from game.sim.orders import Order
from game.sim.state import state_hash
from game.ui.classroom import ClassroomSetup, Session
from game.ui.scene import push
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.problems import MAX_SHOWN, ProblemsScene

SHOTS = os.environ.get("CROSSROADS_UI_SHOTS")  # a folder to keep the reload screens in, for review


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    from conftest import SCENARIO

    target = tmp_path / "window-2023.yaml"
    shutil.copyfile(SCENARIO, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _shoot(app, name: str) -> None:
    """Keep a picture for review when CROSSROADS_UI_SHOTS names a folder."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        app.draw()
        pygame.image.save(app.screen, str(Path(SHOTS) / name))


def _game(app, copy: Path) -> tuple[CampaignScene, FakeClock]:
    """A hot-seat game (US and Russia, 5-minute timer) one turn in, with an order queued in turn 2, Russia at the screen."""
    setup = ClassroomSetup(humans=("us", "russia"), minutes=5)
    sim = Simulation(
        load_scenario(copy), 11, humans=setup.sim_humans(), scenario_path=str(copy), rival_chooser=choose_rival_orders
    )
    sim.queue(Order("us", "education_exchanges", "kazakhstan"))
    sim.end_turn()
    for decision in list(sim.pending):
        sim.decide(decision.key, sim.scenario.event(decision.event).choices[0].id)
    sim.queue(Order("us", "culture_and_tourism", "uzbekistan"))
    clock = FakeClock()
    scene = CampaignScene(app.ctx, sim, Session(sim, setup, clock))
    scene.session.advance()  # the US is done: Russia orders now
    app.apply(push(scene))
    settle(app)
    while app.top.name == "reflection":  # a prompt due this turn: skipped (the session remembers)
        press(app, pygame.K_ESCAPE)
    assert app.top is scene
    scene.select("uzbekistan")
    return scene, clock


def test_an_edited_number_reloads_and_replays_keeping_the_class(app, copy):
    campaign, clock = _game(app, copy)
    old = campaign.sim
    session, timer_since = campaign.session, campaign.session.timer.since
    clock.now += 30
    _edit(copy, "political_capital: 10", "political_capital: 40")
    press(app, pygame.K_F5)
    assert app.top is campaign, getattr(app.top, "problems", "")
    assert campaign.status == "Reloaded window-2023.yaml: replayed 1 turn" and campaign.status_good
    new = campaign.sim
    assert new is not old and new.scenario_path == str(copy)
    assert new.scenario.washington.political_capital == 40
    assert new.state.washington["political_capital"] > old.state.washington["political_capital"]
    assert new.history == old.history and new.turn == old.turn == 2
    assert [o.action for o in new.queued] == ["culture_and_tourism"]  # the turn in progress too
    assert campaign.selected == "uzbekistan" and campaign.session is session
    assert session.seat.power == "russia" and session.timer.since == timer_since  # the seat's clock runs on
    assert new.classroom == old.classroom and new.classroom["minutes"] == 5
    _shoot(app, "reload-success.png")


def test_a_broken_key_lists_the_errors_and_keeps_the_game(app, copy):
    campaign, _ = _game(app, copy)
    old, before = campaign.sim, state_hash(campaign.sim.state)
    _edit(copy, "    capital: Astana", "    capitol: Astana")
    press(app, pygame.K_F5)
    panel = app.top
    assert isinstance(panel, ProblemsScene)
    assert "has errors" in panel.title
    assert any("capitol" in problem and re.search(r":\d+:\d+: error\[", problem) for problem in panel.problems)
    assert panel.rows and re.fullmatch(r"line \d+:\d+", panel.rows[0][1])
    assert campaign.sim is old and state_hash(old.state) == before
    assert not campaign.status_good
    _shoot(app, "reload-errors.png")
    press(app, pygame.K_ESCAPE)
    assert app.top is campaign
    press(app, pygame.K_F5)  # still broken: the panel again; fixed, F5 in the panel reloads and closes it
    assert isinstance(app.top, ProblemsScene)
    _edit(copy, "    capitol: Astana", "    capital: Astana")
    press(app, pygame.K_F5)
    assert app.top is campaign and campaign.status.startswith("Reloaded") and campaign.sim is not old


def test_removing_an_action_used_earlier_is_a_replay_error(app, copy):
    campaign, _ = _game(app, copy)
    old, before = campaign.sim, state_hash(campaign.sim.state)
    text = copy.read_text(encoding="utf-8")
    start, end = text.index("  - id: education_exchanges"), text.index("  - id: english_and_skills")
    copy.write_text(text[:start] + text[end:], encoding="utf-8")
    press(app, pygame.K_F5)
    panel = app.top
    assert isinstance(panel, ProblemsScene) and "cannot replay" in panel.title
    assert panel.problems == (
        "window-2023.yaml: turn 1: the action 'education_exchanges' ordered by us is no longer in the file",
    )
    assert campaign.sim is old and state_hash(old.state) == before
    _shoot(app, "reload-replay-error.png")


def test_many_problems_show_at_most_twelve_and_say_how_many_more(app, copy):
    app.resize((1024, 640))
    campaign, _ = _game(app, copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("    cost: ", "    cots: "), encoding="utf-8")
    press(app, pygame.K_F5)
    panel = app.top
    assert isinstance(panel, ProblemsScene) and len(panel.problems) > MAX_SHOWN
    assert 0 < len(panel.rows) <= MAX_SHOWN and panel.more == len(panel.problems) - len(panel.rows)
    assert panel.box.bottom <= 640 and panel.more_y < panel.box.bottom - 54
    _shoot(app, "reload-many-errors-1024x640.png")
    press(app, pygame.K_ESCAPE)
    assert app.top is campaign
