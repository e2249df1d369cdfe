"""Full-screen steps that hide the game: passing the screen to the next side, and the pause.

Both are drawn opaque on purpose: while the screen changes hands nobody may see the orders
the previous side queued, and while the facilitator pauses nobody may play.
"""

from __future__ import annotations

import pygame

from game.ui import turnflow
from game.ui.classroom import Seat, Session, side_name
from game.ui.scene import Context, Scene, Transition, pop
from game.ui.theme import ACCENT, MUTED, TEXT, WARN, power_colour


class PassScreenScene(Scene):
    """'Pass the screen to Russia': the next side confirms before its panel appears."""

    name = "pass_screen"

    def __init__(self, ctx: Context, session: Session) -> None:
        super().__init__(ctx)
        self.session = session

    @property
    def seat(self) -> Seat:
        """Read live: an undo from the facilitator view (F9 here) hands the screen back to the first side."""
        return self.session.seat

    @property
    def side(self) -> str:
        return side_name(self.seat.power, self.session.sim.world.powers)

    def on_resume(self) -> Transition | None:
        self.rebuild()  # the seat may have changed under the facilitator view (undo)
        return None

    def ready(self) -> Transition:
        """The new side has the screen: its clock starts now, not while the screen changed hands."""
        self.session.start_seat()
        self.session.handover_due = False
        return pop()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.ready()
            if event.key == pygame.K_F9:
                return turnflow.open_facilitator(self)
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        label = f"I am {self.seat.label}: show my orders (Enter)"
        width = self.ctx.text.width(label, 16, True) + px(48)
        self.add_button(
            pygame.Rect(w // 2 - width // 2, h // 2 + px(70), width, px(48)),
            label,
            self.ready,
            "Only click when the previous side can no longer see the screen.",
            "#primary",
        )

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        w, h = self.ctx.size
        colour = power_colour(self.session.sim.world.powers, self.seat.power)
        pygame.draw.rect(surface, colour, pygame.Rect(0, 0, w, px(10)))
        pygame.draw.rect(surface, colour, pygame.Rect(0, h - px(10), w, px(10)))
        sim = self.session.sim
        text.draw(
            surface, f"Turn {sim.turn} · {sim.date_label()}", (w // 2, h // 2 - px(130)), 16, MUTED, anchor="center"
        )
        text.draw(
            surface, f"Pass the screen to {self.side}", (w // 2, h // 2 - px(80)), 36, TEXT, bold=True, anchor="center"
        )
        if self.seat.desk:
            text.draw(surface, self.seat.label, (w // 2, h // 2 - px(36)), 20, ACCENT, bold=True, anchor="center")
        text.draw(
            surface,
            "The previous side's orders are hidden. They stay queued and resolve at End Turn.",
            (w // 2, h // 2 + px(4)),
            15,
            TEXT,
            anchor="center",
        )
        minutes = self.session.setup.minutes
        if minutes:
            text.draw(
                surface,
                f"Your {minutes:g} minutes start when you click.",
                (w // 2, h // 2 + px(32)),
                15,
                WARN,
                anchor="center",
            )


class PauseScene(Scene):
    """Covers the campaign while the facilitator has paused the game; F9 opens the facilitator."""

    name = "paused"

    def __init__(self, ctx: Context, session: Session) -> None:
        super().__init__(ctx)
        self.session = session

    def on_resume(self) -> Transition | None:
        self.dirty = True
        return None if self.session.paused else pop()

    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        return None if self.session.paused else pop()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F9:
            return turnflow.open_facilitator(self)
        return None  # nothing else reacts while paused

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        w, h = self.ctx.size
        text.draw(surface, "Paused by the facilitator", (w // 2, h // 2 - px(30)), 34, TEXT, bold=True, anchor="center")
        timer = self.session.timer
        note = f" The clock is stopped at {timer.label()}." if timer.active else ""
        text.draw(surface, f"Eyes to the front.{note}", (w // 2, h // 2 + px(20)), 16, MUTED, anchor="center")
        text.draw(surface, "Facilitator: F9 to resume", (w // 2, h - px(40)), 13, MUTED, anchor="center")
