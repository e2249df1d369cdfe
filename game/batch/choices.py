"""Event choices that are never the better one: play the rest of the campaign from each answer.

At every event that waits for the US, the game is copied once per choice (same seed, so the
same world follows) and played to the end (or `horizon` turns) by the same strategy. A choice
that is never among the best at any point where it was offered is dominated: a player loses
nothing by never taking it, so the decision is not a decision (issue 8, item 3).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from game.ai.strategies import Strategy
from game.batch.campaign import new_campaign, play_turn
from game.batch.lookahead import fork
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.sim.events import available_choices

TIE = 0.01  # scores this close (a hundredth of a point, below what is printed) count as equally good


@attrs.frozen
class ChoiceRecord:
    """How one choice of one event fared over every point it was offered."""

    event: str
    choice: str
    offered: int
    best: int  # points where it was (one of) the best
    mean_loss: float  # mean score below the best choice at that point

    @property
    def dominated(self) -> bool:
        return self.offered > 0 and self.best == 0


def _value_of(sim: Simulation, key: str, choice: str, strategy: Strategy, horizon: int | None) -> float:
    future = fork(sim, sim.world.seed)  # the same world: only the answer differs
    future.decide(key, choice)
    end = None if horizon is None else future.turn + horizon
    while not future.state.finished and (end is None or future.turn < end):
        play_turn(future, strategy)
    return future.score()


def compare_choices(
    scenario: Scenario,
    seeds: Sequence[int],
    strategy: Strategy,
    *,
    horizon: int | None = None,
    difficulty: str | None = None,
    rivals: str = "active",
) -> list[ChoiceRecord]:
    """Every event choice offered while `strategy` plays `seeds`, with how often it was the better one.

    A choice whose `when` does not hold at that point is not offered there, so it is not played.
    """
    tally: dict[tuple[str, str], list[float]] = {}  # (event, choice) -> [offered, best, total loss]
    for seed in seeds:
        sim = new_campaign(scenario, seed, difficulty, rivals)
        while not sim.state.finished:
            for decision in list(sim.pending):
                event = scenario.event(decision.event)
                offered = available_choices(sim.world, decision)  # a choice with `when` only while it holds
                if len(offered) < 2:
                    continue
                values = {c.id: _value_of(sim, decision.key, c.id, strategy, horizon) for c in offered}
                top = max(values.values())
                for choice, value in values.items():
                    row = tally.setdefault((event.id, choice), [0, 0, 0.0])
                    row[0] += 1
                    row[1] += value >= top - TIE
                    row[2] += top - value
            play_turn(sim, strategy)
    return [
        ChoiceRecord(event, choice, int(offered), int(best), loss / offered)
        for (event, choice), (offered, best, loss) in sorted(tally.items())
    ]
