"""The campaign's queue: the seat's queued orders (a click removes one), paged, and End Turn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui import figures, glossary, turnflow
from game.ui.layout import CampaignLayout
from game.ui.panels.base import Panel
from game.ui.panels.order_text import where_label
from game.ui.theme import MUTED
from game.ui.widgets import panel

if TYPE_CHECKING:
    from game.ui.scenes.campaign import CampaignScene


class QueuePanel(Panel):
    def __init__(self, scene: CampaignScene) -> None:
        super().__init__(scene)
        self.page = 0
        self.lines: list[tuple[tuple[int, int], str]] = []  # under each queued order: where, cost

    def build(self, lay: CampaignLayout) -> None:
        scene, px, sim, text = self.scene, self.scene.ctx.px, self.scene.sim, self.scene.ctx.text
        area = lay.queue
        end = pygame.Rect(area.right - px(190), area.bottom - px(50), px(178), px(40))
        label, tip = turnflow.end_button(scene.session, scene.event_waiting)
        scene.add_button(end, label, scene.finish_seat, tip, "#primary", enabled=not sim.state.finished)
        # Each order takes two lines, its name on the button and where it acts and its cost under
        # it: on one line a narrow panel cut the place off ("Lobby Congress for PNTR · Washing…").
        row_h = px(30) + text.line_height(12)
        top = area.y + px(32)
        per_page = max(1, (end.y - top - px(4)) // row_h)
        mine = scene.my_orders()
        pages = max(1, -(-len(mine) // per_page))
        self.page = min(self.page, pages - 1)
        start = self.page * per_page
        self.lines = []
        for row, index in enumerate(mine[start : start + per_page]):
            order = sim.queued[index]
            action = sim.world.actions[order.action]
            where = sim.world.state_name(order.target) if order.target else where_label(action.target, order.power)
            detail = f"{where} · {figures.points(sim.cost(action.id))} {glossary.track_name(action.track).lower()}"
            y = top + row * row_h
            scene.add_button(
                pygame.Rect(area.x + px(12), y, area.width - px(24), px(25)),
                text.clip(f"×  {action.name}", area.width - px(48), 14),
                lambda i=index: scene.remove_order(i),
                f"{action.name} · {detail}. Click to remove this order (Backspace removes the last one).",
                "#queued",
            )
            self.lines.append(((area.x + px(22), y + px(27)), text.clip(detail, area.width - px(44), 12)))
        if pages > 1:
            back = pygame.Rect(area.x + px(12), end.y + px(6), px(40), px(28))
            on = pygame.Rect(area.x + px(56), end.y + px(6), px(40), px(28))
            scene.add_button(back, "‹", lambda: self.turn_page(-1), enabled=self.page > 0)
            scene.add_button(on, "›", lambda: self.turn_page(1), enabled=self.page < pages - 1)

    def turn_page(self, step: int) -> None:
        self.page += step
        self.scene.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        scene = self.scene
        area, text, px = scene.layout.queue, scene.ctx.text, scene.ctx.px
        mine = scene.my_orders()
        panel(surface, area, text, f"Queued orders ({len(mine)})")
        for pos, line in self.lines:
            text.draw(surface, line, pos, 12, MUTED)
        if not mine:
            text.draw_wrapped(
                surface,
                "Click an action on the right to queue it.",
                pygame.Rect(area.x + px(14), area.y + px(36), area.width - px(28), px(60)),
                13,
                MUTED,
            )
