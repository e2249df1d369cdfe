"""Playtest 6: SIGTERM ends the game instead of opening a "Quit?" dialog nobody will answer."""

from __future__ import annotations

import os
import signal

from ui_helpers import settle

from game.ui.app import stop_on_sigterm
from game.ui.scene import push
from game.ui.scenes.title import TitleScene


def test_sigterm_stops_the_loop_without_asking(app):
    previous = signal.getsignal(signal.SIGTERM)
    try:
        app.apply(push(TitleScene(app.ctx)))
        settle(app)
        stop_on_sigterm(app)
        os.kill(os.getpid(), signal.SIGTERM)
        settle(app)
        assert not app.running
        assert [scene.name for scene in app.stack] == ["title"]  # no quit dialog pushed
    finally:
        signal.signal(signal.SIGTERM, previous)
