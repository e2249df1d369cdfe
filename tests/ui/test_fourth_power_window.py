"""The fourth-power test scenario in the window: the map, its legend and the state panel show
Turkey with a look of its own, and after End Turn the turn report lists Turkey's answers.

Driven by real posted events under the dummy video driver; with CROSSROADS_UI_SHOTS set, each
screen is kept as a PNG for review.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pygame
import pytest
from contest_helpers import new_game, open_campaign
from ui_helpers import button_labels, click_button, press, settle

from game.content.loader import load_scenario
from game.ui.scene import push
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.setup import SetupScene
from game.ui.scenes.title import Backdrop
from game.ui.stakes import verdict
from game.ui.theme import rgb

FOURTH = Path(__file__).resolve().parents[2] / "tests" / "scenarios" / "fourth-power.yaml"
SHOTS = os.environ.get("CROSSROADS_UI_SHOTS")


def _keep(app, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        pygame.image.save(app.screen, str(Path(SHOTS) / f"fourth-power-{name}.png"))


def _shows(surface: pygame.Surface, colour: tuple[int, int, int]) -> bool:
    """Whether any pixel of the surface has exactly this colour."""
    pixels = pygame.surfarray.array3d(surface)
    return bool((pixels == colour).all(axis=2).any())


@pytest.fixture(scope="module")
def fourth():
    return load_scenario(FOURTH)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)])
def test_the_map_gives_turkey_a_share_in_every_plate_and_a_legend_row(app, fourth, size):
    sim = new_game(fourth, seed=3)
    scene = open_campaign(app, sim, size)
    _keep(app, f"map-{size[0]}x{size[1]}")
    for state_id, plate in scene.map.plates.items():
        powers = [power for power, _ in plate.segments]
        assert powers == ["us", "russia", "china", "turkey"]
        turkey = dict(plate.segments)["turkey"]
        bar = sum(width for _, width in plate.segments)
        assert abs(turkey - bar * sim.state.countries[state_id].share("turkey")) <= 1.5
    tip = scene.tips.at(scene.legend_rect.center)
    assert "Turkey: diamond, vertical lines" in tip and "four powers' shares (US, Russia, China, Turkey" in tip


def test_turkeys_colour_is_on_the_map_and_not_chinas(app, fourth):
    sim = new_game(fourth, seed=3)
    scene = open_campaign(app, sim)
    turkey, china = rgb(sim.world.powers["turkey"].look.colour), rgb(sim.world.powers["china"].look.colour)
    assert turkey != china
    assert _shows(app.screen, turkey)  # drawn in the share bars, the legend and the state panel
    assert scene.map.plates  # the map was drawn


def test_end_turn_shows_turkeys_answers_in_the_turn_report(app, fourth):
    sim = new_game(fourth, seed=3)
    open_campaign(app, sim)
    press(app, pygame.K_RETURN)  # End Turn
    settle(app, 3)
    report = app.top
    assert isinstance(report, ReportScene)
    moves = [line for line, _colour, _bold in report.moves()]
    assert "Turkey's answers (" in next(line for line in moves if line.startswith("Turkey's"))
    turkish = [p for p in sim.reports[-1].orders if p.order.power == "turkey"]
    assert turkish and all(_reason_shown(p.reason, moves) for p in turkish)
    _keep(app, "report-page-1")
    for _ in range(len(report.move_pages) - 1):  # page the left column with its own button
        click_button(app, "More ›")
    assert report.moves_page == len(report.move_pages) - 1
    _keep(app, "report-last-page")


def test_the_charts_scene_draws_a_turkey_line(app, fourth):
    sim = new_game(fourth, seed=3)
    for _ in range(4):
        sim.end_turn()
        for decision in list(sim.pending):
            sim.decide(decision.key, sim.scenario.event(decision.event).choices[-1].id)
    scene = open_campaign(app, sim)
    press(app, pygame.K_c)
    settle(app, 3)
    assert app.top is not scene
    _keep(app, "charts")
    top = app.screen.subsurface(pygame.Rect(0, 0, app.screen.get_width(), app.screen.get_height() // 2))
    assert _shows(top, rgb(sim.world.powers["turkey"].look.colour))  # the alignment chart has Turkey's line


def test_a_state_turkey_leads_is_shaded_in_its_colour_with_its_own_badge(app, fourth):
    states = tuple(
        attrs.evolve(s, alignment={**s.alignment, "turkey": 70.0}) if s.id == "turkmenistan" else s
        for s in fourth.states
    )
    sim = new_game(attrs.evolve(fourth, states=states), seed=3)
    scene = open_campaign(app, sim)
    _keep(app, "turkey-leads-turkmenistan")
    assert scene.map.plates["turkmenistan"].leader == "turkey"
    assert "leans toward Turkey" in scene.tips.at(scene.map.screen_point("turkmenistan"))


def test_a_fall_in_any_rivals_alignment_reads_as_good_news_for_the_us():
    """The change column's colour: Turkey losing ground helps the US just as Russia losing it does."""
    assert verdict("alignment.turkey", -1.0) == verdict("alignment.russia", -1.0) == 1
    assert verdict("floors.turkey", 1.0) == -1
    assert verdict("alignment.us", -1.0) == -1


def test_a_class_can_play_turkey_in_hot_seat(app, fourth):
    app.apply(push(SetupScene(app.ctx, fourth, FOURTH, 5, None)))
    settle(app)
    click_button(app, "turkey: People")
    assert app.top.setup().humans == ("us", "turkey")
    _keep(app, "setup")
    press(app, pygame.K_RETURN)  # to the briefing
    press(app, pygame.K_RETURN)  # to the campaign
    campaign = app.top
    assert isinstance(campaign, CampaignScene) and campaign.sim.humans == ("us", "turkey")
    assert [seat.label for seat in campaign.session.seats] == ["US", "Turkey"]
    press(app, pygame.K_RETURN)  # the US is done: hand over
    assert app.top.name == "pass_screen" and app.top.side == "Turkey"
    _keep(app, "pass-screen")
    click_button(app, next(label for label in button_labels(app.top) if label.startswith("I am Turkey")))
    assert campaign.power == "turkey"
    press(app, pygame.K_2)  # Turkey's trade track
    click_button(app, next(label for label in button_labels(campaign) if label.startswith("Turkish trade fair")))
    assert [o.power for o in campaign.sim.queued] == ["turkey"]
    _keep(app, "turkey-orders")
    click_button(app, "End turn (Enter)")
    report = app.top
    assert isinstance(report, ReportScene)
    assert ("turkey", "turkish_trade_fair") in [(p.order.power, p.order.action) for p in report.report.orders]
    assert any(line.startswith("Turkey's orders (") for line, _colour, _bold in report.moves())


def test_the_briefing_and_the_backdrop_draw_a_state_turkey_leads(app, fourth):
    states = tuple(
        attrs.evolve(s, alignment={**s.alignment, "turkey": 70.0}) if s.id == "turkmenistan" else s
        for s in fourth.states
    )
    turkish = attrs.evolve(fourth, states=states)
    sim = new_game(turkish, seed=3)
    app.apply(push(BriefingScene(app.ctx, sim)))
    settle(app, 3)
    _keep(app, "briefing")
    plate = app.top.map.plates["turkmenistan"]
    assert plate.leader == "turkey" and [p for p, _ in plate.segments][-1] == "turkey"
    backdrop = Backdrop(app.ctx)  # the dimmed map behind the title and the scenario list
    backdrop.draw(app.screen, turkish)
    _keep(app, "backdrop")
    assert backdrop.view is not None and backdrop.view.plates["turkmenistan"].leader == "turkey"


def _reason_shown(reason: str, lines: list[str]) -> bool:
    """A move's reason is in the report whole, or as the situation it shares with other moves
    (said once, ending in ':') with its own answer under it."""
    situation, _, answer = reason.partition("; ")
    if any(reason in line for line in lines):
        return True
    return f"• {situation}:" in lines and any(answer[1:] in line for line in lines)
