"""An event dialog: what happened, and the choices with what each is expected to do."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.sim.engine import Simulation
from game.sim.events import fill
from game.sim.orders import Decision
from game.ui import keymap
from game.ui.dialog import Dialog
from game.ui.scene import Context, Transition, pop
from game.ui.theme import MUTED, TEXT


class EventScene(Dialog):
    """A modal dialog over the campaign; answering it applies the choice at once."""

    name = "event"
    inset = 24
    title_size = 20
    cancel_keys = keymap.keys("event", "set_aside")  # Esc and M both set it aside to look at the map

    def __init__(
        self, ctx: Context, sim: Simulation, decision: Decision, set_aside: Callable[[], None] | None = None
    ) -> None:
        super().__init__(ctx)
        self.sim = sim
        self.decision = decision
        self.event = sim.scenario.event(decision.event)
        self.choices = sim.choices_for(decision)  # only those on offer now (a choice may have `when`)
        self.chosen: str | None = None
        self.set_aside = set_aside  # the campaign keeps the event waiting while the player looks at the map

    def filled(self, text: str) -> str:
        """A title, text or choice with its {state} and {power} placeholders filled."""
        return fill(text, self.sim.world, self.decision.state)

    @property
    def heading(self) -> str:
        return self.filled(self.event.title)

    def when(self) -> str:
        """'Q3 2023, answer now in Q4 2023': the event came at the end of one quarter, the answer applies in the next.

        The top bar shows the quarter being played; saying only the event's quarter read as if the
        dialog disagreed with it.
        """
        fired, now = self.sim.date_label(self.decision.turn), self.sim.date_label()
        return f"your answer applies now, {now}" if fired == now else f"{fired} news, your answer applies now in {now}"

    def cancel(self) -> Transition | None:
        return self.look_at_map()

    def look_at_map(self) -> Transition | None:
        """Close the dialog unanswered; the campaign reopens it on E or End Turn."""
        if self.set_aside is None:
            return None
        self.set_aside()
        return pop()

    def choose(self, choice_id: str) -> Transition:
        self.sim.decide(self.decision.key, choice_id)
        self.chosen = choice_id
        return pop()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and keymap.action("event", event.key) == "choose":
            index = event.key - pygame.K_1
            if index < len(self.choices):
                return self.choose(self.choices[index].id)
        return super().handle_event(event)

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        text = self.ctx.text
        width = min(px(720), w - px(80))
        inner = width - px(48)
        body = fill(self.event.text, self.sim.world, self.decision.state)
        body_lines = len(text.wrap(body, inner, 15))
        choice_h = 0
        self.previews = []
        for choice in self.choices:
            lines = text.wrap(self.filled(choice.preview or ""), inner - px(16), 13)
            self.previews.append(lines)
            choice_h += px(40) + len(lines) * text.line_height(13) + px(10)
        height = px(160) + body_lines * text.line_height(15) + choice_h
        self.place_box(width, min(height, h - px(40)))
        y = self.box.y + px(84) + body_lines * text.line_height(15)
        self.preview_at: list[int] = []
        for i, choice in enumerate(self.choices):
            self.add_button(
                pygame.Rect(self.box.x + px(24), y, inner, px(34)),
                text.clip(f"{i + 1}. {self.filled(choice.label)}", inner - px(16), 15),
                lambda c=choice.id: self.choose(c),
                None,  # the preview is written under the button: a tooltip would repeat it and cover the next answer
                "#primary" if choice.id == self.event.default_choice else None,
            )
            self.preview_at.append(y + px(38))
            y += px(40) + len(self.previews[i]) * text.line_height(13) + px(10)
        if self.set_aside is not None:
            aside = (
                keymap.label("Look at the map first", "event", "set_aside"),
                self.look_at_map,
                "Close this for now; press E or End Turn to answer it.",
            )
            self.button_row((aside,), None, (px(220),), height=34, bottom=12)

    def draw_body(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        claims = ", ".join(self.event.claims)
        where = self.sim.world.state_name(self.decision.state) if self.decision.state else "the region"
        line = f"{self.when()} · {where} · claims {claims} · keys 1–9"
        text.draw(
            surface, text.clip(line, self.box.width - px(48), 12), (self.box.x + px(24), self.box.y + px(50)), 12, MUTED
        )
        body = fill(self.event.text, self.sim.world, self.decision.state)
        text.draw_wrapped(
            surface,
            body,
            pygame.Rect(self.box.x + px(24), self.box.y + px(76), self.box.width - px(48), self.box.height),
            15,
            TEXT,
        )
        for y, lines in zip(self.preview_at, self.previews, strict=True):
            for line in lines:
                text.draw(surface, line, (self.box.x + px(40), y), 13, MUTED)
                y += text.line_height(13)
