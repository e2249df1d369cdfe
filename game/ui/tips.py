"""Tooltips for hand-drawn numbers: register a rectangle and its text; hover shows it.

pygame_gui gives buttons their tooltips; the panels are drawn by hand for speed, so they
register their numbers here instead. A zone's text may be a function of the mouse position
(the map: which state is under it), looked up only when the mouse moves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.theme import ACCENT, TEXT

if TYPE_CHECKING:
    from game.ui.scene import Context

DELAY_S = 0.35
TipText = str | Callable[[tuple[int, int]], str | None]


class Tips:
    """Hover areas of one scene and the tooltip currently shown."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.zones: list[tuple[pygame.Rect, TipText]] = []
        self.hover: tuple[pygame.Rect, str] | None = None
        self.waited = 0.0
        self.shown = False
        self.mouse = (0, 0)
        self._looked: tuple[tuple[int, int], int] | None = None  # (mouse, zone count) of the last lookup
        self._found: tuple[pygame.Rect, str] | None = None

    def clear(self) -> None:
        self.zones.clear()
        self.hover = None
        self.shown = False
        self._looked = None

    def add(self, rect: pygame.Rect, text: TipText) -> None:
        self.zones.append((pygame.Rect(rect), text))
        self._looked = None

    def zone(self, pos: tuple[int, int]) -> tuple[pygame.Rect, str] | None:
        """The zone under `pos` and its text (a zone whose function says None is skipped)."""
        for rect, text in reversed(self.zones):
            if rect.collidepoint(pos):
                resolved = text(pos) if callable(text) else text
                if resolved:
                    return rect, resolved
        return None

    def at(self, pos: tuple[int, int]) -> str | None:
        found = self.zone(pos)
        return found[1] if found else None

    def update(self, dt: float) -> bool:
        """Track the mouse; return True when the tooltip appears or disappears."""
        pos = self.mouse
        if self._looked != (pos, len(self.zones)):
            self._looked, self._found = (pos, len(self.zones)), self.zone(pos)
        zone = self._found
        changed = False
        if zone != self.hover:
            changed = self.shown
            self.hover, self.waited, self.shown = zone, 0.0, False
        elif zone is not None and not self.shown:
            self.waited += dt
            if self.waited >= DELAY_S:
                self.shown = True
                changed = True
        return changed

    def motion(self, pos: tuple[int, int]) -> None:
        """The mouse moved (the app forwards every MOUSEMOTION)."""
        self.mouse = pos

    def draw(self, surface: pygame.Surface) -> None:
        if not (self.shown and self.hover):
            return
        text = self.ctx.text
        width = self.ctx.px(340)
        lines = text.wrap(self.hover[1], width - self.ctx.px(16), 13)
        step = text.line_height(13)
        box = pygame.Rect(0, 0, width, step * len(lines) + self.ctx.px(12))
        box.topleft = (self.mouse[0] + 16, self.mouse[1] + 18)
        box.clamp_ip(surface.get_rect())
        if box.collidepoint(self.mouse):
            box.bottom = self.mouse[1] - 6
            box.clamp_ip(surface.get_rect())
        pygame.draw.rect(surface, (15, 20, 27), box)
        pygame.draw.rect(surface, ACCENT, box, 1)
        y = box.top + self.ctx.px(6)
        for line in lines:
            text.draw(surface, line, (box.left + self.ctx.px(8), y), 13, TEXT)
            y += step
