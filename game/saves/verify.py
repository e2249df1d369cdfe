"""Whether a save is what it claims: replayed from its start, it must reproduce itself bit for bit.

The checksum only catches accidents (anyone can recompute it), so `report`, `compare` and the
window's *Load* screen call `verify_save` and show its verdict: "verified: replays bit for
bit", or "does not replay from turn N: edited, or made by another version".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from game.saves.files import SaveError, load_game, load_payload
from game.sim.engine import RivalChooser, Simulation
from game.sim.replay import ReplayCheck, check_replay


def verify_replay(
    path: str | Path, *, scenario_path: str | Path | None = None, rival_chooser: RivalChooser | None = None
) -> ReplayCheck:
    """Replay a save's recorded input and confirm it reproduces the save bit for bit.

    Raises:
        SaveError: the save itself cannot be loaded.
    """
    return check_replay(load_game(path, scenario_path=scenario_path, rival_chooser=rival_chooser), str(path))


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
