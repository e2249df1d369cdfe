"""What an author writing a child scenario from the docs alone expects of `extends:` and `remove:`."""

from __future__ import annotations

import shutil

import pytest

from game.content import inherit
from game.content.loader import check_scenario
from tests.conftest import WINDOW_2023

HEAD = "format_version: 1\nextends: window-2023.yaml\nid: child\n"
NEW_EVENT = (
    "events:\n  - id: russia_returns\n    title: Russia returns\n    text: Moscow is back in {state}.\n"
    "    claims: [C3]\n    scope: state\n    probability: 0.1\n"
    "    effects: [{type: shift, power: russia, amount: 2}]\n"
)


@pytest.fixture
def folder(tmp_path):
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    shutil.copy(WINDOW_2023, scenarios / WINDOW_2023.name)
    return scenarios


def test_a_complete_new_event_whose_id_resembles_a_parents_is_added(folder):
    path = folder / "child.yaml"
    path.write_text(HEAD + NEW_EVENT, encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert scenario is not None and scenario.event("russia_returns").title == "Russia returns"
    assert scenario.event("russian_pressure").title == "Moscow applies pressure"


def test_an_incomplete_look_alike_is_still_reported_as_a_misspelt_change(folder):
    path = folder / "child.yaml"
    path.write_text(HEAD + "events:\n  - id: russian_presure\n    probability: 0.2\n", encoding="utf-8")
    _, problems = check_scenario(path)
    assert [p.code for p in problems] == ["unknown-id"]
    assert "did you mean 'russian_pressure'" in problems[0].message


def test_remove_drops_an_inherited_global(folder):
    path = folder / "child.yaml"
    body = "remove:\n  globals: [brics_expanded]\n  events: [brics_expansion]\n"
    path.write_text(HEAD + body, encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert [str(p) for p in problems] == []
    assert scenario is not None and "brics_expanded" not in scenario.globals
    assert "war_in_ukraine" in scenario.globals


def test_removing_a_global_the_parent_lacks_names_the_line_and_a_suggestion(folder):
    path = folder / "child.yaml"
    path.write_text(HEAD + "remove:\n  globals: [pntr_pased]\n", encoding="utf-8")
    _, problems = check_scenario(path)
    assert [(p.line, p.code) for p in problems] == [(5, "extends")]
    assert "did you mean 'pntr_passed'" in problems[0].message


def test_remove_drops_an_inherited_project(folder):
    path = folder / "child.yaml"
    path.write_text(HEAD + "remove:\n  projects: [ericen]\n  actions: [fund_ericen]\n", encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert scenario is not None and [p.id for p in scenario.projects] == ["trans_caspian", "pntr"]


def test_a_missing_parent_says_every_folder_it_looked_in(folder):
    path = folder / "child.yaml"
    path.write_text(HEAD.replace("window-2023.yaml", "no-such-parent.yaml"), encoding="utf-8")
    _, problems = check_scenario(path)
    assert len(problems) == 1
    assert str(folder.resolve()) in problems[0].message
    assert str(inherit.SHIPPED) in problems[0].message


def test_a_file_outside_any_scenarios_folder_can_extend_a_shipped_scenario_by_name(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(HEAD + "turns: 12\n", encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert scenario is not None and scenario.turns == 12


def test_a_parent_outside_the_allowed_folders_is_refused_naming_them(tmp_path):
    home = tmp_path / "teacher"
    home.mkdir()
    shutil.copy(WINDOW_2023, tmp_path / "elsewhere.yaml")
    path = home / "mine.yaml"
    path.write_text(HEAD.replace("window-2023.yaml", "../elsewhere.yaml"), encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert scenario is None
    assert [p.code for p in problems] == ["extends"]
    assert "outside" in problems[0].message and str(home.resolve()) in problems[0].message
