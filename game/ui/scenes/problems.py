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

from game.ui.scene import Context, Scene, Transition, pop
from game.ui.theme import ACCENT, BAD, MUTED, TEXT
from game.ui.widgets import panel

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


class ProblemsScene(Scene):
    """A dialog with a title, a short explanation and the problems; Esc closes, F5 tries again."""

    name = "problems"
    overlay = True

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

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
                return pop()
            if event.key == pygame.K_F5 and self.retry is not None:
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
        self.box = pygame.Rect(0, 0, width, max(px(220), more_y + footer))
        self.box.center = (w // 2, h // 2)
        self.rows = [(self.box.y + y, place, lines) for y, place, lines in rows]
        self.more_y = self.box.y + more_y + px(4)
        for (y, _, lines), problem in zip(self.rows, self.problems, strict=False):
            height = len(lines) * text.line_height(13)
            self.tips.add(pygame.Rect(self.box.x + px(20), y, inner, height), problem)
        by = self.box.bottom - px(54)
        self.add_button(
            pygame.Rect(self.box.right - px(160), by, px(140), px(38)), "Close (Esc)", pop, None, "#primary"
        )
        if self.retry is not None:
            self.add_button(
                pygame.Rect(self.box.right - px(320), by, px(150), px(38)),
                "Reload (F5)",
                self.retry,
                "Read the file again after fixing it.",
            )

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

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 160))
        surface.blit(shade, (0, 0))
        panel(surface, self.box)
        pygame.draw.rect(surface, BAD, self.box, 2, border_radius=6)
        x = self.box.x + px(20)
        text.draw(surface, self.title, (x, self.box.y + px(16)), 19, TEXT, bold=True)
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
