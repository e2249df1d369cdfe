"""The help names the scenario's own powers: with a fourth power loaded, all four, never "three".

Opened with F1 from the campaign screen, as a player would; the pages are read as the window
wraps them.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from contest_helpers import new_game, open_campaign
from ui_helpers import click_button, press

from game.content.loader import load_scenario
from game.ui.scenes.help import PagedTextScene

ROOT = Path(__file__).resolve().parents[2]
FOURTH = ROOT / "tests" / "scenarios" / "fourth-power.yaml"


def _help_pages(app, scenario) -> dict[str, str]:
    """Open the help from the campaign and read every tab by clicking it."""
    open_campaign(app, new_game(scenario, seed=3), (1280, 720))
    press(app, pygame.K_F1)
    scene = app.top
    assert isinstance(scene, PagedTextScene)
    pages = {}
    for tab in list(scene.sources):
        click_button(app, tab)
        assert scene.tab == tab
        pages[tab] = " ".join(" ".join(page) for page in scene.lines)
    return pages


@pytest.fixture(scope="module")
def fourth():
    return load_scenario(FOURTH)


def test_with_a_fourth_power_the_guide_and_meters_name_all_four(app, fourth):
    pages = _help_pages(app, fourth)
    guide, meters = pages["First turn"], pages["Meters"]
    assert "the United States, Russia, China and Turkey (0–100)" in guide
    assert "Russia, China and Turkey move" in guide
    assert "push Russia, China or Turkey out" in guide
    assert "the US, Russia, China and Turkey (their shares" in meters
    assert "green diamond and vertical lines: Turkey" in meters
    assert "the four powers' alignment there (US ÷ all four × 100)" in meters
    assert not [tab for tab, page in pages.items() if "three powers" in page or "all three" in page]


def test_the_standard_game_still_reads_as_before(app, scenario):
    pages = _help_pages(app, scenario)
    assert "the United States, Russia and China (0–100)" in pages["First turn"]
    assert "Russia and China move" in pages["First turn"]
    assert "blue star and diagonal hatch: US" in pages["Meters"]
    assert "US ÷ all three × 100" in pages["Meters"]
    assert "Turkey" not in " ".join(pages.values())
