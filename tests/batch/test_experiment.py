"""`experiment thesis` and the sensitivity table: the model card a teacher shows a class."""

from __future__ import annotations

import argparse
import csv
from concurrent.futures import ThreadPoolExecutor

import pytest

from game.batch.sensitivity import (
    MODEL_CARD_STRATEGIES,
    Probe,
    SensitivityRow,
    card_rows,
    default_probes,
    inert_claims,
    make_probe,
    run_sensitivity,
)
from game.batch.stats import Interval
from game.batch.thesis import CSV_COLUMNS, Arms
from game.cli.classroom_commands import register_experiment, run_experiment
from tests.conftest import WINDOW_2023


def _experiment(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="python main.py experiment")
    register_experiment(parser)
    return run_experiment(parser.parse_args(list(argv)))


def test_strength_goes_to_0_and_2_and_other_parameters_to_half_and_one_and_a_half(window_2023):
    assert (
        make_probe(window_2023, "rules.window.strength").low,
        make_probe(window_2023, "rules.window.strength").high,
    ) == (0.0, 2.0)
    start = make_probe(window_2023, "rules.window.bonus")
    assert (start.low, start.high) == (pytest.approx(start.default * 0.5), pytest.approx(start.default * 1.5))


def test_probe_values_stay_in_the_fields_range_and_whole_numbers_stay_whole(window_2023):
    threshold = make_probe(window_2023, "rules.balancing.threshold")  # 0.42 × 0.5 is below the minimum 0.34
    assert threshold.low == 0.34
    mature = make_probe(window_2023, "rules.long_game.mature_turns")
    default = window_2023.rules.long_game.mature_turns
    assert (mature.low, mature.high) == (round(default * 0.5), round(default * 1.5))
    assert isinstance(mature.low, int) and isinstance(mature.high, int)


def test_arms_give_the_same_measures_whatever_executor_plays_them():
    serial = Arms(WINDOW_2023, 2, 7)
    with ThreadPoolExecutor(max_workers=2) as pool:
        pooled = Arms(WINDOW_2023, 2, 7, executor=pool, chunk_size=1)
        pooled.prefetch([("trade", ())])
    assert serial.values("trade", "score") == pooled.values("trade", "score")


@pytest.fixture(scope="module")
def table(window_2023):
    return run_sensitivity(Arms(WINDOW_2023, 2, 1, jobs=2), default_probes(window_2023))


def test_the_sensitivity_table_has_a_row_per_strength_and_key_parameter_sorted_by_effect(window_2023, table):
    paths = {row.probe.path for row in table}
    for group in ("window", "long_game", "russia_strain", "china_wariness", "neglect", "c5plus1", "balancing"):
        assert f"rules.{group}.strength" in paths
    assert {"rules.window.bonus", "rules.long_game.mature_turns", "rules.neglect.decay_per_turn"} <= paths
    effects = [row.effect for row in table]
    assert effects == sorted(effects, reverse=True)
    assert table[0].effect > 1  # some claim moves the outcome by more than a point


@pytest.mark.slow
def test_experiment_prints_each_check_with_ci_effect_size_and_verdict_then_the_model_card(tmp_path, capsys):
    argv = (
        "thesis",
        "--runs",
        "3",
        "--jobs",
        "2",
        "--model-card",
        "--sensitivity-strategy",
        "balanced",
        "--out",
        str(tmp_path),
    )
    assert _experiment(*argv) == 0
    out = capsys.readouterr().out
    for number, claims in [(1, "[C19]"), (2, "[C1, C2]"), (3, "[C5, C6]"), (4, "[C7]"), (5, "[C9]"), (6, "[C3, C4]")]:
        line = next(line for line in out.splitlines() if line.startswith(f"{number}. "))
        verdict = line.split("]: ", 1)[1]
        assert claims in line and verdict.startswith(("HELD", "DID NOT HOLD", "NOT APPLICABLE"))
        assert verdict in ("HELD", "NOT APPLICABLE") or verdict.startswith("DID NOT HOLD")
    assert "95% CI" in out and "control arm, C19 off" in out and "on minus off" in out
    assert "What the control arm shows" in out and "difference-in-differences" in out
    assert "Model card" in out and "rules.window.strength" in out
    thesis = list(csv.DictReader((tmp_path / "thesis.csv").open(encoding="utf-8")))
    sensitivity = list(csv.DictReader((tmp_path / "sensitivity.csv").open(encoding="utf-8")))
    assert [r["check"] for r in thesis] == ["1", "2", "3", "4", "5", "6"]
    assert list(thesis[0]) == list(CSV_COLUMNS)
    assert {r["status"] for r in thesis} <= {"held", "failed", "not-applicable"}
    assert any(r["parameter"] == "rules.neglect.strength" for r in sensitivity)


def _row(path: str, claim: str, strategy: str, low: float, high: float) -> SensitivityRow:
    probe = Probe(path, claim, 1.0, 0.0, 2.0)
    return SensitivityRow(
        probe, strategy, Interval(low, low - 0.1, low + 0.1, 4), Interval(high, high - 0.1, high + 0.1, 4)
    )


def test_the_model_card_keeps_the_strategy_a_parameter_moves_most_and_flags_claims_that_move_none():
    rows = [
        _row("rules.neglect.strength", "C19", "balanced", 0.0, 0.0),
        _row("rules.neglect.strength", "C19", "neglect", 3.0, -2.0),
        _row("rules.resources.strength", "C15", "balanced", 0.0, 0.0),
        _row("rules.resources.strength", "C15", "neglect", 0.001, 0.0),
    ]
    card = card_rows(rows)
    assert [(r.probe.path, r.strategy) for r in card] == [
        ("rules.neglect.strength", "neglect"),
        ("rules.resources.strength", "neglect"),
    ]
    assert [r.probe.claim for r in inert_claims(rows)] == ["C15"]


def test_the_model_card_plays_more_than_the_balanced_strategy():
    assert {"balanced", "neglect", "soft-power", "overreach", "early"} <= set(MODEL_CARD_STRATEGIES)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["thesis", "--runs", "1"], "--runs must be at least 2"),
        (["thesis", "--jobs", "0"], "--jobs must be at least 1"),
        (["thesis", "--sensitivity-strategy", "balancd"], "unknown strategy balancd"),
    ],
)
def test_experiment_usage_errors_exit_2_with_one_line(capsys, argv, message):
    assert _experiment(*argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_an_unknown_experiment_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        _experiment("thesys")
    assert stopped.value.code == 2
    assert "invalid choice: 'thesys'" in capsys.readouterr().err


def test_experiment_on_a_broken_scenario_exits_1_and_names_the_place(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format_version: 1\nid: broken\nturns: many\n", encoding="utf-8")
    assert _experiment("thesis", "--scenario", str(broken), "--runs", "2") == 1
    assert "broken.yaml:3:8" in capsys.readouterr().err


def test_on_the_model_cards_strategies_every_claims_switch_moves_some_score(window_2023):
    """Issue 9's done-means: no 0.00 row for a claim's strength (two runs: only whether it moves)."""
    strengths = [p for p in default_probes(window_2023) if p.path.endswith(".strength")]
    table = run_sensitivity(Arms(WINDOW_2023, 2, 1, jobs=2), strengths, MODEL_CARD_STRATEGIES)
    assert {row.probe.claim for row in card_rows(table)} >= {f"C{n}" for n in range(1, 20) if n != 18}
    assert [row.probe.claim for row in inert_claims(table)] == []


def test_experiment_at_its_defaults_plays_only_the_thesis_arms_and_says_how_to_add_the_card(tmp_path, capsys):
    from game.cli.classroom_commands import experiment_arms
    from game.content.loader import load_scenario

    scenario = load_scenario(WINDOW_2023)
    assert len(experiment_arms(scenario, ["balanced"], model_card=False)) < len(experiment_arms(scenario, ["balanced"]))
    assert _experiment("thesis", "--runs", "2", "--jobs", "2", "--quiet", "--out", str(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "Model card" not in out and "--model-card" in out
    assert "Only 2 paired runs per arm" in out  # a class is warned before reading a failure into it
    assert (tmp_path / "thesis.csv").exists() and not (tmp_path / "sensitivity.csv").exists()


def test_a_check_that_fails_only_for_lack_of_runs_is_called_inconclusive_and_few_runs_are_warned_about():
    from game.batch.thesis import CheckResult, Contrast, Measured
    from game.cli.classroom_commands import thesis_lines

    contrast = Contrast(("balanced",), ("overreach",), "standing_us", "US standing at the end", +1)
    wide = Measured(contrast, ("C1",), Interval(3.3, -2.3, 8.9, 4), Interval(0.5, -1, 2, 4), Interval(2.8, -1, 6, 4))
    wrong_way = Measured(contrast, ("C1",), Interval(-1, -3, 1, 4), Interval(0.5, -1, 2, 4), Interval(-1.5, -3, 0, 4))
    lines = thesis_lines([CheckResult(2, "Balance beats overreach", ("C1",), ("C1",), 4, (wide,))])
    assert "DID NOT HOLD (inconclusive" in lines[0]
    lines = thesis_lines([CheckResult(2, "Balance beats overreach", ("C1",), ("C1",), 4, (wrong_way,))])
    assert "inconclusive" not in lines[0]
