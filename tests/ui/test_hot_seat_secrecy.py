"""Hot seat: a side's screens never show another side's queued orders, anywhere.

Every line of text the window renders (hand-drawn text, button labels, tooltips — the map's
included) is collected while each side walks every screen it can reach, and none may name an
order another side queued this turn. Action names are unique to their power in the shipped
scenario, so a name of the other side's queued action on screen is a leak wherever it appears.
"""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import click_button, press, settle

from game.ai.doctrine import choose_rival_orders
from game.sim.engine import Simulation
from game.ui.classroom import ClassroomSetup, Session
from game.ui.scene import push
from game.ui.scenes.campaign import CampaignScene
from game.ui.text import Text


@pytest.fixture
def seen(monkeypatch):
    """Every string the window renders from now on."""
    lines: list[str] = []
    render = Text.render

    def recording(self, text, *args, **kwargs):
        lines.append(text)
        return render(self, text, *args, **kwargs)

    monkeypatch.setattr(Text, "render", recording)
    return lines


def _scene_texts(scene) -> list[str]:
    """Button labels and tooltips, and every tooltip zone's text (a map tip at points across its area)."""
    texts = []
    for widget in scene.handlers:
        texts.append(widget.text)
        texts.append(getattr(widget, "tool_tip_text", None) or "")
    for rect, tip in scene.tips.zones:
        if not callable(tip):
            texts.append(tip)
            continue
        for x in range(rect.left, rect.right, 24):
            for y in range(rect.top, rect.bottom, 24):
                texts.append(tip((x, y)) or "")
    return texts


def _walk(app, seen: list[str]) -> list[str]:
    """Everything one seat can look at: each track for each state, report, charts, save list."""
    campaign = app.top
    assert isinstance(campaign, CampaignScene)
    texts: list[str] = []
    for _ in campaign.sim.world.state_ids:
        for key in (pygame.K_1, pygame.K_2, pygame.K_3):
            press(app, key)
            app.draw()
            texts += _scene_texts(campaign)
        press(app, pygame.K_TAB)
    for key in (pygame.K_r, pygame.K_c, pygame.K_s):
        press(app, key)
        app.draw()
        texts += _scene_texts(app.top)
        if app.top is not campaign:
            press(app, pygame.K_ESCAPE)
    press(app, pygame.K_F9)  # no PIN in this class: any side can open the facilitator view
    assert app.top.name == "facilitator"
    click_button(app, "Reveal")
    app.draw()
    texts += _scene_texts(app.top)
    press(app, pygame.K_F9)
    assert app.top is campaign
    return texts + seen


def _queue(app, campaign: CampaignScene, track_key: int, state: str, action_name: str) -> None:
    while campaign.selected != state:
        press(app, pygame.K_TAB)
    press(app, track_key)
    label = next(w.text for w in campaign.handlers if w.text.startswith(action_name))
    click_button(app, label)
    assert campaign.sim.queued[-1].target == state, campaign.status


def _leaks(texts: list[str], names: list[str]) -> list[str]:
    return sorted({t for t in texts for name in names if name in t})


def test_no_side_sees_another_sides_queued_orders(app, scenario, seen):
    from conftest import SCENARIO

    setup = ClassroomSetup(humans=("us", "russia", "china"))
    sim = Simulation(
        scenario, 11, humans=setup.sim_humans(), scenario_path=str(SCENARIO), rival_chooser=choose_rival_orders
    )
    campaign = CampaignScene(app.ctx, sim, Session(sim, setup))
    app.apply(push(campaign))
    settle(app)
    assert app.top.name == "campaign"

    _queue(app, campaign, pygame.K_3, "uzbekistan", "High-level visit")
    _queue(app, campaign, pygame.K_1, "kazakhstan", "Education exchanges")
    us_names = ["High-level visit", "Education exchanges"]
    press(app, pygame.K_RETURN)
    assert app.top.name == "pass_screen"
    seen.clear()
    app.draw()
    assert _leaks(_scene_texts(app.top) + seen, us_names) == []  # the handover itself shows nothing

    click_button(app, next(w.text for w in app.top.handlers if w.text.startswith("I am Russia")))
    assert campaign.power == "russia"
    seen.clear()
    assert _leaks(_walk(app, seen), us_names) == []

    _queue(app, campaign, pygame.K_3, "tajikistan", "Security guarantee")
    press(app, pygame.K_RETURN)
    assert app.top.name == "pass_screen"
    click_button(app, next(w.text for w in app.top.handlers if w.text.startswith("I am China")))
    assert campaign.power == "china"
    seen.clear()
    assert _leaks(_walk(app, seen), [*us_names, "Security guarantee"]) == []

    _queue(app, campaign, pygame.K_2, "kyrgyzstan", "Trade package")
    press(app, pygame.K_RETURN)  # the last side: the turn resolves and its report shows every side
    assert app.top.name == "report" and sim.turn == 2
    titles = [line for line, _colour, bold in app.top.moves() if bold]
    assert not any(t.startswith("Your orders") for t in titles)  # China ended the turn: "your" would be wrong
    assert any(t.startswith("United States's orders") for t in titles)
    assert any(t.startswith("Russia's orders") for t in titles)
