"""Duplicate play: `compare` lines teams up and finds the first turn their decisions parted."""

from __future__ import annotations

import argparse

import pytest

from game.cli.classroom_commands import register_compare, run_compare
from game.report.compare import compare_games
from tests.report.conftest import images_of, png_size


def test_games_that_switch_strategy_diverge_on_the_turn_they_switch(balanced_game, switched_game):
    data = compare_games([balanced_game, switched_game], ["steady", "switched"])
    assert data.same_world
    assert data.divergence_turn == 6
    early = data.scores[:5]
    assert all(row["steady"] == row["switched"] for row in early)  # same seed + same orders ⇒ same world
    assert data.decisions[4]["steady"] == data.decisions[4]["switched"]
    assert data.decisions[5]["switched"] != data.decisions[5]["steady"]
    # from turn 6 the switched team gives no orders: what is left is at most an event answer
    assert all(part.startswith("answered ") for part in data.decisions[5]["switched"].split("; ")) or (
        data.decisions[5]["switched"] == "no orders"
    )
    assert not [order for order in switched_game.history[5].orders if order.power == "us"]


def test_the_causes_that_differ_most_come_first(balanced_game, soft_power_game):
    data = compare_games([balanced_game, soft_power_game], ["A", "B"])
    assert data.divergence_turn == 1
    spreads = [row["spread"] for row in data.causes]
    assert spreads == sorted(spreads, reverse=True) and spreads[0] > 0
    assert {"cause", "description", "A", "B", "spread"} <= set(data.causes[0])


def test_games_of_different_seeds_are_flagged_as_different_worlds(balanced_game, window_2023):
    from game.batch.campaign import play_campaign

    other = play_campaign(window_2023, 99, "balanced", turns=3)
    data = compare_games([balanced_game, other], ["A", "B"])
    assert not data.same_world and "different worlds" in data.notes[0]


def _compare_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python main.py compare")
    register_compare(parser)
    return parser.parse_args(list(argv))


def test_the_compare_command_prints_the_divergence_and_writes_its_report(
    balanced_game, switched_game, tmp_path, capsys
):
    games = {"steady.json": balanced_game, "switched.json": switched_game}
    args = _compare_args("steady.json", "switched.json", "--out", str(tmp_path))
    assert run_compare(args, load=lambda path: games[path.name]) == 0
    out = capsys.readouterr().out
    assert "First divergence: turn 6" in out
    assert "steady" in out and "switched" in out
    page = tmp_path / "compare.html"
    assert images_of(page) == ["compare_scores.png", "compare_causes.png"]
    for image in images_of(page):
        png_size(tmp_path / image)
        assert (tmp_path / image.replace(".png", ".csv")).exists()
    assert (tmp_path / "compare_decisions.csv").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["one.json"], "at least two saves"),
        (["a.json", "b.json", "--names", "x"], "1 names for 2 saves"),
        (["a.json", "b.json", "--names", "x,x"], "must differ"),
        (["a.json", "b.json"], "no such save file: a.json"),
    ],
)
def test_compare_usage_errors_exit_2_with_one_line(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    assert run_compare(_compare_args(*argv)) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_autosave_names_become_numbered_teams_with_a_legend(balanced_game, switched_game, capsys):
    first = "autosave-classroom-45min-seed2023-20261130-180226-01796061748671633550-26745.json"
    second = "autosave-classroom-45min-seed2023-20261130-180231-01796061752381183395-26764.json"
    games = {first: balanced_game, second: switched_game}
    assert run_compare(_compare_args(first, second), load=lambda path: games[path.name]) == 0
    out = capsys.readouterr().out
    assert f"game 1 = {first}" in out and f"game 2 = {second}" in out
    table = out[out.index("US position per turn:") : out.index("First divergence")]
    assert "autosave-" not in out[out.index("team ") :]  # two 80-character columns do not fit a terminal
    assert max(len(line) for line in table.splitlines()) < 60
