"""Errors an author meets first: valid names listed, a global named as one, items named by id."""

from __future__ import annotations

import shutil

import pytest

from game.content.loader import check_scenario
from tests.conftest import WINDOW_2023

HEAD = "format_version: 1\nextends: window-2023.yaml\nid: child\nglobals: {drought: true}\n"


@pytest.fixture
def child(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(WINDOW_2023, folder / WINDOW_2023.name)

    def write(body: str):
        path = folder / "child.yaml"
        path.write_text(HEAD + body, encoding="utf-8")
        _, problems = check_scenario(path)
        return [p for p in problems if p.severity == "error"]

    return write


def test_an_unknown_variable_lists_the_valid_ones(child):
    problems = child("events:\n  - id: water_crisis\n    condition: {type: variable, variable: water_level}\n")
    assert len(problems) == 1
    assert "unknown variable 'water_level'; valid variables: stability, economy" in problems[0].message


def test_a_flag_that_is_a_global_says_so_and_how_to_write_it(child):
    problems = child("events:\n  - id: water_crisis\n    condition: {type: flag, flag: drought}\n")
    assert len(problems) == 1
    message = problems[0].message
    assert "unknown flag 'drought'; valid flags: pntr" in message
    assert "'drought' is a global condition" in message and "{type: global, name: drought}" in message


def test_an_error_in_an_inherited_list_names_the_item_by_id_at_the_childs_line(child):
    problems = child("events:\n  - id: water_crisis\n    condition: {type: variable, variable: water_level}\n")
    assert problems[0].file.endswith("child.yaml") and problems[0].line == 7
    assert problems[0].message.startswith("events['water_crisis'].condition.variable: ")
