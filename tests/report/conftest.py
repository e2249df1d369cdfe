"""Fixtures for the debrief tests: played campaigns (no save files needed) and a PNG reader."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_campaign, play_turn
from game.sim.engine import Simulation

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SEED = 11


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) of a PNG, read from its header; raises if the file is not a PNG."""
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    assert head[12:16] == b"IHDR", f"{path.name} has no PNG header chunk"
    return struct.unpack(">II", head[16:24])


def images_of(page: Path) -> list[str]:
    """The image files a page refers to, in order."""
    return re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def balanced_game(window_2023) -> Simulation:
    return play_campaign(window_2023, SEED, "balanced")


@pytest.fixture(scope="session")
def soft_power_game(window_2023) -> Simulation:
    return play_campaign(window_2023, SEED, "soft-power")


@pytest.fixture(scope="session")
def switched_game(window_2023) -> Simulation:
    """Balanced for five turns, then neglect: the same world as `balanced_game` until turn 6."""
    sim = Simulation(window_2023, SEED, rival_chooser=choose_rival_orders)
    while not sim.state.finished:
        play_turn(sim, STRATEGIES["balanced" if len(sim.reports) < 5 else "neglect"])
    return sim
