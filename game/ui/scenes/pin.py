"""The classroom lock's prompt: a hidden entry that opens one guarded thing (the facilitator view,
loading, reload, the main menu). A wrong PIN is refused; after three, each wait doubles."""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui

from game.ui.classroom import Session
from game.ui.dialog import Dialog
from game.ui.scene import Context, Transition, pop, replace
from game.ui.theme import BAD, MUTED, WARN


class PinScene(Dialog):
    """Esc cancels; Enter in the entry (not a bare Enter key) submits, so a PIN is never sent twice."""

    name = "pin"
    backdrop_alpha = 170
    inset = 24
    heading = "Facilitator PIN"

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
        self.place_box(px(460), px(230))
        self.entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(self.box.x + px(24), self.box.y + px(80), px(220), px(38)), self.gui
        )
        self.entry.set_text_hidden(True)
        self.entry.focus()
        self.button_row((("Cancel", pop), ("Open", self.submit)), "Open", (px(110), px(120)), height=38, gap=10)

    def draw_body(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
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
