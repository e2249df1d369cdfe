"""Issue 11, sizes: every screen at 1024×640, 1280×800 and 1920×1080, at UI scales 100% and 130%.

No button label wider than its button, no hand-drawn line past the edge of what it is drawn on,
nothing in the campaign's top bar overlapping, every tooltip on screen and none left over a
dialog. Each screen is saved to /work/shots/polish (or $CROSSROADS_SHOTS) to be looked at.
"""

from __future__ import annotations

import itertools
import os
import sys
import warnings
from pathlib import Path

import pygame
import pytest
from screen_tour import SHIPPED, leave, menus, show, tour

from game.ui.scene import pop

SIZES = [(1024, 640), (1280, 800), (1920, 1080)]
SETTINGS = [1.0, 1.3]
SHOTS = Path(os.environ.get("CROSSROADS_SHOTS", "/work/shots/polish"))
# The map's own labels are being redrawn in another branch (issue 11's map items), so only what
# the screens draw around the map is checked here.
MAP_MODULES = ("game.ui.mapview",)
# The state panel draws trial passes until one fits (discarded surfaces); its own test below
# checks the pass that is shown stays inside the panel.
SKIPPED_MODULES = (*MAP_MODULES, "game.ui.state_panel")
WINDOW_2023 = next(p for p in SHIPPED if p.name == "window-2023.yaml")


def set_window(app, size: tuple[int, int], setting: float) -> None:
    from game.ui.text import Text

    app.ctx.settings.ui_scale = setting
    app.ctx.text = Text(app.ctx.scale)
    app.resize(size)


@pytest.fixture
def drawn_text(monkeypatch):
    """Where each hand-drawn line went: (text, its rect, the size of the surface it was drawn on)."""
    from game.ui.text import Text

    lines: list[tuple[str, pygame.Rect, tuple[int, int], pygame.Surface]] = []
    original = Text.draw

    def draw(self, target, text, *args, **kwargs):
        rect = original(self, target, text, *args, **kwargs)
        if sys._getframe(1).f_globals["__name__"] not in SKIPPED_MODULES:
            lines.append((text, rect, target.get_size(), target))  # the surface is kept: ids stay unique
        return rect

    monkeypatch.setattr(Text, "draw", draw)
    return lines


def label_overflows(scene) -> list[str]:
    found = []
    for widget in scene.handlers:
        font = widget.drawable_shape.theming["font"]
        if widget.text and font.size(widget.text)[0] > widget.rect.width - 4:
            found.append(f"button {widget.text!r} ({font.size(widget.text)[0]} px in {widget.rect.width})")
    return found


def text_overflows(lines) -> list[str]:
    found = []
    for text, rect, size, _target in lines:
        if text.strip() and not pygame.Rect((0, 0), size).inflate(2, 2).contains(rect):
            found.append(f"line {text[:60]!r} at {tuple(rect)} on {size}")
    return found


def text_collisions(lines) -> list[str]:
    """Hand-drawn lines on the same surface that overlap (a title and its page counter)."""
    found = []
    placed = {(tuple(rect), id(target), text) for text, rect, _size, target in lines if text.strip()}
    placed = sorted(placed)
    for i, (a, target_a, text_a) in enumerate(placed):
        for b, target_b, text_b in placed[i + 1 :]:
            if (
                target_a == target_b
                and a != b
                and pygame.Rect(a).inflate(-2, -4).colliderect(pygame.Rect(b).inflate(-2, -4))
            ):
                found.append(f"{text_a[:40]!r} and {text_b[:40]!r} overlap")
    return found


def top_bar_overlaps(scene, lines) -> list[str]:
    """Lines and buttons of the top bar that overlap (shrunk a little: stacked lines may touch)."""
    top = scene.layout.top
    texts = {
        tuple(rect)
        for text, rect, size, _target in lines
        if size == scene.ctx.size and top.contains(rect) and text.strip()
    }
    buttons = {tuple(w.rect) for w in scene.handlers if top.contains(w.rect)}
    items = [pygame.Rect(r).inflate(-2, -4) for r in sorted(texts | buttons)]
    return [
        f"top bar items {tuple(a)} and {tuple(b)} overlap"
        for i, a in enumerate(items)
        for b in items[i + 1 :]
        if a.colliderect(b)
    ]


def hover(scene, pos: tuple[int, int], monkeypatch) -> None:
    """Rest the mouse at `pos` long enough for tooltips (pygame_gui reads pygame.mouse.get_pos)."""
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: pos)
    scene.tips.motion(pos)
    for _ in range(3):
        scene.gui.update(0.4)
        scene.keep_tooltips_on_screen()
        scene.update(0.4)


def tooltips_off_screen(app, scene, monkeypatch) -> tuple[int, list[str]]:
    """Hover each button with a tooltip; every tooltip shown must be inside the window."""
    window = pygame.Rect((0, 0), app.ctx.size)
    found, shown = [], 0
    for widget in [w for w in scene.handlers if w.tool_tip_text]:
        hover(scene, widget.rect.center, monkeypatch)
        tip = widget.tool_tip
        shown += tip is not None
        if tip is not None and not window.contains(tip.rect):
            found.append(f"tooltip of {widget.text!r} at {tuple(tip.rect)}")
    return shown, found


def _shot(app, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    w, h = app.ctx.size
    pygame.image.save(app.screen, str(SHOTS / f"{w}x{h}-{app.ctx.settings.ui_scale:.0%}-{name}.png"))


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: f"{s:.0%}")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits_the_window(app, size, setting, drawn_text):
    from game.content.loader import load_scenario

    set_window(app, size, setting)
    scenario = load_scenario(WINDOW_2023)
    problems: list[str] = []
    first_event = True
    for name, scene in itertools.chain(menus(app), tour(app, scenario, WINDOW_2023, every_state=False)):
        app.draw()
        problems += [f"{name}: {p}" for p in label_overflows(scene) + text_overflows(drawn_text)]
        if not scene.overlay:  # a dialog is drawn over the scene beneath it, by design
            problems += [f"{name}: {p}" for p in text_collisions(drawn_text)]
        if name.startswith("campaign") or name == "hot-seat campaign":
            problems += [f"{name}: {p}" for p in top_bar_overlaps(scene, drawn_text)]
        drawn_text.clear()
        if not name.startswith("event ") or first_event:
            first_event = first_event and not name.startswith("event ")
            _shot(app, name.replace(" ", "-"))
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("size", [(1024, 640), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_tooltips_stay_on_screen(app, sim, size, monkeypatch):
    from game.ui.classroom import ClassroomSetup, Session
    from game.ui.scenes.campaign import CampaignScene

    set_window(app, size, 1.3)
    session = Session(sim, ClassroomSetup(("us", "russia"), minutes=5))
    scene = show(app, CampaignScene(app.ctx, sim, session))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        shown, off_screen = tooltips_off_screen(app, scene, monkeypatch)
    assert shown >= 10 and not off_screen, off_screen
    assert not [w for w in caught if "tool tip" in str(w.message)]  # pygame_gui found room for every one
    leave(app)


def test_no_tooltip_stays_drawn_over_a_dialog(app, sim, monkeypatch):
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.message import quit_confirm

    scene = show(app, CampaignScene(app.ctx, sim))
    widget = scene.find("Report (R)")
    hover(scene, widget.rect.center, monkeypatch)
    assert widget.tool_tip is not None  # a button's tooltip is up
    show(app, quit_confirm(app.ctx))
    assert widget.tool_tip is None
    app.apply(pop())
    hover(scene, scene.map.screen_point("kazakhstan"), monkeypatch)
    assert scene.tips.shown  # a hand-drawn panel's tooltip is up
    show(app, quit_confirm(app.ctx))
    assert widget.tool_tip is None and not scene.tips.shown


@pytest.mark.parametrize("opening", [False, True], ids=["", "with-opening"])
@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: f"{s:.0%}")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_state_panel_fits_its_height_for_every_state(app, sim, size, setting, opening):
    from game.ui.layout import CampaignLayout
    from game.ui.state_panel import draw_state_panel
    from game.ui.tips import Tips

    set_window(app, size, setting)
    for _ in range(4):  # goodwill in the pipeline, fading cash: the panel at its fullest
        sim.end_turn()
    if opening:  # an event's passing opening adds a row to the conditions
        for country in sim.state.countries.values():
            country.values["opening"] = 16.0
    area = CampaignLayout.for_size(app.ctx.size, app.ctx.scale).state
    for state_id in sim.world.state_ids:
        tips = Tips(app.ctx)
        draw_state_panel(pygame.Surface(area.size), app.ctx, sim, state_id, tips, area.topleft)
        outside = [tuple(rect) for rect, _tip in tips.zones if not area.contains(rect)]
        assert not outside, (state_id, outside)


def test_chart_end_labels_stay_inside_the_chart(app, monkeypatch, drawn_text):
    from game.ui.charts import Line, line_chart

    box = pygame.Rect(10, 10, 400, 200)
    lines = [Line(f"State {i}", [50.0, 0.0], (200, 200, 200), 2) for i in range(5)]  # all end at the bottom
    line_chart(app.screen, box, app.ctx.text, "US alignment per state", lines)
    labels = [rect for text, rect, _size, _target in drawn_text if text.startswith("State ")]
    assert len(labels) == 5 and all(box.contains(rect) for rect in labels)
    assert len({rect.y for rect in labels}) == 5  # one line apart, none on top of another


def test_the_reflection_note_is_whole_beside_its_buttons_at_1280x720(app, sim, drawn_text):
    from game.ui.classroom import Session
    from game.ui.scene import push
    from game.ui.scenes.reflection import ReflectionScene

    app.resize((1280, 720))
    app.apply(push(ReflectionScene(app.ctx, Session(sim), sim.scenario.reflections[0])))
    for _ in range(3):
        app.step()
    notes = [text for text, _rect, _size, _target in drawn_text if "Type your answer" in text or "debrief" in text]
    assert notes and not any(text.endswith("…") for text in notes)  # it wraps instead of being cut
    assert " ".join(notes).endswith("listed in the debrief.")
