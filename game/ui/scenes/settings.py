"""Settings: UI scale and window size."""

from __future__ import annotations

import pygame

from game.ui import prefs
from game.ui.scene import Context, Scene, Transition, pop
from game.ui.tab_row import RowStyle, Tab, tab_row
from game.ui.theme import ACCENT, BAD, MUTED, TEXT


class SettingsScene(Scene):
    name = "settings"
    escape_closes = True
    SCALES = prefs.SCALES
    SIZES = ((1280, 720), (1600, 900), (1920, 1080))

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.note = ""

    def set_scale(self, scale: float) -> Transition:
        """Apply the scale now and remember it for the next start."""
        self.ctx.settings.ui_scale = scale
        self.note = prefs.save_ui_scale(scale)
        return Transition("rescale")

    def set_size(self, size: tuple[int, int]) -> Transition:
        return Transition("resize", then=lambda: size)  # the app reads the size from `then`

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        x0 = w // 2 - px(260)
        scales = [
            Tab(
                f"{s:.0%}",
                lambda s=s: self.set_scale(s),
                "Text and widget size",
                abs(s - self.ctx.settings.ui_scale) < 1e-6,
            )
            for s in self.SCALES
        ]
        tab_row(self, x0, px(140), scales, RowStyle(height=px(38), gap=px(10), width=px(120)))
        sizes = [
            Tab(
                f"{s[0]}×{s[1]}",
                lambda s=s: self.set_size(s),
                "Window size (you can also drag its edges)",
                s == self.ctx.size,
            )
            for s in self.SIZES
        ]
        tab_row(self, x0, px(250), sizes, RowStyle(height=px(38), gap=px(10), width=px(165)))
        self.add_button(pygame.Rect(w // 2 - px(80), h - px(80), px(160), px(40)), "Back", pop, None, "#primary")

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        w, _ = self.ctx.size
        text.draw(surface, "Settings", (w // 2, px(50)), 26, TEXT, bold=True, anchor="center")
        text.draw(surface, "UI scale", (w // 2 - px(260), px(110)), 16, ACCENT, bold=True)
        applied = (
            f"Drawn at {self.ctx.scale:.0%}: larger windows draw larger, small ones as large as fits."
            if abs(self.ctx.scale - self.ctx.settings.ui_scale) > 1e-6
            else "Kept for the next start."
        )
        note = self.note or applied
        text.draw(
            surface, text.clip(note, w - px(40), 13), (w // 2 - px(260), px(198)), 13, BAD if self.note else MUTED
        )
        text.draw(surface, "Window size", (w // 2 - px(260), px(220)), 16, ACCENT, bold=True)
