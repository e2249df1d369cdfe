"""The facilitator's PIN prompt: a hidden entry; a wrong PIN is refused and says so."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui.classroom import Session
from game.ui.scene import Context, Scene, Transition, pop, replace
from game.ui.theme import ACCENT, BAD, MUTED, TEXT
from game.ui.widgets import panel


class PinScene(Scene):
    name = "pin"
    escape_closes = True
    overlay = True

    def __init__(self, ctx: Context, session: Session) -> None:
        super().__init__(ctx)
        self.session = session
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        self.message = ""

    def on_enter(self) -> None:
        self.session.hold()  # typing the PIN is facilitator time too
        super().on_enter()

    def on_leave(self) -> None:
        self.session.release()
        super().on_leave()

    def submit(self) -> Transition | None:
        from game.ui.scenes.facilitator import FacilitatorScene

        typed = self.entry.get_text() if self.entry else ""
        if self.session.check_pin(typed):
            return replace(FacilitatorScene(self.ctx, self.session))
        self.message = "Wrong PIN: the facilitator view stays closed."
        self.rebuild()
        return None

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return self.submit()
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.box = pygame.Rect(0, 0, px(420), px(210))
        self.box.center = (w // 2, h // 2)
        self.entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(self.box.x + px(24), self.box.y + px(66), px(220), px(38)), self.gui
        )
        self.entry.set_text_hidden(True)
        self.entry.focus()
        by = self.box.bottom - px(54)
        self.add_button(
            pygame.Rect(self.box.right - px(144), by, px(120), px(38)), "Open", self.submit, None, "#primary"
        )
        self.add_button(pygame.Rect(self.box.right - px(264), by, px(110), px(38)), "Cancel", pop)

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        surface.blit(shade, (0, 0))
        panel(surface, self.box)
        pygame.draw.rect(surface, ACCENT, self.box, 2, border_radius=6)
        text.draw(surface, "Facilitator PIN", (self.box.x + px(24), self.box.y + px(18)), 19, TEXT, bold=True)
        note = self.message or "Enter the PIN set at the start of the game."
        text.draw(surface, note, (self.box.x + px(24), self.box.y + px(116)), 13, BAD if self.message else MUTED)
