"""Tooltips for hand-drawn numbers: register a rectangle and its text; hover shows it.

pygame_gui gives buttons their tooltips; the panels are drawn by hand for speed, so they
register their numbers here instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.theme import ACCENT, TEXT

if TYPE_CHECKING:
    from game.ui.scene import Context

DELAY_S = 0.35


class Tips:
    """Hover areas of one scene and the tooltip currently shown."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.zones: list[tuple[pygame.Rect, str]] = []
        self.hover: tuple[pygame.Rect, str] | None = None
        self.waited = 0.0
        self.shown = False
        self.mouse = (0, 0)

    def clear(self) -> None:
        self.zones.clear()
        self.hover = None
        self.shown = False

    def add(self, rect: pygame.Rect, text: str) -> None:
        self.zones.append((pygame.Rect(rect), text))

    def at(self, pos: tuple[int, int]) -> str | None:
        for rect, text in reversed(self.zones):
            if rect.collidepoint(pos):
                return text
        return None

    def update(self, dt: float) -> bool:
        """Track the mouse; return True when the tooltip appears or disappears."""
        pos = self.mouse
        zone = next(((r, t) for r, t in reversed(self.zones) if r.collidepoint(pos)), None)
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
