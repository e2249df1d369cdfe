"""A reflection prompt at the start of a turn: the question, a text entry, save or skip.

The answer goes through `sim.act("reflection", ...)`, so it is saved with the game and
replayed like any other input; the debrief lists the answers.
"""

from __future__ import annotations

import pygame
import pygame_gui

from game.sim.orders import IllegalOrder
from game.ui.classroom import Session
from game.ui.dialog import Dialog
from game.ui.scene import Context, Transition, pop
from game.ui.theme import ACCENT, BAD, MUTED


class ReflectionScene(Dialog):
    """Esc skips; Enter in the entry saves the answer."""

    name = "reflection"
    backdrop_alpha = 160
    inset = 24

    def __init__(self, ctx: Context, session: Session, reflection: object) -> None:
        super().__init__(ctx)
        self.session = session
        self.reflection = reflection
        self.entry: pygame_gui.elements.UITextEntryLine | None = None
        self.message = ""
        self.typed = ""

    @property
    def prompt(self) -> str:
        return str(getattr(self.reflection, "prompt", ""))

    @property
    def heading(self) -> str:
        sim = self.session.sim
        return f"Reflection — turn {sim.turn}, {sim.date_label()}"

    def cancel(self) -> Transition | None:
        return self.skip()

    def save(self) -> Transition | None:
        answer = self.entry.get_text() if self.entry else ""
        try:
            self.session.sim.act("reflection", {"id": self.reflection.id, "answer": answer})  # type: ignore[attr-defined]
        except IllegalOrder as error:
            self.message = f"Not saved: {error.reason}."
            self.typed = answer
            self.rebuild()
            return None
        return pop()

    def skip(self) -> Transition:
        """Skipped prompts do not come back this turn (they are not saved)."""
        sim = self.session.sim
        self.session.skipped_prompts.add((sim.turn, self.reflection.id))  # type: ignore[attr-defined]
        return pop()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            return self.save()
        return super().handle_event(event)

    def build(self) -> None:
        px, text = self.ctx.px, self.ctx.text
        w, _h = self.ctx.size
        width = min(w - px(80), px(760))
        self.lines = text.wrap(self.prompt, width - px(48), 17)
        height = px(200) + len(self.lines) * text.line_height(17)
        self.place_box(width, height)
        y = self.box.y + px(70) + len(self.lines) * text.line_height(17)
        self.entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(self.box.x + px(24), y, width - px(48), px(38)), self.gui
        )
        self.entry.set_text_length_limit(600)
        if self.typed:
            self.entry.set_text(self.typed)
        self.entry.focus()
        skip = ("Skip (Esc)", self.skip, "Not now: the prompt is not asked again this turn.")
        save = ("Save answer", self.save, "Saved with the game; it appears in the debrief.")
        self.button_row((skip, save), save[0], (px(118), px(160)), height=38)

    def draw_body(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        y = self.box.y + px(56)
        for line in self.lines:
            text.draw(surface, line, (self.box.x + px(24), y), 17, ACCENT)
            y += text.line_height(17)
        note = self.message or "Type your answer, then Enter. It is saved with the game and listed in the debrief."
        room = self.box.width - px(360)  # left of the buttons
        lines = text.wrap(note, room, 13)[:2]  # two lines fit beside the buttons; a third would be clipped
        if len(text.wrap(note, room, 13)) > 2:
            lines[-1] = text.clip(" ".join(text.wrap(note, room, 13)[1:]), room, 13)
        top = self.box.bottom - px(44) - (text.line_height(13) // 2 if len(lines) > 1 else 0)
        for index, line in enumerate(lines):
            text.draw(
                surface,
                line,
                (self.box.x + px(24), top + index * text.line_height(13)),
                13,
                BAD if self.message else MUTED,
            )
