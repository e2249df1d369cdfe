"""Save files: checksummed JSON envelopes, written atomically, read safely and only ever read.

A save refers to its scenario by path, id and hash (content is never saved), and holds the
seed, the state, the why-ledger, every turn's human input and the past turn reports, so a game
continues exactly where it stopped and can be replayed from its input to check it. Every
problem a player can meet (a damaged file, a missing scenario, a save from a newer game, a
crafted one) is one `SaveError` whose message names the file and says what is wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from game.ai.doctrine import choose_rival_orders
from game.content.files import RefusedFile, read_regular_file
from game.content.loader import ScenarioError, load_scenario
from game.content.scenario import Scenario
from game.content.yamlread import MAX_BYTES as MAX_YAML_BYTES
from game.saves.codec import SaveFormatError, ScenarioRef, decode_payload, encode_payload, snapshot
from game.saves.references import check_references
from game.sim.engine import RivalChooser, Simulation
from game.sim.replay import turn_hashes
from game.sim.state import state_hash

FORMAT = "crossroads-save"
VERSION = 1
MAX_SAVE_BYTES = 20_000_000  # a finished 40-turn game is under 1 MB; more is not a save
MAX_SCENARIO_BYTES = MAX_YAML_BYTES
STALE_TEMP_SECONDS = 60.0  # a younger *.tmp may belong to a save still being written

_CONTENT_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError, StopIteration)


class SaveError(Exception):
    """A save could not be written or read; the message is written for the player."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _file_sha256(path: str | Path | None) -> str | None:
    """The scenario file's hash, so a load can tell the player the rules have changed since."""
    if path is None:
        return None
    try:
        return hashlib.sha256(read_regular_file(path, MAX_SCENARIO_BYTES)).hexdigest()
    except RefusedFile:
        return None  # the game in memory can still be saved; loading will say what is missing


def _scenario_ref(sim: Simulation) -> ScenarioRef:
    path = sim.scenario_path
    return ScenarioRef(
        path=None if path is None else str(path),
        abspath=None if path is None else os.path.abspath(path),
        sha256=_file_sha256(path),
        id=sim.scenario.id,
        title=sim.scenario.about.title,
    )


def save_payload(sim: Simulation, *, name: str = "") -> dict[str, Any]:
    """Everything a save holds, as JSON-ready data (the `payload` of a save file)."""
    return encode_payload(sim, _scenario_ref(sim), turn_hashes(sim), name=name)


def checksum(payload: dict[str, Any]) -> str:
    """The sha256 of the payload's canonical JSON: any edit to the saved game changes it."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def encode_save(payload: dict[str, Any], where: str | Path) -> bytes:
    """The bytes of a save file; the payload keeps its key order so dicts reload identically."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "checksum": checksum(payload),
        "payload": payload,
    }
    try:
        return json.dumps(document, separators=(",", ":"), allow_nan=False).encode() + b"\n"
    except ValueError as error:
        raise SaveError(f"cannot save {where}: the game holds a number that is not finite ({error})") from None


# --- writing ----------------------------------------------------------------------------------


def _sync_folder(folder: Path) -> None:
    """Make a rename durable on POSIX; other systems have no folder handles to sync."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _write_temp(folder: Path, stem: str, data: bytes) -> Path:
    """Write `data` to a new *.tmp file in `folder` and flush it to disk."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{stem}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(name, 0o644)  # mkstemp's 0600 would hide saves from other accounts in a classroom
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one."""
    temp = _write_temp(path.parent, path.name, data)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def backup_path(path: str | Path) -> Path:
    """Where the previous version of a save is kept: `NAME.bak` next to `NAME`."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def _os_problem(error: OSError) -> str:
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(error, PermissionError):
        return "permission was denied"
    return error.strerror or str(error)


def save_game(sim: Simulation, path: str | Path, *, name: str = "") -> None:
    """Write the game to `path` atomically, keeping the file it replaces as `NAME.bak`.

    Raises:
        SaveError: the file could not be written; the message names it and says why.
    """
    path = Path(path)
    data = encode_save(save_payload(sim, name=name), path)
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file():
            _write_atomic(backup_path(path), path.read_bytes())
        _write_atomic(path, data)
    except OSError as error:
        raise SaveError(f"cannot save {path}: {_os_problem(error)}") from None


def sweep_temp_files(folder: str | Path, *, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Delete *.tmp files a crash left behind in a save folder; returns what was removed.

    Only files older than `older_than` seconds go: a younger one may be a save in progress.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = list(Path(folder).glob("*.tmp"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            if candidate.is_file() and now - candidate.stat().st_mtime >= older_than:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue  # another process got there first, or it is not ours to delete
    return removed


# --- reading ----------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_SAVE_BYTES)
    except RefusedFile as error:
        reason = "it is a folder, not a save file" if error.reason.startswith("it is a folder") else error.reason
        raise SaveError(f"cannot load {path}: {reason}") from None


class _NotANumber(ValueError):
    """NaN or Infinity in a save: Python's JSON reader accepts them, a save never holds them."""


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(name)


def _parse(raw: bytes, where: str) -> Any:
    if not raw.strip():
        raise SaveError(f"{where}: the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(f"{where}: it is not a Crossroads save (the file is not text)") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except _NotANumber as error:
        raise SaveError(f"{where}: the file holds {error} where a number belongs, which no save does") from None
    except json.JSONDecodeError as error:
        raise SaveError(
            f"{where}: the file is not valid JSON, so it is probably cut short or damaged "
            f"(line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise SaveError(f"{where}: it is not a Crossroads save (the data nests too deeply)") from None


def _check_envelope(document: Any, where: str) -> dict[str, Any]:
    """The payload, once format, version and checksum say the file is an intact save."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SaveError(f"{where}: it is not a Crossroads save (it is some other JSON file)")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SaveError(f"{where}: its save version {version!r} is not one this game knows")
    if version > VERSION:
        raise SaveError(
            f"{where}: it was saved by a newer version of Crossroads (save version {version}; "
            f"this version reads up to {VERSION}); update the game to open it"
        )
    payload = document.get("payload")
    if not isinstance(payload, dict) or not isinstance(document.get("checksum"), str):
        raise SaveError(f"{where}: the saved game or its checksum is missing from the file")
    if checksum(payload) != document["checksum"]:
        raise SaveError(
            f"{where}: its contents do not match its checksum, so the file was changed or damaged after it was saved"
        )
    return payload


def read_save(path: str | Path) -> dict[str, Any]:
    """The verified payload of a save file, read without changing the file.

    Raises:
        SaveError: the file is missing, unreadable, not a save, from a newer game or damaged.
    """
    path = Path(path)
    return _check_envelope(_parse(_read_bytes(path), f"cannot load {path}"), f"cannot load {path}")


def _scenario_file(payload: dict[str, Any], where: str, override: str | Path | None) -> Path:
    """The scenario file to load: the override, else the stored path (as given, then absolute)."""
    stored = payload.get("scenario") or {}
    candidates = [override] if override is not None else [stored.get("path"), stored.get("abspath")]
    paths = [Path(c) for c in candidates if c]
    if not paths:
        raise SaveError(f"{where}: the save does not say which scenario file it was played with")
    for candidate in paths:
        if candidate.is_file():
            return candidate
    raise SaveError(f"{where}: its scenario file {paths[0]} is missing")


def _load_scenario(file: Path, where: str) -> Scenario:
    try:
        return load_scenario(file)
    except ScenarioError as error:
        first = error.problems[0] if error.problems else "unknown problem"
        raise SaveError(f"{where}: its scenario file {file} has errors, first: {first}") from None
    except OSError as error:
        raise SaveError(f"{where}: its scenario file {file} cannot be read: {_os_problem(error)}") from None


def _check_fits(payload: dict[str, Any], scenario: Scenario, file: Path, where: str) -> None:
    """Refuse a scenario the saved state cannot be played in, before building anything."""
    stored_id = payload["scenario"].get("id")
    if stored_id != scenario.id:
        raise SaveError(f"{where}: it was played in scenario '{stored_id}', but {file} is '{scenario.id}'")
    if payload["difficulty"] not in {d.id for d in scenario.difficulties}:
        raise SaveError(f"{where}: {file} has no difficulty '{payload['difficulty']}'")
    if set(payload["state"]["countries"]) != {s.id for s in scenario.states}:
        raise SaveError(f"{where}: the saved states do not match the states of {file}")
    if not set(payload["humans"]) <= set(scenario.power_table.ids):
        raise SaveError(f"{where}: it names a player side this game does not know")


def load_game(
    path: str | Path, *, scenario_path: str | Path | None = None, rival_chooser: RivalChooser | None = None
) -> Simulation:
    """Load a saved game, re-reading its scenario from the stored path (or `scenario_path`).

    The returned game has a `load_warnings` list: it says, for example, that the scenario
    file has changed since the save, in which case play continues from the saved state under
    the changed rules. The save file is only ever read.

    Raises:
        SaveError: the save or its scenario cannot be used; nothing half-loaded is returned.
    """
    return load_payload(
        read_save(path), f"cannot load {path}", scenario_path=scenario_path, rival_chooser=rival_chooser
    )


def load_payload(
    payload: Any, where: str, *, scenario_path: str | Path | None = None, rival_chooser: RivalChooser | None = None
) -> Simulation:
    """A game from a save's payload (see `load_game`); `where` starts every error message.

    Raises:
        SaveError: the payload is malformed or its scenario cannot be used.
    """
    try:
        data = decode_payload(payload)
    except SaveFormatError as error:
        raise SaveError(_malformed(where, error)) from None
    try:
        file = _scenario_file(payload, where, scenario_path)
        scenario = _load_scenario(file, where)
        _check_fits(payload, scenario, file, where)
        check_references(data, scenario)
        sim = Simulation.restore(
            scenario,
            data.seed,
            data.difficulty,
            data.humans,
            snapshot(data),
            scenario_path=str(file),
            rival_chooser=rival_chooser or choose_rival_orders,  # a saved game plays on against the rivals' AI
        )
    except SaveFormatError as error:
        raise SaveError(_malformed(where, error)) from None
    except _CONTENT_ERRORS as error:
        raise SaveError(f"{where}: the saved game is incomplete or malformed ({error!r})") from None
    sim.load_warnings = _warnings(payload, sim, file)
    return sim


def _malformed(where: str, error: SaveFormatError) -> str:
    more = len(error.problems) - 1
    extra = f" (and {more} more problem{'s' * (more > 1)})" if more > 0 else ""
    return f"{where}: the saved game is incomplete or malformed: {error.problems[0]}{extra}"


def _warnings(payload: dict[str, Any], sim: Simulation, file: Path) -> list[str]:
    warnings: list[str] = []
    stored = payload["scenario"].get("sha256")
    if stored is None or stored != _file_sha256(file):
        warnings.append(
            f"The scenario file {file} has changed since this game was saved; the game continues "
            "from the saved state under the scenario's current rules."
        )
    if payload.get("state_hash") != state_hash(sim.state):
        warnings.append(
            "This version of the game rebuilds the saved state slightly differently, so the rest "
            "of the game may not play out exactly as it would have."
        )
    return warnings
