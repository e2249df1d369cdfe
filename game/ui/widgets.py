"""Small drawing and widget helpers shared by the scenes (panels, bars, buttons)."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui.text import Text
from game.ui.theme import MUTED, PANEL, PANEL_EDGE, TEXT, Colour


def button(
    gui: pygame_gui.UIManager,
    rect: pygame.Rect,
    label: str,
    tip: str | None = None,
    object_id: str | None = None,
    enabled: bool = True,
) -> pygame_gui.elements.UIButton:
    """A themed button; `object_id` picks a style from theme.json (#primary, #tab …)."""
    widget = pygame_gui.elements.UIButton(
        pygame.Rect(rect),
        label,
        manager=gui,
        tool_tip_text=tip,
        object_id=pygame_gui.core.ObjectID(object_id=object_id) if object_id else None,
    )
    if not enabled:
        widget.disable()
    return widget


def panel(surface: pygame.Surface, rect: pygame.Rect, text: Text | None = None, title: str = "") -> int:
    """A panel background with an optional title; returns the y where content starts."""
    pygame.draw.rect(surface, PANEL, rect, border_radius=6)
    pygame.draw.rect(surface, PANEL_EDGE, rect, 1, border_radius=6)
    if text and title:
        text.draw(surface, title, (rect.x + 12, rect.y + 8), 16, TEXT, bold=True)
        return rect.y + 12 + text.line_height(16, True)
    return rect.y + 8


def bar(
    surface: pygame.Surface,
    rect: pygame.Rect,
    value: float,
    colour: Colour,
    marker: float | None = None,
    maximum: float = 100.0,
) -> None:
    """A horizontal 0–maximum bar, with an optional tick (a floor)."""
    pygame.draw.rect(surface, (20, 26, 34), rect, border_radius=3)
    filled = rect.copy()
    filled.width = max(0, round(rect.width * min(1.0, max(0.0, value / maximum))))
    if filled.width:
        pygame.draw.rect(surface, colour, filled, border_radius=3)
    if marker is not None and marker > 0:
        x = rect.x + round(rect.width * min(1.0, marker / maximum))
        pygame.draw.line(surface, (255, 255, 255), (x, rect.y - 2), (x, rect.bottom + 1), 2)
    pygame.draw.rect(surface, (70, 84, 102), rect, 1, border_radius=3)


def delta_colour(delta: float, variable: str) -> Colour:
    """Green when the change helps the US, red when it hurts, grey otherwise (see `stakes`)."""
    from game.ui.stakes import verdict

    return {1: (80, 200, 150), -1: (240, 140, 110)}.get(verdict(variable, delta), MUTED)


def signed(delta: float) -> str:
    return f"{delta:+.1f}" if abs(delta) >= 0.05 else "±0"
