"""Classroom settings in saves, the handover after undo, and the setup screen's fit at small windows."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import click_button, press, settle

from game.ai.doctrine import choose_rival_orders
from game.saves import load_game, replay, save_game
from game.sim.engine import Simulation
from game.ui.classroom import ClassroomSetup, Session
from game.ui.scene import push
from game.ui.scenes.campaign import CampaignScene

PIN = "tulip7"


def _class_sim(scenario) -> Simulation:
    from conftest import SCENARIO

    setup = ClassroomSetup(humans=("us", "china"), us_desks=True, pin=PIN, minutes=10)
    sim = Simulation(
        scenario, 3, humans=setup.sim_humans(), scenario_path=str(SCENARIO), rival_chooser=choose_rival_orders
    )
    Session(sim, setup)  # a session puts its settings on the simulation, as the window does
    return sim


def test_classroom_settings_round_trip_through_a_save_without_the_pin(scenario, tmp_path):
    sim = _class_sim(scenario)
    path = tmp_path / "class.json"
    save_game(sim, path)
    assert PIN.encode() not in path.read_bytes()
    loaded = load_game(path, rival_chooser=choose_rival_orders)
    assert loaded.classroom == sim.classroom
    assert loaded.classroom["pin_sha256"].startswith("pbkdf2_sha256$")
    session = Session(loaded)
    assert session.setup.humans == ("us", "china") and session.setup.us_desks and session.setup.minutes == 10
    assert session.setup.has_pin and session.check_pin(PIN) and not session.check_pin("tulip8")
    assert [seat.label for seat in session.seats][-1] == "China"
    replayed = replay(
        scenario, loaded.seed, loaded.difficulty_id, loaded.humans, loaded.history, rival_chooser=choose_rival_orders
    )
    assert getattr(replayed, "classroom", None) is None  # replays play the game, not the class


def test_a_save_without_classroom_settings_loads_as_one_player(scenario, tmp_path):
    from conftest import SCENARIO

    sim = Simulation(scenario, 3, scenario_path=str(SCENARIO), rival_chooser=choose_rival_orders)
    save_game(sim, tmp_path / "solo.json")
    loaded = load_game(tmp_path / "solo.json", rival_chooser=choose_rival_orders)
    assert loaded.classroom is None
    session = Session(loaded)
    assert session.setup == ClassroomSetup() and not session.setup.has_pin


@pytest.mark.parametrize("broken", [None, "x", {"humans": "us", "minutes": -3, "pin_sha256": 5}])
def test_malformed_classroom_settings_fall_back_to_defaults(broken):
    setup = ClassroomSetup.from_data(broken, ("us",))
    assert setup.humans == ("us",) and setup.minutes is None and not setup.has_pin


def test_a_loaded_class_game_asks_for_the_pin_and_play_again_keeps_the_class(app, scenario, tmp_path):
    from game.ui import saves
    from game.ui.scenes.end import EndScene

    save_game(_class_sim(scenario), tmp_path / "class.json")
    sim, error = saves.load_path(tmp_path / "class.json")
    assert sim is not None, error
    campaign = CampaignScene(app.ctx, sim)
    app.apply(push(campaign))
    settle(app)
    assert campaign.session.seat.label == "US — Soft power desk" and campaign.session.timer.active
    press(app, pygame.K_F9)
    assert app.top.name == "pin"
    press(app, pygame.K_ESCAPE)
    again = EndScene(app.ctx, campaign.sim).play_again().scene
    assert again.session.setup == campaign.session.setup and again.sim.classroom == campaign.sim.classroom


def test_undo_in_hot_seat_passes_the_screen_to_the_first_side(app, scenario):
    from conftest import SCENARIO

    setup = ClassroomSetup(humans=("us", "russia"))
    sim = Simulation(
        scenario, 11, humans=setup.sim_humans(), scenario_path=str(SCENARIO), rival_chooser=choose_rival_orders
    )
    sim.end_turn()
    for decision in list(sim.pending):
        sim.decide(decision.key, sim.scenario.event(decision.event).choices[0].id)
    campaign = CampaignScene(app.ctx, sim, Session(sim, setup))
    campaign.session.advance()  # Russia has the screen
    app.apply(push(campaign))
    settle(app)
    while app.top.name == "reflection":
        press(app, pygame.K_ESCAPE)
    press(app, pygame.K_F9)
    click_button(app, "Undo the last turn")
    click_button(app, "Undo turn")
    assert app.top.good, app.top.message
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pass_screen" and app.top.side == "the United States"
    assert campaign.sim.turn == 1
    press(app, pygame.K_RETURN)
    while app.top.name == "reflection":
        press(app, pygame.K_ESCAPE)
    assert app.top is campaign and campaign.power == "us"


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_the_setup_screen_fits_small_windows(app, scenario, size):
    from conftest import SCENARIO

    from game.ui.scenes.setup import SetupScene

    app.resize(size)
    setup = SetupScene(app.ctx, scenario, SCENARIO, 5, None)
    setup.humans, setup.us_desks, setup.minutes = {"us", "russia", "china"}, True, 15
    app.apply(push(setup))
    settle(app)
    screen = pygame.Rect((0, 0), size)
    for rect, note in setup.notes:
        assert setup.box.contains(rect), note
    inside = [w for w in setup.handlers if w.text not in ("Back", "Continue (Enter)")] + [setup.pin_entry]
    for widget in inside:
        assert setup.box.contains(pygame.Rect(widget.rect)), widget
    for widget in setup.handlers:
        assert screen.contains(pygame.Rect(widget.rect)), widget.text
    assert setup.summary_y + 4 * app.ctx.text.line_height(14) + 40 < setup.box.bottom
