"""Crafted saves (checksum recomputed) give one clear SaveError, never a traceback.

The three edits of the issue are tried through `report`, `compare` and the loader, and a
hypothesis fuzz test makes random structural edits anywhere in a payload: each either loads
into a game that can be verified, compared and reported on, or is refused as a SaveError.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.report import game_data
from game.report.compare import compare_games, compare_lines
from game.saves import SaveError, load_game, read_save, verify_game
from tests.sim.save_helpers import forge, played_save


def _first_alignment_row(payload: dict[str, Any]) -> list[Any]:
    return next(row for row in payload["ledger"] if str(row[2]).startswith("alignment."))


CRAFTED = {
    "an unknown action id": (
        lambda p: p["history"][1]["orders"].append(["us", "x", None]),
        "history.1.orders.",
        "no action 'x'",
    ),
    "a list where a number belongs": (
        lambda p: p["ledger"][3].__setitem__(3, [1, 2]),
        "ledger.3",
        "expected a number",
    ),
    "a ledger change to a power that does not exist": (
        lambda p: _first_alignment_row(p).__setitem__(2, "alignment.chinax"),
        "ledger.",
        "unknown variable 'alignment.chinax'",
    ),
    "a ledger change to a state's variable aimed at a power": (
        lambda p: _first_alignment_row(p).__setitem__(1, "china"),
        "ledger.",
        "is a state's variable, but 'china' is not a state",
    ),
    "a float where a country belongs": (
        lambda p: p["queued"].append(["us", p["history"][0]["orders"][0][1], 1.5]),
        "queued.0",
        "expected text, got 1.5",
    ),
}


@pytest.fixture(scope="module")
def base_save(window_2023, tmp_path_factory) -> Path:
    return played_save(window_2023, tmp_path_factory.mktemp("base") / "base.json", turns=3)


@pytest.mark.parametrize("name", CRAFTED)
def test_a_crafted_save_is_refused_with_a_clear_message(name, base_save, tmp_path):
    edit, place, problem = CRAFTED[name]
    path = tmp_path / "crafted.json"
    path.write_bytes(base_save.read_bytes())
    forge(path, edit)
    with pytest.raises(SaveError) as raised:
        load_game(path)
    message = raised.value.message
    assert message.startswith(f"cannot load {path}: the saved game is incomplete or malformed: ")
    assert place in message and problem in message


@pytest.mark.parametrize("command", ["report", "compare", "play"])
def test_commands_refuse_a_crafted_save_without_a_traceback(command, base_save, tmp_path, capsys, monkeypatch):
    path = tmp_path / "crafted.json"
    path.write_bytes(base_save.read_bytes())
    forge(path, CRAFTED["an unknown action id"][0])
    if command == "play":
        from game.ui import saves

        sim, error = saves.load_path(path)
        assert sim is None and "no action 'x'" in error
        return
    argv = {
        "report": ["report", str(path), "--out", str(tmp_path / "out")],
        "compare": ["compare", str(base_save), str(path)],
    }
    assert main(argv[command]) == 1
    err = capsys.readouterr().err
    assert "no action 'x'" in err and "Traceback" not in err


# --- fuzzing ---------------------------------------------------------------------------------

VALUES = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        -1,
        7,
        1.5,
        -2.25,
        1e300,
        10**20,
        "",
        "x",
        "us",
        "kazakhstan",
        "region",
        "income",
        [],
        {},
        [1, 2],
        ["us", "x", None],
        ["x", None, 1],
        {"x": 1},
        {"us": 1.0},
        "NaN",
    ]
)


def _children(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return list(node)
    if isinstance(node, list):
        return list(range(len(node)))
    return []


@st.composite
def edits(draw: st.DrawFn, payload: dict[str, Any]) -> dict[str, Any]:
    """A copy of the payload with one structural edit at a random place."""
    edited = copy.deepcopy(payload)
    parent: Any = None
    key: Any = None
    node: Any = edited
    for _ in range(draw(st.integers(1, 7))):
        children = _children(node)
        if not children:
            break
        parent, key = node, draw(st.sampled_from(children))
        node = node[key]
    if parent is None:
        edited[draw(st.sampled_from(["zzz", "seed", "ledger"]))] = draw(VALUES)
        return edited
    operation = draw(st.sampled_from(["replace", "delete", "add key", "duplicate", "swap strings"]))
    if operation == "replace":
        parent[key] = draw(VALUES)
    elif operation == "delete":
        del parent[key]
    elif operation == "add key" and isinstance(node, dict):
        node[draw(st.sampled_from(["zzz", "id", "us", "kazakhstan"]))] = draw(VALUES)
    elif operation == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(node))
    elif isinstance(node, str):
        parent[key] = draw(st.sampled_from(["russia", "china", "tajikistan", "x@region@1", node + "x", node.upper()]))
    else:
        parent[key] = draw(VALUES)
    return edited


def _write(path: Path, payload: dict[str, Any]) -> None:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    checksum = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
    document = {"format": "crossroads-save", "version": 1, "checksum": checksum, "payload": payload}
    path.write_text(json.dumps(document), encoding="utf-8")


def use_every_way(sim: Any, twin: Any) -> None:
    """What report, compare and the load screen do with a loaded game."""
    verify_game(sim)
    compare_lines(compare_games([twin, sim], ["a", "b"]))
    for turn in range(1, len(sim.reports) + 1):
        for order in game_data.us_orders(sim, turn):
            game_data.place_of(sim, order)
            game_data.action_name(sim, order.action)
    for rows in (game_data.alignment_by_turn, game_data.positions, game_data.budget_spent, game_data.timeline):
        rows(sim)
    for rows in (game_data.cause_rows, game_data.causes_per_state, game_data.claim_rows, game_data.reflections):
        rows(sim)
    sim.score()
    sim.grade()


def test_random_structural_edits_never_reach_a_traceback(base_save, tmp_path_factory):
    payload = read_save(base_save)
    twin = load_game(base_save)
    folder = tmp_path_factory.mktemp("fuzz")
    outcomes = {"refused": 0, "loaded": 0}

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(edits(payload))
    def check(edited: dict[str, Any]) -> None:
        path = folder / "fuzzed.json"
        _write(path, edited)
        try:
            sim = load_game(path)
        except SaveError as error:
            assert error.message.startswith(f"cannot load {path}: ")
            outcomes["refused"] += 1
            return
        outcomes["loaded"] += 1
        use_every_way(sim, twin)

    check()
    assert outcomes["refused"] > 100  # most random edits break the shape and are refused
