"""The debrief of one game: a self-contained page whose every chart is a real PNG with its CSV beside it."""

from __future__ import annotations

import csv

import pytest

from game.report.game_report import build_game_report
from tests.report.conftest import images_of, png_size

CHARTS = ("score", "alignment", "budget", "timeline", "causes", "claims")


@pytest.fixture(scope="module")
def report(balanced_game, tmp_path_factory):
    answers = balanced_game.state.reflections
    answers.append(
        {
            "turn": 4,
            "id": "q",
            "prompt": "Why did Kazakhstan move first?",
            "answer": "We invested <early> & kept at it.",
        }
    )
    try:
        return build_game_report(balanced_game, tmp_path_factory.mktemp("debrief"), name="Team A")
    finally:
        answers.clear()


def test_the_page_shows_every_chart_and_each_is_a_valid_png(report):
    images = images_of(report)
    assert images == [f"{chart}.png" for chart in CHARTS]
    for image in images:
        width, height = png_size(report.parent / image)
        assert width > 400 and height > 150


def test_every_chart_has_its_csv_beside_it_with_a_header_and_rows(report):
    for chart in CHARTS:
        rows = list(csv.DictReader((report.parent / f"{chart}.csv").open(encoding="utf-8")))
        assert rows, f"{chart}.csv is empty"
        assert f'href="{chart}.csv"' in report.read_text(encoding="utf-8")


def test_the_page_is_self_contained_and_prints_well(report):
    page = report.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "@media print" in page and "<style>" in page


def test_alignment_is_rebuilt_from_the_ledger_and_ends_at_the_final_state(report, balanced_game):
    rows = list(csv.DictReader((report.parent / "alignment.csv").open(encoding="utf-8")))
    last_turn = max(int(r["turn"]) for r in rows)
    for row in (r for r in rows if int(r["turn"]) == last_turn):
        final = balanced_game.state.countries[row["state"]].alignment
        for power in ("us", "russia", "china"):
            assert float(row[power]) == pytest.approx(final[power], abs=1e-3)


def test_budget_spent_matches_what_the_ledger_charged_the_us(report, balanced_game):
    rows = list(csv.DictReader((report.parent / "budget.csv").open(encoding="utf-8")))
    charged = -sum(
        c.delta
        for c in balanced_game.ledger
        if c.cause.startswith("action:us:") and c.variable.startswith("budget.") and c.delta < 0
    )
    assert sum(float(r["points"]) for r in rows) == pytest.approx(charged, abs=0.01)
    assert "unattributed" not in {r["place"] for r in rows}


def test_reflections_are_included_and_escaped(report):
    page = report.read_text(encoding="utf-8")
    assert "Why did Kazakhstan move first?" in page
    assert "We invested &lt;early&gt; &amp; kept at it." in page


def test_a_game_without_reflections_has_no_reflection_section(soft_power_game, tmp_path):
    page = build_game_report(soft_power_game, tmp_path).read_text(encoding="utf-8")
    assert "Reflections" not in page
    assert "C19" in page or "C6" in page  # claims are cited by id


def test_the_tenders_section_lists_every_closed_tender_with_its_offers_and_winner(report, balanced_game):
    """C13, C15: the debrief shows who won each contract, so a class can see what the rivals took."""
    results = balanced_game.state.tender_results
    assert results, "a 40-turn window-2023 campaign closes tenders"
    page = report.read_text(encoding="utf-8")
    section = page[page.index(">Tenders</h2>") :]
    won = sum(1 for r in results if r["winner"] == "us")
    assert f"the US won {won} of {len(results)}" in section
    # what a win was worth, so a class can weigh it against the rest of the debrief (playtest)
    assert "won +16 alignment and floor there, a durable gain" in section[:1200]
    first = results[0]
    winner = balanced_game.world.powers.name(first["winner"]) if first["winner"] else "no one"
    row = section[section.index(balanced_game.date_label(first["turn"])) :]
    assert balanced_game.world.state_name(first["state"]) in row[:400] and winner in row[:600]


def test_the_timeline_lists_event_answers_not_reflections_or_acts_as_raw_json(window_2023):
    """Playtest: the debrief's 'US decisions' column read 'reflection:{"answer":"…","id":"first_moves"} ()'
    for an answered prompt (the Reflections section has the answers already)."""
    from game.ai.doctrine import choose_rival_orders
    from game.report import game_data
    from game.sim.engine import Simulation
    from game.sim.events import default_choice

    sim = Simulation(window_2023, 15, rival_chooser=choose_rival_orders)
    sim.end_turn()
    for decision in list(sim.pending):
        sim.decide(decision.key, default_choice(sim.scenario.event(decision.event)))
    sim.act("reflection", {"id": "first_moves", "answer": "Exchanges: they mature late."})
    sim.act("set_parameter", {"path": "rules.russia_strain.strength", "value": 0.5})
    sim.end_turn()
    decisions = [row["what"] for row in game_data.timeline(sim) if row["kind"] == "decision"]
    assert decisions and decisions[0].startswith("C5+1 leaders' summit: "), "the event answer stays"
    assert not any("{" in what or "reflection" in what or "set_parameter" in what for what in decisions)
    assert game_data.reflections(sim)[0]["answer"] == "Exchanges: they mature late."


def test_the_facilitators_acts_are_in_the_debrief_with_what_they_moved(window_2023, tmp_path):
    """The playtest found the teacher's injected events, news and rule changes nowhere in the debrief."""
    from game.ai.doctrine import choose_rival_orders
    from game.sim.engine import Simulation

    sim = Simulation(window_2023, 5, rival_chooser=choose_rival_orders)
    sim.end_turn()
    sim.act(
        "news",
        {
            "title": "Bishkek cancels a Chinese mine",
            "states": ["kyrgyzstan"],
            "effects": [{"type": "shift", "power": "china", "amount": -4}],
        },
    )
    sim.act("set_parameter", {"path": "rules.russia_strain.strength", "value": 0})
    sim.end_turn()
    page = build_game_report(sim, tmp_path).read_text(encoding="utf-8")
    section = page[page.index(">The facilitator") :]
    assert "News: Bishkek cancels a Chinese mine — Kyrgyzstan" in section
    assert "Rule changed: rules.russia_strain.strength set to 0 (was 1; claim C3)" in section
    assert ">The facilitator" not in build_game_report(
        Simulation(window_2023, 5, rival_chooser=choose_rival_orders), tmp_path / "none"
    ).read_text(encoding="utf-8")


def test_the_header_says_which_sides_people_played(window_2023, tmp_path):
    from game.ai.doctrine import choose_rival_orders
    from game.sim.engine import Simulation

    sim = Simulation(window_2023, 5, humans=("us", "russia"), rival_chooser=choose_rival_orders)
    sim.classroom = {"humans": ["us", "russia"], "us_desks": True, "minutes": 5, "pin_sha256": None}
    sim.end_turn()
    page = build_game_report(sim, tmp_path).read_text(encoding="utf-8")
    assert "people: US (three desks), Russia · computer: China" in page
    solo = Simulation(window_2023, 5, rival_chooser=choose_rival_orders)
    solo.end_turn()
    assert "people: US · computer: Russia, China" in build_game_report(solo, tmp_path / "solo").read_text(
        encoding="utf-8"
    )
