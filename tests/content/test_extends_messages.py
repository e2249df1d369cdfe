"""Mistakes in a child scenario are named once, at the child's line, with what was meant."""

from __future__ import annotations

import shutil

import pytest

from game.content.loader import check_scenario
from tests.conftest import WINDOW_2023


@pytest.fixture
def child(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(WINDOW_2023, folder / WINDOW_2023.name)

    def write(body: str):
        path = folder / "child.yaml"
        path.write_text("format_version: 1\nextends: window-2023.yaml\nid: child\n" + body, encoding="utf-8")
        return check_scenario(path)

    return write


def test_a_misspelt_id_in_a_merged_list_is_named_as_a_typo_not_as_missing_keys(child):
    scenario, problems = child("states:\n  - id: kazakstan\n    stability: 50\n")
    assert scenario is None
    assert [(p.line, p.code) for p in problems] == [(5, "unknown-id")]
    assert "did you mean 'kazakhstan'" in problems[0].message


def test_a_misspelt_remove_collection_gets_a_suggestion(child):
    _, problems = child("remove: {event: [border_clash]}\n")
    assert [(p.line, p.code) for p in problems] == [(4, "extends")]
    assert "did you mean 'events'" in problems[0].message


def test_a_broken_turns_value_is_reported_once_without_knock_on_warnings(child):
    _, problems = child("turns: twenty\n")
    assert [(p.file.endswith("child.yaml"), p.line, p.severity) for p in problems] == [(True, 4, "error")]


def test_a_new_item_with_a_new_id_is_still_welcome(child):
    body = (
        "actions:\n  - id: teacher_exchange\n    name: Teacher exchange\n    power: us\n    track: soft_power\n"
        "    cost: 2\n    target: state\n    claims: [C5]\n    effects: [{type: goodwill, amount: 3}]\n"
    )
    scenario, problems = child(body)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert scenario is not None and scenario.action("teacher_exchange").cost == 2
