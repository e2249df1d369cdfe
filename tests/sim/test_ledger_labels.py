"""A ledger a student can read: rival gains carry their own actions' claims, the rivals'
upkeep is not the US long game (C6), and receptivity factors travel with each gain."""

from __future__ import annotations

from game.ai.doctrine import choose_rival_orders
from game.saves import load_game, save_game
from game.sim.engine import Simulation
from game.sim.explain import describe_cause, describe_factors
from game.sim.summary import factor_line
from tests.conftest import WINDOW_2023, tweak


def _played(scenario, turns: int = 6) -> Simulation:
    sim = Simulation(scenario, 11, record_hashes=False, rival_chooser=choose_rival_orders)
    for _ in range(turns):
        for _ in range(3):  # the first legal order, three times over (legality shrinks as points go)
            legal = sim.legal_orders("us")
            if legal:
                sim.queue(legal[0])
        sim.end_turn()
    return sim


def _moves_strain_or_wariness(action) -> bool:
    """An action whose purpose is Russia's strain (C3) or China's wariness (C4): it changes them."""
    return any(getattr(e, "variable", "") in ("russia_strain", "china_wariness") for e in action.effects)


def test_rival_action_gains_carry_their_own_actions_claims_not_strain_or_wariness_by_default(window_2023):
    sim = _played(window_2023)
    actions = {a.id: a for a in window_2023.actions}
    gains = [
        c
        for c in sim.ledger
        if c.cause.startswith(("action:russia:", "action:china:"))
        and c.variable.startswith("alignment.")
        and c.delta > 0
    ]
    assert gains, "the rivals gained nothing in six turns"
    for change in gains:
        _, power, action_id = change.cause.split(":")
        action = actions[action_id]
        if change.variable == f"alignment.{power}":
            assert change.claims == action.claims, change
            if {"C3", "C4"} & set(change.claims):
                assert _moves_strain_or_wariness(action), change


def test_rivals_upkeep_is_its_own_rule_not_the_us_long_game(window_2023):
    sim = _played(window_2023)
    fading = [c for c in sim.ledger if c.cause == "rule:ties_fade"]
    assert fading and all(c.variable == "alignment.us" for c in fading)
    upkeep = [c for c in sim.ledger if c.cause == "rule:rival_upkeep"]
    assert {c.variable for c in upkeep} <= {"alignment.russia", "alignment.china"} and upkeep
    assert all(c.claims == ("C1",) for c in upkeep)
    assert describe_cause("rule:rival_upkeep", window_2023) != "Rival upkeep"  # named in the catalogue


def test_the_window_shows_as_a_factor_on_early_us_gains(window_2023):
    sim = Simulation(window_2023, 5, record_hashes=False, rival_chooser=choose_rival_orders)
    sim.queue(next(o for o in sim.legal_orders("us") if o.target == "kazakhstan" and o.action == "investment"))
    report = sim.end_turn()
    gains = [c for c in report.changes if c.cause == "action:us:investment" and c.variable == "alignment.us"]
    assert gains and any(claim == "C7" and value > 1 for claim, _, value in gains[0].factors)
    assert "C7" in describe_factors(gains) and "\u00d7" in describe_factors(gains)
    assert "window" in factor_line(report.changes, "kazakhstan")


def test_with_the_window_switched_off_no_gain_cites_it(window_2023):
    sim = _played(tweak(window_2023, **{"rules.window.strength": 0.0}), turns=2)
    assert not any(claim == "C7" for c in sim.ledger for claim, _, _ in c.factors)


def test_factors_survive_a_save_and_load(window_2023, tmp_path):
    sim = _played(window_2023, turns=2)
    path = tmp_path / "game.json"
    save_game(sim, path)
    loaded = load_game(path, scenario_path=WINDOW_2023)
    assert [c.factors for c in loaded.ledger] == [c.factors for c in sim.ledger]
    assert any(c.factors for c in loaded.ledger)


def test_the_debrief_names_the_factors_behind_each_states_gains(window_2023):
    from game.report.game_data import causes_per_state

    rows = causes_per_state(_played(window_2023, turns=3))
    assert any("window of opportunity, C7" in row["scaled_by"] for row in rows)
