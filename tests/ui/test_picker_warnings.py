"""The scenario picker shows what `validate` warns about a playable file, e.g. a shortened campaign."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ui_helpers import settle

from game.ui.scene import push

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def short_child(tmp_path, monkeypatch):
    from game.ui import catalogue

    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(ROOT / "scenarios" / "window-2023.yaml", folder / "window-2023.yaml")
    child = folder / "short.yaml"
    child.write_text("format_version: 1\nextends: window-2023.yaml\nid: short\nturns: 12\n", encoding="utf-8")
    monkeypatch.setattr(catalogue, "SCENARIO_DIR", folder)
    return child


def test_a_shortened_child_is_playable_and_its_warning_is_listed(short_child):
    from game.ui import catalogue

    entry = catalogue.check(short_child)
    assert entry.scenario is not None and entry.problems == ()
    assert [w for w in entry.warnings if w.startswith("line 4, column 8: turns: 12 is shorter than")]


def test_the_picker_draws_the_warning_under_the_facts(app, short_child, monkeypatch):
    from game.ui.scenes.scenario_choice import ScenarioScene

    scene = ScenarioScene(app.ctx)
    app.apply(push(scene))
    scene.pick(next(i for i, e in enumerate(scene.entries) if e.path == short_child))
    settle(app)
    drawn: list[str] = []
    original = app.ctx.text.draw_wrapped
    monkeypatch.setattr(
        app.ctx.text, "draw_wrapped", lambda s, line, *a, **k: drawn.append(line) or original(s, line, *a, **k)
    )
    app.draw()
    assert [line for line in drawn if line.startswith("Check: line 4, column 8: turns: 12 is shorter")]
