"""The campaign screen: map, the selected state's panel, the order panel and End Turn.

Panels are drawn by hand into cached surfaces and redrawn only by `refresh`, which runs
after anything changes (selection, an order, a new turn); each frame just blits them.

In a class the screen serves one seat at a time (a side, or a US desk; see
`game.ui.classroom`): the order panel is that seat's, its queue shows only its side's orders,
and End Turn resolves only after the last seat has ordered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.content.vocabulary import TRACKS
from game.sim.engine import Simulation
from game.sim.orders import IllegalOrder, Order
from game.ui import figures, glossary, keymap, saves, turnflow
from game.ui.classroom import Seat, Session
from game.ui.contest import state_looks
from game.ui.geometry import MapError, load_map
from game.ui.layout import CampaignLayout
from game.ui.map_legend import draw_legend, legend_size, legend_tip
from game.ui.mapview import MapInputs, MapView
from game.ui.preview import action_tip, effect_lines
from game.ui.scene import Context, Scene, Transition, pop, push
from game.ui.scenes.help import HelpScene
from game.ui.scenes.load import LoadScene
from game.ui.scenes.message import quit_confirm
from game.ui.scenes.save import SaveScene
from game.ui.state_panel import draw_region_panel, draw_state_panel
from game.ui.text import Text
from game.ui.theme import (
    BAD,
    GOOD,
    MUTED,
    PANEL,
    POWER_COLOURS,
    POWER_SHORT,
    TEXT,
    WARN,
)
from game.ui.widgets import panel


class CampaignScene(Scene):
    """Where the player spends the turn."""

    name = "campaign"

    def __init__(self, ctx: Context, sim: Simulation, session: Session | None = None) -> None:
        super().__init__(ctx)
        self.session = session or Session(sim)
        self.selected: str = sim.world.state_ids[0]
        self.track = self.seat.desk or "soft_power"
        self.action_page = 0
        self.queue_page = 0
        self.status = ""
        self.status_good = True
        self.status_side = ""  # whose seat the status line speaks to: no other side ever reads it
        self.map_error = ""
        self.map: MapView | None = None
        try:
            self.map = MapView(load_map(), ctx.text)
        except MapError as error:
            self.map_error = str(error)
        self.layout = CampaignLayout.for_size(ctx.size, ctx.scale)
        self.left: pygame.Surface | None = None
        self.region: pygame.Surface | None = None
        self.autosave_note = ""
        self.timer_due = False  # a new turn: start the first seat's clock once the map shows
        self.clock_label = ""
        self.was_locked = False
        self.flow_due = True  # ask `turnflow.next_step` at the next update (prompts due at the start)
        self.legend_open = True  # clicking the legend folds it away (it covers part of the map)
        self.legend_rect = pygame.Rect(0, 0, 0, 0)
        self.events_aside = False  # the player closed an event dialog to look at the map first
        self.queue_lines: list[tuple[tuple[int, int], str]] = []  # under each queued order: where, cost
        self.budget_lines: list[tuple[tuple[int, int], str]] = []  # under each track's tab: points left
        self.top_lines = ("", "")  # the top bar's turn and score lines, and where its blocks go
        self.top_slots = (True, 0, 0)

    @property
    def sim(self) -> Simulation:
        """The session's simulation (facilitator undo swaps it)."""
        return self.session.sim

    @property
    def seat(self) -> Seat:
        return self.session.seat

    @property
    def power(self) -> str:
        return self.session.seat.power

    @property
    def order_title(self) -> str:
        """The order panel's title: whose seat (side or desk) is ordering."""
        return "Orders" if len(self.session.seats) == 1 else f"Orders — {self.seat.label}"

    # --- state changes the player makes ----------------------------------------------------

    def select(self, state_id: str) -> None:
        if state_id != self.selected:
            self.selected = state_id
            self.action_page = 0
            self.rebuild()

    def next_state(self, step: int = 1) -> None:
        ids = self.sim.world.state_ids
        self.select(ids[(ids.index(self.selected) + step) % len(ids)])

    def set_track(self, track: str) -> None:
        self.track = track
        self.action_page = 0
        self.rebuild()

    def refusal(self, order: Order) -> str | None:
        """Why the seat at the screen may not touch this order now (desk, side, timer, pause)."""
        if self.session.paused:
            return "the facilitator has paused the game"
        if self.session.locked:
            return "time is up: orders are locked for this side (End Turn still works)"
        return self.seat.refusal(order, self.sim.world.actions[order.action].track)

    def queue_order(self, order: Order) -> bool:
        """Queue an order or explain why not; returns whether it was queued."""
        action = self.sim.world.actions[order.action]
        reason = self.refusal(order)
        if reason:
            self.say(f"{action.name}: {reason}", good=False)
            return False
        try:
            self.sim.queue(order)
        except IllegalOrder as error:
            self.say(f"{action.name}: {reason_only(action.name, error.reason)}", good=False)
            return False
        where = self.sim.world.state_name(order.target) if order.target else where_label(action.target, order.power)
        self.say(f"Queued {action.name} · {where}.")
        self.rebuild()
        return True

    def remove_order(self, index: int) -> None:
        order = self.sim.queued[index]
        reason = self.refusal(order)
        if reason:
            self.say(f"Cannot remove {self.sim.world.actions[order.action].name}: {reason}", good=False)
            return
        self.sim.unqueue(index)
        self.say(f"Removed {self.sim.world.actions[order.action].name}.")
        self.rebuild()

    def my_orders(self) -> list[int]:
        """Indices in the queue of the orders this seat's side may see (others' stay hidden)."""
        return [i for i, order in enumerate(self.sim.queued) if order.power == self.power]

    def say(self, message: str, good: bool = True) -> None:
        self.status, self.status_good, self.status_side = message, good, self.power
        self.dirty = True

    def set_events_aside(self) -> None:
        """An event dialog was closed unanswered: keep it waiting until E or End Turn."""
        self.events_aside = True
        self.say("An event waits for your answer: press E (or End Turn) when you are ready.")
        self.rebuild()

    def answer_events(self) -> Transition | None:
        """Reopen the event dialog that was set aside."""
        self.events_aside = False
        self.rebuild()
        return self.after_turn()

    @property
    def event_waiting(self) -> bool:
        return self.events_aside and bool(self.sim.pending)

    @property
    def status_line(self) -> str:
        """The status for the side at the screen: 'Queued X in Y' must not outlive the handover."""
        return self.status if self.status_side in ("", self.power) else ""

    def finish_seat(self) -> Transition | None:
        """This seat is done: the next seat takes over, or the turn resolves after the last."""
        if self.event_waiting:
            return self.answer_events()
        if self.session.paused:
            self.say("The facilitator has paused the game.", good=False)
            return None
        if self.session.last_seat or self.sim.state.finished:
            return self.end_turn()
        before = self.seat
        seat = self.session.advance()
        self.track = seat.desk or "soft_power"
        self.action_page = self.queue_page = 0
        self.rebuild()
        if seat.power != before.power:
            return turnflow.pass_screen(self)
        self.say(f"{seat.label} is ordering now.")
        return None

    def end_turn(self) -> Transition | None:
        """Resolve the turn, autosave, and show the report."""
        from game.ui.scenes.report import ReportScene

        if self.sim.state.finished:
            return self.after_turn()
        if self.session.paused:
            self.say("The facilitator has paused the game.", good=False)
            return None
        turnflow.queue_ai_us_orders(self.session)
        report = self.sim.end_turn()
        self.events_aside = False
        self.session.new_turn()
        self.track = self.seat.desk or "soft_power"
        self.session.handover_due = self.session.hot_seat
        self.timer_due = True
        message = saves.autosave(self.sim)
        self.autosave_note = f"Autosave: {message}" if message else ""
        self.status = self.autosave_note
        self.status_good, self.status_side = not message, ""
        self.queue_page = 0
        self.rebuild()
        return push(ReportScene(self.ctx, self.sim, report))

    def after_turn(self) -> Transition | None:
        """What comes between turns (see `turnflow.next_step`): handover, decisions, prompts, debrief."""
        return turnflow.next_step(self)

    # --- lifecycle ------------------------------------------------------------------------

    def on_resume(self) -> Transition | None:
        self.rebuild()
        return self.after_turn()

    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        self._tick_clock()
        if self.flow_due or (self.sim.pending and not self.events_aside) or self.sim.state.finished:
            self.flow_due = False
            return self.after_turn()
        return None

    def _tick_clock(self) -> None:
        """Redraw when the countdown's second changes, and say so once when time runs out."""
        label = self.session.timer.label()
        if label != self.clock_label:
            self.clock_label = label
            self.dirty = True
        locked = self.session.locked
        if locked and not self.was_locked:
            self.rebuild()
        self.was_locked = locked

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        action = keymap.action("campaign", event.key) if event.type == pygame.KEYDOWN else None
        if action == "facilitator":  # works while paused: it is how the pause ends
            return self.key_actions()[action](event)
        if self.session.paused:
            return None  # the pause screen covers this one; nothing below it reacts
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.legend_rect.collidepoint(event.pos):
            self.toggle_legend()
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.map is not None:
            hit = self.map.hit(event.pos)
            if hit:
                self.select(hit)
                return None
        if action is not None:
            return self.key_actions()[action](event)
        return super().handle_event(event)

    def key_actions(self) -> dict[str, Callable[[pygame.event.Event], Transition | None]]:
        """What each action of the keymap's campaign table does here (a test checks none is missing)."""
        return {
            "end_turn": lambda _e: self.finish_seat(),
            "next_state": lambda e: self.next_state(-1 if e.mod & pygame.KMOD_SHIFT else 1),
            "track": lambda e: self.set_track(TRACKS[e.key - pygame.K_1]),
            "remove_last": lambda _e: self.remove_order(self.my_orders()[-1]) if self.my_orders() else None,
            "answer_event": lambda _e: self.answer_events() if self.event_waiting else None,
            "report": lambda _e: self.open_report(),
            "charts": lambda _e: self.open_charts(),
            "save": lambda _e: self.open_save(),
            "load": lambda _e: turnflow.guarded(self, self.open_load, "loading a game"),
            "help": lambda _e: self.open_help(),
            "reload": lambda _e: turnflow.guarded(self, self.reload_scenario, "reloading the scenario (F5)"),
            "facilitator": lambda _e: turnflow.open_facilitator(self),
            "menu": lambda _e: self.open_menu(),
        }

    def open_save(self) -> Transition:
        return push(SaveScene(self.ctx, self.sim))

    def open_load(self) -> Transition:
        return push(LoadScene(self.ctx, self.session))

    def open_help(self) -> Transition:
        return push(HelpScene(self.ctx, self.sim.scenario))

    def open_menu(self) -> Transition:
        return push(quit_confirm(self.ctx, session=self.session))

    def reload_scenario(self, over_problems: bool = False) -> Transition | None:
        """F5: play the game so far again on the edited scenario file, or list why it cannot be.

        On success the class carries on where it was (seat, timer, selected state); on failure the
        running game is not touched. `over_problems` is set when the problems panel asks again.
        """
        from game.ui.hotreload import reload_scenario
        from game.ui.scenes.problems import ProblemsScene

        outcome = reload_scenario(self.sim)
        if outcome.sim is None:
            self.say(f"Reload refused: {outcome.title}.", good=False)
            panel = ProblemsScene(
                self.ctx,
                outcome.title,
                outcome.intro,
                outcome.problems,
                lambda: self.reload_scenario(True),
                Path(outcome.file).name,
            )
            return Transition("replace" if over_problems else "push", panel)
        self.session.reload(outcome.sim)
        if self.selected not in outcome.sim.world.state_ids:
            self.selected = outcome.sim.world.state_ids[0]
        self.say(outcome.status)
        self.rebuild()
        return pop() if over_problems else None

    def toggle_legend(self) -> None:
        self.legend_open = not self.legend_open
        self.refresh()

    def open_report(self) -> Transition | None:
        from game.ui.scenes.report import ReportScene

        if not self.sim.reports:
            self.say("No turn has been played yet: the report appears after End Turn.", good=False)
            return None
        return push(ReportScene(self.ctx, self.sim, self.sim.reports[-1]))

    def open_charts(self) -> Transition:
        from game.ui.scenes.charts import ChartsScene

        return push(ChartsScene(self.ctx, self.sim, self.selected))

    # --- layout ---------------------------------------------------------------------------

    def build(self) -> None:
        ctx, lay = self.ctx, CampaignLayout.for_size(self.ctx.size, self.ctx.scale)
        self.layout = lay
        px = ctx.px
        # top bar, right-aligned buttons
        x = lay.top.right - px(8)
        for name, action, handler, tip in reversed(
            [
                ("Report", "report", self.open_report, "Last turn's report: rival moves, events and the why-ledger."),
                ("Charts", "charts", self.open_charts, "Alignment per state and score over time."),
                ("Save", "save", self.open_save, "Save into a named slot."),
                ("Help", "help", self.open_help, "Guide, claims, actions, keys."),
                ("Menu", "menu", self.open_menu, "Main menu or quit."),
            ]
        ):
            width = px(86 if lay.compact else 96)
            x -= width
            label = keymap.label(name, "campaign", action)
            self.add_button(pygame.Rect(x, lay.top.y + px(6), width, lay.top.height - px(12)), label, handler, tip)
            x -= px(6)
        self._build_orders(lay)
        self._build_queue(lay)
        self.refresh()

    def _build_orders(self, lay: CampaignLayout) -> None:
        px, sim = self.ctx.px, self.sim
        area = lay.orders
        budget = sim.state.powers[self.power].budget
        left = sim.remaining_budget(self.power)
        tab_w = (area.width - px(24)) // 3
        y = area.y + px(34)
        self.budget_lines: list[tuple[tuple[int, int], str]] = []
        for i, track in enumerate(TRACKS):
            label = glossary.track_name(track)
            # The points go under the tab, written the same way for every track at every width.
            self.budget_lines.append(
                (
                    (area.x + px(10) + i * tab_w + tab_w // 2, y + px(40)),
                    f"{figures.budget(left[track], budget[track])} left",
                )
            )
            desk = self.seat.desk
            tip = (
                f"{glossary.TRACK_DOCS[track]} Points left this turn: {figures.budget(left[track], budget[track])}. "
                f"Key {i + 1}."
            )
            if desk and track != desk:
                tip += " Another desk orders on this track: you can look, not order."
            widget = self.add_button(
                pygame.Rect(area.x + px(12) + i * tab_w, y, tab_w - px(4), px(30)),
                label,
                lambda t=track: self.set_track(t),
                tip,
                "#tab",
            )
            if track == self.track:
                widget.select()
        self.actions_top = y + px(80)
        text = self.ctx.text
        line_w = area.width - px(30)
        laid: list[tuple[Order, str | None, list[str]]] = []
        for order, reason in self._action_rows():
            action = sim.world.actions[order.action]
            reason = reason or self.seat.refusal(order, action.track)
            if reason:
                reason = capitalised(reason_only(action.name, reason))
            line = reason or "; ".join(effect_lines(sim.world, action, order.target)[:2])
            laid.append((order, reason, wrap_two(text, line, line_w, 12)))
        pages_of = paginate(
            [px(50) + (text.line_height(12) if len(lines) > 1 else 0) for _o, _r, lines in laid],
            area.bottom - self.actions_top - px(40),
        )
        pages = len(pages_of)
        self.action_page = min(self.action_page, pages - 1)
        self.action_lines: list[tuple[int, list[str], bool, str]] = []
        y = self.actions_top
        for order, reason, lines in (laid[i] for i in pages_of[self.action_page]):
            action = sim.world.actions[order.action]
            where = "" if order.target else f" · {where_label(action.target, self.power)}"
            cost = sim.cost(action.id)
            price = f" — {figures.points(cost)}"  # the cost always shows; a long name gives way
            label = text.clip(f"{action.name}{where}", area.width - px(44) - text.width(price, 14), 14) + price
            tip = action_tip(sim.world, action, order.target, cost, reason)
            self.add_button(
                pygame.Rect(area.x + px(12), y, area.width - px(24), px(28)),
                label,
                lambda o=order: self._order_clicked(o),
                tip,
                "#action_illegal" if reason else None,
            )
            self.action_lines.append((y + px(30), lines, bool(reason), action.name))
            y += px(50) + (text.line_height(12) if len(lines) > 1 else 0)
        if pages > 1:
            by = area.bottom - px(36)
            self.add_button(
                pygame.Rect(area.x + px(12), by, px(70), px(28)),
                "‹ Prev",
                lambda: self._page_actions(-1),
                enabled=self.action_page > 0,
            )
            self.add_button(
                pygame.Rect(area.right - px(82), by, px(70), px(28)),
                "Next ›",
                lambda: self._page_actions(1),
                enabled=self.action_page < pages - 1,
            )
            self.action_pages = (self.action_page + 1, pages)
        else:
            self.action_pages = (1, 1)

    def _action_rows(self) -> list[tuple[Order, str | None]]:
        """Actions on the current track: the selected state's first, then region-wide ones."""
        rows: list[tuple[Order, str | None]] = []
        for scope in ("state", "other"):
            for action in self.sim.scenario.actions:
                if action.power != self.power or action.track != self.track:
                    continue
                if (action.target == "state") != (scope == "state"):
                    continue
                order = Order(self.power, action.id, self.selected if action.target == "state" else None)
                try:
                    self.sim.check(order)
                    reason = None
                except IllegalOrder as error:
                    reason = error.reason
                rows.append((order, reason))
        return rows

    def _order_clicked(self, order: Order) -> None:
        self.queue_order(order)

    def _page_actions(self, step: int) -> None:
        self.action_page += step
        self.rebuild()

    def _page_queue(self, step: int) -> None:
        self.queue_page += step
        self.rebuild()

    def _build_queue(self, lay: CampaignLayout) -> None:
        px, sim = self.ctx.px, self.sim
        area = lay.queue
        end = pygame.Rect(area.right - px(190), area.bottom - px(50), px(178), px(40))
        label, tip = turnflow.end_button(self.session, self.event_waiting)
        self.add_button(end, label, self.finish_seat, tip, "#primary", enabled=not sim.state.finished)
        text = self.ctx.text
        # Each order takes two lines, its name on the button and where it acts and its cost under
        # it: on one line a narrow panel cut the place off ("Lobby Congress for PNTR · Washing…").
        row_h = px(30) + text.line_height(12)
        top = area.y + px(32)
        per_page = max(1, (end.y - top - px(4)) // row_h)
        mine = self.my_orders()
        pages = max(1, -(-len(mine) // per_page))
        self.queue_page = min(self.queue_page, pages - 1)
        start = self.queue_page * per_page
        self.queue_lines: list[tuple[tuple[int, int], str]] = []
        for row, index in enumerate(mine[start : start + per_page]):
            order = sim.queued[index]
            action = sim.world.actions[order.action]
            where = sim.world.state_name(order.target) if order.target else where_label(action.target, order.power)
            detail = f"{where} · {figures.points(sim.cost(action.id))} {glossary.track_name(action.track).lower()}"
            y = top + row * row_h
            self.add_button(
                pygame.Rect(area.x + px(12), y, area.width - px(24), px(25)),
                text.clip(f"×  {action.name}", area.width - px(48), 14),
                lambda i=index: self.remove_order(i),
                f"{action.name} · {detail}. Click to remove this order (Backspace removes the last one).",
                "#queued",
            )
            self.queue_lines.append(((area.x + px(22), y + px(27)), text.clip(detail, area.width - px(44), 12)))
        if pages > 1:
            self.add_button(
                pygame.Rect(area.x + px(12), end.y + px(6), px(40), px(28)),
                "‹",
                lambda: self._page_queue(-1),
                enabled=self.queue_page > 0,
            )
            self.add_button(
                pygame.Rect(area.x + px(56), end.y + px(6), px(40), px(28)),
                "›",
                lambda: self._page_queue(1),
                enabled=self.queue_page < pages - 1,
            )

    # --- cached drawing -------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-render the hand-drawn panels and their tooltips from the current state."""
        lay = self.layout
        self.tips.clear()
        self.left = pygame.Surface(lay.state.size)
        draw_state_panel(self.left, self.ctx, self.sim, self.selected, self.tips, lay.state.topleft)
        self.region = pygame.Surface(lay.region.size)
        draw_region_panel(self.region, self.ctx, self.sim, self.tips, lay.region.topleft)
        # The top bar's lines and places change only with the state: worked out here, not per frame.
        self.top_lines = (self._turn_line(), self._score_line())
        self.top_slots = self._top_slots()
        self._top_tips()
        self.dirty = True

    def _top_tips(self) -> None:
        lay, px = self.layout, self.ctx.px
        _title, block_x, timer_x = self.top_slots
        self.tips.add(
            pygame.Rect(block_x, lay.top.y, timer_x - block_x, lay.top.height),
            f"{glossary.SCORE_TIP} {glossary.GRADE_TIP} {glossary.SCORE_STARTS_LOW}",
        )
        line = pygame.Rect(lay.orders.x + px(14), lay.orders.y + px(84), px(150), px(20))
        if self.power == "us":
            self.tips.add(line, glossary.WASHINGTON_DOCS["political_capital"])
            self.tips.add(line.move(px(150), 0), glossary.WASHINGTON_DOCS["congress_support"])
        if self.map is not None:
            self.legend_rect = self._legend_box()
            self.tips.add(self.legend_rect, self._legend_tip())
            self.tips.add(lay.map, self._map_tip)

    def _map_tip(self, pos: tuple[int, int]) -> str | None:
        """The state under the mouse: name, who leads, and the three alignments."""
        from game.ui.maptips import state_tip

        state_id = self.map.hit(pos) if self.map is not None else None
        return state_tip(self.sim, state_id) if state_id else None

    def map_inputs(self) -> MapInputs:
        """The map's drawing model: every state's three-power standing, its change and tipping."""
        return MapInputs(
            self.layout.map.size,
            state_looks(self.sim),
            self.sim.state.projects.get("trans_caspian", 0.0),
            self.ctx.scale,
            self.sim.scenario.score.preferred_share,
            tuple(self._legend_box().move(-self.layout.map.x, -self.layout.map.y)),
        )

    def draw_content(self, surface: pygame.Surface) -> None:  # noqa: C901 - one branch per key/transition, read top to bottom
        ctx, lay, sim, text = self.ctx, self.layout, self.sim, self.ctx.text
        px = ctx.px
        self._draw_top(surface)
        if self.map is not None:
            self.map.draw(surface, lay.map, self.map_inputs(), self.selected)
            self._draw_legend(surface)
        else:
            panel(surface, lay.map, text, "The map could not be drawn")
            text.draw_wrapped(surface, self.map_error, lay.map.inflate(-px(24), -px(60)), 14, BAD)
        if self.left is not None:
            surface.blit(self.left, lay.state)
        if self.region is not None:
            surface.blit(self.region, lay.region)
        seat = self.seat
        title = self.order_title
        panel(surface, lay.orders, text, title)
        if seat.power != "us" or seat.desk:
            pygame.draw.rect(surface, POWER_COLOURS[seat.power], lay.orders, 2, border_radius=6)
        where = sim.world.state_name(self.selected)
        note = f"for {where} and the region" if len(self.session.seats) == 1 else f"· {where}"
        title_w = text.width(title, 16, True)
        text.draw(
            surface,
            text.clip(note, lay.orders.width - title_w - px(36), 13),
            (lay.orders.x + px(24) + title_w, lay.orders.y + px(11)),
            13,
            MUTED,
        )
        if seat.power == "us":
            pc = sim.state.washington["political_capital"]
            spent = sum(sim.world.actions[o.action].capital_cost for o in sim.queued)
            text.draw(
                surface,
                f"Political capital {figures.budget(pc - spent, pc)}   Congress support {sim.state.washington['congress_support']:.0f}%",
                (lay.orders.x + px(14), lay.orders.y + px(86)),
                13,
                MUTED,
            )
        else:
            text.draw(
                surface,
                f"{POWER_SHORT[seat.power]}'s budgets per track are on the tabs above",
                (lay.orders.x + px(14), lay.orders.y + px(86)),
                12,
                MUTED,
            )
        for pos, line in self.budget_lines:
            text.draw(surface, line, pos, 12, TEXT, anchor="center")
        for y, lines, bad, _name in self.action_lines:
            for i, line in enumerate(lines):
                text.draw(
                    surface, line, (lay.orders.x + px(18), y + i * text.line_height(12)), 12, BAD if bad else MUTED
                )
        if self.action_pages[1] > 1:
            text.draw(
                surface,
                f"page {self.action_pages[0]}/{self.action_pages[1]}",
                (lay.orders.centerx, lay.orders.bottom - px(22)),
                12,
                MUTED,
                anchor="center",
            )
        mine = self.my_orders()
        panel(surface, lay.queue, text, f"Queued orders ({len(mine)})")
        for pos, line in self.queue_lines:
            text.draw(surface, line, pos, 12, MUTED)
        if not mine:
            text.draw_wrapped(
                surface,
                "Click an action on the right to queue it.",
                pygame.Rect(lay.queue.x + px(14), lay.queue.y + px(36), lay.queue.width - px(28), px(60)),
                13,
                MUTED,
            )
        if self.session.locked:
            self._banner(surface, f"Time is up: {self.seat.label}'s orders are locked. End Turn still works.")
        if self.status_line:
            status = text.clip(self.status_line, lay.map.width - px(24), 13)
            band = pygame.Rect(lay.map.x, lay.map.bottom - px(26), lay.map.width, px(26))
            shade = pygame.Surface(band.size, pygame.SRCALPHA)
            shade.fill((8, 12, 18, 215))
            surface.blit(shade, band)
            text.draw(
                surface,
                status,
                (band.x + px(10), band.centery),
                13,
                GOOD if self.status_good else BAD,
                anchor="midleft",
            )

    def _banner(self, surface: pygame.Surface, message: str) -> None:
        lay, text, px = self.layout, self.ctx.text, self.ctx.px
        band = pygame.Rect(lay.map.x, lay.map.y, lay.map.width, px(34))
        pygame.draw.rect(surface, (120, 40, 30), band)
        text.draw(
            surface,
            text.clip(message, band.width - px(20), 14, True),
            band.center,
            14,
            TEXT,
            bold=True,
            anchor="center",
        )

    def _top_slots(self) -> tuple[bool, int, int]:
        """Whether the scenario title fits in the top bar, and where the turn and timer blocks start.

        Blocks go left to right and stop short of the buttons; on a narrow window the title goes
        first (the briefing names the scenario), so the buttons never cover the timer."""
        lay, sim, text, px = self.layout, self.sim, self.ctx.text, self.ctx.px
        buttons = [pygame.Rect(w.rect) for w in self.handlers if lay.top.contains(w.rect)]
        room = min((b.left for b in buttons), default=lay.top.right) - px(12)
        gap = px(20)
        block_w = max(text.width(self.top_lines[0], 14), text.width(self.top_lines[1], 13))
        timer_w = max(text.width("Time 00:00 (paused)", 18, True), text.width(self.seat.label, 12))
        title_w = text.width(sim.scenario.about.title, 16, True)
        need = block_w + gap + timer_w
        with_title = max(px(300), px(12) + title_w + gap)
        show_title = with_title + need <= room
        block_x = with_title if show_title else px(12)
        return show_title, block_x, block_x + block_w + gap

    def _turn_line(self) -> str:
        return f"{self.sim.date_label()}  ·  turn {self.sim.turn}/{self.sim.scenario.turns}"

    def _score_line(self) -> str:
        sim = self.sim
        return f"Score {sim.score():.1f}  ·  grade {sim.grade()}  ·  position {sim.position():.1f}"

    def _draw_top(self, surface: pygame.Surface) -> None:
        lay, sim, text, px = self.layout, self.sim, self.ctx.text, self.ctx.px
        pygame.draw.rect(surface, PANEL, lay.top)
        y = lay.top.centery
        show_title, block_x, timer_x = self.top_slots
        if show_title:
            text.draw(surface, sim.scenario.about.title, (lay.top.x + px(12), y), 16, TEXT, bold=True, anchor="midleft")
        text.draw(surface, self.top_lines[0], (block_x, y - px(9)), 14, TEXT, anchor="midleft")
        text.draw(surface, self.top_lines[1], (block_x, y + px(9)), 13, MUTED, anchor="midleft")
        timer = self.session.timer
        if timer.active:
            colour = BAD if timer.expired else WARN if (timer.remaining() or 0) < 60 else TEXT
            note = " (paused)" if timer.paused else ""
            text.draw(
                surface,
                f"Time {timer.label()}{note}",
                (timer_x, y - px(9)),
                18,
                colour,
                bold=True,
                anchor="midleft",
            )
            text.draw(surface, self.seat.label, (timer_x, y + px(11)), 12, MUTED, anchor="midleft")
        elif len(self.session.seats) > 1:
            text.draw(surface, f"Ordering: {self.seat.label}", (timer_x, y), 14, TEXT, bold=True, anchor="midleft")

    def _legend_box(self) -> pygame.Rect:
        """Where the legend sits: full, compact (small maps) or folded to one line."""
        px = self.ctx.px
        frame = pygame.Rect(self.map.projection.frame) if self.map else pygame.Rect((0, 0), self.layout.map.size)
        x, y = self.layout.map.x + frame.x + px(6), self.layout.map.y + frame.y + px(6)
        return pygame.Rect((x, y), legend_size(self.ctx, self.layout.compact, self.legend_open))

    def _legend_tip(self) -> str:
        return legend_tip(self.legend_open)

    def _draw_legend(self, surface: pygame.Surface) -> None:
        box = self._legend_box()
        self.legend_rect = box
        progress = self.sim.state.projects.get("trans_caspian", 0.0)
        draw_legend(surface, self.ctx, box, self.layout.compact, self.legend_open, progress)


def where_label(target: str, power: str) -> str:
    """Where an order without a state acts: the whole region, or at home (Washington for the US)."""
    if target == "region":
        return "region"
    return "Washington" if power == "us" else "home"


def reason_only(name: str, reason: str) -> str:
    """'Education exchanges is already ordered there' -> 'already ordered there': the row already names it
    (so does 'not enough points: Education exchanges costs 2, …' -> 'not enough points: costs 2, …')."""
    if reason.startswith(name + " "):
        reason = reason[len(name) + 1 :]
        if reason.startswith("is "):
            reason = reason[3:]
    return reason.replace(f": {name} ", ": ")


def capitalised(line: str) -> str:
    return line[:1].upper() + line[1:]


def wrap_two(text: Text, line: str, width: int, size: int) -> list[str]:
    """The line wrapped to at most two lines (the second clipped with an ellipsis if still too long)."""
    lines = text.wrap(line, width, size)
    if len(lines) <= 2:
        return [text.clip(part, width, size) for part in lines]
    return [text.clip(lines[0], width, size), text.clip(" ".join(lines[1:]), width, size)]


def paginate(heights: list[int], room: int) -> list[list[int]]:
    """Split rows of these heights into pages that fit `room` (each page holds at least one row)."""
    pages: list[list[int]] = [[]]
    used = 0
    for i, height in enumerate(heights):
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0
        pages[-1].append(i)
        used += height
    return pages


def glossary_pattern(power: str) -> str:
    from game.ui.theme import POWER_PATTERNS

    return POWER_PATTERNS[power]
