"""The why-ledger: every change recorded; initial state + every delta = final state, exactly."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES, choose_decision
from game.sim.engine import Simulation
from game.sim.orders import IllegalOrder
from game.sim.state import flatten, from_data

BOUNDED = ("alignment.", "values.", "floors.", "fragile.", "flags.")


def _replay_ledger(sim: Simulation) -> dict[tuple[str, str], float]:
    flat = flatten(from_data(sim.initial))
    for change in sim.ledger:
        key = (change.target, change.variable)
        flat[key] = flat.get(key, 0.0) + change.delta
    return {k: v for k, v in flat.items() if v != 0.0}


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 2**31),
    picks=st.lists(st.integers(0, 10_000), min_size=4, max_size=60),
    turns=st.integers(1, 14),
)
def test_initial_state_plus_ledger_deltas_is_the_final_state(window_2023, seed, picks, turns):
    sim = Simulation(window_2023, seed, rival_chooser=choose_rival_orders)
    pick = iter(picks)
    for _ in range(turns):
        for decision in list(sim.pending):
            event = window_2023.event(decision.event)
            sim.decide(decision.key, event.choices[next(pick, 0) % len(event.choices)].id)
        for _ in range(next(pick, 0) % 6):
            legal = sim.legal_orders("us")
            if not legal:
                break
            sim.queue(legal[next(pick, 0) % len(legal)])
        sim.end_turn()
        if sim.state.finished:
            break
    assert _replay_ledger(sim) == flatten(sim.state)
    for (target, variable), value in flatten(sim.state).items():
        if variable.startswith(BOUNDED):
            assert 0.0 <= value <= 100.0, (target, variable, value)
    for power in sim.state.powers.values():
        assert all(points >= 0 for points in power.budget.values()), power


def test_every_change_names_a_cause_and_the_rules_name_their_claims(window_2023):
    sim = Simulation(window_2023, 2, rival_chooser=choose_rival_orders)
    for _ in range(10):
        for decision in list(sim.pending):
            sim.decide(decision.key, choose_decision(sim.world, STRATEGIES["balanced"], decision, sim.world.rng("t")))
        for order in sim.legal_orders("us")[:3]:
            with contextlib.suppress(IllegalOrder):
                sim.queue(order)
        sim.end_turn()
    assert sim.ledger
    for change in sim.ledger:
        assert change.cause
        if change.cause.startswith("rule:"):
            assert change.claims, change
            assert all(c.startswith("C") for c in change.claims)
