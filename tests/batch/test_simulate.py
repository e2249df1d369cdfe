"""Headless batches: rows in run order, byte-identical CSVs whatever the executor, clear CLI errors."""

from __future__ import annotations

import csv
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from game.batch.report import summary_lines, write_batch
from game.batch.runner import plan_runs, run_batch
from game.cli import main
from game.content.overrides import OverrideError, parse_set_option
from tests.conftest import WINDOW_2023


def test_runs_are_planned_per_strategy_and_swept_value_with_paired_seeds():
    specs = plan_runs(["balanced", "neglect"], 3, 7, [("rules.window.strength", [0.0, 1.0])])
    assert len(specs) == 2 * 2 * 3
    assert [s.run for s in specs] == list(range(12))
    balanced_seeds = [
        s.seed for s in specs if s.strategy == "balanced" and s.overrides == (("rules.window.strength", 0.0),)
    ]
    neglect_seeds = [
        s.seed for s in specs if s.strategy == "neglect" and s.overrides == (("rules.window.strength", 1.0),)
    ]
    assert balanced_seeds == neglect_seeds


def test_csvs_are_byte_identical_with_one_worker_or_a_process_pool(tmp_path):
    specs = plan_runs(["balanced", "random"], 3, 5)
    serial = run_batch(WINDOW_2023, specs, jobs=1)
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = run_batch(WINDOW_2023, specs, executor=pool, chunk_size=1)
    one = write_batch(serial, tmp_path / "one")
    two = write_batch(pooled, tmp_path / "two")
    for a, b in zip(one, two, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_any_executor_works_here_a_thread_pool(tmp_path):
    specs = plan_runs(["neglect"], 2, 1)
    with ThreadPoolExecutor(max_workers=2) as pool:
        result = run_batch(WINDOW_2023, specs, executor=pool, chunk_size=1)
    assert [row["run"] for row in result.runs] == [0, 1]


def test_rows_carry_what_a_spreadsheet_pivots_on(tmp_path):
    specs = plan_runs(["balanced"], 2, 3, [("rules.russia_strain.strength", [0.0])])
    result = run_batch(WINDOW_2023, specs)
    runs_csv, turns_csv = write_batch(result, tmp_path)
    runs = list(csv.DictReader(runs_csv.open()))
    turns = list(csv.DictReader(turns_csv.open()))
    for column in (
        "scenario",
        "run",
        "seed",
        "strategy",
        "rules.russia_strain.strength",
        "score",
        "outcome",
        "kazakhstan_us",
        "tajikistan_china",
    ):
        assert column in runs[0]
    for column in (
        "scenario",
        "run",
        "seed",
        "strategy",
        "turn",
        "position",
        "uzbekistan_us",
        "rules.russia_strain.strength",
    ):
        assert column in turns[0]
    assert len(turns) == 2 * 40
    assert runs[0]["rules.russia_strain.strength"] == "0.0"
    assert any("balanced" in line for line in summary_lines(result))


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("rules.windw.strength=1", "did you mean 'window'"),
        ("rules.window.strength=lots", "not a number"),
        ("rules.window.strength=7", "between 0 and 5"),
        ("rules.window", "needs PATH=VALUE"),
        ("rules.window=1", "is a group"),
    ],
)
def test_bad_set_options_say_what_is_wrong(window_2023, option, message):
    with pytest.raises(OverrideError, match=message):
        parse_set_option(window_2023, option)


def test_simulate_writes_csvs_and_prints_a_summary(tmp_path, capsys):
    code = main(["simulate", "--strategy", "balanced,neglect", "--runs", "2", "--seed", "9", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert (tmp_path / "runs.csv").exists() and (tmp_path / "turns.csv").exists()
    assert "score (95% CI)" in out and "neglect" in out
    assert "replacing" not in out
    main(["simulate", "--strategy", "neglect", "--runs", "2", "--rivals", "passive", "--out", str(tmp_path)])
    assert "replacing the last run's files" in capsys.readouterr().out  # a teacher's second run is not silent


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--strategy", "balancd"], "unknown strategy balancd"),
        (["--runs", "0"], "at least 1"),
        (["--set", "rules.nope.strength=1"], "no parameter 'nope'"),
        (["--difficulty", "brutal"], "unknown difficulty"),
    ],
)
def test_simulate_usage_errors_exit_2_with_a_message(tmp_path, capsys, arguments, message):
    code = main(["simulate", "--out", str(tmp_path), "--runs", "1", *arguments])
    assert code == 2
    assert message in capsys.readouterr().err


def test_simulate_on_a_broken_scenario_exits_1_and_names_the_place(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format_version: 1\nid: broken\nturns: many\n", encoding="utf-8")
    code = main(["simulate", "--scenario", str(broken), "--out", str(tmp_path / "o"), "--runs", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert "broken.yaml:3:8" in err


def test_the_summary_columns_line_up_under_their_headings():
    from game.batch.report import RunSummary

    summary = RunSummary()
    for strategy, score in (("balanced", 26.35), ("neglect", 15.8), ("balanced-no-corridor", 21.0)):
        summary.add({"strategy": strategy, "score": score, "outcome": "stalemate", "kazakhstan_us": 52.0})
    header, *rows, _note = summary.lines()
    victory_end = header.index("victory") + len("victory")
    assert all(row[victory_end - 2 : victory_end] == "0%" for row in rows)  # flush right under 'victory'
    assert all(row.endswith("52") for row in rows) and len({len(row) for row in rows}) == 1
