"""A choice's preview that speaks of points names the track and amount its budget effect moves.

The event dialog shows only the preview: '(+3 points)' (the playtest) left the player asking
which points, and a cost changed in the effects but not in the text would mislead.
"""

from __future__ import annotations

from pathlib import Path

from game.content.loader import check_scenario, load_scenario
from tests.conftest import WINDOW_2023

HEAD = "format_version: 1\nextends: window-2023.yaml\nid: child\n"


def preview_warnings(folder: Path, skip_preview: str, skip_budget: str = "") -> list:
    body = f"events:\n  - id: c5plus1_summit\n    choices:\n      - id: skip\n        preview: {skip_preview}\n"
    if skip_budget:
        body += f"        effects: [{skip_budget}]\n"
    path = folder / "child.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return [p for p in check_scenario(path)[1] if p.code == "preview"]


def test_points_without_a_track_are_warned_at_the_preview(scenarios_dir: Path) -> None:
    [warning] = preview_warnings(scenarios_dir, "Trust falls (+3 points).")
    assert (warning.line, warning.column, warning.severity) == (8, 18, "warning")
    assert "gives the US 3 diplomacy points; write '3 diplomacy points'" in warning.message


def test_a_preview_naming_the_wrong_amount_is_warned(scenarios_dir: Path) -> None:
    [warning] = preview_warnings(
        scenarios_dir, "Costs 3 trade points.", "{type: budget, power: us, track: trade, amount: -2}"
    )
    assert "costs the US 2 trade points" in warning.message


def test_the_track_as_the_window_names_it_passes(scenarios_dir: Path) -> None:
    budget = "{type: budget, power: us, track: soft_power, amount: -1}"
    assert preview_warnings(scenarios_dir, "Costs 1 soft power point; trust grows.", budget) == []
    assert preview_warnings(scenarios_dir, "Costs 1 soft-power point; trust grows.", budget) == []
    assert preview_warnings(scenarios_dir, "Trust falls, but the time goes elsewhere.") == []  # no points named


def test_the_shipped_summit_says_which_points_skipping_gives() -> None:
    skip = next(c for c in load_scenario(WINDOW_2023).event("c5plus1_summit").choices if c.id == "skip")
    [budget] = [e for e in skip.effects if e.type == "budget"]
    assert f"+{budget.amount:g} diplomacy points" in skip.preview
