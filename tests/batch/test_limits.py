"""Command-line limits: huge batches need --yes, --jobs is capped, --set keeps to ranges, --out is checked first.

And a batch streams its rows to disk, so memory does not grow with --runs.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from game.batch.report import BatchFiles
from game.batch.runner import iter_runs, run_batch
from game.cli import batch_commands, main
from tests.conftest import WINDOW_2023


def refuse_to_play(*_args, **_kwargs):
    raise AssertionError("a campaign was started before the limits were checked")


@pytest.fixture
def no_campaigns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_commands, "run_batch", refuse_to_play)


def test_a_batch_above_the_limit_prints_an_estimate_and_needs_yes(tmp_path, capsys, no_campaigns):
    code = main(["simulate", "--runs", "10000000", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "10,000,000 campaigns" in err and "hours" in err
    assert "need --yes" in err


def test_yes_lets_a_large_batch_run(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(batch_commands, "LARGE_BATCH", 1)
    code = main(["simulate", "--runs", "2", "--yes", "--quiet", "--out", str(tmp_path)])
    assert code == 0
    assert "2 campaigns" in capsys.readouterr().err
    assert len(list(csv.DictReader((tmp_path / "runs.csv").open()))) == 2


def test_jobs_above_the_cpu_count_are_capped_with_a_warning(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    code = main(["simulate", "--runs", "1", "--jobs", "1000", "--quiet", "--out", str(tmp_path)])
    assert code == 0
    assert "--jobs 1000 is more than the 1 CPU cores here; using 1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "'turns' must be between 1 and 400; got 0"),
        ("-1", "'turns' must be between 1 and 400; got -1"),
        ("1000000000", "'turns' must be between 1 and 400"),
        ("1e9", "'turns': '1e9' is not a whole number"),
    ],
)
def test_turns_outside_their_documented_range_are_refused(tmp_path, capsys, no_campaigns, value, message):
    code = main(["simulate", "--runs", "1", "--set", f"turns={value}", "--out", str(tmp_path)])
    assert code == 2
    assert message in capsys.readouterr().err


def test_other_set_values_keep_to_the_validators_ranges(tmp_path, capsys, no_campaigns):
    code = main(["simulate", "--runs", "1", "--set", "start.quarter=5", "--out", str(tmp_path)])
    assert code == 2
    assert "'start.quarter' must be between 1 and 4; got 5" in capsys.readouterr().err


def test_an_out_folder_that_refuses_files_is_reported_before_any_campaign(capsys, no_campaigns):
    code = main(["simulate", "--runs", "1", "--out", "/proc"])
    assert code == 2
    assert "cannot write to /proc" in capsys.readouterr().err


def test_batch_rows_reach_the_disk_while_the_batch_is_still_running(tmp_path: Path):
    consumed = itertools.count()
    seen_when_first_rows_arrived: list[int] = []
    sizes: list[int] = []

    def counted_specs():
        for spec in iter_runs(["balanced"], 6, 3):
            next(consumed)
            yield spec

    with BatchFiles(tmp_path) as files:

        def sink(run_row, turn_rows):
            if not seen_when_first_rows_arrived:
                seen_when_first_rows_arrived.append(next(consumed))
            files(run_row, turn_rows)
            sizes.append((tmp_path / "turns.csv").stat().st_size)

        result = run_batch(WINDOW_2023, counted_specs(), chunk_size=2, on_rows=sink)

    assert result.runs == [] and result.turns == []  # nothing kept in memory
    assert seen_when_first_rows_arrived[0] <= 3  # the specs are planned lazily, a chunk at a time
    assert 0 < sizes[0] < sizes[1] < sizes[-1]  # turns.csv grew on disk run by run
    assert len(list(csv.DictReader((tmp_path / "turns.csv").open()))) == 6 * 40


def test_streamed_csvs_are_byte_identical_whatever_the_jobs(tmp_path, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    for jobs in ("1", "2"):
        options = ["--strategy", "balanced,neglect", "--runs", "3", "--jobs", jobs, "--quiet"]
        assert main(["simulate", *options, "--out", str(tmp_path / jobs)]) == 0
    for name in ("runs.csv", "turns.csv"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()
