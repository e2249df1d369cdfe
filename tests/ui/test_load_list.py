"""The load list, driven by posted events: dates, scenario, turn and score per save, the integrity
verdict, the scenario-changed warning, delete (asked first), and a warning before unsaved
orders are thrown away."""

from __future__ import annotations

import shutil
import time

import pygame
import pytest
from test_classroom import _campaign, _label
from ui_helpers import click_button, press, settle

from game.ai.doctrine import choose_rival_orders
from game.saves import encode_save, read_save
from game.sim.engine import Simulation
from game.ui import saves
from game.ui.classroom import ClassroomSetup
from game.ui.scene import push
from game.ui.scenes.title import TitleScene
from game.ui.text import Text


@pytest.fixture
def drawn(monkeypatch):
    lines: list[str] = []
    render = Text.render
    monkeypatch.setattr(Text, "render", lambda self, text, *a, **k: lines.append(text) or render(self, text, *a, **k))
    return lines


def _played(scenario, path, turns: int = 2) -> Simulation:
    sim = Simulation(scenario, 5, scenario_path=str(path), rival_chooser=choose_rival_orders)
    for _ in range(turns):
        sim.end_turn()
        for decision in list(sim.pending):
            sim.decide(decision.key, sim.scenario.event(decision.event).choices[0].id)
    return sim


def _open_load_list(app):
    app.apply(push(TitleScene(app.ctx)))
    settle(app)
    click_button(app, "Load")
    scene = app.top
    assert scene.name == "load"
    for _ in range(len(scene.slots) + 2):  # one verdict per frame
        settle(app, 1)
    return scene


def _slot_file(name: str):
    manager, _ = saves.slots()
    return manager.path(name)


def test_each_save_shows_its_date_scenario_turn_score_and_whether_it_replays(app, scenario, drawn):
    from conftest import SCENARIO

    assert saves.save(_played(scenario, SCENARIO), "honest") == ""
    assert saves.save(_played(scenario, SCENARIO), "edited") == ""
    edited = _slot_file("edited")
    payload = read_save(edited)
    payload["state"]["powers"]["us"]["budget"]["trade"] = 999  # an edit with the checksum recomputed
    edited.write_bytes(encode_save(payload, edited))
    scene = _open_load_list(app)
    labels = [w.text for w in scene.handlers]
    today = time.strftime("%d %b %Y")
    honest = next(label for label in labels if label.startswith("honest"))
    assert scenario.about.title in honest and "turn 3" in honest and "score " in honest and today in honest
    assert honest.endswith("· verified")
    assert next(label for label in labels if label.startswith("edited")).endswith("NOT verified")
    click_button(app, "slot:edited")
    drawn.clear()
    app.draw()
    assert any(line.startswith("does not replay from turn") for line in drawn), drawn
    click_button(app, "slot:honest")
    drawn.clear()
    app.draw()
    assert "verified: replays bit for bit" in drawn


def test_a_scenario_changed_since_saving_is_shown_as_a_warning(app, scenario, tmp_path, drawn):
    from conftest import SCENARIO

    copy = tmp_path / "window-copy.yaml"
    shutil.copy(SCENARIO, copy)
    assert saves.save(_played(scenario, copy, 1), "before-edit") == ""
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# edited after saving\n", encoding="utf-8")
    _open_load_list(app)
    drawn.clear()
    app.draw()
    assert any(line.startswith("Warning: The scenario file") for line in drawn), drawn


def test_delete_asks_first(app, scenario):
    from conftest import SCENARIO

    saves.save(_played(scenario, SCENARIO, 1), "keep-me")
    saves.save(_played(scenario, SCENARIO, 1), "old")
    scene = _open_load_list(app)
    click_button(app, "slot:old")
    click_button(app, "Delete… (Del)")
    assert app.top.name == "dialog"
    click_button(app, "Cancel")
    assert _slot_file("old").exists() and app.top is scene
    press(app, pygame.K_DELETE)
    click_button(app, "Delete")
    assert app.top is scene and not _slot_file("old").exists() and _slot_file("keep-me").exists()
    assert scene.message == "Deleted 'old'." and [i.name for i in scene.slots] == ["keep-me"]


def test_loading_warns_before_this_turns_orders_are_lost(app, scenario):
    from conftest import SCENARIO

    saves.save(_played(scenario, SCENARIO, 1), "other")
    campaign = _campaign(app, scenario, ClassroomSetup())
    click_button(app, _label(campaign, "Education exchanges"))
    press(app, pygame.K_l)
    assert app.top.name == "load"
    click_button(app, "slot:other")
    click_button(app, "Load (Enter)")
    assert app.top.name == "dialog" and "Discard" in app.top.title
    click_button(app, "Cancel")
    assert app.top.name == "load" and len(campaign.sim.queued) == 1
    click_button(app, "Load (Enter)")
    click_button(app, "Load anyway")
    settle(app)
    loaded = app.stack[0]  # the loaded game (a reflection prompt may sit over it)
    assert loaded.name == "campaign" and loaded.sim is not campaign.sim and loaded.sim.seed == 5
