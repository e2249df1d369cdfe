"""Saves: versioned, checksummed JSON that reloads bit for bit, written atomically, read safely."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.content.loader import load_scenario
from game.content.scenario import Scenario
from game.saves import (
    SaveError,
    SaveSlots,
    backup_path,
    default_save_folder,
    load_game,
    read_save,
    save_game,
    slot_name,
)
from game.sim.engine import Simulation
from game.sim.orders import IllegalOrder
from game.sim.state import state_hash

SCENARIO_FILE = Path(__file__).resolve().parents[2] / "scenarios" / "window-2023.yaml"
BALANCED = STRATEGIES["balanced"]
SHORT_CAMPAIGN = 6  # turns: long enough for events, decisions and delayed actions to matter


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_scenario(SCENARIO_FILE)


def new_game(scenario: Scenario, seed: int = 7, scenario_file: Path = SCENARIO_FILE) -> Simulation:
    return Simulation(scenario, seed, scenario_path=str(scenario_file), rival_chooser=choose_rival_orders)


def played(scenario: Scenario, turns: int, seed: int = 7) -> Simulation:
    """A game after `turns` turns of the balanced strategy."""
    sim = new_game(scenario, seed)
    play_until(sim, turns)
    return sim


def play_until(sim: Simulation, turns: int) -> Simulation:
    while len(sim.reports) < turns and not sim.state.finished:
        play_turn(sim, BALANCED)
    return sim


def mid_turn_game(scenario: Scenario) -> Simulation:
    """A game stopped mid-turn: one event answered, one still pending, an order queued."""
    sim = new_game(scenario, seed=1)
    while len(sim.pending) < 2:
        play_turn(sim, BALANCED)
        assert not sim.state.finished, "the scenario should raise two events at once early on"
    first = sim.pending[0]
    sim.decide(first.key, sim.scenario.event(first.event).choices[0].id)
    sim.queue(sim.legal_orders()[0])
    return sim


def canonical_checksum(payload: dict) -> str:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def rewrite(path: Path, edit) -> None:
    """Edit a save's document and fix its checksum, as a careful forger (or a new version) would."""
    document = json.loads(path.read_text())
    edit(document)
    document["checksum"] = canonical_checksum(document["payload"])
    path.write_text(json.dumps(document))


def assert_same_game(loaded: Simulation, original: Simulation) -> None:
    assert state_hash(loaded.state) == state_hash(original.state)
    assert loaded.ledger == original.ledger
    assert loaded.pending == original.pending
    assert loaded.queued == original.queued
    assert loaded.history == original.history
    assert loaded.reports == original.reports
    assert loaded.initial == original.initial
    assert (loaded.seed, loaded.difficulty_id, loaded.humans) == (
        original.seed,
        original.difficulty_id,
        original.humans,
    )


# --- the file format ------------------------------------------------------------------------


def test_a_save_is_versioned_json_with_a_checksum_of_its_canonical_payload(scenario, tmp_path):
    sim = played(scenario, 3)
    save_game(sim, tmp_path / "game.json", name="Before the summit")

    document = json.loads((tmp_path / "game.json").read_text())

    assert list(document) == ["format", "version", "checksum", "payload"]
    assert (document["format"], document["version"]) == ("crossroads-save", 1)
    assert document["checksum"] == canonical_checksum(document["payload"])
    payload = document["payload"]
    assert payload["name"] == "Before the summit"
    assert payload["created"].endswith("+00:00")
    assert payload["scenario"]["path"] == str(SCENARIO_FILE)
    assert payload["scenario"]["sha256"] == hashlib.sha256(SCENARIO_FILE.read_bytes()).hexdigest()
    assert payload["scenario"]["id"] == "window-2023"
    assert (payload["seed"], payload["difficulty"], payload["humans"]) == (7, "normal", ["us"])
    assert payload["summary"]["turn"] == 4


def test_reports_refer_to_their_changes_in_the_ledger_instead_of_repeating_them(scenario, tmp_path):
    sim = played(scenario, 3)
    save_game(sim, tmp_path / "game.json")

    reports = read_save(tmp_path / "game.json")["reports"]

    for stored, report in zip(reports, sim.reports, strict=True):
        start, stop = stored["changes"]
        assert tuple(sim.ledger[start:stop]) == report.changes


def test_loading_restores_a_game_stopped_mid_turn_exactly(scenario, tmp_path):
    sim = mid_turn_game(scenario)
    save_game(sim, tmp_path / "game.json")

    loaded = load_game(tmp_path / "game.json", rival_chooser=choose_rival_orders)

    assert_same_game(loaded, sim)
    assert loaded.pending and loaded.queued and loaded.history[-1].decisions
    assert loaded.scenario_path == str(SCENARIO_FILE)
    assert loaded.load_warnings == []


def test_a_finished_campaign_reloads_finished(scenario, tmp_path):
    sim = played(scenario, 40)
    save_game(sim, tmp_path / "done.json")

    loaded = load_game(tmp_path / "done.json", rival_chooser=choose_rival_orders)

    assert_same_game(loaded, sim)
    assert loaded.state.finished and loaded.state.outcome == sim.state.outcome
    with pytest.raises(IllegalOrder):
        loaded.end_turn()


# --- save, load, continue == never saved -----------------------------------------------------


def continue_after_save(scenario: Scenario, seed: int, save_turn: int, folder: Path) -> Simulation:
    sim = played(scenario, save_turn, seed)
    save_game(sim, folder / "game.json")
    return play_until(load_game(folder / "game.json", rival_chooser=choose_rival_orders), SHORT_CAMPAIGN)


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 2**31), save_turn=st.integers(0, SHORT_CAMPAIGN))
def test_saving_loading_and_continuing_changes_nothing(scenario, seed, save_turn):
    never_saved = played(scenario, SHORT_CAMPAIGN, seed)
    with tempfile.TemporaryDirectory() as folder:
        resumed = continue_after_save(scenario, seed, save_turn, Path(folder))
    assert state_hash(resumed.state) == state_hash(never_saved.state)
    assert resumed.ledger == never_saved.ledger
    assert resumed.reports == never_saved.reports


def test_saving_mid_turn_then_ending_the_turn_changes_nothing(scenario, tmp_path):
    sim = mid_turn_game(scenario)
    save_game(sim, tmp_path / "game.json")
    loaded = load_game(tmp_path / "game.json", rival_chooser=choose_rival_orders)

    for game in (sim, loaded):
        game.end_turn()
        play_until(game, len(game.reports) + 3)

    assert state_hash(loaded.state) == state_hash(sim.state)
    assert loaded.ledger == sim.ledger


def test_a_full_campaign_saved_and_reloaded_every_ten_turns_ends_identically(scenario, tmp_path):
    never_saved = played(scenario, 40, seed=2023)
    sim = new_game(scenario, seed=2023)
    for turns in (10, 20, 30, 39):
        play_until(sim, turns)
        save_game(sim, tmp_path / "game.json")
        sim = load_game(tmp_path / "game.json", rival_chooser=choose_rival_orders)
    play_until(sim, 40)

    assert sim.state.finished
    assert state_hash(sim.state) == state_hash(never_saved.state)
    assert sim.ledger == never_saved.ledger


# --- atomic writes -----------------------------------------------------------------------------


def test_saving_over_a_save_keeps_the_previous_one_as_bak(scenario, tmp_path):
    path = tmp_path / "game.json"
    sim = played(scenario, 1)
    save_game(sim, path)
    first = path.read_bytes()
    play_until(sim, 2)

    save_game(sim, path)

    assert backup_path(path) == tmp_path / "game.json.bak"
    assert backup_path(path).read_bytes() == first
    assert load_game(backup_path(path), rival_chooser=choose_rival_orders).turn == 2
    assert load_game(path, rival_chooser=choose_rival_orders).turn == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json", "game.json.bak"]


def test_saving_creates_missing_folders(scenario, tmp_path):
    save_game(played(scenario, 0), tmp_path / "a" / "b" / "game.json")
    assert load_game(tmp_path / "a" / "b" / "game.json", rival_chooser=choose_rival_orders).turn == 1


def test_saving_where_a_file_cannot_go_is_a_save_error(scenario, tmp_path):
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(SaveError, match=r"cannot save .*blocker"):
        save_game(played(scenario, 0), tmp_path / "blocker" / "game.json")
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(SaveError, match="it is a folder"):
        save_game(played(scenario, 0), tmp_path / "folder.json")


def test_opening_a_save_folder_sweeps_temp_files_left_by_a_crash(tmp_path):
    stale = tmp_path / ".game.json.x1y2.tmp"
    stale.write_text("half a save")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    in_progress = tmp_path / ".other.json.z3.tmp"
    in_progress.write_text("being written right now")
    keep = tmp_path / "notes.txt"
    keep.write_text("not ours")

    SaveSlots(tmp_path)

    assert not stale.exists()
    assert in_progress.exists() and keep.exists()


# --- damaged files -------------------------------------------------------------------------------


def flip_a_digit(data: bytes) -> bytes:
    start = data.index(b'"political_capital":')
    at = min(data.index(b",", start), data.index(b"}", start)) - 1  # the number's last digit
    flipped = bytes([data[at] ^ 0x01])  # '0' <-> '1', still a digit, so still valid JSON
    assert flipped.isdigit()
    return data[:at] + flipped + data[at + 1 :]


def edit_a_value(path: Path) -> None:
    document = json.loads(path.read_text())
    document["payload"]["state"]["washington"]["political_capital"] += 50
    path.write_text(json.dumps(document))


DAMAGE = {
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "not valid JSON"),
    "flipped byte": (lambda p: p.write_bytes(flip_a_digit(p.read_bytes())), "do not match its checksum"),
    "edited value": (edit_a_value, "do not match its checksum"),
    "other JSON": (lambda p: p.write_text('{"players": 3}'), "not a Crossroads save"),
    "JSON list": (lambda p: p.write_text("[1, 2, 3]"), "not a Crossroads save"),
    "future version": (
        lambda p: rewrite(p, lambda d: d.update(version=2)),
        "saved by a newer version of Crossroads",
    ),
    "missing scenario": (
        lambda p: rewrite(p, lambda d: d["payload"]["scenario"].update(path="gone.yaml", abspath=None)),
        "its scenario file gone.yaml is missing",
    ),
    "empty": (lambda p: p.write_bytes(b""), "the file is empty"),
    "binary junk": (lambda p: p.write_bytes(bytes(range(256)) * 4), "not text"),
    "malformed inside": (
        lambda p: rewrite(p, lambda d: d["payload"].pop("ledger")),
        "incomplete or malformed",
    ),
    "other scenario": (
        lambda p: rewrite(p, lambda d: d["payload"]["scenario"].update(id="elsewhere")),
        "played in scenario 'elsewhere'",
    ),
}


@pytest.fixture(scope="module")
def good_save(scenario, tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "game.json"
    save_game(played(scenario, 2), path)
    return path.read_bytes()


@pytest.mark.parametrize("damage", DAMAGE.keys())
def test_a_damaged_save_is_refused_in_plain_words_and_left_untouched(damage, good_save, tmp_path):
    path = tmp_path / "game.json"
    path.write_bytes(good_save)
    harm, message = DAMAGE[damage]
    harm(path)
    before = path.read_bytes()

    with pytest.raises(SaveError) as raised:
        load_game(path, rival_chooser=choose_rival_orders)

    assert message in str(raised.value)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json"]


def test_a_missing_file_or_a_folder_is_refused_in_plain_words(tmp_path):
    with pytest.raises(SaveError, match="there is no such file"):
        load_game(tmp_path / "nothing.json", rival_chooser=choose_rival_orders)
    assert not (tmp_path / "nothing.json").exists()
    with pytest.raises(SaveError, match="it is a folder, not a save file"):
        load_game(tmp_path, rival_chooser=choose_rival_orders)
    assert list(tmp_path.iterdir()) == []


def test_a_changed_scenario_still_loads_with_a_warning(scenario, tmp_path):
    copy = tmp_path / "window.yaml"
    shutil.copy(SCENARIO_FILE, copy)
    sim = new_game(scenario, scenario_file=copy)
    play_until(sim, 2)
    save_game(sim, tmp_path / "game.json")
    with copy.open("a") as file:
        file.write("# a teacher's note added after the save\n")

    loaded = load_game(tmp_path / "game.json", rival_chooser=choose_rival_orders)

    assert state_hash(loaded.state) == state_hash(sim.state)
    assert len(loaded.load_warnings) == 1
    assert "has changed since this game was saved" in loaded.load_warnings[0]


def test_a_moved_scenario_can_be_named_when_loading(scenario, tmp_path):
    copy = tmp_path / "window.yaml"
    shutil.copy(SCENARIO_FILE, copy)
    sim = new_game(scenario, scenario_file=copy)
    save_game(sim, tmp_path / "game.json")
    moved = copy.rename(tmp_path / "moved.yaml")

    with pytest.raises(SaveError, match=r"window\.yaml is missing"):
        load_game(tmp_path / "game.json", rival_chooser=choose_rival_orders)
    loaded = load_game(tmp_path / "game.json", scenario_path=moved, rival_chooser=choose_rival_orders)

    assert loaded.scenario_path == str(moved)
    assert loaded.load_warnings == []


# --- slots and autosaves -------------------------------------------------------------------------


def test_slots_are_listed_newest_first_with_what_the_load_screen_shows(scenario, tmp_path):
    slots = SaveSlots(tmp_path)
    early, late = played(scenario, 1), played(scenario, 3)
    slots.save(early, "early")
    slots.save(late, "late")
    os.utime(slots.path("early"), (2_000_000_000, 2_000_000_000))
    (tmp_path / "broken.json").write_text("{")

    listed = slots.list()

    assert [s.name for s in listed] == ["early", "broken", "late"]
    first = listed[0]
    assert (first.turn, first.date_label, first.score) == (2, early.date_label(), early.score())
    assert first.scenario_title == scenario.about.title
    assert first.path == tmp_path / "early.json" and first.modified == 2_000_000_000
    assert first.error is None
    assert "not valid JSON" in listed[1].error


def test_slots_save_load_and_delete(scenario, tmp_path):
    slots = SaveSlots(tmp_path / "saves")
    sim = played(scenario, 2)
    slots.save(sim, "Spring offensive")
    slots.save(sim, "Spring offensive")

    assert_same_game(slots.load("Spring offensive", rival_chooser=choose_rival_orders), sim)
    slots.delete("Spring offensive")
    assert list((tmp_path / "saves").iterdir()) == []
    with pytest.raises(SaveError, match="no such save"):
        slots.delete("Spring offensive")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("C:\\saves\\x", "C_saves_x"),
        (".hidden", "hidden"),
        ("  my   game  ", "my game"),
        ("Қазақстан 2030", "Қазақстан 2030"),
        ("nul", "nul_"),
    ],
)
def test_slot_names_cannot_leave_the_save_folder(name, stem, tmp_path):
    assert slot_name(name) == stem
    assert SaveSlots(tmp_path).path(name).parent == tmp_path


@pytest.mark.parametrize("name", ["", "../..", "///", "autosave-1"])
def test_unusable_slot_names_are_refused(name, scenario, tmp_path):
    with pytest.raises(SaveError, match="as a save name"):
        SaveSlots(tmp_path).save(played(scenario, 0), name)
    assert not tmp_path.joinpath("autosave-1.json").exists()


def test_autosaves_rotate_keeping_the_last_five(scenario, tmp_path):
    slots = SaveSlots(tmp_path)
    sim = new_game(scenario)
    for turns in range(7):
        play_until(sim, turns)
        slots.autosave(sim)

    kept = slots.campaign_autosaves(sim)

    assert [read_save(p)["summary"]["turn"] for p in kept] == [3, 4, 5, 6, 7]
    assert sorted(tmp_path.glob("*.json")) == sorted(kept)
    assert slots.latest_autosave() == kept[-1]
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob("*.bak"))


def test_the_latest_autosave_falls_back_to_an_older_one_when_the_newest_is_damaged(scenario, tmp_path):
    slots = SaveSlots(tmp_path)
    assert slots.latest_autosave() is None
    sim = new_game(scenario)
    for turns in range(3):
        play_until(sim, turns)
        slots.autosave(sim)
    older, newest = slots.campaign_autosaves(sim)[-2:]
    newest.write_bytes(newest.read_bytes()[:100])

    assert slots.latest_autosave() == older
    assert load_game(slots.latest_autosave()).turn == 2
    for path in tmp_path.glob("autosave-*.json"):
        path.write_bytes(b"")
    assert slots.latest_autosave() is None


def test_the_default_folder_follows_crossroads_home_and_is_made_by_the_first_save(scenario, tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSROADS_HOME", str(tmp_path / "home"))
    slots = SaveSlots()

    assert slots.folder == default_save_folder() == tmp_path / "home" / "saves"
    assert not slots.folder.exists() and slots.list() == []
    slots.save(played(scenario, 0), "first")
    assert (tmp_path / "home" / "saves" / "first.json").is_file()

    monkeypatch.delenv("CROSSROADS_HOME")
    assert default_save_folder() == Path.home() / ".crossroads" / "saves"
