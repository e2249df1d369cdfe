"""The simulation never imports pygame, and no module does work at import time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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


# Which game packages each layer may import (style.md: content <- sim <- ai <- batch/report <- cli/ui).
ALLOWED = {
    "content": {"content"},
    "sim": {"content", "sim"},
    "ai": {"content", "sim", "ai"},
    "saves": {"content", "sim", "ai", "saves"},  # save files: beside batch, above the I/O-free sim
    "batch": {"content", "sim", "ai", "batch", "report", "saves"},
    "report": {"content", "sim", "ai", "batch", "report", "saves"},
    "ui": {"content", "sim", "ai", "batch", "report", "saves", "ui"},
    "cli": {"content", "sim", "ai", "batch", "report", "saves", "ui", "cli"},
}


def imported_modules(source: str) -> list[tuple[int, str]]:
    """Every game module a source imports, at any depth: top level, in functions, or via import_module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module == "game":  # `from game import sim` names the packages themselves
                found += [(node.lineno, f"game.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in {"import_module", "_lazy"} and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return [(line, name) for line, name in found if name.startswith("game.")]


def layer_breaches(root: Path) -> list[str]:
    """'file:line: layer imports module' for every import that points up the layer picture."""
    breaches = []
    for path in sorted((root / "game").rglob("*.py")):
        parts = path.relative_to(root / "game").parts
        layer = parts[0] if len(parts) > 1 else None
        for line, name in imported_modules(path.read_text(encoding="utf-8")):
            target = name.split(".")[1]
            where = f"{path.relative_to(root)}:{line}"
            if target == "cli" and layer != "cli":
                breaches.append(f"{where}: only main.py and game.cli may import {name}")
            elif layer in ALLOWED and target in ALLOWED and target not in ALLOWED[layer]:
                breaches.append(f"{where}: {layer} imports {name}")
    return breaches


def test_the_whole_import_graph_points_down_the_layers():
    assert layer_breaches(ROOT) == []


def test_a_function_level_import_up_the_layers_is_caught(tmp_path):
    engine = tmp_path / "game" / "sim" / "engine.py"
    engine.parent.mkdir(parents=True)
    engine.write_text("def chooser():\n    from game.ai.doctrine import choose_rival_orders\n    return 1\n")
    overrides = tmp_path / "game" / "ui" / "bench.py"
    overrides.parent.mkdir(parents=True)
    overrides.write_text("import importlib\nplay = importlib.import_module('game.cli.play')\n")

    assert layer_breaches(tmp_path) == [
        "game/sim/engine.py:2: sim imports game.ai.doctrine",
        "game/ui/bench.py:2: only main.py and game.cli may import game.cli.play",
    ]


def test_the_engine_runs_without_the_ai_package_loaded():
    script = "import sys\nimport game.sim.engine, game.sim.replay, game.sim.facilitator\nprint(sorted(m for m in sys.modules if m.startswith(('game.ai', 'game.batch'))))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"
