"""Help: tabs of long text shown a page at a time (guide, meters, claims, rules, keys, actions)."""

from __future__ import annotations

import pygame

from game.content.powers import standard_table
from game.content.scenario import Scenario
from game.ui import catalogue, keymap, reference
from game.ui.scene import Context, Scene, Transition, pop
from game.ui.tab_row import RowStyle, Tab, tab_row
from game.ui.theme import ACCENT, MUTED, TEXT
from game.ui.widgets import panel


class PagedTextScene(Scene):
    """Tabs of long text shown a page at a time (help)."""

    name = "help"

    def __init__(self, ctx: Context, pages: dict[str, str], title: str) -> None:
        super().__init__(ctx)
        self.sources = pages
        self.title = title
        self.tab = next(iter(pages))
        self.page = 0
        self.lines: list[list[str]] = []

    def set_tab(self, tab: str) -> None:
        self.tab, self.page = tab, 0
        self.rebuild()

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.lines) - 1, self.page + step))
        self.rebuild()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        action = keymap.action("help", event.key) if event.type == pygame.KEYDOWN else None
        if action == "close":
            return pop()
        if action in ("next_page", "previous_page"):
            self.turn(1 if action == "next_page" else -1)
        elif action == "next_topic":
            tabs = list(self.sources)
            self.set_tab(tabs[(tabs.index(self.tab) + 1) % len(tabs)])
        return super().handle_event(event)

    def build(self) -> None:
        px, text = self.ctx.px, self.ctx.text
        w, h = self.ctx.size
        tabs = [Tab(tab, lambda t=tab: self.set_tab(t), chosen=tab == self.tab) for tab in self.sources]
        tab_row(self, px(16), px(56), tabs, RowStyle(height=px(32), gap=px(4), pad=px(28)))
        self.body = pygame.Rect(px(16), px(98), w - px(32), h - px(166))
        wrapped = text.wrap(self.sources[self.tab], self.body.width - px(32), 15)
        per_page = max(5, (self.body.height - px(24)) // text.line_height(15))
        self.lines = [wrapped[i : i + per_page] for i in range(0, len(wrapped), per_page)] or [[]]
        self.page = min(self.page, len(self.lines) - 1)
        y = h - px(56)
        self.add_button(
            pygame.Rect(px(16), y, px(100), px(38)),
            "‹ Prev",
            lambda: self.turn(-1),
            "Left arrow",
            enabled=self.page > 0,
        )
        self.add_button(
            pygame.Rect(px(124), y, px(100), px(38)),
            "Next ›",
            lambda: self.turn(1),
            "Right arrow",
            enabled=self.page < len(self.lines) - 1,
        )
        self.add_button(
            pygame.Rect(w - px(156), y, px(140), px(38)), keymap.label("Close", "help", "close"), pop, None, "#primary"
        )

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px = self.ctx.text, self.ctx.px
        text.draw(surface, self.title, (px(16), px(14)), 22, TEXT, bold=True)
        panel(surface, self.body)
        y = self.body.y + px(12)
        for i, line in enumerate(self.lines[self.page]):
            bold = i == 0 and self.page == 0
            text.draw(surface, line, (self.body.x + px(16), y), 15, ACCENT if bold else TEXT, bold)
            y += text.line_height(15)
        _w, h = self.ctx.size
        text.draw(
            surface,
            f"page {self.page + 1}/{len(self.lines)} · {keymap.key_name('help', 'next_topic')}: next topic",
            (px(240), h - px(37)),
            13,
            MUTED,
            anchor="midleft",
        )


def HelpScene(ctx: Context, scenario: Scenario | None) -> PagedTextScene:  # noqa: N802 - reads like a class
    """Help for `scenario` (else the default file's): its powers are the ones the pages name."""
    if scenario is None:
        entries = catalogue.scan()
        entry = entries[catalogue.default_index(entries)] if entries else None
        scenario = entry.scenario if entry else None
    table = scenario.power_table if scenario is not None else standard_table()
    pages = {
        "First turn": reference.guide(table),
        "Meters": reference.meters(table),
        "Claims": reference.claims_text(),
        "Rules": reference.rules_text(),
        "Keys": reference.KEYS,
    }
    if scenario is not None:
        pages["Actions"] = reference.actions_text(scenario)
    return PagedTextScene(ctx, pages, "Help")
