"""A process killed while saving loses no save and leaves nothing corrupt that loads.

A worker saves one slot and autosaves over and over; it is killed (SIGKILL, no clean-up)
at varied moments. Afterwards the slot still loads, every file that loads is intact, and
the next autosave carries on.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from game.saves import SaveError, SaveSlots, load_game, read_save
from tests.sim.save_helpers import SCENARIO_FILE

ROOT = Path(__file__).resolve().parents[2]
WORKER = textwrap.dedent(
    """
    import sys
    from game.ai.doctrine import choose_rival_orders
    from game.content.loader import load_scenario
    from game.sim.engine import Simulation
    from game.saves import SaveSlots

    folder, scenario_file = sys.argv[1], sys.argv[2]
    sim = Simulation(load_scenario(scenario_file), 5, scenario_path=scenario_file, rival_chooser=choose_rival_orders)
    slots = SaveSlots(folder)
    print("ready", flush=True)
    while True:
        slots.save(sim, "class game")
        slots.autosave(sim)
    """
)


def test_saves_survive_a_kill_at_any_moment(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for delay_ms in (0, 7, 19, 31, 53, 97):
        worker = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(tmp_path), str(SCENARIO_FILE)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert worker.stdout is not None and worker.stdout.readline() == "ready\n"
        time.sleep(0.2 + delay_ms / 1000)  # at least one save done, then stop somewhere in the next
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=60)
        assert load_game(tmp_path / "class game.json").turn == 1
        saves = [p for p in tmp_path.iterdir() if p.name.endswith((".json", ".json.bak")) and p.name[0] != "."]
        assert saves  # temp files (".NAME.*.tmp") may be cut short: they are never loaded, only swept
        for path in saves:
            try:
                read_save(path)
            except SaveError:
                pytest.fail(f"{path.name} was left damaged by the kill")
    assert SaveSlots(tmp_path).latest_autosave() is not None
