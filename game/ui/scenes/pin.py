"""The classroom lock's prompt: a hidden entry that opens one guarded thing (the facilitator view,
loading, reload, the main menu). A wrong PIN is refused; after three, each wait doubles."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui

from game.ui.classroom import Session
from game.ui.scene import Context, Scene, Transition, pop, replace
from game.ui.theme import ACCENT, BAD, MUTED, TEXT, WARN
from game.ui.widgets import panel


class PinScene(Scene):
    name = "pin"
    escape_closes = True
    overlay = True

    def __init__(
        self,
        ctx: Context,
        session: Session,
        then: Callable[[], Transition | None] | None = None,
        purpose: str = "the facilitator view",
    ) -> None:
        super().__init__(ctx)
        self.session = session
        self.then = then
        self.purpose = purpose
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        self.message = ""

    def on_enter(self) -> None:
        self.session.hold()  # typing the PIN is facilitator time too
        super().on_enter()

    def on_leave(self) -> None:
        self.session.release()
        super().on_leave()

    def opened(self) -> Transition | None:
        """What the right PIN unlocks, in place of this prompt."""
        if self.then is None:
            from game.ui.scenes.facilitator import FacilitatorScene

            return replace(FacilitatorScene(self.ctx, self.session))
        result = self.then()
        if result is None:
            return pop()
        return replace(result.scene) if result.kind == "push" and result.scene is not None else result

    def submit(self) -> Transition | None:
        guard = self.session.guard
        wait = guard.wait()
        if wait > 0:  # not even checked: a guess during the wait costs nothing and tells nothing
            self.message = f"Too many wrong PINs: try again in {wait:.0f} s."
            self.rebuild()
            return None
        typed = self.entry.get_text() if self.entry else ""
        if self.session.check_pin(typed):  # the session counts wrong guesses (and keeps the count)
            return self.opened()
        wait = guard.wait()
        later = f" Next try in {wait:.0f} s." if wait > 0 else ""
        self.message = f"Wrong PIN: {self.purpose} stays closed.{later}"
        self.rebuild()
        return None

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return self.submit()
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.box = pygame.Rect(0, 0, px(460), px(230))
        self.box.center = (w // 2, h // 2)
        self.entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(self.box.x + px(24), self.box.y + px(80), px(220), px(38)), self.gui
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
        text.draw(surface, "Facilitator PIN", (self.box.x + px(24), self.box.y + px(16)), 19, TEXT, bold=True)
        width = self.box.width - px(48)
        text.draw(
            surface,
            text.clip(f"The PIN opens {self.purpose}.", width, 13),
            (self.box.x + px(24), self.box.y + px(48)),
            13,
            MUTED,
        )
        note = self.message or "Enter the PIN set at the start of the game."
        rect = pygame.Rect(self.box.x + px(24), self.box.y + px(126), width, px(40))
        text.draw_wrapped(surface, note, rect, 13, BAD if self.message else MUTED)
        if self.session.lock_note:
            text.draw(surface, text.clip(self.session.lock_note, width, 12), (rect.x, rect.y + px(36)), 12, WARN)
