"""Short human-played games saved to disk, and the forger's edit: change the payload, recompute the checksum."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.content.scenario import Scenario
from game.saves import save_game
from game.sim.engine import Simulation

SCENARIO_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "window-2023.yaml"


def played_save(scenario: Scenario, path: Path, turns: int = 4, seed: int = 7, strategy: str = "balanced") -> Path:
    """A save of a game the US played by hand (recorded input) for `turns` turns."""
    sim = Simulation(
        scenario, seed, humans=("us",), scenario_path=str(SCENARIO_FILE), rival_chooser=choose_rival_orders
    )
    while len(sim.reports) < turns:
        play_turn(sim, STRATEGIES[strategy])
    save_game(sim, path)
    return path


def forge(path: Path, edit: Callable[[dict[str, Any]], object]) -> None:
    """Edit a save's payload and recompute its checksum, as anyone can."""
    document = json.loads(path.read_text(encoding="utf-8"))
    edit(document["payload"])
    text = json.dumps(document["payload"], sort_keys=True, separators=(",", ":"))
    document["checksum"] = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
    path.write_text(json.dumps(document), encoding="utf-8")
