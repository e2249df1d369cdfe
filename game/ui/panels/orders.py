"""The campaign's order panel: a tab per track with the points left, the actions of that track for
the selected state and the region (refused ones say why), paged when they do not fit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.vocabulary import TRACKS
from game.sim.legality import eligible_states
from game.sim.orders import IllegalOrder, Order
from game.ui import figures, glossary
from game.ui.layout import CampaignLayout
from game.ui.panels.base import Panel
from game.ui.panels.order_text import capitalised, elsewhere, paginate, reason_only, where_label, wrap_two
from game.ui.preview import action_tip, effect_lines, tender_offer
from game.ui.theme import BAD, MUTED, TEXT, power_colour
from game.ui.widgets import panel

if TYPE_CHECKING:
    from game.ui.scenes.campaign import CampaignScene


class OrderPanel(Panel):
    def __init__(self, scene: CampaignScene) -> None:
        super().__init__(scene)
        self.page = 0
        self.pages = (1, 1)  # the page shown (from 1) and how many there are
        self.budget_lines: list[tuple[tuple[int, int], str]] = []  # under each track's tab: points left
        self.action_lines: list[tuple[int, list[str], bool, str]] = []  # under each action: y, lines, refused, name

    def build(self, lay: CampaignLayout) -> None:
        self._build_tabs(lay.orders)
        self._build_actions(lay.orders)

    def _build_tabs(self, area: pygame.Rect) -> None:
        scene, px, sim = self.scene, self.scene.ctx.px, self.scene.sim
        budget = sim.state.powers[scene.power].budget
        left = sim.remaining_budget(scene.power)
        tab_w = (area.width - px(24)) // 3
        y = area.y + px(34)
        self.budget_lines = []
        for i, track in enumerate(TRACKS):
            points = figures.budget(left[track], budget[track])
            # The points go under the tab, written the same way for every track at every width.
            self.budget_lines.append(((area.x + px(10) + i * tab_w + tab_w // 2, y + px(40)), f"{points} left"))
            tip = f"{glossary.TRACK_DOCS[track]} Points left this turn: {points}. Key {i + 1}."
            if scene.seat.desk and track != scene.seat.desk:
                tip += " Another desk orders on this track: you can look, not order."
            widget = scene.add_button(
                pygame.Rect(area.x + px(12) + i * tab_w, y, tab_w - px(4), px(30)),
                glossary.track_name(track),
                lambda t=track: scene.set_track(t),
                tip,
                "#tab",
            )
            if track == scene.track:
                widget.select()
        self.actions_top = y + px(80)

    def _build_actions(self, area: pygame.Rect) -> None:
        scene, px, sim, text = self.scene, self.scene.ctx.px, self.scene.sim, self.scene.ctx.text
        laid: list[tuple[Order, str | None, list[str]]] = []
        for order, refused in self.rows():
            action = sim.world.actions[order.action]
            reason = refused or scene.seat.refusal(order, action.track)
            if reason:
                reason = capitalised(reason_only(action.name, reason))
                if order.target and action.eligible is not None:
                    allowed = eligible_states(sim.world, action)
                    if order.target not in allowed:  # say where it does work, not only where it does not
                        reason += elsewhere([sim.world.state_name(state_id) for state_id in allowed])
            offer = tender_offer(sim.world, action, order.target, sim.cost(action.id))
            offered = [offer[0]] if offer else []  # a tender open there (C15): what the order offers, first
            line = reason or "; ".join([*offered, *effect_lines(sim.world, action, order.target)[:2]])
            laid.append((order, reason, wrap_two(text, line, area.width - px(30), 12)))
        extra = text.line_height(12)
        pages_of = paginate(
            [px(50) + (extra if len(lines) > 1 else 0) for _o, _r, lines in laid],
            area.bottom - self.actions_top - px(40),
        )
        self.page = min(self.page, len(pages_of) - 1)
        self.action_lines = []
        y = self.actions_top
        for order, reason, lines in (laid[i] for i in pages_of[self.page]):
            action = sim.world.actions[order.action]
            where = "" if order.target else f" · {where_label(action.target, scene.power)}"
            cost = sim.cost(action.id)
            price = f" — {figures.points(cost)}"  # the cost always shows; a long name gives way
            label = text.clip(f"{action.name}{where}", area.width - px(44) - text.width(price, 14), 14) + price
            scene.add_button(
                pygame.Rect(area.x + px(12), y, area.width - px(24), px(28)),
                label,
                lambda o=order: self.clicked(o),
                action_tip(sim.world, action, order.target, cost, reason),
                "#action_illegal" if reason else None,
            )
            self.action_lines.append((y + px(30), lines, bool(reason), action.name))
            y += px(50) + (extra if len(lines) > 1 else 0)
        self.pages = (self.page + 1, len(pages_of))
        if len(pages_of) > 1:
            by = area.bottom - px(36)
            back, on = (
                pygame.Rect(area.x + px(12), by, px(70), px(28)),
                pygame.Rect(area.right - px(82), by, px(70), px(28)),
            )
            scene.add_button(back, "‹ Prev", lambda: self.turn_page(-1), enabled=self.page > 0)
            scene.add_button(on, "Next ›", lambda: self.turn_page(1), enabled=self.page < len(pages_of) - 1)

    def rows(self) -> list[tuple[Order, str | None]]:
        """Actions on the current track: the selected state's first, then region-wide ones."""
        scene = self.scene
        rows: list[tuple[Order, str | None]] = []
        for scope in ("state", "other"):
            for action in scene.sim.scenario.actions:
                if action.power != scene.power or action.track != scene.track:
                    continue
                if (action.target == "state") != (scope == "state"):
                    continue
                order = Order(scene.power, action.id, scene.selected if action.target == "state" else None)
                try:
                    scene.sim.check(order)
                    reason = None
                except IllegalOrder as error:
                    reason = error.reason
                rows.append((order, reason))
        return rows

    def clicked(self, order: Order) -> None:
        """A click queues the order (or says why not); it never changes screen."""
        self.scene.queue_order(order)

    def turn_page(self, step: int) -> None:
        self.page += step
        self.scene.rebuild()

    def refresh(self) -> None:
        """Washington's two meters explain themselves on hover (the US only)."""
        scene, px = self.scene, self.scene.ctx.px
        line = pygame.Rect(scene.layout.orders.x + px(14), scene.layout.orders.y + px(84), px(150), px(20))
        if scene.power == "us":
            scene.tips.add(line, glossary.WASHINGTON_DOCS["political_capital"])
            scene.tips.add(line.move(px(150), 0), glossary.WASHINGTON_DOCS["congress_support"])

    def draw(self, surface: pygame.Surface) -> None:
        scene = self.scene
        area, sim, text, px = scene.layout.orders, scene.sim, scene.ctx.text, scene.ctx.px
        seat, title = scene.seat, scene.order_title
        panel(surface, area, text, title)
        if seat.power != "us" or seat.desk:
            pygame.draw.rect(surface, power_colour(sim.world.powers, seat.power), area, 2, border_radius=6)
        where = sim.world.state_name(scene.selected)
        note = f"for {where} and the region" if len(scene.session.seats) == 1 else f"· {where}"
        title_w = text.width(title, 16, True)
        at = (area.x + px(24) + title_w, area.y + px(11))
        text.draw(surface, text.clip(note, area.width - title_w - px(36), 13), at, 13, MUTED)
        meters_at = (area.x + px(14), area.y + px(86))
        if seat.power == "us":
            pc = sim.state.washington["political_capital"]
            spent = sum(sim.world.actions[o.action].capital_cost for o in sim.queued)
            congress = sim.state.washington["congress_support"]
            line = f"Political capital {figures.budget(pc - spent, pc)}   Congress support {congress:.0f}%"
            text.draw(surface, line, meters_at, 13, MUTED)
        else:
            line = f"{sim.world.powers.short(seat.power)}'s budgets per track are on the tabs above"
            text.draw(surface, line, meters_at, 12, MUTED)
        for pos, line in self.budget_lines:
            text.draw(surface, line, pos, 12, TEXT, anchor="center")
        for y, lines, bad, _name in self.action_lines:
            for i, line in enumerate(lines):
                text.draw(surface, line, (area.x + px(18), y + i * text.line_height(12)), 12, BAD if bad else MUTED)
        if self.pages[1] > 1:
            at = (area.centerx, area.bottom - px(22))
            text.draw(surface, f"page {self.pages[0]}/{self.pages[1]}", at, 12, MUTED, anchor="center")
