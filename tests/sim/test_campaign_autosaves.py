"""Autosaves per campaign: each game its own rotation, safe with two processes, Continue picks the latest game.

Also the two calls the load list needs: every save with date, scenario, turn and score, and
a delete that touches nothing but a save of the folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.saves import AUTOSAVE_COUNT, SaveError, SaveSlots, backup_path, load_game, read_save
from game.sim.engine import Simulation
from tests.sim.save_helpers import SCENARIO_FILE

ROOT = Path(__file__).resolve().parents[2]


def new_game(scenario, seed: int) -> Simulation:
    return Simulation(scenario, seed, scenario_path=str(SCENARIO_FILE), rival_chooser=choose_rival_orders)


def turns_of(paths: list[Path]) -> list[int]:
    return [read_save(p)["summary"]["turn"] for p in paths]


def seeds_of(paths: list[Path]) -> set[int]:
    return {read_save(p)["seed"] for p in paths}


def test_two_campaigns_played_in_turn_keep_their_own_rotations(window_2023, tmp_path):
    slots = SaveSlots(tmp_path)
    first, second = new_game(window_2023, 101), new_game(window_2023, 201)
    for _ in range(9):
        slots.autosave(first)
        play_turn(first, STRATEGIES["balanced"])
    for _ in range(7):  # an autoplay of another game must not wipe the first one's autosaves
        slots.autosave(second)
        play_turn(second, STRATEGIES["neglect"])

    mine, theirs = slots.campaign_autosaves(first), slots.campaign_autosaves(second)
    assert len(mine) == len(theirs) == AUTOSAVE_COUNT
    assert seeds_of(mine) == {101} and seeds_of(theirs) == {201}
    assert turns_of(mine) == [5, 6, 7, 8, 9] and turns_of(theirs) == [3, 4, 5, 6, 7]


def test_autosaves_are_named_by_scenario_seed_and_start_time(window_2023, tmp_path):
    sim = new_game(window_2023, 7)
    path = SaveSlots(tmp_path).autosave(sim)
    stamp = sim.started.replace("-", "").replace(":", "").replace("T", "-")[:15]
    assert path.name.startswith(f"autosave-window-2023-seed7-{stamp}-")


def test_continue_resumes_the_game_played_last(window_2023, tmp_path):
    slots = SaveSlots(tmp_path)
    first, second = new_game(window_2023, 101), new_game(window_2023, 201)
    slots.autosave(first)
    slots.autosave(second)
    assert read_save(slots.latest_autosave())["seed"] == 201
    play_turn(first, STRATEGIES["balanced"])
    slots.autosave(first)
    assert read_save(slots.latest_autosave())["seed"] == 101


def test_a_loaded_game_goes_on_in_its_own_rotation(window_2023, tmp_path):
    slots = SaveSlots(tmp_path)
    sim = new_game(window_2023, 7)
    slots.autosave(sim)
    loaded = load_game(slots.latest_autosave())
    play_turn(loaded, STRATEGIES["balanced"])
    slots.autosave(loaded)
    assert loaded.started == sim.started
    assert turns_of(slots.campaign_autosaves(sim)) == [1, 2]


HAMMER = textwrap.dedent(
    """
    import sys
    from game.ai.doctrine import choose_rival_orders
    from game.ai.strategies import STRATEGIES
    from game.batch.campaign import play_turn
    from game.content.loader import load_scenario
    from game.sim.engine import Simulation
    from game.saves import SaveError, SaveSlots, read_save

    folder, seed, rounds, scenario_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    sim = Simulation(load_scenario(scenario_file), seed, scenario_path=scenario_file, rival_chooser=choose_rival_orders)
    slots = SaveSlots(folder)
    for _ in range(rounds):
        try:
            path = slots.autosave(sim)
            assert read_save(path)["summary"]["turn"] == sim.turn, "the autosave just written is gone or wrong"
        except SaveError as error:
            print(f"SaveError: {error}")
            sys.exit(3)
        play_turn(sim, STRATEGIES["balanced"])
    """
)


def test_two_processes_autosaving_at_once_lose_nothing(window_2023, tmp_path):
    rounds = 25
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", HAMMER, str(tmp_path), str(seed), str(rounds), str(SCENARIO_FILE)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        for seed in (101, 201)
    ]
    outputs = [w.communicate(timeout=600)[0] for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    slots = SaveSlots(tmp_path)
    by_seed: dict[int, list[int]] = {}
    for info in slots.list():
        assert info.error is None
        by_seed.setdefault(read_save(info.path)["seed"], []).append(info.turn)
    assert {seed: sorted(turns) for seed, turns in by_seed.items()} == {
        101: list(range(rounds - 4, rounds + 1)),
        201: list(range(rounds - 4, rounds + 1)),
    }
    assert not list(tmp_path.glob("*.tmp"))


def test_the_load_list_shows_date_scenario_turn_and_score(window_2023, tmp_path):
    slots = SaveSlots(tmp_path)
    sim = new_game(window_2023, 7)
    play_turn(sim, STRATEGIES["balanced"])
    slots.save(sim, "Before the summit")
    (info,) = slots.list()
    assert info.name == "Before the summit" and not info.autosave
    assert info.saved_at.startswith("20") and info.modified > 0
    assert info.scenario_title == window_2023.about.title
    assert (info.turn, info.score) == (2, pytest.approx(sim.score()))
    assert info.campaign.startswith("window-2023-seed7-")


def test_deleting_a_listed_save_removes_it_and_its_backup(window_2023, tmp_path):
    slots = SaveSlots(tmp_path)
    sim = new_game(window_2023, 7)
    path = slots.save(sim, "mine")
    slots.save(sim, "mine")  # the first becomes mine.json.bak
    assert backup_path(path).exists()
    slots.delete_path(slots.list()[0].path)
    assert slots.list() == [] and not backup_path(path).exists()


def test_delete_touches_nothing_outside_the_save_folder(window_2023, tmp_path):
    saves, elsewhere = tmp_path / "saves", tmp_path / "elsewhere"
    elsewhere.mkdir()
    precious = elsewhere / "precious.json"
    precious.write_text("{}")
    slots = SaveSlots(saves)
    slots.save(new_game(window_2023, 7), "mine")
    (saves / "link.json").symlink_to(precious)
    for target in (precious, saves / "link.json", saves / ".." / "elsewhere" / "precious.json", saves):
        with pytest.raises(SaveError, match="cannot delete"):
            slots.delete_path(target)
    assert precious.read_text() == "{}" and (saves / "mine.json").exists()
