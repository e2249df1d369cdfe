"""Per-state summaries: a turn's ledger read as 'US +2.4 in Kazakhstan: goodwill +1.7, ...'."""

from __future__ import annotations

from game.ai.doctrine import choose_rival_orders
from game.sim.engine import Simulation
from game.sim.ledger import Change
from game.sim.summary import state_summaries, summary_line


def _change(target: str, variable: str, delta: float, cause: str) -> Change:
    return Change(3, target, variable, delta, cause, ("C6",))


CHANGES = [
    _change("kazakhstan", "alignment.us", 1.0, "rule:goodwill"),
    _change("kazakhstan", "alignment.us", 0.7, "rule:goodwill"),
    _change("kazakhstan", "alignment.us", 1.6, "rule:corridor"),
    _change("kazakhstan", "alignment.us", -0.9, "rule:ties_fade"),
    _change("kazakhstan", "alignment.russia", -3.0, "rule:russia_strain"),  # another power: not counted
    _change("uzbekistan", "alignment.us", 5.0, "rule:goodwill"),  # another state: not counted
    _change("kazakhstan", "values.us_trust", 2.0, "rule:goodwill"),  # another variable: not counted
]


def test_causes_are_summed_by_label_largest_first():
    assert state_summaries(CHANGES, "kazakhstan") == [("goodwill", 1.7), ("corridor", 1.6), ("upkeep", -0.9)]


def test_the_line_names_the_power_the_state_and_each_cause_with_its_sign():
    line = summary_line(CHANGES, "kazakhstan")
    assert line == "US +2.4 in Kazakhstan: goodwill +1.7, corridor +1.6, upkeep \u22120.9"


def test_another_power_gets_its_own_summary():
    assert (
        summary_line(CHANGES, "kazakhstan", "russia") == "Russia \u22123.0 in Kazakhstan: strain with Russia \u22123.0"
    )


def test_a_played_turn_summary_adds_up_to_the_ledger_total(window_2023):
    sim = Simulation(window_2023, 7, rival_chooser=choose_rival_orders)
    sim.queue(next(o for o in sim.legal_orders("us") if o.target == "kazakhstan"))
    report = sim.end_turn()
    parts = state_summaries(report.changes, "kazakhstan", "us", window_2023)
    total = sum(c.delta for c in report.changes if c.target == "kazakhstan" and c.variable == "alignment.us")
    assert parts, "the US order in Kazakhstan moved nothing"
    assert abs(sum(delta for _, delta in parts) - total) < 0.1
    names = {a.name for a in window_2023.actions}
    assert any(label in names for label, _ in parts)  # actions are named as the player knows them
    assert "Kazakhstan" in summary_line(report.changes, "kazakhstan", "us", window_2023)
