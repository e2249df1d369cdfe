"""Saves, autosaves and replays: a game as versioned, checksummed JSON that reloads bit for bit.

A save refers to its scenario by path, id and hash (content is never saved), and holds the
seed, the state, the why-ledger, every turn's human input and the past turn reports, so a game
continues exactly where it stopped and can be replayed from its input to check determinism.
Files are written atomically and read without ever being changed; every problem a player can
meet (a damaged file, a missing scenario, a save from a newer game) is one `SaveError` whose
message names the file and says what is wrong.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs

from game.content.files import RefusedFile, read_regular_file
from game.content.loader import ScenarioError, load_scenario
from game.content.scenario import Scenario
from game.content.vocabulary import POWERS
from game.content.yamlread import MAX_BYTES as MAX_YAML_BYTES
from game.sim.engine import RivalChooser, Simulation, TurnRecord, TurnReport
from game.sim.events import FiredEvent
from game.sim.facilitator import is_act
from game.sim.ledger import Change, Ledger
from game.sim.orders import Decision, IllegalOrder, Order, PlannedOrder
from game.sim.save_schema import SaveFormatError, check_references, structure_save
from game.sim.state import from_data, state_hash, to_data

FORMAT = "crossroads-save"
VERSION = 1
AUTOSAVE_COUNT = 5
MAX_SAVE_BYTES = 20_000_000  # a finished 40-turn game is under 1 MB; more is not a save
MAX_SCENARIO_BYTES = MAX_YAML_BYTES
STALE_TEMP_SECONDS = 60.0  # a younger *.tmp may belong to a save still being written

_CONTENT_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError, StopIteration)
_UNSAFE_NAME = re.compile(r"[^\w\- ]+")
_AUTOSAVE_NAME = re.compile(r"autosave-.+", re.IGNORECASE)
_AUTOSAVE_STAMP = re.compile(r"autosave-.+-(\d{19,})-\d+")  # ...-<time in ns>-<process id>
_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)})
_MAX_NAME = 60


class SaveError(Exception):
    """A save could not be written or read; the message is written for the player."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReplayError(Exception):
    """Recorded input the replayed game refuses; `turn` is where the replay had to stop."""

    def __init__(self, turn: int, reason: str) -> None:
        super().__init__(f"turn {turn}: {reason}")
        self.turn = turn
        self.reason = reason


# --- encoding: plain lists keep a 40-turn save (about 7,000 ledger entries) compact ---------


def _order_data(order: Order) -> list[Any]:
    return [order.power, order.action, order.target]


def _order(data: Sequence[Any]) -> Order:
    power, action, target = data
    return Order(str(power), str(action), None if target is None else str(target))


def _decision_data(decision: Decision) -> list[Any]:
    return [decision.event, decision.state, decision.turn]


def _decision(data: Sequence[Any]) -> Decision:
    event, state, turn = data
    return Decision(str(event), None if state is None else str(state), int(turn))


def _change_data(change: Change) -> list[Any]:
    return [
        change.turn,
        change.target,
        change.variable,
        change.delta,
        change.cause,
        list(change.claims),
    ]


def _change(data: Sequence[Any]) -> Change:
    turn, target, variable, delta, cause, claims = data
    return Change(int(turn), str(target), str(variable), float(delta), str(cause), tuple(claims))


def _record_data(record: TurnRecord) -> dict[str, Any]:
    return {
        "decisions": [[key, choice] for key, choice in record.decisions],
        "orders": [_order_data(o) for o in record.orders],
    }


def _record(data: dict[str, Any]) -> TurnRecord:
    decisions = [(str(key), str(choice)) for key, choice in data["decisions"]]
    return TurnRecord(decisions, [_order(o) for o in data["orders"]])


def _turn_spans(entries: Sequence[Change]) -> dict[int, int]:
    """Where each turn's ledger entries end (the ledger is in turn order)."""
    ends: dict[int, int] = {}
    for index, change in enumerate(entries):
        ends[change.turn] = index + 1
    return ends


def _report_data(report: TurnReport, entries: Sequence[Change], ends: dict[int, int]) -> dict[str, Any]:
    """A report without its changes, which are the last entries of its turn in the ledger.

    The turn's earlier entries are the income collected at its start and the effects of
    decisions made during it, so the report's changes are found as a [start, stop) range.
    """
    stop = ends.get(report.turn, 0)
    start = stop - len(report.changes)
    changes: Any = [start, stop]
    if start < 0 or tuple(entries[start:stop]) != report.changes:  # never expected: keep them whole
        changes = [_change_data(c) for c in report.changes]
    return {
        "turn": report.turn,
        "orders": [[*_order_data(p.order), p.reason] for p in report.orders],
        "refused": [[*_order_data(order), reason] for order, reason in report.refused],
        "events": [
            [e.event, e.state, e.title, e.text, _decision_data(e.decision) if e.decision else None]
            for e in report.events
        ],
        "changes": changes,
        "score": report.score,
        "finished": report.finished,
        "outcome": report.outcome,
    }


def _fired(data: Sequence[Any]) -> FiredEvent:
    event, state, title, text, decision = data
    return FiredEvent(str(event), state, str(title), str(text), _decision(decision) if decision else None)


def _report(data: dict[str, Any], entries: Sequence[Change]) -> TurnReport:
    span = data["changes"]
    is_range = len(span) == 2 and all(isinstance(i, int) for i in span)
    changes = tuple(entries[span[0] : span[1]]) if is_range else tuple(_change(c) for c in span)
    return TurnReport(
        turn=int(data["turn"]),
        orders=tuple(PlannedOrder(_order(o[:3]), str(o[3])) for o in data["orders"]),
        refused=tuple((_order(r[:3]), str(r[3])) for r in data["refused"]),
        events=tuple(_fired(e) for e in data["events"]),
        changes=changes,
        score=float(data["score"]),
        finished=bool(data["finished"]),
        outcome=str(data["outcome"]),
    )


# --- the payload ------------------------------------------------------------------------------


def _file_sha256(path: str | Path | None) -> str | None:
    """The scenario file's hash, so a load can tell the player the rules have changed since."""
    if path is None:
        return None
    try:
        return hashlib.sha256(read_regular_file(path, MAX_SCENARIO_BYTES)).hexdigest()
    except RefusedFile:
        return None  # the game in memory can still be saved; loading will say what is missing


def _scenario_data(sim: Simulation) -> dict[str, Any]:
    path = sim.scenario_path
    return {
        "path": None if path is None else str(path),
        "abspath": None if path is None else os.path.abspath(path),
        "sha256": _file_sha256(path),
        "id": sim.scenario.id,
        "title": sim.scenario.about.title,
    }


def save_payload(sim: Simulation, *, name: str = "") -> dict[str, Any]:
    """Everything a save holds, as JSON-ready data (the `payload` of a save file)."""
    entries = sim.ledger
    ends = _turn_spans(entries)
    return {
        "name": name,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),  # metadata only, never played
        "scenario": _scenario_data(sim),
        "seed": sim.seed,
        "difficulty": sim.difficulty_id,
        "humans": list(sim.humans),
        "summary": {
            "turn": sim.turn,
            "date_label": sim.date_label(),
            "score": sim.score(),
            "finished": sim.state.finished,
            "outcome": sim.state.outcome,
        },
        "state": to_data(sim.state),
        "state_hash": state_hash(sim.state),
        "turn_hashes": turn_hashes(sim),
        "initial": sim.initial,
        "ledger": [_change_data(c) for c in entries],
        "pending": [_decision_data(d) for d in sim.pending],
        "queued": [_order_data(o) for o in sim.queued],
        "history": [_record_data(r) for r in sim.history],
        "reports": [_report_data(r, entries, ends) for r in sim.reports],
        "classroom": _classroom_data(sim),
        "started": started_at(sim),
    }


def started_at(sim: Simulation) -> str:
    """When the campaign began; a game never saved before begins now (and keeps that time)."""
    if not sim.started:
        sim.started = datetime.now(UTC).isoformat(timespec="seconds")
    return sim.started


def _classroom_data(sim: Simulation) -> dict[str, Any] | None:
    """The class's seating, timer and PIN hash that the window keeps on `sim.classroom`.

    The simulation never reads it (replays ignore it); it rides along so a loaded class game
    keeps its sides, desks, timer and PIN. Only JSON-ready dicts are kept.
    """
    classroom = getattr(sim, "classroom", None)
    return dict(classroom) if isinstance(classroom, dict) else None


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
    if not set(payload["humans"]) <= set(POWERS):
        raise SaveError(f"{where}: it names a player side this game does not know")


def _restore(payload: dict[str, Any], scenario: Scenario, scenario_path: str) -> Simulation:
    """A Simulation equal to the saved one; `_state` given, so no income is collected again."""
    entries = [_change(c) for c in payload["ledger"]]
    sim = Simulation(
        scenario,
        int(payload["seed"]),
        str(payload["difficulty"]),
        tuple(str(h) for h in payload["humans"]),
        scenario_path=scenario_path,
        _state=from_data(payload["state"]),
        _ledger=Ledger(entries),
    )
    sim.initial = payload["initial"]
    sim.pending = [_decision(d) for d in payload["pending"]]
    sim.queued = [_order(o) for o in payload["queued"]]
    sim.history = [_record(r) for r in payload["history"]]
    sim.reports = [_report(r, entries) for r in payload["reports"]]
    sim.state_hashes = [str(h) for h in payload["turn_hashes"]]  # type: ignore[attr-defined]
    sim.started = payload.get("started") or payload.get("created")  # older saves: their own date
    classroom = payload.get("classroom")  # absent from saves made before classroom settings were kept
    sim.classroom = dict(classroom) if isinstance(classroom, dict) else None  # type: ignore[attr-defined]
    return sim


def load_game(path: str | Path, *, scenario_path: str | Path | None = None) -> Simulation:
    """Load a saved game, re-reading its scenario from the stored path (or `scenario_path`).

    The returned game has a `load_warnings` list: it says, for example, that the scenario
    file has changed since the save, in which case play continues from the saved state under
    the changed rules. The save file is only ever read.

    Raises:
        SaveError: the save or its scenario cannot be used; nothing half-loaded is returned.
    """
    return load_payload(read_save(path), f"cannot load {path}", scenario_path=scenario_path)


def load_payload(payload: Any, where: str, *, scenario_path: str | Path | None = None) -> Simulation:
    """A game from a save's payload (see `load_game`); `where` starts every error message.

    Raises:
        SaveError: the payload is malformed or its scenario cannot be used.
    """
    try:
        data = structure_save(payload)
    except SaveFormatError as error:
        raise SaveError(_malformed(where, error)) from None
    try:
        file = _scenario_file(payload, where, scenario_path)
        scenario = _load_scenario(file, where)
        _check_fits(payload, scenario, file, where)
        check_references(data, scenario)
        sim = _restore(payload, scenario, str(file))
    except SaveFormatError as error:
        raise SaveError(_malformed(where, error)) from None
    except _CONTENT_ERRORS as error:
        raise SaveError(f"{where}: the saved game is incomplete or malformed ({error!r})") from None
    sim.load_warnings = _warnings(payload, sim, file)  # type: ignore[attr-defined]
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


# --- replays ----------------------------------------------------------------------------------


def _apply_input(sim: Simulation, record: TurnRecord) -> None:
    """Give a turn's recorded decisions (in order), then its orders, as the player did.

    Orders are queued without `Simulation.check`: the player may have queued one before a
    decision changed the budget, and `end_turn` re-checks every order as it resolves anyway.
    """
    for key, choice in record.decisions:
        try:
            if is_act((key, choice)):
                sim.act(key, json.loads(choice))
            else:
                sim.decide(key, choice)
        except (IllegalOrder, ValueError) as error:
            reason = getattr(error, "reason", str(error))
            raise ReplayError(sim.turn, f"the recorded input '{choice}' ({key}): {reason}") from None
    for order in record.orders:
        if order.power not in sim.humans:
            raise ReplayError(sim.turn, f"a recorded order for {order.power}, a computer side")
        sim.queued.append(order)
        sim.history[-1].orders.append(order)


def _replay_into(sim: Simulation, history: Sequence[TurnRecord], finished: bool, hashes: list[str]) -> None:
    """Play `history` on a fresh game, appending the state hash after each turn ends."""
    last = len(history) - 1
    for index, record in enumerate(history):
        _apply_input(sim, record)
        if index < last or finished:
            if sim.state.finished:
                raise ReplayError(sim.turn, "the recorded game goes on after the campaign ended")
            sim.end_turn()
            hashes.append(state_hash(sim.state))


def replay(
    scenario: Scenario,
    seed: int,
    difficulty: str | None,
    humans: Sequence[str],
    history: Sequence[TurnRecord],
    *,
    finished: bool = False,
    rival_chooser: RivalChooser | None = None,
) -> Simulation:
    """Re-play recorded human input from the start: the same input gives the same game.

    Each record's decisions and orders are given, then the turn ends; the last record is
    the turn in progress and is not ended unless `finished` says the recorded game was over.

    Raises:
        ReplayError: a recorded decision or order cannot be given in the replayed game.
    """
    sim = Simulation(scenario, seed, difficulty, humans, rival_chooser)
    _replay_into(sim, history, finished, [])
    return sim


def turn_hashes(sim: Simulation) -> list[str]:
    """The state hash after each ended turn, for `verify_replay` to compare against.

    The engine does not record them yet, so turns not already known (from a loaded save)
    are found by replaying the game's own input, and kept only when that replay reproduces
    the game in memory exactly (otherwise they would describe a different game).
    """
    played = len(sim.reports)
    known = [str(h) for h in getattr(sim, "state_hashes", [])][:played]
    if len(known) == played or sim.initial is None:
        return known
    shadow = Simulation(sim.scenario_at_start, sim.seed, sim.difficulty_id, sim.humans, sim.rival_chooser)
    hashes: list[str] = []
    try:
        _replay_into(shadow, sim.history, len(sim.history) == played, hashes)
    except ReplayError:
        return known
    if shadow.initial != sim.initial or state_hash(shadow.state) != state_hash(sim.state):
        return known
    return known + hashes[len(known) :]


@attrs.frozen
class ReplayCheck:
    """The outcome of `verify_replay`.

    `first_divergence` is the first turn whose replayed state differs from the save
    (0 means the starting state), or None when the replay matches.
    """

    matches: bool
    turns_checked: int
    first_divergence: int | None
    message: str


def _first_ledger_difference(saved: Sequence[Change], replayed: Sequence[Change]) -> int | None:
    for mine, theirs in zip(saved, replayed, strict=False):
        if mine != theirs:
            return min(mine.turn, theirs.turn)
    if len(saved) != len(replayed):
        longer = saved if len(saved) > len(replayed) else replayed
        return longer[min(len(saved), len(replayed))].turn
    return None


def _divergences(saved: Simulation, replayed: Simulation, hashes: list[str]) -> Iterable[tuple[int, str]]:
    """Every (turn, what differs) found comparing a replay with its save."""
    if replayed.initial != saved.initial:
        yield 0, "the scenario's starting state differs from the save's"
    stored = getattr(saved, "state_hashes", [])
    for index, (mine, theirs) in enumerate(zip(stored, hashes, strict=False)):
        if mine != theirs:
            yield index + 1, "the state at the end of the turn differs"
            break
    turn = _first_ledger_difference(saved.ledger, replayed.ledger)
    if turn is not None:
        yield turn, "the why-ledger records a different change"
    if state_hash(replayed.state) != state_hash(saved.state):
        yield saved.turn, "the replay ends in a different state than the save"


def verify_replay(path: str | Path, *, scenario_path: str | Path | None = None) -> ReplayCheck:
    """Replay a save's recorded input and confirm it reproduces the save bit for bit.

    Raises:
        SaveError: the save itself cannot be loaded.
    """
    return check_replay(load_game(path, scenario_path=scenario_path), str(path))


def check_replay(saved: Simulation, label: str = "the game") -> ReplayCheck:
    """Replay a loaded game's recorded input from its start and compare it with the game."""
    if saved.initial is None:
        return ReplayCheck(False, 0, None, f"{label} holds no starting state, so it cannot be replayed")
    replayed = Simulation(saved.scenario_at_start, saved.seed, saved.difficulty_id, saved.humans)
    hashes: list[str] = []
    found: list[tuple[int, str]] = []
    try:
        _replay_into(replayed, saved.history, len(saved.history) == len(saved.reports), hashes)
    except ReplayError as error:
        found.append((error.turn, f"the recorded input cannot be replayed: {error.reason}"))
    except (IllegalOrder, *_CONTENT_ERRORS) as error:  # input the structural checks could not foresee
        found.append((replayed.turn, f"the recorded input cannot be replayed: {error}"))
    found.extend(_divergences(saved, replayed, hashes))
    if not found:
        turns = len(hashes)
        return ReplayCheck(True, turns, None, f"the replay of {label} matches it bit for bit over {turns} turns")
    turn, why = min(found)
    when = "the starting state" if turn == 0 else f"turn {turn} ({saved.date_label(turn)})"
    return ReplayCheck(False, len(hashes), turn, f"the replay of {label} first differs at {when}: {why}")


VERIFIED = "verified: replays bit for bit"


@attrs.frozen
class Verdict:
    """What a save's integrity check says, in the words `report`, `compare` and *Load* show.

    `text` is "verified: replays bit for bit" or "does not replay from turn N: edited, or
    made by another version"; `first_turn` is N (0: the starting state already differs);
    `detail` says what differs, for those who ask.
    """

    verified: bool
    text: str
    first_turn: int | None = None
    detail: str = ""


def verdict_of(check: ReplayCheck) -> Verdict:
    """A replay check as a verdict (the checksum alone proves nothing: anyone can recompute it)."""
    if check.matches:
        return Verdict(True, VERIFIED, None, check.message)
    if check.first_divergence is None:
        return Verdict(False, "cannot be verified: it holds no starting state to replay from", None, check.message)
    start = "the start" if check.first_divergence == 0 else f"turn {check.first_divergence}"
    text = f"does not replay from {start}: edited, or made by another version"
    return Verdict(False, text, check.first_divergence, check.message)


def verify_game(sim: Simulation, label: str = "the game") -> Verdict:
    """The verdict on a game already loaded (so `report` and `compare` load each save once)."""
    return verdict_of(check_replay(sim, label))


def verify_save(source: str | Path | dict[str, Any], *, scenario_path: str | Path | None = None) -> Verdict:
    """Load a save (a path, or a payload already read) and say whether it replays bit for bit.

    Never raises: a save that cannot be loaded gets a verdict saying why, for the load list.
    """
    label = "the save" if isinstance(source, dict) else str(source)
    try:
        if isinstance(source, dict):
            sim = load_payload(source, "cannot load the save", scenario_path=scenario_path)
        else:
            sim = load_game(source, scenario_path=scenario_path)
    except SaveError as error:
        return Verdict(False, f"cannot be verified: {error.message}", None, error.message)
    return verify_game(sim, label)


# --- save slots -------------------------------------------------------------------------------


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

    def load(self, name: str) -> Simulation:
        """Load the slot `name`; see `load_game`."""
        return load_game(self.path(name))

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
