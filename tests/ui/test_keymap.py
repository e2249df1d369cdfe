"""Issue 12: one keymap table is read by the key handlers, the button labels and the help's Keys page."""

from __future__ import annotations

import attrs
import pygame
import pytest
from ui_helpers import button_labels, press, settle

from game.ui import keymap
from game.ui.scene import push, reset


def _campaign(app, sim):
    from game.ui.scenes.campaign import CampaignScene

    scene = CampaignScene(app.ctx, sim)
    app.apply(push(scene))
    settle(app)
    return scene


def test_the_campaign_handles_exactly_the_actions_of_its_table(app, sim):
    scene = _campaign(app, sim)
    assert set(scene.key_actions()) == {b.action for b in keymap.bindings("campaign")}


def test_every_campaign_key_in_the_table_reaches_its_action(app, sim, monkeypatch):
    from game.ui.scenes.campaign import CampaignScene

    heard: list[tuple[str, int]] = []
    recorders = {b.action: (lambda e, name=b.action: heard.append((name, e.key))) for b in keymap.bindings("campaign")}
    monkeypatch.setattr(CampaignScene, "key_actions", lambda self: recorders)
    _campaign(app, sim)
    expected = []
    for binding in keymap.bindings("campaign"):
        for key in binding.keys:
            press(app, key)
            expected.append((binding.action, key))
    assert heard == expected


def test_report_event_dialog_and_window_keys_in_the_table_are_handled(app, sim, monkeypatch):
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.message import MessageScene
    from game.ui.scenes.report import ReportScene

    heard: list[str] = []
    monkeypatch.setattr(ReportScene, "turn_page", lambda self, step: heard.append(f"page {step:+d}"))
    monkeypatch.setattr(ReportScene, "set_filter", lambda self, target: heard.append("filter"))
    monkeypatch.setattr(ReportScene, "close", lambda self: heard.append("close"))
    monkeypatch.setattr(EventScene, "choose", lambda self, choice: heard.append("choose"))
    monkeypatch.setattr(EventScene, "look_at_map", lambda self: heard.append("set aside"))
    monkeypatch.setattr(MessageScene, "accept", lambda self: heard.append("accept"))
    monkeypatch.setattr(MessageScene, "cancel", lambda self: heard.append("cancel"))
    said = {
        "next_page": "page +1",
        "previous_page": "page -1",
        "next_filter": "filter",
        "close": "close",
        "choose": "choose",
        "set_aside": "set aside",
        "accept": "accept",
        "cancel": "cancel",
    }
    report = sim.end_turn()
    while not sim.pending:
        sim.end_turn()
    screens = {
        "report": ReportScene(app.ctx, sim, report),
        "event": EventScene(app.ctx, sim, sim.pending[0], lambda: None),
        "dialog": MessageScene(app.ctx, "Title", "Message"),
    }
    for screen, scene in screens.items():
        app.apply(push(scene))
        settle(app)
        for binding in keymap.bindings(screen):
            for key in binding.keys:
                if binding.action == "choose" and key - pygame.K_1 >= len(scene.choices):
                    continue  # an event offers fewer than nine answers
                heard.clear()
                press(app, key)
                assert heard == [said[binding.action]], (screen, binding.action, pygame.key.name(key))
    size = app.ctx.size
    (toggle,) = keymap.bindings("anywhere")
    press(app, toggle.keys[0])
    assert app.ctx.size != size


def test_title_and_help_keys_in_the_table_are_handled(app, monkeypatch):
    from game.ui.scenes.help import PagedTextScene
    from game.ui.scenes.title import TitleScene

    opens = {"new": "scenarios", "help": "help", "quit": "dialog"}
    for binding in keymap.bindings("title"):
        for key in binding.keys:
            app.apply(reset(TitleScene(app.ctx)))
            settle(app)
            press(app, key)
            assert app.top.name == opens[binding.action], (binding.action, pygame.key.name(key))
    heard: list[str] = []
    monkeypatch.setattr(PagedTextScene, "turn", lambda self, step: heard.append(f"page {step:+d}"))
    monkeypatch.setattr(PagedTextScene, "set_tab", lambda self, tab: heard.append("topic"))
    said = {"next_page": ["page +1"], "previous_page": ["page -1"], "next_topic": ["topic"], "close": []}
    for binding in keymap.bindings("help"):
        for key in binding.keys:
            app.apply(reset(TitleScene(app.ctx)))
            app.apply(push(PagedTextScene(app.ctx, {"One": "text", "Two": "more"}, "Help")))
            settle(app)
            heard.clear()
            press(app, key)
            assert heard == said[binding.action], (binding.action, pygame.key.name(key))
            assert app.top.name == ("title" if binding.action == "close" else "help")


def test_the_help_keys_page_lists_every_binding(app):
    from game.ui.scenes.help import HelpScene

    page = HelpScene(app.ctx, None).sources["Keys"]
    assert [screen for screen in keymap.SCREEN_TITLES if not keymap.bindings(screen)] == []
    assert {b.screen for b in keymap.BINDINGS} == set(keymap.SCREEN_TITLES)
    for binding in keymap.BINDINGS:
        assert f"{binding.keys_text} {binding.does}" in page, binding


def test_button_labels_take_their_keys_from_the_table(app, sim, monkeypatch):
    scene = _campaign(app, sim)
    assert {"Report (R)", "Charts (C)", "Save (S)", "Help (F1)", "Menu (Esc)", "End turn (Enter)"} <= set(
        button_labels(scene)
    )
    renamed = tuple(
        attrs.evolve(b, button_key="F2") if b.action in ("report", "end_turn") else b for b in keymap.BINDINGS
    )
    monkeypatch.setattr(keymap, "BINDINGS", renamed)
    scene.rebuild()
    labels = button_labels(scene)
    assert "Report (F2)" in labels and "End turn (F2)" in labels
    assert "Report (R)" not in labels
    from game.ui.scenes.help import HelpScene

    help_scene = HelpScene(app.ctx, None)
    app.apply(push(help_scene))
    settle(app)
    assert "Close (Esc)" in button_labels(help_scene)


def test_a_label_for_an_action_without_a_button_key_is_refused():
    with pytest.raises(ValueError, match="names no key"):
        keymap.label("Load", "campaign", "load")
