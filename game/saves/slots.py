"""Save slots: named saves and, per campaign, a rotation of autosaves in one folder.

What the window's Load screen lists (date, scenario, turn, score) and deletes, and what its
*Continue* resumes (the newest autosave of the most recent game) all come from here.
"""

from __future__ import annotations

import builtins
import os
import re
import time
from pathlib import Path
from typing import Any

import attrs

from game.saves.codec import started_at
from game.saves.files import (
    _CONTENT_ERRORS,
    SaveError,
    _os_problem,
    _write_atomic,
    backup_path,
    encode_save,
    load_game,
    read_save,
    save_game,
    save_payload,
    sweep_temp_files,
)
from game.sim.engine import RivalChooser, Simulation

AUTOSAVE_COUNT = 5
_UNSAFE_NAME = re.compile(r"[^\w\- ]+")
_AUTOSAVE_NAME = re.compile(r"autosave-.+", re.IGNORECASE)
_AUTOSAVE_STAMP = re.compile(r"autosave-.+-(\d{19,})-\d+")  # ...-<time in ns>-<process id>
_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)})
_MAX_NAME = 60


def default_save_folder() -> Path:
    """`$CROSSROADS_HOME/saves`, else `~/.crossroads/saves` (read when asked, never at import)."""
    home = os.environ.get("CROSSROADS_HOME")
    return Path(home) / "saves" if home else Path.home() / ".crossroads" / "saves"


def slot_name(name: str) -> str:
    """A safe file stem for a slot name: letters, digits, spaces, '-' and '_' only.

    Everything else (slashes, dots, drive letters) becomes '_', so no name can reach
    outside the save folder or hide as a dot file.

    Raises:
        SaveError: nothing usable is left of the name.
    """
    cleaned = " ".join(_UNSAFE_NAME.sub("_", name).split()).strip(" _")[:_MAX_NAME].strip(" _")
    if not cleaned:
        raise SaveError(f"cannot use {name!r} as a save name: use letters, digits, spaces, '-' or '_'")
    return cleaned + "_" if cleaned.lower() in _DEVICE_NAMES else cleaned


@attrs.frozen
class SlotInfo:
    """What the load screen shows of one save; a damaged file has `error` set instead.

    `modified` is the file's time (seconds since the epoch); `saved_at` the save's own UTC
    time; `campaign` names the game it belongs to (scenario, seed and start time), so the
    load list can group a campaign's autosaves.
    """

    name: str
    path: Path
    modified: float
    scenario_title: str = ""
    turn: int = 0
    date_label: str = ""
    score: float = 0.0
    autosave: bool = False
    error: str | None = None
    saved_at: str = ""
    campaign: str = ""


def _slot_info(path: Path) -> SlotInfo:
    name = path.stem
    autosave = bool(_AUTOSAVE_NAME.fullmatch(name))
    try:
        modified = path.stat().st_mtime
    except OSError:
        modified = 0.0
    try:
        payload = read_save(path)
        summary = payload["summary"]
        return SlotInfo(
            name=name,
            path=path,
            modified=modified,
            scenario_title=str(payload["scenario"]["title"]),
            turn=int(summary["turn"]),
            date_label=str(summary["date_label"]),
            score=float(summary["score"]),
            autosave=autosave,
            saved_at=str(payload.get("created", "")),
            campaign=campaign_name(
                str(payload["scenario"]["id"]), int(payload["seed"]), payload.get("started") or payload.get("created")
            ),
        )
    except SaveError as error:
        return SlotInfo(name, path, modified, autosave=autosave, error=error.message)
    except _CONTENT_ERRORS:
        message = f"cannot load {path}: the saved game is incomplete or malformed"
        return SlotInfo(name, path, modified, autosave=autosave, error=message)


def campaign_name(scenario_id: str, seed: int, started: Any) -> str:
    """`window-2023-seed7-20261130-102240`: what a campaign's autosaves are named after."""
    stamp = re.sub(r"\D", "", str(started or ""))[:14]
    stamp = f"{stamp[:8]}-{stamp[8:]}" if len(stamp) == 14 else "undated"
    try:
        scenario = slot_name(scenario_id)
    except SaveError:
        scenario = "scenario"
    return f"{scenario}-seed{seed}-{stamp}"


def save_label(stem: str, started: str | None) -> str:
    """How a save is named on a page a class reads: a named slot as it is, an autosave by when its
    game began ('autosave of the game started 2026-11-30 10:22'); its 70-character file name says no more."""
    if not _AUTOSAVE_NAME.fullmatch(stem):
        return stem
    day, _, clock = (started or "").partition("T")
    return f"autosave of the game started {day} {clock[:5]}" if day and clock else "autosave"


def _autosave_order(path: Path) -> int:
    """Newest last: the time in the name (ns) for rotation files, else the file's own time."""
    match = _AUTOSAVE_STAMP.fullmatch(path.stem)
    if match:
        return int(match.group(1))
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


class SaveSlots:
    """Named saves and, per campaign, a rotation of autosaves in one folder.

    Each autosave is a new file named after its campaign and the time it was written, so
    autosaving never renames a file another process might be writing or reading; the
    oldest beyond `AUTOSAVE_COUNT` of the same campaign are then deleted. Opening the folder
    sweeps temp files left by a crash; the folder itself is created by the first save.
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_save_folder()
        sweep_temp_files(self.folder)

    def path(self, name: str) -> Path:
        """The file of the slot called `name` (sanitised)."""
        return self.folder / f"{slot_name(name)}.json"

    def list(self) -> builtins.list[SlotInfo]:
        """Every save in the folder, newest first, with date, scenario, turn and score.

        Damaged files are listed with their error, so the player can see and delete them.
        """
        try:
            files = [p for p in self.folder.glob("*.json") if p.is_file()]
        except OSError:
            return []
        return sorted((_slot_info(p) for p in files), key=lambda s: (-s.modified, s.name))

    def save(self, sim: Simulation, name: str) -> Path:
        """Save into the slot `name`; the slot's previous save is kept as its `.bak`."""
        stem = slot_name(name)
        if _AUTOSAVE_NAME.fullmatch(stem):
            raise SaveError(f"cannot use {name!r} as a save name: names like it are kept for autosaves")
        path = self.folder / f"{stem}.json"
        save_game(sim, path, name=name)
        return path

    def load(self, name: str, rival_chooser: RivalChooser | None = None) -> Simulation:
        """Load the slot `name`; see `load_game`."""
        return load_game(self.path(name), rival_chooser=rival_chooser)

    def delete(self, name: str) -> None:
        """Delete the slot `name` and its backup."""
        self.delete_path(self.path(name))

    def delete_path(self, path: str | Path) -> None:
        """Delete one save file of this folder (a listed `SlotInfo.path`) and its backup.

        Only a regular *.json file directly in the save folder is deleted: never a folder,
        a link or anything a crafted name could point at elsewhere.

        Raises:
            SaveError: it is not a save of this folder, or it cannot be deleted.
        """
        path = Path(path)
        try:
            inside = path.parent.resolve() == self.folder.resolve()
        except OSError:
            inside = False
        if not inside or path.suffix != ".json" or path.is_symlink():
            raise SaveError(f"cannot delete {path}: it is not a save in {self.folder}")
        if not path.is_file():
            raise SaveError(f"cannot delete {path}: there is no such save")
        try:
            path.unlink()
            backup_path(path).unlink(missing_ok=True)
        except OSError as error:
            raise SaveError(f"cannot delete {path}: {_os_problem(error)}") from None

    def campaign_autosaves(self, sim: Simulation) -> builtins.list[Path]:
        """This campaign's autosaves, oldest first."""
        campaign = campaign_name(sim.scenario.id, sim.seed, started_at(sim))
        return self._autosaves(f"autosave-{campaign}-*.json")

    def _autosaves(self, pattern: str = "autosave-*.json") -> builtins.list[Path]:
        try:
            found = [p for p in self.folder.glob(pattern) if _AUTOSAVE_NAME.fullmatch(p.stem)]
        except OSError:
            return []
        return sorted(found, key=lambda p: (_autosave_order(p), p.name))

    def autosave(self, sim: Simulation) -> Path:
        """Autosave into this campaign's rotation, keeping its newest `AUTOSAVE_COUNT`.

        The new file is complete (written and renamed atomically under a name no other save
        has) before any old one is deleted, so a crash or a second process can cost at most
        an autosave that was due for deletion anyway.
        """
        campaign = campaign_name(sim.scenario.id, sim.seed, started_at(sim))
        newest = self.folder / f"autosave-{campaign}-{time.time_ns():020d}-{os.getpid()}.json"
        data = encode_save(save_payload(sim, name=f"Autosave, {sim.date_label()}"), newest)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(newest, data)
        except OSError as error:
            raise SaveError(f"cannot save {newest}: {_os_problem(error)}") from None
        for old in self.campaign_autosaves(sim)[:-AUTOSAVE_COUNT]:
            try:
                old.unlink(missing_ok=True)
            except OSError:
                continue  # a stale autosave left over costs nothing
        return newest

    def latest_autosave(self) -> Path | None:
        """What *Continue* resumes: the newest intact autosave of any campaign on this install.

        The most recently played game wrote the newest autosave; a damaged newest file falls
        back to the one before it. None when there is none.
        """
        for path in reversed(self._autosaves()):
            try:
                read_save(path)
            except SaveError:
                continue
            return path
        return None
