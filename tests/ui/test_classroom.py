"""The classroom window driven by posted events: setup, hot seat, desks, facilitator, timer, reflections, undo."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import button_labels, click, click_button, press, settle

from game.ai.doctrine import choose_rival_orders
from game.sim.engine import Simulation
from game.ui.classroom import ClassroomSetup, Session
from game.ui.scene import push
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.report import ReportScene


class FakeClock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _label(scene, prefix: str) -> str:
    return next(label for label in button_labels(scene) if label.startswith(prefix))


def _campaign(app, scenario, setup: ClassroomSetup, clock=None) -> CampaignScene:
    from conftest import SCENARIO

    sim = Simulation(
        scenario, 11, humans=setup.sim_humans(), scenario_path=str(SCENARIO), rival_chooser=choose_rival_orders
    )
    scene = CampaignScene(app.ctx, sim, Session(sim, setup, clock))
    app.apply(push(scene))
    settle(app)
    return scene


def _type(app, entry, text: str) -> None:
    """Click into a text entry and type as a keyboard would, then press Enter."""
    click(app, entry.rect.center)
    for char in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    settle(app, 1)
    press(app, pygame.K_RETURN)


def _skip_prompts(app) -> None:
    while app.top.name == "reflection":
        press(app, pygame.K_ESCAPE)


def test_setup_screen_starts_a_hot_seat_game(app, scenario):
    from conftest import SCENARIO

    from game.ui.scenes.setup import SetupScene

    app.apply(push(SetupScene(app.ctx, scenario, SCENARIO, 5, None)))
    settle(app)
    click_button(app, "russia: People")
    click_button(app, "Three desks")
    click_button(app, "5 min")
    setup = app.top.setup()
    assert setup.humans == ("us", "russia") and setup.us_desks and setup.minutes == 5
    press(app, pygame.K_RETURN)
    assert app.top.name == "briefing"
    press(app, pygame.K_RETURN)
    campaign = app.top
    assert isinstance(campaign, CampaignScene)
    assert campaign.sim.humans == ("us", "russia")
    assert [s.label for s in campaign.session.seats] == [
        "US — Soft power desk",
        "US — Trade desk",
        "US — Diplomacy desk",
        "Russia",
    ]


def test_hot_seat_turn_with_a_human_russia(app, scenario):
    campaign = _campaign(app, scenario, ClassroomSetup(humans=("us", "russia")))
    sim = campaign.sim
    click_button(app, _label(campaign, "Education exchanges"))
    assert [o.power for o in sim.queued] == ["us"]
    assert button_labels(campaign).count("End turn (Enter)") == 0  # the US is done, not the turn
    press(app, pygame.K_RETURN)
    assert app.top.name == "pass_screen"
    assert app.top.side == "Russia"
    assert not any(label.startswith("×") for label in button_labels(app.top))  # nothing of the US shows
    click_button(app, _label(app.top, "I am Russia"))
    assert app.top is campaign and campaign.power == "russia"
    assert not any(label.startswith("×  Education") for label in button_labels(campaign))  # US orders hidden
    press(app, pygame.K_3)  # Russia's diplomacy track
    click_button(app, _label(campaign, "Security guarantee"))
    assert [o.power for o in sim.queued] == ["us", "russia"]
    assert sim.remaining_budget("russia")["diplomacy"] < sim.state.powers["russia"].budget["diplomacy"]
    click_button(app, "End turn (Enter)")
    report = app.top
    assert isinstance(report, ReportScene) and sim.turn == 2
    ordered = [(p.order.power, p.order.action) for p in report.report.orders]
    assert ("russia", "security_guarantee") in ordered and ("us", "education_exchanges") in ordered
    assert any(r.cause == "action:russia:security_guarantee" for r in report.rows)
    press(app, pygame.K_RETURN)  # close the report: the screen goes back to the first side
    assert app.top.name == "pass_screen" and app.top.side == "the United States"


def test_a_us_desk_is_refused_another_desks_track(app, scenario):
    campaign = _campaign(app, scenario, ClassroomSetup(humans=("us",), us_desks=True))
    assert campaign.seat.desk == "soft_power" and campaign.track == "soft_power"
    press(app, pygame.K_2)  # look at the trade track
    click_button(app, _label(campaign, "Private investment"))
    assert campaign.sim.queued == []
    assert "trade desk" in campaign.status and not campaign.status_good
    press(app, pygame.K_1)
    click_button(app, _label(campaign, "Education exchanges"))
    assert len(campaign.sim.queued) == 1
    press(app, pygame.K_RETURN)  # the same side: no pass-the-screen, the trade desk orders next
    assert app.top is campaign and campaign.seat.desk == "trade"
    assert "Orders — US — Trade desk" in campaign.order_title


def test_facilitator_injects_an_event_and_changes_a_rule(app, scenario):
    campaign = _campaign(app, scenario, ClassroomSetup())
    sim = campaign.sim
    press(app, pygame.K_F9)
    view = app.top
    assert view.name == "facilitator"
    click_button(app, "Events")
    click_button(app, _label(view, "Water"))
    click_button(app, "Tajikistan")
    click_button(app, "Inject event")
    assert view.good, view.message
    assert any(c.cause == "facilitator:event:water_crisis" for c in sim.ledger)
    assert any(d.event == "water_crisis" and d.state == "tajikistan" for d in sim.pending)
    click_button(app, "Rules")
    click_button(app, _label(view, "balancing.strength"))
    view.rule_entry.set_text("")
    _type(app, view.rule_entry, "7")  # out of range: refused with the reason
    assert not view.good and "Refused" in view.message
    view.rule_entry.set_text("")
    _type(app, view.rule_entry, "0.5")
    assert view.good, view.message
    assert sim.scenario.rules.balancing.strength == 0.5
    change = sim.ledger[-1]
    assert change.cause == "facilitator:set_parameter" and change.variable == "rules.balancing.strength"
    press(app, pygame.K_F9)
    assert app.top.name == "event"  # the injected event's decision comes to the US
    click_button(app, _label(app.top, "1. "))
    press(app, pygame.K_RETURN)
    report = app.top
    assert isinstance(report, ReportScene)
    assert any(f.event == "water_crisis" for f in report.report.events)


def test_facilitator_news_item(app, scenario):
    campaign = _campaign(app, scenario, ClassroomSetup())
    sim = campaign.sim
    before = sim.state.countries["kazakhstan"].alignment["china"]
    press(app, pygame.K_F9)
    view = app.top
    click_button(app, "News")
    click_button(app, "1·type: (none)")  # cycles to the first effect type
    assert view.form.rows[0].kind == "influence"
    view.form.rows[0].kind, view.form.rows[0].power = "shift", "china"
    view.rebuild()
    view.form.title_entry.set_text("Port deal collapses")
    view.form.amount_entries[0].set_text("-4")
    click_button(app, "Kazakhstan")
    click_button(app, "Publish news")
    assert view.good, view.message
    assert sim.state.countries["kazakhstan"].alignment["china"] == pytest.approx(before - 4)
    assert sim.state.news[-1]["title"] == "Port deal collapses"
    assert any(c.cause == "facilitator:news:Port deal collapses" for c in sim.ledger)


def test_a_wrong_pin_keeps_the_facilitator_view_closed(app, scenario):
    _campaign(app, scenario, ClassroomSetup(pin="4321"))
    press(app, pygame.K_F9)
    pin = app.top
    assert pin.name == "pin"
    _type(app, pin.entry, "1111")
    assert app.top is pin and "Wrong PIN" in pin.message
    pin.entry.set_text("")
    _type(app, pin.entry, "4321")
    assert app.top.name == "facilitator"


def test_pause_freezes_input_and_the_timer(app, scenario):
    clock = FakeClock()
    campaign = _campaign(app, scenario, ClassroomSetup(minutes=2), clock)
    press(app, pygame.K_F9)
    click_button(app, "Pause the game")
    press(app, pygame.K_F9)
    assert app.top.name == "paused"
    clock.now += 500
    press(app, pygame.K_RETURN)  # nothing below the pause screen reacts
    assert campaign.sim.turn == 1
    assert campaign.session.timer.remaining() == pytest.approx(120)
    press(app, pygame.K_F9)
    click_button(app, "Resume the game")
    press(app, pygame.K_F9)
    settle(app)
    assert app.top is campaign


def test_the_timer_locks_orders_but_end_turn_works(app, scenario):
    clock = FakeClock()
    campaign = _campaign(app, scenario, ClassroomSetup(minutes=1), clock)
    click_button(app, _label(campaign, "Education exchanges"))
    assert len(campaign.sim.queued) == 1
    clock.now += 61
    settle(app)
    assert campaign.session.locked
    press(app, pygame.K_TAB)
    click_button(app, _label(campaign, "Education exchanges"))
    assert len(campaign.sim.queued) == 1 and "time is up" in campaign.status
    click_button(app, _label(campaign, "×  Education exchanges"))
    assert len(campaign.sim.queued) == 1
    press(app, pygame.K_RETURN)
    assert isinstance(app.top, ReportScene) and campaign.sim.turn == 2


def test_a_reflection_is_answered_and_shown_in_the_debrief(app, scenario):
    from game.ui.scenes.end import EndScene

    campaign = _campaign(app, scenario, ClassroomSetup())
    sim = campaign.sim
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # close the report
    while app.top.name == "event":
        press(app, pygame.K_1)
    prompt = app.top
    assert prompt.name == "reflection"
    _type(app, prompt.entry, "The exchanges, because trust takes years")
    assert sim.state.reflections[-1]["answer"] == "The exchanges, because trust takes years"
    _skip_prompts(app)
    end = EndScene(app.ctx, sim)
    app.apply(push(end))
    app.draw()
    assert any("trust takes years" in line for line, _ in end.answer_lines)


def test_undo_goes_back_a_turn(app, scenario):
    campaign = _campaign(app, scenario, ClassroomSetup())
    click_button(app, _label(campaign, "Education exchanges"))
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    while app.top.name == "event":
        press(app, pygame.K_1)
    _skip_prompts(app)
    assert campaign.sim.turn == 2
    press(app, pygame.K_F9)
    click_button(app, "Undo the last turn")
    click_button(app, "Undo turn")  # undo asks first
    assert app.top.good, app.top.message
    press(app, pygame.K_F9)
    settle(app)
    assert campaign.sim.turn == 1
    assert [o.action for o in campaign.sim.queued] == ["education_exchanges"]
    press(app, pygame.K_F9)
    click_button(app, "Undo the last turn")
    assert "Refused" in app.top.message  # no earlier turn
