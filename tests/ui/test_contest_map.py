"""The contest on the map: every state's three-power shares, their change since End Turn, a
tipped mark, plates clear of capitals and the legend, and a legend that explains it (issue 8, 11)."""

from __future__ import annotations

import pygame
import pytest
from contest_helpers import leaders, new_game, number, open_campaign, played, turns_to_first_tip
from ui_helpers import click, settle

from game.content.powers import STANDARD as POWERS


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800)])
def test_every_state_plate_shows_all_three_powers_shares_and_changes(app, sim, size):
    played(sim, 3)
    scene = open_campaign(app, sim, size)
    plates = scene.map.plates
    assert set(plates) == set(sim.world.state_ids)
    for state_id, plate in plates.items():
        country = sim.state.countries[state_id]
        assert [power for power, _ in plate.segments] == list(POWERS)
        bar = sum(width for _, width in plate.segments)
        for power, width in plate.segments:
            assert abs(width - bar * country.share(power)) <= 1.5  # each share drawn to scale
        assert len(plate.changes) == 3
        assert plate.leader == country.leader()


def test_the_changes_on_a_plate_are_each_share_change_since_end_turn(app, sim):
    sim.end_turn()
    sim.end_turn()
    before = {p: sim.state.countries["kazakhstan"].share(p) for p in POWERS}  # as End Turn is pressed
    played(sim, 1)
    scene = open_campaign(app, sim)
    after = {p: sim.state.countries["kazakhstan"].share(p) for p in POWERS}
    shown = [number(c) for c in scene.map.plates["kazakhstan"].changes]
    expected = [100 * (after[p] - before[p]) for p in POWERS]
    assert shown == pytest.approx(expected, abs=0.051)
    assert any(abs(c) >= 0.1 for c in shown)  # the turn did move the shares


def test_a_state_whose_lead_changed_hands_is_marked_tipped(app, scenario):
    seed, turns, state = turns_to_first_tip(scenario)
    sim = played(new_game(scenario, seed), turns - 1)
    before = leaders(sim)
    played(sim, 1)  # the turn in which `state` tips
    assert leaders(sim)[state] != before[state]
    scene = open_campaign(app, sim)
    plates = scene.map.plates
    assert plates[state].tipped
    assert {s for s, plate in plates.items() if plate.tipped} == {
        s for s, leader in leaders(sim).items() if leader != before[s]
    }
    point = scene.map.screen_point(state)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0)))
    settle(app)
    assert f"tipped from {sim.world.powers.name(before[state])}" in scene.tips.at(point)


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800)])
def test_plates_leave_the_capitals_the_legend_and_each_other_clear(app, sim, size):
    scene = open_campaign(app, sim, size)
    view = scene.map
    boxes = [pygame.Rect(p.box) for p in view.plates.values()]
    for i, box in enumerate(boxes):
        assert not any(box.colliderect(other) for other in boxes[i + 1 :])
    for _state, _name, point in view.data.capitals:  # Bishkek and Tashkent stay readable
        x, y = view.projection.to_screen(point)
        tag = pygame.Rect(round(x) + 7, round(y) - 6, 40, 12)
        assert not any(box.colliderect(tag) for box in boxes), _name
    legend = scene.legend_rect.move(-scene.layout.map.x, -scene.layout.map.y)
    assert not any(box.colliderect(legend) for box in boxes)
    frame = pygame.Rect(view.projection.frame)
    for name, rect in view.region_labels.items():  # MONGOLIA is no longer cut off
        assert frame.contains(rect), name


def test_clicking_a_plate_selects_its_state_even_over_a_neighbour(app, sim):
    scene = open_campaign(app, sim)
    box = pygame.Rect(scene.map.plates["kyrgyzstan"].box).move(scene.layout.map.topleft)
    click(app, box.center)  # the plate sits over Xinjiang, leader line back to Kyrgyzstan
    assert scene.selected == "kyrgyzstan"


def test_the_legend_explains_the_shades_the_bar_and_tipping(app, sim):
    scene = open_campaign(app, sim)
    tip = scene.tips.at(scene.legend_rect.center)
    assert "deeper shade means a wider lead" in tip
    assert "tipped" in tip and "share" in tip


def test_a_state_with_an_opening_carries_a_tag_saying_how_far_us_efforts_go(app, scenario):
    sim = played(new_game(scenario), 2)
    for country in sim.state.countries.values():
        country.values["opening"] = 0.0
    sim.state.countries["uzbekistan"].values["opening"] = 24.0  # as the western_opening event leaves it
    sim.state.countries["uzbekistan"].values["russia_strain"] = 0.0  # no strain: the window is the opening alone
    scene = open_campaign(app, sim)
    plates = scene.map.plates
    assert plates["uzbekistan"].opening
    assert not any(plate.opening for state, plate in plates.items() if state != "uzbekistan")
    point = scene.map.screen_point("uzbekistan")
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=point, rel=(0, 0)))
    settle(app)
    assert "efforts go about \u00d72.2 as far" in scene.tips.at(point)
