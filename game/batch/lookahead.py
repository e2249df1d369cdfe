"""A lookahead US player: each turn, try a few order sets on copies of the game and keep the best.

The copies are reseeded from the lookahead's own seed, never from the game's, so a rollout
cannot see the real future's event draws or rival noise: it plays a plausible future, as a
player imagining the next quarters would. If reading the board pays, this player beats the
best fixed recipe; if it does not, the game is solved by a recipe (issue 8).
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence

from game.ai.strategies import Strategy
from game.batch.campaign import new_campaign, play_turn
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.sim.ledger import Ledger


def fork(sim: Simulation, seed: int) -> Simulation:
    """A copy of the game at the start of a turn whose future draws come from `seed` (the original is untouched)."""
    copied = Simulation(
        sim.scenario,
        seed,
        sim.difficulty_id,
        sim.humans,
        sim.rival_chooser,
        record_hashes=False,
        _state=copy.deepcopy(sim.state),
        _ledger=Ledger(list(sim.world.ledger.entries)),  # changes are frozen records: sharing them is safe
    )
    copied.pending = list(sim.pending)
    return copied


def rollout_seed(lookahead_seed: int, turn: int, rollout: int) -> int:
    """The seed of one imagined future: from the lookahead's seed and the turn, not the game's seed."""
    return random.Random(f"lookahead:{lookahead_seed}:{turn}:{rollout}").getrandbits(31)


def rollout_value(sim: Simulation, plan: Strategy, depth: int, seed: int) -> float:
    """The campaign score after following `plan` for `depth` turns on a copy reseeded with `seed`.

    The plan is followed for the whole rollout, not for one turn and then a fixed base plan:
    one turn of a different plan mostly measures noise, and a plan is only worth switching to
    if it pays when kept (measured: switching for one turn cost 2 points on after-kabul-2021).
    """
    future = fork(sim, seed)
    for _ in range(depth):
        if future.state.finished:
            break
        play_turn(future, plan)
    return projected_score(future)


def projected_score(sim: Simulation) -> float:
    """The campaign score if the position reached now held to the last turn.

    A rollout stops a few turns ahead; scoring it by the mean so far would count a durable
    gain (a tender won, roots grown) for only the turns it has been held, while a player
    reading the board counts it for the rest of the campaign.
    """
    history = sim.state.score_history
    left = max(0, sim.scenario.turns - len(history))
    return (sum(history) + sim.position() * left) / max(1, len(history) + left)


def candidate_values(
    sim: Simulation, candidates: Sequence[Strategy], depth: int, rollouts: int, lookahead_seed: int
) -> list[float]:
    """Each candidate's mean rollout value this turn; every candidate meets the same imagined futures."""
    seeds = [rollout_seed(lookahead_seed, sim.turn, r) for r in range(rollouts)]
    return [sum(rollout_value(sim, c, depth, s) for s in seeds) / rollouts for c in candidates]


def choose(sim: Simulation, candidates: Sequence[Strategy], depth: int, rollouts: int, lookahead_seed: int) -> int:
    """The index of the candidate to play this turn (the first of equals, so the best recipe on ties)."""
    values = candidate_values(sim, candidates, depth, rollouts, lookahead_seed)
    return max(range(len(values)), key=lambda i: (values[i], -i))


def play_lookahead(
    scenario: Scenario,
    seed: int,
    candidates: Sequence[Strategy],
    *,
    depth: int = 3,
    rollouts: int = 1,
    lookahead_seed: int = 1,
    difficulty: str | None = None,
    rivals: str = "active",
) -> Simulation:
    """A whole campaign played by the lookahead; put the best recipe first (it wins ties)."""
    sim = new_campaign(scenario, seed, difficulty, rivals)
    while not sim.state.finished:
        pick = choose(sim, candidates, depth, rollouts, lookahead_seed)
        play_turn(sim, candidates[pick])
    return sim
