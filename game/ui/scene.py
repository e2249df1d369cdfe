"""The scene lifecycle and the transitions scenes return (the app owns the stack).

A scene builds its widgets in `build` (called on enter, on resize and when the UI scale
changes), reacts in `handle_event`/`update`, and paints in `draw`, which never changes game
state. Instead of reaching for globals, a scene returns a `Transition` and the app applies it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pygame
import pygame_gui

from game.ui.layout import effective_scale
from game.ui.text import Text
from game.ui.theme import BACKGROUND, gui_theme
from game.ui.tips import Tips


@attrs.define
class Settings:
    """Player settings kept for the session."""

    ui_scale: float = 1.0


@attrs.define
class Context:
    """What every scene may read: window size, fonts, settings, the command's options."""

    size: tuple[int, int]
    text: Text
    settings: Settings
    options: dict[str, Any] = attrs.field(factory=dict)
    screenshot_dir: Path | None = None
    # Managers of closed scenes, by UI scale: a new UIManager parses the theme and loads fonts
    # (about 30 ms), which every dialog would otherwise pay again when it opens.
    spare_guis: dict[float, list[pygame_gui.UIManager]] = attrs.field(factory=dict)

    _scale_for: tuple[tuple[int, int], float] | None = attrs.field(default=None, init=False, repr=False)
    _scale: float = attrs.field(default=1.0, init=False, repr=False)

    @property
    def scale(self) -> float:
        """The scale everything is drawn at: the setting, adjusted to the window (see `effective_scale`).

        Worked out again only when the size or the setting changed: `px` asks for it hundreds of
        times a frame."""
        key = (self.size, self.settings.ui_scale)
        if key != self._scale_for:
            self._scale_for, self._scale = key, effective_scale(*key)
        return self._scale

    def new_gui(self) -> pygame_gui.UIManager:
        spare = self.spare_guis.get(self.scale)
        if spare:
            gui = spare.pop()
            gui.clear_and_reset()
            gui.set_window_resolution(self.size)
            return gui
        return pygame_gui.UIManager(self.size, gui_theme(self.scale), enable_live_theme_updates=False)

    def release_gui(self, gui: pygame_gui.UIManager, scale: float) -> None:
        """Keep a closed scene's manager for the next scene (a few at most)."""
        spare = self.spare_guis.setdefault(scale, [])
        if len(spare) < 3 and gui not in spare:
            gui.clear_and_reset()
            spare.append(gui)

    def px(self, value: float) -> int:
        """A length in pixels at the current UI scale."""
        return round(value * self.scale)


@attrs.frozen
class Transition:
    """What the app should do with the stack: push, pop, replace, reset (clear then push) or quit."""

    kind: str
    scene: Scene | None = None
    then: Callable[[], None] | None = None


def push(scene: Scene) -> Transition:
    return Transition("push", scene)


def pop() -> Transition:
    return Transition("pop")


def replace(scene: Scene) -> Transition:
    return Transition("replace", scene)


def reset(scene: Scene) -> Transition:
    return Transition("reset", scene)


def quit_game() -> Transition:
    return Transition("quit")


class Scene:
    """One screen. Overlay scenes (dialogs) are drawn over the scene beneath them."""

    name = "scene"
    overlay = False
    escape_closes = False  # Esc pops the scene (menus and dialogs)

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.gui = ctx.new_gui()
        self.gui_scale = ctx.scale
        self.tips = Tips(ctx)
        self.dirty = True
        self.handlers: dict[Any, Callable[[], Transition | None]] = {}
        self.keys: dict[str, Any] = {}  # buttons whose shown label repeats get a unique key

    # --- lifecycle ----------------------------------------------------------------------

    def on_enter(self) -> None:
        """Called when the scene becomes part of the stack: lay it out."""
        self.rebuild()

    def on_leave(self) -> None:
        """Called when the scene leaves the stack for good: its widget manager is reused."""
        self.handlers.clear()
        self.keys.clear()
        self.ctx.release_gui(self.gui, self.gui_scale)

    def on_resume(self) -> Transition | None:
        """Called when the scene above this one closes."""
        self.dirty = True
        return None

    def rebuild(self, new_theme: bool = False) -> None:
        """Throw away the widgets and lay the scene out again for the current size and scale."""
        if new_theme:
            self.gui = self.ctx.new_gui()
            self.gui_scale = self.ctx.scale
        else:
            self.gui.clear_and_reset()
            self.gui.set_window_resolution(self.ctx.size)
        self.handlers.clear()
        self.keys.clear()
        self.tips.clear()
        self.build()
        # pygame_gui draws from a visibility list its update() refreshes; a scene under a dialog
        # is not updated, so without this it would keep drawing the widgets it just threw away.
        self.gui.update(0.0)
        self.dirty = True

    def build(self) -> None:
        """Create widgets; override."""

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        """React to one event after the GUI has seen it; override and call `on_ui` for buttons.

        Scenes that set `escape_closes` are closed by Esc here, so none repeats that check.
        """
        if self.escape_closes and event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return pop()
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            return self.on_button(event.ui_element)
        return None

    def on_button(self, element: Any) -> Transition | None:
        handler = self.handlers.get(element)
        return handler() if handler else None

    def add_button(
        self,
        rect: pygame.Rect,
        label: str,
        handler: Callable[[], Transition | None],
        tip: str | None = None,
        object_id: str | None = None,
        enabled: bool = True,
        key: str | None = None,
    ) -> pygame_gui.elements.UIButton:
        """A button whose press calls `handler` (its return value is the transition).

        `key` names a button whose label is not unique on the screen (tests and autoplay use it).
        """
        from game.ui.widgets import button

        widget = button(self.gui, rect, label, tip, object_id, enabled)
        self.handlers[widget] = handler
        if key:
            self.keys[key] = widget
        return widget

    def find(self, label: str) -> Any:
        """The button with this key, or else with this label."""
        if label in self.keys:
            return self.keys[label]
        for widget in self.handlers:
            if widget.text == label:
                return widget
        raise KeyError(f"no button '{label}' on {self.name}")

    def press(self, label: str) -> Transition | None:
        """Press the button with this label (or key) as a click would (for autoplay and tests)."""
        return self.on_button(self.find(label))

    def button_rect(self, label: str) -> pygame.Rect:
        """Where the button with this label (or key) is on screen (tests click there)."""
        return pygame.Rect(self.find(label).rect)

    def keep_tooltips_on_screen(self) -> None:
        """Move a button's tooltip back inside the window (pygame_gui leaves one it cannot fit
        where it was, partly off screen)."""
        window = pygame.Rect((0, 0), self.ctx.size)
        for widget in self.handlers:
            tip = getattr(widget, "tool_tip", None)
            if tip is not None and not window.contains(tip.rect):
                tip.set_position(pygame.Rect(tip.rect).clamp(window).topleft)

    def hide_tooltips(self) -> None:
        """A dialog opens over this scene: no tooltip of it may stay drawn over the dialog."""
        self.tips.hover, self.tips.shown = None, False
        for widget in self.handlers:
            tip = getattr(widget, "tool_tip", None)
            if tip is not None:
                tip.kill()
                widget.tool_tip = None

    def update(self, dt: float) -> Transition | None:
        if self.tips.update(dt):
            self.dirty = True
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the background, the scene's own drawing, the widgets and any tooltip."""
        if not self.overlay:
            surface.fill(BACKGROUND)
        self.draw_content(surface)
        self.gui.draw_ui(surface)
        self.tips.draw(surface)

    def draw_content(self, surface: pygame.Surface) -> None:
        """Hand-drawn parts (map, panels, charts); override."""
