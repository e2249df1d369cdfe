"""Replaying a game's recorded human input from its start, and checking the result against the game.

Same scenario, seed and input give the same game, bit for bit, so a replay is how an undo
rebuilds an earlier turn and how a save proves it was not edited. Pure computation: the
files a replay starts from are read elsewhere (`game.saves`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import attrs

from game.content.scenario import Scenario
from game.sim.engine import RivalChooser, Simulation, TurnRecord
from game.sim.facilitator import is_act
from game.sim.ledger import Change
from game.sim.orders import IllegalOrder
from game.sim.state import state_hash

# What a replay of input that no structural check foresaw can raise from inside the engine.
_INPUT_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError, StopIteration)


class ReplayError(Exception):
    """Recorded input the replayed game refuses; `turn` is where the replay had to stop."""

    def __init__(self, turn: int, reason: str) -> None:
        super().__init__(f"turn {turn}: {reason}")
        self.turn = turn
        self.reason = reason


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
    known = list(sim.state_hashes[:played])
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
    stored = saved.state_hashes
    for index, (mine, theirs) in enumerate(zip(stored, hashes, strict=False)):
        if mine != theirs:
            yield index + 1, "the state at the end of the turn differs"
            break
    turn = _first_ledger_difference(saved.ledger, replayed.ledger)
    if turn is not None:
        yield turn, "the why-ledger records a different change"
    if state_hash(replayed.state) != state_hash(saved.state):
        yield saved.turn, "the replay ends in a different state than the save"


def check_replay(saved: Simulation, label: str = "the game") -> ReplayCheck:
    """Replay a loaded game's recorded input from its start and compare it with the game."""
    if saved.initial is None:
        return ReplayCheck(False, 0, None, f"{label} holds no starting state, so it cannot be replayed")
    replayed = Simulation(saved.scenario_at_start, saved.seed, saved.difficulty_id, saved.humans, saved.rival_chooser)
    hashes: list[str] = []
    found: list[tuple[int, str]] = []
    try:
        _replay_into(replayed, saved.history, len(saved.history) == len(saved.reports), hashes)
    except ReplayError as error:
        found.append((error.turn, f"the recorded input cannot be replayed: {error.reason}"))
    except (IllegalOrder, *_INPUT_ERRORS) as error:  # input the structural checks could not foresee
        found.append((replayed.turn, f"the recorded input cannot be replayed: {error}"))
    found.extend(_divergences(saved, replayed, hashes))
    if not found:
        turns = len(hashes)
        return ReplayCheck(True, turns, None, f"the replay of {label} matches it bit for bit over {turns} turns")
    turn, why = min(found)
    when = "the starting state" if turn == 0 else f"turn {turn} ({saved.date_label(turn)})"
    return ReplayCheck(False, len(hashes), turn, f"the replay of {label} first differs at {when}: {why}")
