"""The window's door to saved games: imports `game.saves` lazily so screens work without it.

Every call returns a message for the player instead of raising, so a damaged or missing save
shows an explanation and the game keeps running.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.ai.doctrine import choose_rival_orders
from game.sim.engine import Simulation


class SavesUnavailable(Exception):
    """Saving is not installed in this build."""


def _module() -> Any:
    try:
        from game import saves as save
    except ImportError as error:
        raise SavesUnavailable(f"saving is not available in this build ({error})") from error
    return save


def slots() -> tuple[Any | None, str]:
    """The slot manager and '' — or None and why not."""
    try:
        return _module().SaveSlots(), ""
    except SavesUnavailable as error:
        return None, str(error)
    except Exception as error:  # a broken save folder must not crash the menu
        return None, f"the save folder could not be opened: {error}"


def list_slots() -> tuple[list[Any], str]:
    manager, message = slots()
    if manager is None:
        return [], message
    try:
        return list(manager.list()), ""
    except Exception as error:
        return [], f"the saves could not be listed: {error}"


def progress_mark(sim: Simulation) -> tuple[Any, ...]:
    """Where the game stands: its turn, this turn's answers and acts, and the queued orders."""
    return (sim.turn, len(sim.history[-1].decisions), tuple(sim.queued))


def unsaved(sim: Simulation) -> bool:
    """Whether this turn holds input that no save or autosave has (loading would lose it)."""
    if not (sim.queued or sim.history[-1].decisions):
        return False
    return getattr(sim, "saved_mark", None) != progress_mark(sim)


def _saved(sim: Simulation) -> None:
    sim.saved_mark = progress_mark(sim)  # type: ignore[attr-defined]


def save(sim: Simulation, name: str) -> str:
    """Save into a named slot; '' on success, else the reason."""
    manager, message = slots()
    if manager is None:
        return message
    try:
        manager.save(sim, name)
    except Exception as error:
        return f"could not save '{name}': {error}"
    _saved(sim)
    return ""


def autosave(sim: Simulation) -> str:
    manager, message = slots()
    if manager is None:
        return message
    try:
        manager.autosave(sim)
    except Exception as error:
        return f"autosave failed: {error}"
    _saved(sim)
    return ""


def load_path(path: str | Path) -> tuple[Simulation | None, str]:
    """Load a save file; (sim, '') or (None, reason)."""
    try:
        sim = _module().load_game(Path(path), rival_chooser=choose_rival_orders)
        _saved(sim)
        return sim, ""
    except SavesUnavailable as error:
        return None, str(error)
    except Exception as error:  # SaveError and anything a damaged file provokes
        return None, getattr(error, "message", None) or f"{path}: {error}"  # SaveError names the file


def delete_path(path: str | Path) -> str:
    """Delete a listed save (and its backup); '' on success, else the reason."""
    manager, message = slots()
    if manager is None:
        return message
    try:
        manager.delete_path(path)
    except Exception as error:
        return getattr(error, "message", None) or f"could not delete {path}: {error}"
    return ""


def verify_path(path: str | Path) -> tuple[bool, str]:
    """Whether a save replays bit for bit, and the verdict's words (see `game.saves.verify_save`)."""
    try:
        verdict = _module().verify_save(Path(path))
    except SavesUnavailable as error:
        return False, str(error)
    return verdict.verified, verdict.text


def describe(path: str | Path) -> str:
    """A save as a player reads it: 'The Window (2023), Q1 2025 (turn 7), saved 2026-11-30 10:48'."""
    try:
        payload = _module().read_save(Path(path))
        summary, saved = payload["summary"], str(payload.get("created", ""))
        when = f", saved {saved[:10]} {saved[11:16]} UTC" if len(saved) >= 16 else ""
        return f"{payload['scenario']['title']}, {summary['date_label']} (turn {summary['turn']}){when}"
    except Exception:  # a damaged file still has a name
        return Path(path).name


def latest_autosave() -> Path | None:
    """The save *Continue* resumes: the newest autosave of this install's most recent game."""
    manager, _ = slots()
    if manager is None:
        return None
    try:
        latest = manager.latest_autosave()
    except Exception:
        return None
    return Path(latest) if latest else None


def integrity(path: str | Path) -> tuple[str, list[str]]:
    """The save's integrity verdict (see `verify_path`) and its load warnings (e.g. the scenario
    changed since saving), for the load list."""
    _verified, verdict = verify_path(path)
    sim, _error = load_path(path)
    return verdict, list(getattr(sim, "load_warnings", []) or []) if sim is not None else []
