"""Noticing a session that did not end cleanly, so the title screen can offer its autosave.

A marker file in the save folder is written when the window opens and removed when it
closes normally; finding it at start means the last session crashed or was killed. The
offer is made only when the newest autosave is newer than every named save, because
otherwise the player's own save is the better place to continue from.
"""

from __future__ import annotations

from pathlib import Path

from game.ui import saves

MARKER = "session-running.marker"


def _folder() -> Path | None:
    manager, _ = saves.slots()
    return Path(manager.folder) if manager is not None else None


def begin_session(folder: Path | None = None) -> bool:
    """Write the marker; True if it was already there (the last session did not end cleanly)."""
    folder = folder or _folder()
    if folder is None:
        return False
    marker = folder / MARKER
    crashed = marker.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        marker.write_text("the game window is open; this file is removed when it closes normally\n", encoding="utf-8")
    except OSError:
        pass  # a read-only save folder only costs the crash offer
    return crashed


def end_session(folder: Path | None = None) -> None:
    folder = folder or _folder()
    if folder is not None:
        (folder / MARKER).unlink(missing_ok=True)


def recovery_autosave(crashed: bool) -> Path | None:
    """The autosave to offer after a crash, or None when there is nothing worth offering."""
    if not crashed:
        return None
    latest = saves.latest_autosave()
    if latest is None:
        return None
    slots, _ = saves.list_slots()
    named = [s.modified for s in slots if not getattr(s, "autosave", False)]
    try:
        newest = latest.stat().st_mtime
    except OSError:
        return None
    return latest if all(newest > modified for modified in named) else None
