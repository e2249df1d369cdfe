"""A child that shortens the campaign but keeps its parent's thresholds is warned, at its `turns`."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.loader import check_scenario, load_scenario
from tests.conftest import WINDOW_2023

HEAD = "format_version: 1\nextends: window-2023.yaml\nid: child\n"
OWN_SCORE = (
    "score:\n  victory_score: 20\n  defeat_score: 15\n  grades:\n    - {name: A, min_score: 25}\n    - {name: B, min_score: 20}\n"
    "    - {name: F, min_score: -1000}\n"
)


def write(folder: Path, body: str) -> Path:
    path = folder / "child.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def shortened(path: Path) -> list:
    return [p for p in check_scenario(path)[1] if p.code == "shortened"]


def test_fewer_turns_with_the_parents_thresholds_is_warned_at_the_childs_turns(scenarios_dir: Path) -> None:
    path = write(scenarios_dir, "about: {title: Short}\nturns: 12\n")
    parent = load_scenario(WINDOW_2023)
    [warning] = shortened(path)
    assert (warning.file, warning.line, warning.column, warning.severity) == (str(path), 5, 8, "warning")
    assert f"turns: 12 is shorter than the parent's {parent.turns}" in warning.message
    assert f"score.victory_score {parent.score.victory_score:g} (window-2023.yaml:" in warning.message
    best = parent.score.grades[0]
    assert f"the grades {best.name} {best.min_score:g}, " in warning.message
    assert f"python main.py check-balance {path}" in warning.message


def test_the_warned_scenario_still_plays(scenarios_dir: Path) -> None:
    scenario, problems = check_scenario(write(scenarios_dir, "turns: 12\n"))
    assert scenario is not None and scenario.turns == 12
    assert {p.severity for p in problems} == {"warning"}


def test_a_child_that_sets_its_own_thresholds_is_not_warned(scenarios_dir: Path) -> None:
    assert shortened(write(scenarios_dir, "turns: 12\n" + OWN_SCORE)) == []


def test_own_grades_with_inherited_victory_and_defeat_lines_names_only_those(scenarios_dir: Path) -> None:
    body = "turns: 12\nscore:\n  grades:\n    - {name: A, min_score: 25}\n    - {name: F, min_score: -1000}\n"
    [warning] = shortened(write(scenarios_dir, body))
    assert "score.victory_score" in warning.message and "score.defeat_score" in warning.message
    assert "the grades A" not in warning.message


def test_the_same_or_more_turns_is_not_warned(scenarios_dir: Path) -> None:
    turns = load_scenario(WINDOW_2023).turns
    assert shortened(write(scenarios_dir, f"turns: {turns}\n")) == []
    assert shortened(write(scenarios_dir, f"turns: {turns + 4}\n")) == []


def test_validate_shows_the_warning_and_strict_fails_on_it(
    scenarios_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(scenarios_dir, "turns: 12\n")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}:4:8: warning[shortened]: turns: 12" in out
    assert main(["validate", "--strict", str(path)]) == 1
