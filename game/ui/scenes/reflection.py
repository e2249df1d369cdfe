"""A reflection prompt at the start of a turn: the question, a text entry, save or skip.

The answer goes through `sim.act("reflection", ...)`, so it is saved with the game and
replayed like any other input; the debrief lists the answers.
"""

from __future__ import annotations

import pygame
import pygame_gui

from game.sim.orders import IllegalOrder
from game.ui.classroom import Session
from game.ui.scene import Context, Scene, Transition, pop
from game.ui.theme import ACCENT, BAD, MUTED, TEXT
from game.ui.widgets import panel


class ReflectionScene(Scene):
    name = "reflection"
    overlay = True

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
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.skip()
        return super().handle_event(event)

    def build(self) -> None:
        px, text = self.ctx.px, self.ctx.text
        w, h = self.ctx.size
        width = min(w - px(80), px(760))
        self.lines = text.wrap(self.prompt, width - px(48), 17)
        height = px(200) + len(self.lines) * text.line_height(17)
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (w // 2, h // 2)
        y = self.box.y + px(70) + len(self.lines) * text.line_height(17)
        self.entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(self.box.x + px(24), y, width - px(48), px(38)), self.gui
        )
        self.entry.set_text_length_limit(600)
        if self.typed:
            self.entry.set_text(self.typed)
        self.entry.focus()
        by = self.box.bottom - px(54)
        self.add_button(
            pygame.Rect(self.box.right - px(184), by, px(160), px(38)),
            "Save answer",
            self.save,
            "Saved with the game; it appears in the debrief.",
            "#primary",
        )
        self.add_button(
            pygame.Rect(self.box.right - px(310), by, px(118), px(38)),
            "Skip (Esc)",
            self.skip,
            "Not now: the prompt is not asked again this turn.",
        )

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 160))
        surface.blit(shade, (0, 0))
        panel(surface, self.box)
        pygame.draw.rect(surface, ACCENT, self.box, 2, border_radius=6)
        sim = self.session.sim
        text.draw(
            surface,
            f"Reflection — turn {sim.turn}, {sim.date_label()}",
            (self.box.x + px(24), self.box.y + px(16)),
            19,
            TEXT,
            bold=True,
        )
        y = self.box.y + px(56)
        for line in self.lines:
            text.draw(surface, line, (self.box.x + px(24), y), 17, ACCENT)
            y += text.line_height(17)
        note = self.message or "Type your answer, then Enter. It is saved with the game and listed in the debrief."
        text.draw(
            surface,
            text.clip(note, self.box.width - px(360), 13),
            (self.box.x + px(24), self.box.bottom - px(44)),
            13,
            BAD if self.message else MUTED,
        )
