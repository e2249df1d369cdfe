"""Where the shipped scenarios live, and the one every front end opens by default."""

from __future__ import annotations

from pathlib import Path

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"
DEFAULT_FILE = "window-2023.yaml"  # the campaign the game is built around: chosen first when present
DEFAULT_SCENARIO = SCENARIO_DIR / DEFAULT_FILE
