"""The debrief of a four-power game: Turkey has its own line in the alignment chart and its CSV,
drawn from the power table (its colour and dash-dot line), and the caption names it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from game.batch.campaign import play_campaign
from game.content.loader import load_scenario
from game.report.charts import power_style
from game.report.game_report import build_game_report
from tests.report.conftest import images_of

FOURTH = Path(__file__).resolve().parents[2] / "tests" / "scenarios" / "fourth-power.yaml"


@pytest.fixture(scope="module")
def four_power_game():
    return play_campaign(load_scenario(FOURTH), 7, "balanced")


@pytest.fixture(scope="module")
def report(four_power_game, tmp_path_factory):
    return build_game_report(four_power_game, tmp_path_factory.mktemp("debrief"), name="Four powers")


def test_the_alignment_csv_has_a_turkey_column_ending_at_the_final_state(report, four_power_game):
    rows = list(csv.DictReader((report.parent / "alignment.csv").open(encoding="utf-8")))
    assert list(rows[0])[-4:] == ["us", "russia", "china", "turkey"]
    last = max(int(r["turn"]) for r in rows)
    for row in (r for r in rows if int(r["turn"]) == last):
        final = four_power_game.state.countries[row["state"]].alignment["turkey"]
        assert float(row["turkey"]) == pytest.approx(final, abs=1e-3)


def test_the_alignment_caption_names_every_power_with_its_line(report):
    page = report.read_text(encoding="utf-8")
    assert "the US (solid), Russia (dashed), China (dotted) and Turkey (dash-dot)" in page
    assert "alignment.png" in images_of(report)
    assert "US share of the four powers" in page and "balance between the four powers" in page


def test_each_power_draws_its_own_line_in_the_chart(four_power_game):
    table = four_power_game.scenario.power_table
    styles = {p: power_style(table, p) for p in table.ids}
    assert styles["turkey"] == {"color": "#009E73", "linestyle": "-.", "label": "Turkey"}
    assert len({s["color"] for s in styles.values()}) == 4
    assert len({s["linestyle"] for s in styles.values()}) == 4
    assert styles["china"]["color"] == "#B59B00"  # China's yellow, darkened for white paper
