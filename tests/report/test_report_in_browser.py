"""The debrief opens in a real browser, offline, with its charts: headless Chromium takes a screenshot.

The test needs a Chromium binary (Debian: `apt-get install -y chromium`) and is skipped
without one. It looks for the charts' own colours in the screenshot, and checks that the
same page with its PNG files removed does not show them, so a page whose images fail to
load cannot pass.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from game.report.game_report import build_game_report
from tests.report.conftest import png_size

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WINDOW = (1200, 2000)
VERMILLION = (213, 94, 0)  # Russia's lines in the alignment chart (game.report.charts.POWER_STYLE)

browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(browser is None, reason="no Chromium binary (apt-get install -y chromium)")


def screenshot(page: Path, shot: Path, profile: Path) -> Path:
    command = [
        str(browser),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--screenshot={shot}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        page.resolve().as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return shot


def pixels_of(shot: Path, colour: tuple[int, int, int], tolerance: int = 12) -> int:
    from matplotlib.image import imread

    image = (imread(shot)[..., :3] * 255).round()
    return int((abs(image - colour) <= tolerance).all(axis=-1).sum())


def test_the_debrief_renders_in_headless_chromium_with_its_charts(balanced_game, tmp_path):
    page = build_game_report(balanced_game, tmp_path / "debrief", name="Team A")
    shot = screenshot(page, tmp_path / "debrief.png", tmp_path / "profile")
    assert png_size(shot) == WINDOW
    assert pixels_of(shot, VERMILLION) > 500, "the charts did not render"
    print(f"screenshot: {shot}")

    no_images = tmp_path / "no-images"
    no_images.mkdir()
    shutil.copy(page, no_images / "report.html")
    control = screenshot(no_images / "report.html", tmp_path / "control.png", tmp_path / "profile")
    assert pixels_of(control, VERMILLION) < 50, "the colour test cannot tell a page without its images"
