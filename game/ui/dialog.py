"""The dialog every box over another screen shares: backdrop, frame, title, buttons, keys.

Each dialog used to draw its own dimmed backdrop, panel, edge and title and handle Esc and
Enter by hand; here that frame is written once. A dialog lays out its box in `build` (with
`place_box`), says what Esc (`cancel`) and Enter (`accept`) do, and draws only its body.
Full-screen forms (setup, save, load) are dialogs that are not overlays: the same keys and
title, without the backdrop and frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui import keymap
from game.ui.scene import Context, Scene, Transition, pop
from game.ui.theme import ACCENT, TEXT, Colour
from game.ui.widgets import panel

Choice = tuple[str, Callable[[], Transition | None]] | tuple[str, Callable[[], Transition | None], str]


class Dialog(Scene):
    """A box drawn over the scene beneath (which stays visible, dimmed) that takes every key."""

    name = "dialog"
    overlay = True
    backdrop_alpha = 150  # how dark the scene beneath goes
    edge: Colour = ACCENT  # the frame's colour (problems use the error colour)
    inset = 20  # from the box's left edge to the title and body
    title_size = 19
    cancel_keys: tuple[int, ...] = keymap.keys("dialog", "cancel")
    accept_keys: tuple[int, ...] = keymap.keys("dialog", "accept")

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.box = pygame.Rect(0, 0, 0, 0)

    @property
    def heading(self) -> str:
        """The title drawn at the top of the box; override."""
        return ""

    def place_box(self, width: int, height: int) -> pygame.Rect:
        """Centre a box of this size in the window and keep it as `self.box`."""
        w, h = self.ctx.size
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (w // 2, h // 2)
        return self.box

    # --- keys -----------------------------------------------------------------------------

    def cancel(self) -> Transition | None:
        """Esc: close without doing anything (dialogs that mean something else override)."""
        return pop()

    def accept(self) -> Transition | None:
        """Enter: the dialog's default choice; None when Enter means nothing here."""
        return None

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in self.cancel_keys:
                return self.cancel()
            if event.key in self.accept_keys:
                return self.accept()
        return super().handle_event(event)

    # --- buttons --------------------------------------------------------------------------

    def button_row(
        self,
        choices: Sequence[Choice],
        primary: str | None,
        widths: Sequence[int] | None = None,
        height: int = 40,
        gap: int = 8,
        bottom: int = 16,
    ) -> None:
        """Buttons along the box's bottom, right-aligned in the given order; `primary` is highlighted.

        A choice is (label, handler) or (label, handler, tooltip). Without `widths` each button is
        as wide as its label needs; `gap` and `bottom` are unscaled pixels.
        """
        px = self.ctx.px
        x = self.box.right - px(self.inset)
        y = self.box.bottom - px(bottom) - px(height)
        sizes = widths or [self.ctx.text.width(choice[0], 15) + px(36) for choice in choices]
        for choice, width in reversed(list(zip(choices, sizes, strict=True))):
            label, handler = choice[0], choice[1]
            tip = choice[2] if len(choice) > 2 else None
            x -= width
            self.add_button(
                pygame.Rect(x, y, width, px(height)), label, handler, tip, "#primary" if label == primary else None
            )
            x -= px(gap)

    # --- drawing --------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface) -> None:
        """The frame (backdrop, panel, edge, title), then the dialog's own body."""
        text, px = self.ctx.text, self.ctx.px
        if not self.overlay:  # a full-screen form: its title at the top left, no frame
            text.draw(surface, self.heading, (px(16), px(16)), 22, TEXT, bold=True)
            self.draw_body(surface)
            return
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, self.backdrop_alpha))
        surface.blit(shade, (0, 0))
        panel(surface, self.box)
        pygame.draw.rect(surface, self.edge, self.box, 2, border_radius=6)
        heading = self.heading
        if heading:
            at = (self.box.x + px(self.inset), self.box.y + px(16))
            text.draw(surface, heading, at, self.title_size, TEXT, bold=True)
        self.draw_body(surface)

    def draw_body(self, surface: pygame.Surface) -> None:
        """What the dialog shows inside its frame; override."""
