"""Playtest 6: an action refused for the selected state says which states it can target, so a
player who sees 'cannot target Kazakhstan' does not have to try the other four to find out."""

from __future__ import annotations

from ui_helpers import click_button, settle

from game.ui.scene import push
from game.ui.scenes.campaign import CampaignScene


def _row(scene, name: str) -> str:
    return next(" ".join(parts) for _y, parts, _bad, n in scene.orders.action_lines if n == name)


def test_an_action_for_border_states_names_them_when_refused(app, sim):
    scene = CampaignScene(app.ctx, sim)
    app.apply(push(scene))
    settle(app)
    scene.select("kazakhstan")
    click_button(app, "Diplomacy")
    row = _row(scene, "Border security and counter-terrorism")
    assert row == "Cannot target Kazakhstan; it can target Uzbekistan, Turkmenistan or Tajikistan"
    scene.select("tajikistan")
    app.draw()
    assert "Cannot target" not in _row(scene, "Border security and counter-terrorism")
