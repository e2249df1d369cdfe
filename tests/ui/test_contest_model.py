"""The contest's display model without a window: next-tier wording for every tier, and looks."""

from __future__ import annotations

import pytest

from game.ui.contest import next_tier_lines, starting_look, state_looks


def _set_alignment(sim, state_id: str, values: dict[str, float]) -> None:
    """Move a state's alignment through the ledger (as every state change goes)."""
    country = sim.state.countries[state_id]
    for power, value in values.items():
        sim.world.ledger.change(
            country.alignment, power, state_id, "alignment", value - country.alignment[power], "test", ()
        )


@pytest.mark.parametrize(
    ("alignment", "expected"),
    [
        (
            {"us": 30.0, "russia": 50.0, "china": 40.0},
            "US needs +18.0 alignment to be level with Russia (now rival-led)",
        ),
        ({"us": 49.0, "russia": 50.0, "china": 40.0}, "US needs +3.1 alignment to lead Russia (now level)"),
        (
            {"us": 56.0, "russia": 50.0, "china": 40.0},
            "US needs +4.0 alignment to be the preferred partner (now leading)",
        ),
        ({"us": 70.0, "russia": 50.0, "china": 40.0}, "US is the preferred partner here: hold it"),
    ],
)
def test_the_next_tier_line_names_the_gap_and_the_rival_for_every_tier(sim, alignment, expected):
    _set_alignment(sim, "kazakhstan", alignment)
    assert next_tier_lines(sim, "kazakhstan")[0] == expected


def test_a_shorter_wording_is_offered_for_a_narrow_panel(sim):
    _set_alignment(sim, "kazakhstan", {"us": 30.0, "russia": 50.0, "china": 40.0})
    assert next_tier_lines(sim, "kazakhstan")[-1] == "US needs +18.0 to be level with Russia"


def test_looks_compare_with_the_moment_end_turn_was_pressed(sim):
    sim.end_turn()
    _set_alignment(sim, "uzbekistan", {"us": 10.0, "russia": 20.0, "china": 70.0})  # after End Turn: counted
    look = dict(state_looks(sim))["uzbekistan"]
    assert look.leader == "china"
    assert look.shares == pytest.approx((0.1, 0.2, 0.7))
    assert sum(look.changes) == pytest.approx(0.0, abs=1e-9)  # shares move against each other
    assert look.tipped_from is not None and look.tipped_from != "china"


def test_a_scenario_start_shows_real_shares_and_nothing_tipped():
    look = starting_look({"us": 20.0, "russia": 50.0, "china": 30.0})
    assert look.leader == "russia" and look.shares == pytest.approx((0.2, 0.5, 0.3))
    assert look.margin == pytest.approx(0.2) and look.tipped_from is None


def test_every_state_value_the_ledger_records_has_a_readable_name(sim):
    """The report names variables for a student: no raw ids such as 'russia_strain'."""
    from game.sim.explain import VALUE_NAMES, describe_variable

    for key in sim.state.countries["kazakhstan"].values:
        assert key in VALUE_NAMES, key
        assert "_" not in describe_variable(f"values.{key}")
