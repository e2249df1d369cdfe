"""The debrief's title names the save a class knows, not an autosave's 70-character file name."""

from __future__ import annotations

import html

from game.ai.doctrine import choose_rival_orders
from game.ai.strategies import STRATEGIES
from game.batch.campaign import play_turn
from game.cli import main
from game.saves import SaveSlots, save_label
from game.sim.engine import Simulation
from tests.sim.save_helpers import SCENARIO_FILE


def test_an_autosave_is_named_by_when_its_game_started():
    stem = "autosave-window-2023-seed7-20261130-102240-01764498160123456789-4242"
    assert save_label(stem, "2026-11-30T10:22:40+00:00") == "autosave of the game started 2026-11-30 10:22"


def test_a_named_save_keeps_its_name_and_an_undated_autosave_is_just_an_autosave():
    assert save_label("Team A week 3", "2026-11-30T10:22:40+00:00") == "Team A week 3"
    assert save_label("autosave-window-2023-seed7-undated-1-2", None) == "autosave"


def test_report_on_an_autosave_titles_the_page_without_the_file_stamp(window_2023, tmp_path, capsys):
    sim = Simulation(window_2023, 7, scenario_path=str(SCENARIO_FILE), rival_chooser=choose_rival_orders)
    play_turn(sim, STRATEGIES["balanced"])
    path = SaveSlots(tmp_path / "saves").autosave(sim)

    assert main(["report", str(path), "--out", str(tmp_path / "debrief")]) == 0

    page = html.unescape((tmp_path / "debrief" / "report.html").read_text(encoding="utf-8"))
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "autosave of the game started" in title
    assert path.stem not in page
