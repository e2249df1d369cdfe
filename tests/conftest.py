"""Shared fixtures: the shipped scenario, loaded once, and a helper to tweak its parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import load_scenario
from game.content.overrides import apply_override
from game.content.scenario import Scenario

ROOT = Path(__file__).resolve().parents[1]
WINDOW_2023 = ROOT / "scenarios" / "window-2023.yaml"


@pytest.fixture(scope="session")
def window_2023() -> Scenario:
    return load_scenario(WINDOW_2023)


def tweak(scenario: Scenario, **settings: float) -> Scenario:
    """A copy with parameters changed: tweak(s, **{"rules.window.strength": 0})."""
    for path, value in settings.items():
        scenario = apply_override(scenario, path, value)
    return scenario
