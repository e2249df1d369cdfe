"""Classroom setup, between choosing a scenario and the briefing: who plays which side.

Each power is a human team or the computer; the US may split into three desks (one per
track); a facilitator PIN and a per-side turn timer are optional. The defaults are the
single-player game, so a lone player just presses Continue.
"""

from __future__ import annotations

import pygame
import pygame_gui

from game.content.scenario import Scenario
from game.ui.classroom import ClassroomSetup, Session, seats_for, side_name
from game.ui.dialog import Dialog
from game.ui.scene import Context, Transition, pop, replace
from game.ui.theme import ACCENT, BAD, MUTED, TEXT, power_colour
from game.ui.widgets import panel

TIMER_CHOICES: tuple[float | None, ...] = (None, 2, 5, 10, 15)
TIMER_NOTE = "Per side; when it runs out that side's orders lock (End Turn still works)."
PIN_NOTE = "Optional; F9 opens the facilitator view (and asks for this PIN if one is set)."


class SetupScene(Dialog):
    """Who plays which side, US desks, the turn timer and the PIN; Enter continues, Esc goes back."""

    name = "setup"
    overlay = False
    heading = "Who plays — classroom setup"

    def __init__(self, ctx: Context, scenario: Scenario, path: object, seed: int, difficulty: str | None) -> None:
        super().__init__(ctx)
        self.scenario, self.path, self.seed, self.difficulty = scenario, path, seed, difficulty
        self.humans: set[str] = {"us"}
        self.us_desks = False
        self.minutes: float | None = None
        self.pin = ""
        self.pin_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.message = ""

    # --- choices ------------------------------------------------------------------------

    def set_side(self, power: str, human: bool) -> None:
        self._keep_pin()
        if human:
            self.humans.add(power)
        else:
            self.humans.discard(power)
        self.rebuild()

    def set_desks(self, desks: bool) -> None:
        self._keep_pin()
        self.us_desks = desks
        self.rebuild()

    def set_minutes(self, minutes: float | None) -> None:
        self._keep_pin()
        self.minutes = minutes
        self.rebuild()

    def _keep_pin(self) -> None:
        if self.pin_entry is not None:
            self.pin = self.pin_entry.get_text().strip()

    def setup(self) -> ClassroomSetup:
        self._keep_pin()
        humans = tuple(p for p in self.scenario.power_table.ids if p in self.humans)
        return ClassroomSetup(humans, self.us_desks and "us" in self.humans, self.pin, self.minutes)

    def begin(self) -> Transition | None:
        from game.ui.scenes.briefing import BriefingScene
        from game.ui.scenes.launch import start_campaign

        setup = self.setup()
        if not setup.humans:
            self.message = "At least one side must be played by people."
            self.rebuild()
            return None
        sim = start_campaign(self.ctx, self.scenario, self.path, self.seed, self.difficulty, setup.sim_humans())
        return replace(BriefingScene(self.ctx, sim, Session(sim, setup)))

    def accept(self) -> Transition | None:
        return self.begin()

    # --- layout -------------------------------------------------------------------------

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        self.box = pygame.Rect(px(16), px(64), w - px(32), h - px(140))
        x0 = self.box.x + px(220)
        y = self.box.y + px(24)
        self.rows: list[tuple[int, str]] = []
        for power in self.scenario.power_table.ids:
            self.rows.append((y, power))
            for i, (label, human) in enumerate((("People", True), ("Computer", False))):
                widget = self.add_button(
                    pygame.Rect(x0 + i * px(130), y, px(124), px(34)),
                    label,
                    lambda p=power, hu=human: self.set_side(p, hu),
                    f"{_capital(side_name(power, self.scenario.power_table))} is played by {label.lower()}.",
                    "#tab",
                    key=f"{power}: {label}",
                )
                if (power in self.humans) == human:
                    widget.select()
            y += px(44)
        y += px(8)
        self.desk_y = y
        for i, (label, desks) in enumerate((("One team", False), ("Three desks", True))):
            widget = self.add_button(
                pygame.Rect(x0 + i * px(150), y, px(144), px(34)),
                label,
                lambda d=desks: self.set_desks(d),
                "Three desks: soft power, trade and diplomacy each order only on their track."
                if desks
                else "One US team gives every order.",
                "#tab",
                enabled="us" in self.humans,
            )
            if self.us_desks == desks:
                widget.select()
        y += px(54)
        self.timer_y = y
        for i, minutes in enumerate(TIMER_CHOICES):
            label = "Off" if minutes is None else f"{minutes:g} min"
            widget = self.add_button(
                pygame.Rect(x0 + i * px(96), y, px(90), px(34)),
                label,
                lambda m=minutes: self.set_minutes(m),
                "Minutes each side has to order; then its orders lock.",
                "#tab",
            )
            if minutes == self.minutes:
                widget.select()
        # Notes go under their controls, not beside them: beside, they ran off a 1024-wide window.
        self.notes = [self._note(TIMER_NOTE, x0, y + px(38))]
        y += px(62)
        self.pin_y = y
        self.pin_entry = pygame_gui.elements.UITextEntryLine(pygame.Rect(x0, y, px(200), px(36)), self.gui)
        self.pin_entry.set_text_length_limit(12)
        self.pin_entry.set_text(self.pin)
        self.notes.append(self._note(PIN_NOTE, x0, y + px(40)))
        self.summary_y = y + px(68)
        self.add_button(pygame.Rect(px(16), h - px(58), px(120), px(40)), "Back", pop)
        self.add_button(
            pygame.Rect(w - px(236), h - px(58), px(220), px(40)),
            "Continue (Enter)",
            self.begin,
            "Read the briefing together, then play.",
            "#primary",
        )

    def _note(self, note: str, x: int, y: int) -> tuple[pygame.Rect, str]:
        """A muted line under a control, clipped to the panel (tests check it stays inside)."""
        text = self.ctx.text
        room = self.box.right - self.ctx.px(16) - x
        shown = text.clip(note, room, 13)
        return pygame.Rect(x, y, text.width(shown, 13), text.line_height(13)), shown

    def draw_body(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        text.draw(
            surface,
            f"{self.scenario.about.title} · seed {self.seed} · one player: just press Continue",
            (px(380), px(24)),
            13,
            MUTED,
        )
        panel(surface, self.box)
        x = self.box.x + px(20)
        for y, power in self.rows:
            table = self.scenario.power_table
            pygame.draw.rect(surface, power_colour(table, power), pygame.Rect(x, y + px(8), px(16), px(16)))
            text.draw(
                surface,
                _capital(side_name(power, table)),
                (x + px(26), y + px(6)),
                16,
                TEXT,
                bold=True,
            )
        text.draw(surface, "US team", (x, self.desk_y + px(7)), 16, TEXT, bold=True)
        text.draw(surface, "Turn timer", (x, self.timer_y + px(7)), 16, TEXT, bold=True)
        text.draw(surface, "Facilitator PIN", (x, self.pin_y + px(8)), 16, TEXT, bold=True)
        for rect, note in self.notes:
            text.draw(surface, note, rect.topleft, 13, MUTED)
        setup = self.setup()
        seats = seats_for(setup) if setup.humans else ()
        order = " › ".join(seat.label for seat in seats) or "nobody"  # the font has no arrow glyph
        y = self.summary_y
        text.draw(surface, "Each turn", (x, y), 16, ACCENT, bold=True)
        lines = [f"Order of play: {order}; then End Turn resolves the quarter."]
        if len({s.power for s in seats}) > 1:
            lines.append("Between sides a full-screen 'pass the screen' step hides the previous side's orders.")
        if setup.us_is_ai:
            lines.append("The computer plays the US with the balanced strategy and answers its events.")
        lines.append("Sides played by the computer follow their doctrines from the scenario, with stated reasons.")
        for line in lines:
            y = text.draw_wrapped(
                surface, line, pygame.Rect(x, y + px(26), self.box.width - px(40), px(50)), 14, TEXT
            ) - px(22)
        if self.message:
            text.draw(surface, self.message, (px(160), self.ctx.size[1] - px(38)), 14, BAD, anchor="midleft")


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]
