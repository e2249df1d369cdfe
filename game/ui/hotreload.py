"""Scenario hot reload (F5): re-read the scenario file, replay the game so far on it, or say why not.

An author edits a scenario while the game runs and wants to see the edit at once without
losing the position they set up. Replaying the seed and every recorded input on the edited
file gives exactly the game they would have had with it from the start. Anything that stops
that — a file with errors, input the edited rules refuse — leaves the running game untouched
and comes back as plain-words problems for the window to list.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from game.content.scenario import Scenario
from game.sim.engine import Simulation, TurnRecord


@attrs.frozen
class Reloaded:
    """The outcome: a replayed game, or the title and the problems to show instead."""

    file: str
    sim: Simulation | None = None
    turns: int = 0
    warnings: int = 0
    title: str = ""
    intro: str = ""
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.sim is not None

    @property
    def status(self) -> str:
        """The status line after a successful reload."""
        note = f" ({self.warnings} warning{'s' if self.warnings != 1 else ''}; run validate)" if self.warnings else ""
        return f"Reloaded {Path(self.file).name}: replayed {self.turns} turn{'s' if self.turns != 1 else ''}{note}"


def reload_scenario(sim: Simulation) -> Reloaded:
    """Re-read `sim.scenario_path`, check it, and replay `sim`'s input on it; never raises for bad content."""
    from game.content.loader import check_scenario

    path = sim.scenario_path
    if not path:
        return Reloaded("", title="Nothing to reload", problems=("This game was not started from a scenario file.",))
    name = Path(path).name
    try:
        scenario, found = check_scenario(path)
    except Exception as error:  # an unreadable file must not take the game down with it
        return _refused(path, [f"{path}: the file could not be read ({error})"])
    errors = [p for p in found if p.severity == "error"]
    if scenario is None or errors:
        return _refused(path, [str(p) for p in (errors or found)] or [f"{path}: the file could not be loaded"])
    return _replayed(sim, scenario, path, name, sum(p.severity != "error" for p in found))


def _refused(path: str, problems: list[str]) -> Reloaded:
    return Reloaded(
        path,
        title=f"{Path(path).name} has errors",
        intro="The game goes on with the version loaded before. Fix these, save the file and press F5 again.",
        problems=tuple(problems),
    )


def _replayed(sim: Simulation, scenario: Scenario, path: str, name: str, warnings: int) -> Reloaded:
    from game.sim.replay import ReplayError, replay

    missing = _missing_input(scenario, sim.history)
    if missing:
        return _cannot_replay(path, name, [f"{name}: {error}" for error in missing])
    try:
        new = replay(
            scenario,
            sim.seed,
            sim.difficulty_id,
            sim.humans,
            sim.history,
            finished=sim.state.finished,
            rival_chooser=sim.rival_chooser,
        )
    except ReplayError as error:
        return _cannot_replay(path, name, [f"{name}: {error}"])
    except Exception as error:  # the rules tripping over an edit: still the author's to fix, not a crash
        return _cannot_replay(path, name, [f"{name}: the replay stopped ({type(error).__name__}: {error})"])
    new.scenario_path = path
    return Reloaded(path, sim=new, turns=len(new.reports), warnings=warnings)


def _cannot_replay(path: str, name: str, problems: list[str]) -> Reloaded:
    return Reloaded(
        path,
        title=f"{name} cannot replay this game",
        intro=(
            "The file is valid, but the game so far cannot be played again on it; the game goes on "
            "with the version loaded before. Put back what the game used, or start a new game."
        ),
        problems=tuple(problems),
    )


def _missing_input(scenario: Scenario, history: Sequence[TurnRecord]) -> list[Exception]:
    """Recorded orders naming an action or a state the edited file no longer has.

    The engine refuses such an order quietly at End Turn, so the replay would "succeed" with a
    different game; the author needs to hear that the edit removed something already used.
    """
    from game.sim.replay import ReplayError

    actions = {a.id: a for a in scenario.actions}
    states = {s.id for s in scenario.states}
    problems: list[Exception] = []
    for turn, record in enumerate(history, start=1):
        for order in record.orders:
            action = actions.get(order.action)
            if action is None:
                reason = f"the action '{order.action}' ordered by {order.power} is no longer in the file"
            elif action.power != order.power:
                reason = f"the action '{order.action}' now belongs to {action.power}, not {order.power}"
            elif order.target is not None and order.target not in states:
                reason = f"the state '{order.target}' targeted by '{order.action}' is no longer in the file"
            else:
                continue
            problems.append(ReplayError(turn, reason))
    return problems
