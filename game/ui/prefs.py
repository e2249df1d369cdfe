"""The player's window settings kept across restarts (the UI scale), in a small JSON file.

`$CROSSROADS_HOME/settings.json`, else `~/.crossroads/settings.json`, read when the window
opens. A missing or damaged file means the defaults: settings must never stop the game.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

SCALES = (0.85, 1.0, 1.15, 1.3)


def settings_file() -> Path:
    home = os.environ.get("CROSSROADS_HOME")
    return (Path(home) if home else Path.home() / ".crossroads") / "settings.json"


def load_ui_scale() -> float:
    """The UI scale saved last time, or 100% when there is none (or it is not one we offer)."""
    try:
        data = json.loads(settings_file().read_text(encoding="utf-8"))
        scale = float(data["ui_scale"])
    except (OSError, ValueError, KeyError, TypeError):
        return 1.0
    return scale if any(abs(scale - s) < 1e-6 for s in SCALES) else 1.0


def save_ui_scale(scale: float) -> str:
    """Remember the UI scale; returns '' or why it could not be written (the game plays on)."""
    path = settings_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"ui_scale": scale}), encoding="utf-8")
    except OSError as error:
        return f"the setting could not be saved: {error.strerror or error}"
    return ""
