"""Saves state their integrity honestly: a replay says "verified" or where an edit begins.

The checksum is unkeyed, so a forger recomputes it; only replaying the recorded input from
the start tells an honest save from an edited one. `report` and `compare` say which is which.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from game.ai.doctrine import choose_rival_orders
from game.cli import main
from game.saves import VERIFIED, read_save, save_game, verify_save
from game.sim.engine import Simulation
from tests.sim.save_helpers import SCENARIO_FILE, forge, played_save


@pytest.fixture
def honest(window_2023, tmp_path: Path) -> Path:
    return played_save(window_2023, tmp_path / "honest.json")


@pytest.fixture
def edited(window_2023, tmp_path: Path) -> Path:
    """Budget 999 and alignment 99 in turn 5 (in progress): the faked duplicate-play result of the issue."""
    path = played_save(window_2023, tmp_path / "edited.json", strategy="neglect")

    def boost(payload):
        payload["state"]["powers"]["us"]["budget"]["trade"] = 999.0
        payload["state"]["countries"]["kazakhstan"]["alignment"]["us"] = 99.0

    forge(path, boost)
    return path


def test_an_honest_save_is_verified(honest):
    verdict = verify_save(honest)
    assert verdict.verified
    assert verdict.text == VERIFIED == "verified: replays bit for bit"


def test_a_payload_already_read_can_be_verified(honest):
    assert verify_save(read_save(honest)).verified


def test_an_edited_save_with_a_recomputed_checksum_does_not_verify(edited):
    verdict = verify_save(edited)
    assert not verdict.verified
    assert verdict.text == "does not replay from turn 5: edited, or made by another version"
    assert verdict.first_turn == 5


def test_an_edit_in_the_middle_is_placed_at_its_turn(window_2023, tmp_path):
    path = played_save(window_2023, tmp_path / "game.json", turns=5)
    forge(path, lambda payload: payload["turn_hashes"].__setitem__(1, "0" * 64))
    assert verify_save(path).text.startswith("does not replay from turn 2:")


def test_a_save_that_cannot_be_loaded_gets_a_verdict_not_an_exception(tmp_path):
    verdict = verify_save(tmp_path / "missing.json")
    assert not verdict.verified
    assert verdict.text.startswith("cannot be verified:") and "no such file" in verdict.text


def test_report_prints_the_verdict(honest, edited, tmp_path, capsys):
    assert main(["report", str(honest), "--out", str(tmp_path / "a")]) == 0
    assert f"{honest}: verified: replays bit for bit" in capsys.readouterr().out
    assert main(["report", str(edited), "--out", str(tmp_path / "b")]) == 0
    assert f"{edited}: does not replay from turn 5" in capsys.readouterr().out


def test_compare_marks_unverified_teams_in_text_html_and_csv(honest, edited, tmp_path, capsys):
    out = tmp_path / "compare"
    code = main(["compare", str(honest), str(edited), "--names", "Team A,Team B", "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert f"{honest}: verified: replays bit for bit" in printed
    assert "Team B: does not replay from turn 5: edited, or made by another version" in printed
    header = next(csv.reader((out / "compare_decisions.csv").open(encoding="utf-8")))
    assert "Team B (unverified)" in header and "Team A" in header
    page = (out / "compare.html").read_text(encoding="utf-8")
    assert "Team B (unverified)" in page and "Team A (unverified)" not in page


def test_report_says_when_the_scenario_changed_since_the_save(window_2023, tmp_path, capsys):
    scenario_copy = tmp_path / "scenario.yaml"
    scenario_copy.write_text(SCENARIO_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    sim = Simulation(
        window_2023, 7, humans=("us",), scenario_path=str(scenario_copy), rival_chooser=choose_rival_orders
    )
    save_game(sim, tmp_path / "game.json")
    scenario_copy.write_text(scenario_copy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert main(["report", str(tmp_path / "game.json"), "--out", str(tmp_path / "out")]) == 0
    assert "warning: The scenario file" in capsys.readouterr().err
