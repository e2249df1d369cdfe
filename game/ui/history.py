"""Per-turn series for charts, rebuilt from the why-ledger (the sim keeps only current values).

Every change is in the ledger with its turn, so the value at the end of turn t is today's
value minus every change recorded after t.
"""

from __future__ import annotations

from collections import defaultdict

from game.sim.engine import Simulation
from game.sim.ledger import Change


def alignment_series(sim: Simulation) -> dict[str, dict[str, list[float]]]:
    """state -> power -> values at the start (index 0) and after each finished turn."""
    played = len(sim.state.score_history)
    after: dict[tuple[str, str], dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for change in sim.ledger:
        group, _, power = change.variable.partition(".")
        if group == "alignment":
            after[(change.target, power)][change.turn] += change.delta
    series: dict[str, dict[str, list[float]]] = {}
    for state_id, country in sim.state.countries.items():
        series[state_id] = {}
        for power in country.alignment:  # every power, in declared order
            deltas = after.get((state_id, power), {})
            values = []
            for t in range(played + 1):
                later = sum(d for turn, d in deltas.items() if turn > t)
                values.append(country.alignment[power] - later)
            series[state_id][power] = values
    return series


def changes_since_end_turn(sim: Simulation) -> list[Change]:
    """The ledger's changes behind `change_since_end_turn`, oldest first (hover breakdowns sum them)."""
    return sim.ledger[_last_end_turn_start(sim) :]


CHANGE_LABEL = "change since you last pressed End Turn (that turn's results plus event answers since)"


def change_since_end_turn(sim: Simulation, state_id: str) -> dict[str, float]:
    """Net change of each variable of a state since the player last pressed End Turn.

    That is the last resolved turn's changes plus everything recorded since (event answers,
    facilitator acts), so current value − change = the value shown when End Turn was pressed.
    Before the first End Turn it covers only what happened since the campaign began.

    The window starts where the last report's changes start in the ledger, not at a turn
    number: answers given after End Turn carry the next turn's number, so counting by turn
    left them out of one change column and counted them again in the next.
    """
    totals: dict[str, float] = defaultdict(float)
    for change in sim.ledger[_last_end_turn_start(sim) :]:
        if change.target == state_id:
            totals[change.variable] += change.delta
    return dict(totals)


def _last_end_turn_start(sim: Simulation) -> int:
    """The ledger index of the first change the last End Turn made (0 before any)."""
    if not sim.reports:
        return 0
    changes = sim.reports[-1].changes
    entries = sim.ledger
    if not changes:
        return len(entries)
    last = changes[-1]
    for index in range(len(entries) - 1, -1, -1):
        if entries[index] is last:  # the report holds the ledger's own entries
            return index + 1 - len(changes)
    return len(entries)
