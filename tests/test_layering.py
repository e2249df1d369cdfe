"""The simulation never imports pygame, and no module does work at import time."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

HEADLESS = [
    "game.content.loader",
    "game.sim.engine",
    "game.ai.doctrine",
    "game.ai.strategies",
    "game.batch.runner",
    "game.batch.report",
    "game.sim.explain",
    "game.cli",
    "game.cli.batch_commands",
]


def test_the_simulation_and_headless_tools_never_import_pygame():
    script = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in HEADLESS)
        + "print(sorted(m for m in sys.modules if m.startswith('pygame')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def test_only_the_ui_package_mentions_pygame():
    offenders = []
    for path in (ROOT / "game").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "game").parts or path.name == "play.py":  # the window and its launcher
            continue
        text = path.read_text(encoding="utf-8")
        if "import pygame" in text or "from pygame" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_game_package_never_uses_the_global_random_generator():
    offenders = []
    for path in (ROOT / "game").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith(
                ("random.random(", "random.choice(", "random.randint(", "random.shuffle(", "random.seed(")
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
            if "= random.random()" in line or ("random.uniform(" in line and "rng" not in line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == []
