"""Only regular files of a sane size are read, for saves and scenarios alike.

A path that is a FIFO, a symlink to a device or a padded file is refused quickly with a
clear message, instead of hanging the game or reading until memory runs out.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from game.ai.doctrine import choose_rival_orders
from game.content.loader import ScenarioError, load_scenario
from game.saves import MAX_SAVE_BYTES, SaveError, load_game, save_game
from game.sim.engine import Simulation

SCENARIO_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "window-2023.yaml"
PATIENCE_SECONDS = 10.0  # only a hang reaches this; a refusal takes milliseconds


def outcome_of(call: Callable[[], object], fifo: Path | None = None) -> BaseException | object:
    """Run `call` in a thread; what it raised or returned, or fail if it is still running.

    A reader stuck on a FIFO is released afterwards by opening its write end, so a failing
    test does not leave a thread blocked for ever.
    """
    result: list[BaseException | object] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as error:  # the refusal is what the test inspects
            result.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(PATIENCE_SECONDS)
    if thread.is_alive() and fifo is not None:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert result, "the read did not finish: the file was not refused"
    return result[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero_link(tmp_path: Path) -> Path:
    if not Path("/dev/zero").exists():
        pytest.fail("this test needs /dev/zero")
    path = tmp_path / "zero.json"
    path.symlink_to("/dev/zero")
    return path


def test_a_save_path_that_is_a_fifo_is_refused_without_waiting(fifo: Path) -> None:
    error = outcome_of(lambda: load_game(fifo), fifo)
    assert isinstance(error, SaveError)
    assert "pipe (FIFO)" in error.message and str(fifo) in error.message


def test_a_save_path_linked_to_dev_zero_is_refused_as_a_device(zero_link: Path) -> None:
    error = outcome_of(lambda: load_game(zero_link))
    assert isinstance(error, SaveError)
    assert "device" in error.message


def test_a_valid_save_padded_past_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "padded.json"
    save_game(
        Simulation(
            load_scenario(SCENARIO_FILE), 7, scenario_path=str(SCENARIO_FILE), rival_chooser=choose_rival_orders
        ),
        path,
    )
    with open(path, "ab") as handle:  # trailing spaces keep the JSON valid
        handle.write(b" " * (MAX_SAVE_BYTES + 1 - path.stat().st_size))
    started = time.perf_counter()
    error = outcome_of(lambda: load_game(path))
    assert isinstance(error, SaveError)
    assert "larger than" in error.message
    assert time.perf_counter() - started < PATIENCE_SECONDS


def test_a_scenario_path_that_is_a_fifo_is_refused_without_waiting(fifo: Path) -> None:
    error = outcome_of(lambda: load_scenario(fifo), fifo)
    assert isinstance(error, ScenarioError)
    assert "pipe (FIFO)" in str(error)


def test_a_scenario_path_linked_to_dev_zero_is_refused_as_a_device(zero_link: Path) -> None:
    error = outcome_of(lambda: load_scenario(zero_link))
    assert isinstance(error, ScenarioError)
    assert "device" in str(error)


def test_an_oversize_scenario_is_refused_with_the_size_problem(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(200_000_000)  # sparse: 200 MB that cost no disk
    error = outcome_of(lambda: load_scenario(path))
    assert isinstance(error, ScenarioError)
    assert "larger than 2 MB" in str(error)
