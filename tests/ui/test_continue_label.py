"""The title's Continue names the most recent game as a player reads it, not its autosave file name."""

from __future__ import annotations

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.saves import SaveSlots
from game.sim.engine import Simulation
from game.ui import saves
from tests.conftest import WINDOW_2023


def test_continue_describes_the_latest_game_by_scenario_date_and_turn(window_2023, tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSROADS_HOME", str(tmp_path))
    sim = Simulation(window_2023, 7, scenario_path=str(WINDOW_2023), rival_chooser=choose_rival_orders)
    play_turn(sim, STRATEGIES["balanced"])
    SaveSlots().autosave(sim)

    label = saves.describe(saves.latest_autosave())

    assert label.startswith(f"{window_2023.about.title}, {sim.date_label()} (turn 2), saved 20")
    assert "autosave-" not in label
