"""The command line: autoplay a whole campaign with screenshots, and a clear message with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120
    )


@pytest.mark.slow
def test_autoplay_plays_all_forty_turns_and_saves_screens(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "CROSSROADS_HOME": str(tmp_path)}
    shots = tmp_path / "shots"
    result = _run(
        [
            "play",
            "--scenario",
            "scenarios/window-2023.yaml",
            "--seed",
            "5",
            "--autoplay",
            "40",
            "--strategy",
            "balanced",
            "--screenshot",
            str(shots),
        ],
        env,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in shots.glob("*.png"))
    for kind in ("title", "campaign", "event", "report", "end"):
        assert any(name.endswith(f"-{kind}.png") for name in names), (kind, names)


def test_autoplay_rejects_an_unknown_strategy(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "CROSSROADS_HOME": str(tmp_path)}
    result = _run(["play", "--autoplay", "2", "--strategy", "nonsense"], env)
    assert result.returncode == 1
    assert "unknown strategy" in result.stderr


def test_without_a_display_the_game_points_to_simulate(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")}
    env["SDL_VIDEODRIVER"] = "x11"  # no X server here: opening the window must fail cleanly
    env["CROSSROADS_HOME"] = str(tmp_path)
    result = _run([], env)
    assert result.returncode == 1
    assert "simulate" in result.stderr
    assert "Traceback" not in result.stderr


def test_with_no_screen_and_no_driver_named_the_game_refuses_to_run_invisibly(tmp_path):
    """SDL falls back to its invisible 'offscreen' driver; the game must not open a window nobody sees."""
    hidden = ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env["CROSSROADS_HOME"] = str(tmp_path)
    result = _run([], env)
    assert result.returncode == 1
    assert "simulate" in result.stderr
    assert "Traceback" not in result.stderr
