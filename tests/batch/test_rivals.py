"""Passive rivals issue no orders, in the batch API and in `simulate --rivals passive`."""

from __future__ import annotations

import csv

import pytest

from game.ai.rivals import rival_chooser
from game.batch.campaign import play_campaign
from game.cli import main


def rival_actions(sim) -> set[str]:
    return {c.cause for c in sim.ledger if c.cause.startswith(("action:russia:", "action:china:"))}


def test_passive_rivals_give_no_orders_while_active_ones_do(window_2023):
    active = play_campaign(window_2023, 5, "balanced", turns=3)
    passive = play_campaign(window_2023, 5, "balanced", turns=3, rivals="passive")

    assert rival_actions(active)
    assert rival_actions(passive) == set()
    assert all(p.order.power == "us" for report in passive.reports for p in report.orders)


def test_an_unknown_rivals_mode_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown rivals mode 'sleepy'; choose from active, passive"):
        rival_chooser("sleepy")


def test_simulate_rivals_passive_marks_its_rows_and_changes_the_game(tmp_path):
    for mode in ("active", "passive"):
        code = main(
            ["simulate", "--rivals", mode, "--runs", "2", "--set", "turns=4", "--quiet", "--out", str(tmp_path / mode)]
        )
        assert code == 0
    active = list(csv.DictReader((tmp_path / "active" / "runs.csv").open()))
    passive = list(csv.DictReader((tmp_path / "passive" / "runs.csv").open()))

    assert [row["rivals"] for row in passive] == ["passive", "passive"]
    assert [row["seed"] for row in passive] == [row["seed"] for row in active]
    assert [row["score"] for row in passive] != [row["score"] for row in active]


def test_simulate_rivals_with_a_wrong_mode_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["simulate", "--rivals", "asleep", "--runs", "1", "--out", str(tmp_path)])
    assert exited.value.code == 2
    assert "invalid choice: 'asleep'" in capsys.readouterr().err
