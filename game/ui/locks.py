"""This computer's record of locked class games, so a save cannot shed its PIN.

A save is a file pupils can open: its PIN hash can be deleted and the checksum recomputed.
So when a class game has a PIN, this install also keeps the hash (and whether the game is
paused) in `$CROSSROADS_HOME/classroom-locks.json`, keyed by what identifies the game and
what replay verification holds fixed: scenario id, seed, difficulty and the human sides.
Loading any save of that game here brings the lock back, whatever the save says. The install
wins over the save when both hold a hash; only the setup screen (a new game) rebinds a key.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

FILE = "classroom-locks.json"
MAX_BYTES = 1_000_000


def home() -> Path:
    """`$CROSSROADS_HOME`, else `~/.crossroads` (read when asked, never at import)."""
    folder = os.environ.get("CROSSROADS_HOME")
    return Path(folder) if folder else Path.home() / ".crossroads"


def game_key(sim: Any) -> str:
    humans = ",".join(getattr(sim, "humans", ()))
    return f"{sim.scenario.id}|{sim.seed}|{sim.difficulty_id}|{humans}"


def _read() -> dict[str, dict[str, Any]]:
    path = home() / FILE
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def _write(records: dict[str, dict[str, Any]]) -> None:
    folder = home()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, prefix=".locks-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(records, out, sort_keys=True, indent=1)
        os.replace(name, folder / FILE)
    except OSError:
        return  # a read-only home: the save's own hash still guards the game


def lookup(sim: Any) -> dict[str, Any]:
    """What this install remembers of `sim`'s game: {'pin_hash': ..., 'paused': ...} or {}."""
    return dict(_read().get(game_key(sim), {}))


def remember(sim: Any, **fields: Any) -> None:
    """Store or update fields of `sim`'s game record."""
    records = _read()
    key = game_key(sim)
    records[key] = {**records.get(key, {}), **fields}
    _write(records)
