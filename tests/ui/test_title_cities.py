"""The title screen's city names never sit under its heading or menu (playtest: 'Astana' ran into
the title, 'Ashgabat' was cut by the Quit button), at the sizes a classroom projector uses."""

from __future__ import annotations

import pytest
from ui_helpers import settle

from game.ui.scene import push
from game.ui.scenes.title import TitleScene


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_city_names_keep_clear_of_the_heading_and_the_menu(app, size):
    app.resize(size)
    title = TitleScene(app.ctx)
    app.apply(push(title))
    settle(app)
    app.draw()
    names = title.backdrop.view.capital_labels
    assert "Ashgabat" in names, "a city clear of the menu keeps its name (moved to the dot's left if need be)"
    foreground = title.foreground()
    assert len(foreground) == 3  # the title, the subtitle and the menu
    assert {name: rect for name, rect in names.items() if rect.collidelist(list(foreground)) != -1} == {}
    assert [b for b in title.handlers if not foreground[-1].contains(b.rect)] == []
