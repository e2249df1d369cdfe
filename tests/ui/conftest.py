"""Headless window tests: the dummy video and audio drivers, and a private save folder."""

from __future__ import annotations

import argparse
import os

from game.ai.doctrine import choose_rival_orders

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "window-2023.yaml"


@pytest.fixture(autouse=True)
def crossroads_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CROSSROADS_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def scenario():
    from game.content.loader import load_scenario

    return load_scenario(SCENARIO)


@pytest.fixture
def app():
    """A real window (dummy driver) at 1280×720 with no scene yet."""
    import pygame

    from game.ui.app import make_app

    made = make_app(argparse.Namespace(seed=None, difficulty=None, screenshot=None))
    made.max_fps = 0
    yield made
    pygame.quit()


@pytest.fixture
def sim(scenario):
    from game.sim.engine import Simulation

    return Simulation(scenario, 11, scenario_path=str(SCENARIO), rival_chooser=choose_rival_orders)


@pytest.fixture
def drawn_lines(monkeypatch):
    """Every line of text drawn by hand (`Text.draw`), in drawing order."""
    from game.ui.text import Text

    lines: list[str] = []
    original = Text.draw

    def draw(self, target, text, *args, **kwargs):
        lines.append(text)
        return original(self, target, text, *args, **kwargs)

    monkeypatch.setattr(Text, "draw", draw)
    return lines
