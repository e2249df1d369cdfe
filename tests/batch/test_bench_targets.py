"""`bench` prints each speed figure of issue 12 with its target beside it; `experiment` uses every core by default."""

from __future__ import annotations

import argparse

import pytest

from game.cli import batch_commands, classroom_commands


def _bench(*argv: str) -> None:
    parser = argparse.ArgumentParser(prog="python main.py bench")
    batch_commands.register_bench(parser)
    assert batch_commands.run_bench(parser.parse_args(list(argv))) == 0


def test_bench_prints_the_campaign_batch_and_thesis_figures_with_their_targets(capsys):
    _bench("--campaigns", "1", "--batch", "2", "--jobs", "1", "--no-ui")
    out = capsys.readouterr().out
    assert "balanced vs both AIs: median" in out
    assert "(target ≤ 8 ms:" in out
    assert "goal 5 ms" in out
    assert "target 1,000 in ≤ 6 s with --jobs 2:" in out
    assert "experiment thesis at its defaults:" in out
    assert "target ≤ 30 s:" in out


class _Stop(Exception):
    pass


def test_experiment_uses_one_worker_per_core_unless_told(monkeypatch):
    seen: list[int] = []

    class FakeArms:
        def __init__(self, path, runs, seed, jobs=1):
            seen.append(jobs)
            raise _Stop

    monkeypatch.setattr("game.batch.thesis.Arms", FakeArms)
    monkeypatch.setattr(classroom_commands.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(classroom_commands, "capped_jobs", lambda jobs: jobs)
    parser = argparse.ArgumentParser(prog="python main.py experiment")
    classroom_commands.register_experiment(parser)
    for argv, jobs in ((["thesis"], 2), (["thesis", "--jobs", "1"], 1)):
        with pytest.raises(_Stop):
            classroom_commands.run_experiment(parser.parse_args(argv))
        assert seen.pop() == jobs
