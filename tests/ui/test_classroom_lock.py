"""The classroom lock, driven by posted events: every way round the PIN is closed, guesses slow
down, the PIN is kept with PBKDF2, old saves migrate, and a save cannot shed its PIN."""

from __future__ import annotations

import hashlib

import pygame
import pytest
from test_classroom import FakeClock, _campaign, _skip_prompts, _type
from ui_helpers import click_button, press, settle

from game.saves import encode_save, read_save, save_game
from game.ui.classroom import ClassroomSetup
from game.ui.pins import pin_matches
from game.ui.scene import push, reset

PIN = "4321"


def _first_turn(app) -> None:
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    while app.top.name == "event":
        press(app, pygame.K_1)
    _skip_prompts(app)


def test_the_pin_is_kept_with_a_slow_salted_kdf():
    stored = ClassroomSetup(pin=PIN).to_data()["pin_sha256"]
    scheme, iterations, salt, _digest = stored.split("$")
    assert scheme == "pbkdf2_sha256" and int(iterations) >= 600_000 and len(salt) >= 32
    assert PIN not in stored and pin_matches(stored, PIN) and not pin_matches(stored, "4322")
    assert stored != ClassroomSetup(pin=PIN).to_data()["pin_sha256"]  # a fresh salt each game


def test_wrong_guesses_wait_longer_and_longer(app, scenario):
    clock = FakeClock()
    _campaign(app, scenario, ClassroomSetup(pin=PIN), clock)
    press(app, pygame.K_F9)
    prompt = app.top
    for guess in ("1111", "2222"):
        _type(app, prompt.entry, guess)
        assert "Wrong PIN" in prompt.message and "Next try" not in prompt.message
        prompt.entry.set_text("")
    _type(app, prompt.entry, "3333")
    assert "Next try in 2 s" in prompt.message
    prompt.entry.set_text("")
    _type(app, prompt.entry, PIN)  # even the right PIN waits: a guess in the wait is not checked
    assert app.top is prompt and "try again in 2 s" in prompt.message
    clock.now += 2
    prompt.entry.set_text("")
    _type(app, prompt.entry, "4444")
    assert "Next try in 4 s" in prompt.message  # doubled
    clock.now += 3
    prompt.entry.set_text("")
    _type(app, prompt.entry, PIN)
    assert app.top is prompt
    clock.now += 1
    prompt.entry.set_text("")
    _type(app, prompt.entry, PIN)
    assert app.top.name == "facilitator"


@pytest.mark.parametrize(
    ("way", "opens"),
    [
        ("L", "load"),
        ("F5", "campaign"),
        ("Esc, Main menu", "title"),
        ("Menu button, Main menu", "title"),
        ("close the window, Main menu", "title"),
    ],
)
def test_every_way_out_of_the_turn_needs_the_pin(app, scenario, way, opens):
    campaign = _campaign(app, scenario, ClassroomSetup(pin=PIN))
    if way == "L":
        press(app, pygame.K_l)
    elif way == "F5":
        press(app, pygame.K_F5)
    else:
        if way.startswith("Esc"):
            press(app, pygame.K_ESCAPE)
        elif way.startswith("Menu"):
            click_button(app, "Menu (Esc)")
        else:
            pygame.event.post(pygame.event.Event(pygame.QUIT))
            settle(app)
        assert app.top.name == "dialog"
        click_button(app, "Main menu")
    prompt = app.top
    assert prompt.name == "pin"
    _type(app, prompt.entry, "0000")
    assert app.top is prompt and "stays closed" in prompt.message
    prompt.entry.set_text("")
    _type(app, prompt.entry, PIN)
    assert app.top.name == opens
    if opens == "campaign":
        assert app.top is campaign and campaign.status_good, campaign.status  # replayed on the file


def test_a_pause_survives_quitting_and_continue(app, scenario):
    from game.ui.scenes.title import TitleScene

    campaign = _campaign(app, scenario, ClassroomSetup(pin=PIN))
    _first_turn(app)
    press(app, pygame.K_F9)
    _type(app, app.top.entry, PIN)
    click_button(app, "Pause the game")
    press(app, pygame.K_F9)
    assert app.top.name == "paused" and campaign.session.paused
    press(app, pygame.K_ESCAPE)  # nothing reacts under the pause
    assert app.top.name == "paused"
    app.apply(reset(TitleScene(app.ctx)))  # the window was closed and opened again
    settle(app)
    click_button(app, "Continue")
    assert app.top.name == "paused"
    press(app, pygame.K_F9)
    assert app.top.name == "pin"


def _saved_class_game(app, scenario, tmp_path, edit):
    """A PIN game with one turn played, saved, then edited (checksum recomputed) by `edit`."""
    campaign = _campaign(app, scenario, ClassroomSetup(pin=PIN))
    _first_turn(app)
    path = tmp_path / "class.json"
    save_game(campaign.sim, path)
    payload = read_save(path)
    edit(payload["classroom"])
    path.write_bytes(encode_save(payload, path))
    return path


def _load(app, path):
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.title import TitleScene

    app.apply(reset(TitleScene(app.ctx)))
    scene = LoadScene(app.ctx)
    app.apply(push(scene))
    settle(app)
    return scene.load(path)


def test_a_save_whose_pin_was_deleted_still_asks_for_it(app, scenario, tmp_path):
    path = _saved_class_game(app, scenario, tmp_path, lambda data: data.pop("pin_sha256"))
    app.apply(_load(app, path))
    settle(app)
    prompt = app.top
    assert prompt.name == "pin" and "lost its PIN" in prompt.session.lock_note
    _type(app, prompt.entry, PIN)
    _skip_prompts(app)
    campaign = app.top
    assert campaign.name == "campaign"
    press(app, pygame.K_F9)
    assert app.top.name == "pin"  # F9 is guarded too
    assert pin_matches(campaign.sim.classroom["pin_sha256"], PIN)  # and the next save carries it again


def test_a_save_with_its_pin_swapped_keeps_the_computers_pin(app, scenario, tmp_path):
    from game.ui.pins import hash_pin

    path = _saved_class_game(app, scenario, tmp_path, lambda data: data.update(pin_sha256=hash_pin("0000", "x", 1)))
    app.apply(_load(app, path))
    settle(app)
    prompt = app.top
    _type(app, prompt.entry, "0000")
    assert app.top is prompt and "stays closed" in prompt.message


def test_an_old_sha256_pin_still_opens_and_is_rekept_with_pbkdf2(app, scenario, tmp_path, crossroads_home):
    legacy = "sha256$abcd$" + hashlib.sha256(f"abcd:{PIN}".encode()).hexdigest()
    path = _saved_class_game(app, scenario, tmp_path, lambda data: data.update(pin_sha256=legacy))
    (crossroads_home / "classroom-locks.json").unlink()  # a save from before this computer kept locks
    app.apply(_load(app, path))
    settle(app)
    prompt = app.top
    assert prompt.name == "pin"
    _type(app, prompt.entry, PIN)
    _skip_prompts(app)
    campaign = app.top
    assert campaign.name == "campaign"
    stored = campaign.sim.classroom["pin_sha256"]
    assert stored.startswith("pbkdf2_sha256$") and pin_matches(stored, PIN)


def test_loading_from_the_title_asks_for_a_class_games_pin(app, scenario, tmp_path):
    path = _saved_class_game(app, scenario, tmp_path, lambda data: None)
    app.apply(_load(app, path))
    settle(app)
    assert app.top.name == "pin"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "load"


def test_closing_the_window_does_not_reset_the_wrong_guesses(app, scenario, tmp_path):
    clock = FakeClock()
    campaign = _campaign(app, scenario, ClassroomSetup(pin=PIN), clock)
    path = tmp_path / "class.json"
    save_game(campaign.sim, path)
    press(app, pygame.K_F9)
    for guess, wait in (("1111", 0), ("2222", 0), ("3333", 2), ("5555", 4), ("6666", 8), ("7777", 0)):
        app.top.entry.set_text("")
        _type(app, app.top.entry, guess)
        clock.now += wait
    assert "Next try in 16 s" in app.top.message  # six wrong: the next wait is 16 s
    app.apply(_load(app, path))  # as after a restart: a fresh window loads the game again
    settle(app)
    prompt = app.top
    assert prompt.name == "pin" and prompt.session is not campaign.session
    _type(app, prompt.entry, PIN)
    assert app.top is prompt and "try again in" in prompt.message
