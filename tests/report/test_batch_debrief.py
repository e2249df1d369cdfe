"""The debrief of a batch, and the `report` command's errors: a batch folder or a save, else a clear message."""

from __future__ import annotations

import argparse
import csv

import pytest

from game.batch.report import write_batch
from game.batch.runner import plan_runs, run_batch
from game.cli.classroom_commands import register_report, run_report
from tests.conftest import WINDOW_2023
from tests.report.conftest import images_of, png_size


def _report_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python main.py report")
    register_report(parser)
    return parser.parse_args(list(argv))


@pytest.fixture(scope="module")
def batch_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    specs = plan_runs(["balanced", "neglect"], 3, 5, [("rules.window.strength", [1.0, 0.0])])
    write_batch(run_batch(WINDOW_2023, specs), folder)
    return folder


@pytest.fixture(scope="module")
def batch_report(batch_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("batch-debrief")
    assert run_report(_report_args(str(batch_folder), "--out", str(out))) == 0
    return out / "report.html"


def test_a_batch_report_has_distribution_trajectory_and_win_rate_charts(batch_report):
    assert images_of(batch_report) == ["scores.png", "positions.png", "outcomes.png"]
    for image in images_of(batch_report):
        png_size(batch_report.parent / image)
        assert (batch_report.parent / image.replace(".png", ".csv")).stat().st_size > 0


def test_runs_are_grouped_by_strategy_and_swept_value(batch_report):
    groups = [r["group"] for r in csv.DictReader((batch_report.parent / "scores.csv").open(encoding="utf-8"))]
    assert groups == [
        "balanced · window.strength=1.0",
        "balanced · window.strength=0.0",
        "neglect · window.strength=1.0",
        "neglect · window.strength=0.0",
    ]
    positions = list(csv.DictReader((batch_report.parent / "positions.csv").open(encoding="utf-8")))
    assert len(positions) == 4 * 40
    assert all(float(r["ci_low"]) <= float(r["mean"]) <= float(r["ci_high"]) for r in positions)


def test_report_on_a_missing_source_is_a_usage_error(tmp_path, capsys):
    assert run_report(_report_args(str(tmp_path / "nowhere"), "--out", str(tmp_path))) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_report_on_a_folder_without_batch_csvs_is_a_usage_error(tmp_path, capsys):
    assert run_report(_report_args(str(tmp_path), "--out", str(tmp_path / "out"))) == 2
    assert "has no runs.csv" in capsys.readouterr().err


def test_report_on_a_damaged_save_exits_1_with_a_message(tmp_path, capsys):
    damaged = tmp_path / "team.json"
    damaged.write_bytes(b"\x00\x01 not a save")
    assert run_report(_report_args(str(damaged), "--out", str(tmp_path / "out"))) == 1
    err = capsys.readouterr().err
    assert "team.json" in err and "Traceback" not in err
