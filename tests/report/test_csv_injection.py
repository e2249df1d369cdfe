"""Every CSV the project writes quotes text a spreadsheet would run as a formula (OWASP's rule).

A scenario names a state `=HYPERLINK(...)` and a grade `@F`, a team is called `+team`:
those cells start with a single quote in runs.csv, turns.csv, the report's and compare's
CSVs, while numbers (negative ones included) stay numbers.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from game.batch.campaign import play_campaign
from game.batch.csvfile import neutralise, write_csv
from game.cli import main
from game.content.loader import load_scenario
from game.report.compare import build_compare_report, compare_games
from game.report.game_report import build_game_report
from tests.conftest import ROOT, WINDOW_2023

HOSTILE_STATE = '=HYPERLINK("http://x","Kazakhstan")'
FORMULA = re.compile(r"^[=+\-@\t\r]")


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def risky_cells(folder: Path) -> list[tuple[str, str]]:
    """(file, cell) for every text cell in the folder's CSVs that a spreadsheet would run."""
    found = []
    for path in sorted(folder.rglob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                found += [(path.name, c) for c in row if FORMULA.match(c) and not is_number(c)]
    return found


@pytest.fixture(scope="module")
def hostile_scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = WINDOW_2023.read_text(encoding="utf-8")
    text = text.replace("    name: Kazakhstan\n", f"    name: '{HOSTILE_STATE}'\n", 1)
    text = text.replace("{name: F, min_score", "{name: '@F', min_score", 1)
    assert HOSTILE_STATE in text and "'@F'" in text
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Kazakhstan", "Kazakhstan"),
        (-3.5, -3.5),
        (-2, -2),
        (None, None),
    ],
)
def test_neutralise_quotes_formula_text_and_leaves_numbers(value, written):
    assert neutralise(value) == written


def test_simulate_csvs_quote_a_grade_named_like_a_formula(hostile_scenario, tmp_path):
    options = ["--strategy", "neglect", "--runs", "2", "--quiet", "--out", str(tmp_path)]
    code = main(["simulate", "--scenario", str(hostile_scenario), *options])
    assert code == 0
    runs = list(csv.DictReader((tmp_path / "runs.csv").open(encoding="utf-8")))
    assert {r["grade"] for r in runs} == {"'@F"}
    assert float(runs[0]["score"]) < 22  # a number is still a number
    assert risky_cells(tmp_path) == []


def test_report_csvs_quote_a_state_named_like_a_formula(hostile_scenario, tmp_path):
    sim = play_campaign(load_scenario(hostile_scenario), 3, "balanced")
    build_game_report(sim, tmp_path, name="hostile")
    written = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.csv"))
    assert "'" + HOSTILE_STATE.replace('"', '""') in written
    assert {"budget.csv", "timeline.csv"} <= {p.name for p in tmp_path.glob("*.csv")}
    assert risky_cells(tmp_path) == []


def test_compare_csvs_quote_team_names_like_formulas(hostile_scenario, tmp_path):
    scenario = load_scenario(hostile_scenario)
    sims = [play_campaign(scenario, 3, strategy) for strategy in ("balanced", "neglect")]
    build_compare_report(compare_games(sims, ["+team", "-team"]), tmp_path)
    header = next(csv.reader((tmp_path / "compare_decisions.csv").open(encoding="utf-8")))
    assert "'+team" in header and "'-team" in header
    assert risky_cells(tmp_path) == []


def test_thesis_rows_go_through_the_shared_writer(tmp_path):
    write_csv(tmp_path / "thesis.csv", [{"check": "=evil", "estimate": -1.25}])
    assert (tmp_path / "thesis.csv").read_text(encoding="utf-8") == "check,estimate\n'=evil,-1.25\n"


def test_no_module_writes_csv_except_the_shared_writer():
    writers = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "game").rglob("*.py")
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    ]
    assert writers == ["game/batch/csvfile.py"]
