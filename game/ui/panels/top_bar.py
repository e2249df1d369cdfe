"""The campaign's top bar: scenario title, date and turn, score and grade, the class clock, and
the buttons to the report, charts, save, help and menu (their keys from the keymap)."""

from __future__ import annotations

import pygame

from game.ui import glossary, keymap
from game.ui.layout import CampaignLayout
from game.ui.panels.base import Panel
from game.ui.theme import BAD, MUTED, PANEL, TEXT, WARN


class TopBar(Panel):
    lines = ("", "")  # the turn line and the score line
    slots = (True, 0, 0)  # whether the title fits, and where the turn and timer blocks start

    def build(self, lay: CampaignLayout) -> None:
        scene, px = self.scene, self.scene.ctx.px
        x = lay.top.right - px(8)
        for name, action, handler, tip in reversed(
            [
                ("Report", "report", scene.open_report, "Last turn's report: rival moves, events and the why-ledger."),
                ("Charts", "charts", scene.open_charts, "Alignment per state and score over time."),
                ("Save", "save", scene.open_save, "Save into a named slot."),
                ("Help", "help", scene.open_help, "Guide, claims, actions, keys."),
                ("Menu", "menu", scene.open_menu, "Main menu or quit."),
            ]
        ):
            width = px(86 if lay.compact else 96)
            x -= width
            label = keymap.label(name, "campaign", action)
            scene.add_button(pygame.Rect(x, lay.top.y + px(6), width, lay.top.height - px(12)), label, handler, tip)
            x -= px(6)

    def refresh(self) -> None:
        """The lines and places change only with the state: worked out here, not per frame."""
        self.lines = (self._turn_line(), self._score_line())
        self.slots = self._slots()
        lay = self.scene.layout
        _title, block_x, timer_x = self.slots
        self.scene.tips.add(
            pygame.Rect(block_x, lay.top.y, timer_x - block_x, lay.top.height),
            f"{glossary.SCORE_TIP} {glossary.GRADE_TIP} {glossary.SCORE_STARTS_LOW}",
        )

    def _slots(self) -> tuple[bool, int, int]:
        """Whether the scenario title fits in the top bar, and where the turn and timer blocks start.

        Blocks go left to right and stop short of the buttons; on a narrow window the title goes
        first (the briefing names the scenario), so the buttons never cover the timer."""
        scene = self.scene
        lay, sim, text, px = scene.layout, scene.sim, scene.ctx.text, scene.ctx.px
        buttons = [pygame.Rect(w.rect) for w in scene.handlers if lay.top.contains(w.rect)]
        room = min((b.left for b in buttons), default=lay.top.right) - px(12)
        gap = px(20)
        block_w = max(text.width(self.lines[0], 14), text.width(self.lines[1], 13))
        timer_w = max(text.width("Time 00:00 (paused)", 18, True), text.width(scene.seat.label, 12))
        title_w = text.width(sim.scenario.about.title, 16, True)
        need = block_w + gap + timer_w
        with_title = max(px(300), px(12) + title_w + gap)
        show_title = with_title + need <= room
        block_x = with_title if show_title else px(12)
        return show_title, block_x, block_x + block_w + gap

    def _turn_line(self) -> str:
        sim = self.scene.sim
        return f"{sim.date_label()}  ·  turn {sim.turn}/{sim.scenario.turns}"

    def _score_line(self) -> str:
        sim = self.scene.sim
        return f"Score {sim.score():.1f}  ·  grade {sim.grade()}  ·  position {sim.position():.1f}"

    def draw(self, surface: pygame.Surface) -> None:
        scene = self.scene
        lay, sim, text, px = scene.layout, scene.sim, scene.ctx.text, scene.ctx.px
        pygame.draw.rect(surface, PANEL, lay.top)
        y = lay.top.centery
        show_title, block_x, timer_x = self.slots
        if show_title:
            text.draw(surface, sim.scenario.about.title, (lay.top.x + px(12), y), 16, TEXT, bold=True, anchor="midleft")
        text.draw(surface, self.lines[0], (block_x, y - px(9)), 14, TEXT, anchor="midleft")
        text.draw(surface, self.lines[1], (block_x, y + px(9)), 13, MUTED, anchor="midleft")
        timer = scene.session.timer
        if timer.active:
            colour = BAD if timer.expired else WARN if (timer.remaining() or 0) < 60 else TEXT
            note = " (paused)" if timer.paused else ""
            at = (timer_x, y - px(9))
            text.draw(surface, f"Time {timer.label()}{note}", at, 18, colour, bold=True, anchor="midleft")
            text.draw(surface, scene.seat.label, (timer_x, y + px(11)), 12, MUTED, anchor="midleft")
        elif len(scene.session.seats) > 1:
            text.draw(surface, f"Ordering: {scene.seat.label}", (timer_x, y), 14, TEXT, bold=True, anchor="midleft")
