"""The panel listing why a scenario reload was refused, over the game that keeps running.

An author's edit can break many things at once; they need each problem's line and what is
wrong in words, not a traceback. The list shows as many as fit (at most `MAX_SHOWN`) and says
how many more there are; hovering a row shows the full `file:line:column: error[code]` form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pygame

from game.ui.dialog import Dialog
from game.ui.scene import Context, Transition, pop
from game.ui.theme import ACCENT, BAD, MUTED, TEXT

MAX_SHOWN = 12
PROBLEM = re.compile(
    r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): (?P<severity>\w+)\[(?P<code>[^\]]*)\]: (?P<msg>.*)$"
)

REPLAY = re.compile(r"^(?P<file>[^:]+): turn (?P<turn>\d+): (?P<msg>.*)$")


def split_problem(problem: str, home: str = "") -> tuple[str, str]:
    """('line 12:3', 'the message') from a problem's text; ('', text) if it has no place.

    The file is named only when it is not `home` (the file reloaded): a parent it extends.
    """
    found = PROBLEM.match(problem)
    if found is not None:
        name = Path(found["file"]).name
        where = f"line {found['line']}:{found['column']}"
        return (where if name == home else f"{name} {where}"), found["msg"]
    replayed = REPLAY.match(problem)
    if replayed is not None:
        return f"game turn {replayed['turn']}", replayed["msg"]
    return "", problem


class ProblemsScene(Dialog):
    """A dialog with a title, a short explanation and the problems; Esc closes, F5 tries again."""

    name = "problems"
    backdrop_alpha = 160
    edge = BAD

    def __init__(
        self,
        ctx: Context,
        title: str,
        intro: str,
        problems: tuple[str, ...],
        retry: Callable[[], Transition | None] | None = None,
        home: str = "",
    ) -> None:
        super().__init__(ctx)
        self.title, self.intro, self.problems = title, intro, problems
        self.home = home
        self.retry = retry
        self.rows: list[tuple[int, str, list[str]]] = []
        self.more = 0
        self.more_y = 0
        self.place_w = 0

    @property
    def heading(self) -> str:
        return self.title

    def accept(self) -> Transition | None:
        return pop()  # Enter closes too: there is nothing to confirm

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5 and self.retry is not None:
            return self.retry()
        return super().handle_event(event)

    def build(self) -> None:
        """Lay the rows out first, then fit the box around them (a single problem needs no tall box)."""
        px, text = self.ctx.px, self.ctx.text
        w, h = self.ctx.size
        width = min(w - px(60), px(900))
        inner = width - px(40)
        self.intro_lines = text.wrap(self.intro, inner, 14)
        top = px(56) + len(self.intro_lines) * text.line_height(14) + px(12)
        footer = px(84)  # the "and N more" line and the buttons
        rows, more_y = self._lay_rows(inner, top, h - px(60) - footer)
        self.place_box(width, max(px(220), more_y + footer))
        self.rows = [(self.box.y + y, place, lines) for y, place, lines in rows]
        self.more_y = self.box.y + more_y + px(4)
        for (y, _, lines), problem in zip(self.rows, self.problems, strict=False):
            height = len(lines) * text.line_height(13)
            self.tips.add(pygame.Rect(self.box.x + px(20), y, inner, height), problem)
        close = ("Close (Esc)", pop)
        if self.retry is None:
            self.button_row((close,), close[0], (px(140),), height=38)
        else:
            reload = ("Reload (F5)", self.retry, "Read the file again after fixing it.")
            self.button_row((reload, close), close[0], (px(150), px(140)), height=38, gap=10)

    def _lay_rows(self, inner: int, top: int, bottom: int) -> tuple[list[tuple[int, str, list[str]]], int]:
        """Rows (y from the box's top) for as many problems as fit above `bottom`, at most MAX_SHOWN.

        Each problem takes at most two lines; returns the rows and where the list ends.
        """
        px, text = self.ctx.px, self.ctx.text
        split = [split_problem(problem, self.home) for problem in self.problems[:MAX_SHOWN]]
        widest = max((text.width(place, 13, True) for place, _ in split), default=0)
        self.place_w = place_w = min(widest + px(14), inner * 2 // 5)
        line_h = text.line_height(13)
        y = top
        rows: list[tuple[int, str, list[str]]] = []
        for place, message in split:
            room = inner - place_w if place else inner
            lines = text.wrap(message, room, 13)
            if len(lines) > 2:
                lines = [lines[0], text.clip(" ".join(lines[1:]), room, 13)]
            height = len(lines) * line_h + px(6)
            if y + height > bottom:
                break
            rows.append((y, place, lines))
            y += height
        self.more = len(self.problems) - len(rows)
        return rows, y

    def draw_body(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        x = self.box.x + px(20)
        y = self.box.y + px(56)
        for line in self.intro_lines:
            text.draw(surface, line, (x, y), 14, MUTED)
            y += text.line_height(14)
        line_h = text.line_height(13)
        for top, place, lines in self.rows:
            if place:
                text.draw(surface, text.clip(place, self.place_w - px(8), 13, True), (x, top), 13, BAD, bold=True)
            for i, line in enumerate(lines):
                text.draw(surface, line, (x + (self.place_w if place else 0), top + i * line_h), 13, TEXT)
        if self.more:
            count = f"and {self.more} more" if self.rows else f"{self.more} problems"
            text.draw(
                surface, f"{count}: python main.py validate lists every one.", (x, self.more_y), 13, ACCENT, bold=True
            )
