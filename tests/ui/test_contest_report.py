"""The contest in the panel and the report: the next-tier line, the hover breakdown adding up to
the shown change, and a report opening with the rivals' answers (issues 8 and 9, driven by events)."""

from __future__ import annotations

import re

import pygame
import pytest
from contest_helpers import leaders, new_game, number, open_campaign, played, turns_to_first_tip
from ui_helpers import button_labels, click, click_button, press, settle

from game.sim.standing import state_standing
from game.ui.scenes.report import ReportScene


def _panel_texts(scene) -> list[str]:
    return [text for _rect, text in scene.tips.zones if isinstance(text, str)]


def test_the_state_panel_says_how_far_the_us_is_from_the_next_tier(app, sim):
    played(sim, 2)
    scene = open_campaign(app, sim)
    click(app, scene.map.screen_point("tajikistan"))
    assert scene.selected == "tajikistan"
    standing = state_standing(sim.state.countries["tajikistan"], "us", sim.scenario.score.preferred_share)
    line = next(t for t in _panel_texts(scene) if t.startswith("US needs") or t.startswith("US is the preferred"))
    if standing.next_tier is not None:
        assert f"+{standing.points_needed:.1f} alignment" in line
        assert standing.tier in line


def test_the_hover_breakdown_adds_up_to_the_shown_us_change(app, sim):
    played(sim, 3)
    scene = open_campaign(app, sim)
    for state_id in sim.world.state_ids:
        click(app, scene.map.screen_point(state_id))
        assert scene.selected == state_id
        us_row = next(
            (rect, text)
            for rect, text in scene.tips.zones
            if isinstance(text, str) and "Alignment with United States" in text
        )
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=us_row[0].center, rel=(0, 0)))
        settle(app)
        tip = scene.tips.at(us_row[0].center)
        from game.ui.history import change_since_end_turn

        shown = change_since_end_turn(sim, state_id).get("alignment.us", 0.0)
        head = re.match(r"US ([+\u2212-]\d+\.\d) in [^:]+: (.*) \(since", tip)
        if abs(shown) < 0.05:
            continue
        assert head, tip
        assert number(head.group(1)) == pytest.approx(round(shown, 1), abs=1e-9)
        parts = [number(n) for n in re.findall(r" ([+\u2212-]\d+\.\d)(?:,|$)", head.group(2))]
        assert parts and sum(parts) == pytest.approx(shown, abs=0.05 * len(parts) + 0.05)


def test_the_report_opens_with_the_rivals_answers_then_the_us_change_per_state(app, sim):
    scene = open_campaign(app, sim)
    click(app, scene.map.screen_point("kazakhstan"))
    click_button(app, next(label for label in button_labels(scene) if label.startswith("Education exchanges")))
    assert sim.queued
    press(app, pygame.K_RETURN)  # End Turn
    report = app.top
    assert isinstance(report, ReportScene)
    headers = [line for line, _colour, bold in report.moves() if bold]
    assert headers[0].startswith("Russia's answers") and headers[1].startswith("China's answers")
    assert headers[-1].startswith("Your orders")
    lines = [line for line, _c, bold in report.moves() if not bold]
    first_rival = sim.reports[-1].orders
    # the first line is a Russian answer, or the situation several of them answer (said once)
    assert any(p.reason and p.reason.partition("; ")[0] in lines[0] for p in first_rival if p.order.power == "russia")
    # then, at the top of the right column and above the why-ledger, the US change per state
    assert report.left.right < report.summary.left and report.summary.bottom <= report.right.top
    summary = [line for line, _colour in report.summary_lines()]
    assert summary[0].startswith("• US ") and " in " in summary[0] and ":" in summary[0]
    assert summary[0].startswith(report.summary_wrapped[0][0])  # drawn in that panel, first line first
    assert scene is not report


def test_the_report_names_a_state_that_tipped_this_turn(app, scenario):
    seed, turns, state = turns_to_first_tip(scenario)
    sim = played(new_game(scenario, seed), turns - 1)
    before = leaders(sim)
    open_campaign(app, sim)
    press(app, pygame.K_RETURN)  # End Turn: the turn in which `state` tips
    after = leaders(sim)
    assert after[state] != before[state]
    lines = [line for line, _colour in app.top.summary_lines()]
    tipped = [line for line in lines if line.startswith("• Tipped")]
    name, names = sim.world.state_name(state), sim.world.powers
    assert f"• Tipped — {name}: {names.name(after[state])} now leads (was {names.name(before[state])})" in tipped
    assert len(tipped) == sum(after[s] != before[s] for s in after)
    assert lines[-len(tipped) :] == tipped  # after the per-state lines, in the same panel


def test_hovering_a_rivals_number_breaks_down_its_change_too(app, sim):
    played(sim, 2)
    scene = open_campaign(app, sim)
    rect = next(r for r, t in scene.tips.zones if isinstance(t, str) and "Alignment with Russia" in t)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0)))
    settle(app)
    tip = scene.tips.at(rect.center)
    assert tip.startswith("Russia ") and f"in {sim.world.state_name(scene.selected)}" in tip


def test_a_report_heading_never_ends_a_page():
    from game.ui.scenes.report import page_lines

    white = (255, 255, 255)
    lines = [("a", white, False), ("b", white, False), ("Events", white, True), ("c", white, False)]
    pages = page_lines([[line] for line in lines], 3)
    assert pages == [[lines[0], lines[1]], [lines[2], lines[3]]]
    assert page_lines([], 3) == [[]]


def test_receptivity_factors_show_as_causes_in_the_report_and_the_hover(app, sim):
    scene = open_campaign(app, sim)
    click(app, scene.map.screen_point("kazakhstan"))
    click_button(app, next(label for label in button_labels(scene) if label.startswith("Culture and tourism")))
    press(app, pygame.K_RETURN)  # End Turn: the order's alignment gain is scaled by Kazakhstan's receptivity
    report = app.top
    line = next(text for text, _colour in report.summary_lines() if " in Kazakhstan: " in text)
    assert "Culture and tourism +" in line and "; gains \u00d7" in line
    # the campaign's panel under the report was rebuilt at End Turn: its US number's hover says the same
    rect = next(r for r, t in scene.tips.zones if isinstance(t, str) and "Alignment with United States" in t)
    assert "gains scaled \u00d7" in scene.tips.at(rect.center)


def test_the_report_names_an_opening_an_event_announced_this_turn(app, scenario):
    # Find a seed and turn on which the western_opening event fires (played as the window plays it)
    for seed in range(1, 60):
        sim = new_game(scenario, seed)
        while not sim.state.finished and not sim.state.events_fired.get("western_opening"):
            played(sim, 1)
        fired = sim.state.events_fired.get("western_opening")
        if fired and fired[0] > 2 and all(r.turn != fired[0] for r in scenario.reflections):  # no question waits
            break
    fired_on = sim.state.events_fired["western_opening"][0]
    sim = played(new_game(scenario, seed), fired_on - 1)
    open_campaign(app, sim)
    press(app, pygame.K_RETURN)  # End Turn: the event fires
    assert len(sim.reports) == fired_on
    opened = [s for s, c in sim.state.countries.items() if c.values["opening"] > 0]
    assert opened
    lines = [line for line, _colour in app.top.summary_lines() if line.startswith("• Opening")]
    assert len(lines) == len(opened)
    assert lines[0].startswith(f"• Opening — {sim.world.state_name(opened[0])}: an opening for the US")
    # the window's factor the order preview shows there: at least x2.2 from the opening's 24 points at bonus 5
    from game.sim.receptivity import receptivity

    factor = next(
        f.value for f in receptivity(sim.world, sim.state.countries[opened[0]], "us", None) if f.claim == "C7"
    )
    assert factor >= 2.2
    assert f"×{factor:.1f} as far for about 3 more quarters (C7)" in lines[0]  # 24 points fading 8 a turn
