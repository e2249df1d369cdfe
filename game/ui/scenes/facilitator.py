"""The facilitator view (F9): pause, inject events, news, rule changes, hidden information, undo.

Every act goes through the simulation (`sim.act`, `undo_last_turn`), which records it in the
ledger with a `facilitator:` cause and refuses what it cannot do with a reason; this screen
only collects the input and shows the result or the refusal on its status line.
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui

from game.sim.acts import summary
from game.sim.events import fill
from game.sim.orders import IllegalOrder
from game.ui.classroom import Session
from game.ui.facilitator_data import ParamRow, parse_number, reveal_lines, rule_rows, wrap_lines
from game.ui.reference import CLAIMS
from game.ui.scene import Context, Scene, Transition, pop, push
from game.ui.scenes.news_form import NewsForm
from game.ui.tab_row import RowStyle, Tab, state_picker, state_tabs, tab_row
from game.ui.theme import ACCENT, BAD, GOOD, MUTED, TEXT, WARN
from game.ui.widgets import panel

TABS = ("Control", "Events", "News", "Rules", "Reveal")


class FacilitatorScene(Scene):
    name = "facilitator"

    def __init__(self, ctx: Context, session: Session) -> None:
        super().__init__(ctx)
        self.session = session
        self.tab = TABS[0]
        self.message = "Acts apply at once and are logged in the ledger as facilitator acts."
        self.good = True
        self.event_id = session.sim.scenario.events[0].id if session.sim.scenario.events else ""
        self.event_state: str | None = None
        self.form = NewsForm()
        self.rule_page = 0
        self.rule_path = ""
        self.rule_entry: pygame_gui.elements.UITextEntryLine | None = None
        self.reveal_page = 0
        self.pages: list[list[Any]] = [[]]

    @property
    def sim(self) -> Any:
        return self.session.sim

    def on_enter(self) -> None:
        self.session.hold()  # the class clock waits while the facilitator works
        super().on_enter()

    def on_leave(self) -> None:
        self.session.release()
        super().on_leave()

    def on_resume(self) -> Transition | None:
        self.rebuild()  # a confirmation closed: show its outcome
        return None

    # --- results ------------------------------------------------------------------------

    def said(self, message: str, good: bool = True) -> None:
        self.message, self.good = message, good
        self.dirty = True

    def act(self, kind: str, payload: dict[str, Any], done: str) -> bool:
        try:
            self.sim.act(kind, payload)
        except IllegalOrder as error:
            self.said(f"Refused: {error.reason}", good=False)
            return False
        self.said(done)
        return True

    # --- the acts -----------------------------------------------------------------------

    def toggle_pause(self) -> None:
        paused = not self.session.paused
        self.session.set_paused(paused)
        self.said(
            "The game is paused: the timer and the players' input are frozen." if paused else "The game runs again."
        )

    def confirm_undo(self) -> Transition | None:
        """Undo throws a turn away, so it asks first."""
        from game.ui.scenes.message import MessageScene

        if len(self.sim.history) < 2:
            self.said("Refused: there is no earlier turn to go back to", good=False)
            return None
        message = (
            f"Go back to before the last End Turn (turn {self.sim.turn - 1 if not self.sim.state.finished else self.sim.turn})? "
            "Everything since is discarded; that turn's orders are queued again."
        )
        return push(MessageScene(self.ctx, "Undo the last turn?", message, (("Undo turn", self.undo), ("Cancel", pop))))

    def undo(self) -> Transition | None:
        """Go back a turn and autosave the result, so quitting and continuing does not bring the turn back."""
        from game.sim.facilitator import undo_last_turn
        from game.ui import saves

        try:
            earlier = undo_last_turn(self.sim)
        except IllegalOrder as error:
            self.said(f"Refused: {error.reason}", good=False)
            return pop()
        earlier.started = self.sim.started  # the same campaign: its autosaves stay in one rotation
        self.session.swap(earlier)
        problem = saves.autosave(earlier)
        note = f" Autosave failed: {problem}" if problem else ""
        self.said(
            f"Undone: back to turn {earlier.turn} ({earlier.date_label()}); that turn's orders are queued again.{note}",
            good=not problem,
        )
        return pop()

    def inject(self) -> None:
        event = self.sim.scenario.event(self.event_id)
        where = self.sim.world.state_name(self.event_state) if self.event_state else "the region"
        follow = " A decision waits for the US." if event.choices else ""
        self.act(
            "inject_event",
            {"event": self.event_id, "state": self.event_state},
            f"Injected '{event.title}' ({where}); it shows in the next turn report.{follow}",
        )

    def publish_news(self) -> None:
        try:
            payload = self.form.payload(self)
        except ValueError as error:
            self.said(f"Refused: {error}", good=False)
            return
        before = len(self.sim.ledger)
        if self.act("news", payload, ""):  # say what was applied: receptivity scales gains (C1)
            moved = list(self.sim.ledger[before:])
            self.said(f"Published '{payload['title']}': {summary(self.sim, moved)}.")

    def set_rule(self) -> None:
        row = self.selected_rule()
        if row is None:
            self.said("Choose a parameter first.", good=False)
            return
        typed = self.rule_entry.get_text() if self.rule_entry else ""
        try:
            value = parse_number(typed)
        except ValueError as error:
            self.said(f"Refused: {error}", good=False)
            return
        self.act(
            "set_parameter",
            {"path": row.path, "value": value},
            f"{row.path} is now {value:g} (was {row.value:g}); logged as facilitator:set_parameter ({row.claim}).",
        )

    # --- navigation ---------------------------------------------------------------------

    def set_tab(self, tab: str) -> None:
        self.tab = tab

    def on_button(self, element: Any) -> Transition | None:
        """Every click may change what the view shows, so the view is laid out again."""
        if self.tab == "News":
            self.form.remember()
        handler = self.handlers.get(element)
        result = handler() if handler else None
        if result is None:
            self.rebuild()
        return result

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F9, pygame.K_ESCAPE):
            return pop()
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.rule_entry:
            self.set_rule()
            self.rebuild()
            return None
        return super().handle_event(event)

    def selected_rule(self) -> ParamRow | None:
        return next((r for r in rule_rows(self.sim.scenario) if r.path == self.rule_path), None)

    # --- layout -------------------------------------------------------------------------

    def build(self) -> None:
        px = self.ctx.px
        w, h = self.ctx.size
        tabs = [Tab(tab, lambda t=tab: self.set_tab(t), chosen=tab == self.tab) for tab in TABS]
        tab_row(self, px(16), px(56), tabs, RowStyle(height=px(32), gap=px(4), pad=px(32)))
        self.body = pygame.Rect(px(16), px(98), w - px(32), h - px(176))
        self.add_button(
            pygame.Rect(w - px(176), h - px(56), px(160), px(40)), "Close (F9)", pop, "Back to the game.", "#primary"
        )
        self.rule_entry = None
        getattr(self, f"_build_{self.tab.lower()}")()

    def _build_control(self) -> None:
        px, body = self.ctx.px, self.body
        x, y = body.x + px(16), body.y + px(50)
        label = "Resume the game" if self.session.paused else "Pause the game"
        self.add_button(
            pygame.Rect(x, y, px(240), px(42)),
            label,
            self.toggle_pause,
            "Freeze the timer and the players' input (the pause screen covers the map).",
            "#primary",
        )
        self.add_button(
            pygame.Rect(x, y + px(56), px(240), px(42)),
            "Undo the last turn",
            self.confirm_undo,
            "Go back to before the last End Turn, with its orders queued again.",
            "#danger",
        )

    def _build_events(self) -> None:
        px, body, sim = self.ctx.px, self.body, self.sim
        x, y = body.x + px(12), body.y + px(40)
        col_w = px(250)
        per_col = max(1, (body.height - px(52)) // px(36))
        for index, event in enumerate(sim.scenario.events):
            col, row = divmod(index, per_col)
            widget = self.add_button(
                pygame.Rect(x + col * (col_w + px(6)), y + row * px(36), col_w, px(32)),
                event.title,
                lambda e=event.id: self._pick_event(e),
                f"{event.id} · {event.scope} event · claims {', '.join(event.claims) or '—'}",
                "#tab",
            )
            if event.id == self.event_id:
                widget.select()
        columns = -(-len(sim.scenario.events) // per_col)
        self.detail_x = x + columns * (col_w + px(6)) + px(12)
        event = sim.scenario.event(self.event_id) if self.event_id else None
        if event is None:
            return
        sy = body.bottom - px(104)
        if event.scope == "state":
            if self.event_state is None:
                self.event_state = sim.world.state_ids[0]
            states = state_tabs(
                sim.world, self._pick_state, "The event happens in {name}.", lambda s: s == self.event_state
            )
            tab_row(self, self.detail_x, sy, states, state_picker(px))
        else:
            self.event_state = None
        self.add_button(
            pygame.Rect(self.detail_x, body.bottom - px(56), px(200), px(40)),
            "Inject event",
            self.inject,
            "Fire the event now; its effects apply and it shows in the next report.",
            "#primary",
        )

    def _pick_event(self, event_id: str) -> None:
        self.event_id = event_id
        event = self.sim.scenario.event(event_id)
        if event.scope != "state":
            self.event_state = None

    def _pick_state(self, state_id: str) -> None:
        self.event_state = state_id

    def _build_news(self) -> None:
        self.form.build(self, self.body)

    def _build_rules(self) -> None:
        px, body = self.ctx.px, self.body
        rows = rule_rows(self.sim.scenario)
        list_w = round(body.width * 0.5)
        row_h = px(30)
        top = body.y + px(40)
        per_page = max(4, (body.height - px(96)) // row_h)
        self.pages = []
        page: list[tuple[str, ParamRow | None]] = []
        claim = None
        for row in rows:  # claim headings take a row each and open a page's first line
            if row.claim != claim or not page:
                if len(page) >= per_page - 1:
                    self.pages.append(page)
                    page = []
                page.append((row.claim, None))
                claim = row.claim
            page.append(("", row))
            if len(page) >= per_page:
                self.pages.append(page)
                page = []
        if page:
            self.pages.append(page)
        self.rule_page = min(self.rule_page, len(self.pages) - 1)
        y = top
        self.heading_rows: list[tuple[int, str]] = []
        for heading, row in self.pages[self.rule_page]:
            if row is None:
                self.heading_rows.append((y, heading))
            else:
                label = f"{row.path.removeprefix('rules.')} = {row.value:g}"
                widget = self.add_button(
                    pygame.Rect(body.x + px(60), y, list_w - px(70), px(26)),
                    label,
                    lambda p=row.path: self._pick_rule(p),
                    row.doc,
                    "#tab",
                )
                if row.path == self.rule_path:
                    widget.select()
            y += row_h
        by = body.bottom - px(40)
        self.add_button(
            pygame.Rect(body.x + px(12), by, px(90), px(30)),
            "‹ Prev",
            lambda: self._page_rules(-1),
            enabled=self.rule_page > 0,
        )
        self.add_button(
            pygame.Rect(body.x + list_w - px(102), by, px(90), px(30)),
            "Next ›",
            lambda: self._page_rules(1),
            enabled=self.rule_page < len(self.pages) - 1,
        )
        selected = self.selected_rule()
        self.detail_x = body.x + list_w + px(16)
        if selected is not None:
            dy = body.y + px(200)
            self.rule_entry = pygame_gui.elements.UITextEntryLine(
                pygame.Rect(self.detail_x, dy, px(160), px(36)), self.gui
            )
            value = f"{selected.value:g}"
            self.rule_entry.set_text(value)
            # "Click a parameter, then type a new value": typing replaces the value without a second click.
            self.rule_entry.focus()
            self.rule_entry.select_range = [0, len(value)]
            self.add_button(
                pygame.Rect(self.detail_x + px(170), dy, px(150), px(36)),
                "Set value",
                self.set_rule,
                "Change the rule now; the change is logged in the ledger (facilitator:set_parameter).",
                "#primary",
            )

    def _pick_rule(self, path: str) -> None:
        self.rule_path = path

    def _page_rules(self, step: int) -> None:
        self.rule_page = max(0, self.rule_page + step)

    def _build_reveal(self) -> None:
        px, text, body = self.ctx.px, self.ctx.text, self.body
        width = body.width - px(32)
        open_to_all = self.session.hot_seat and not self.session.setup.has_pin  # no PIN: any side can be here
        lines = reveal_lines(self.sim, show_queued=not open_to_all)
        wrapped = wrap_lines(lines, lambda line, bold: text.wrap(line, width, 13, bold))
        per_page = max(5, (body.height - px(92)) // text.line_height(13))
        self.pages = [wrapped[i : i + per_page] for i in range(0, len(wrapped), per_page)] or [[]]
        self.reveal_page = min(self.reveal_page, len(self.pages) - 1)
        by = body.bottom - px(40)
        self.add_button(
            pygame.Rect(body.x + px(12), by, px(90), px(30)),
            "‹ Prev",
            lambda: self._page_reveal(-1),
            enabled=self.reveal_page > 0,
        )
        self.add_button(
            pygame.Rect(body.right - px(102), by, px(90), px(30)),
            "Next ›",
            lambda: self._page_reveal(1),
            enabled=self.reveal_page < len(self.pages) - 1,
        )

    def _page_reveal(self, step: int) -> None:
        self.reveal_page = max(0, self.reveal_page + step)

    # --- drawing ------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface) -> None:
        text, px, sim = self.ctx.text, self.ctx.px, self.sim
        w, h = self.ctx.size
        text.draw(surface, "Facilitator", (px(16), px(12)), 22, WARN, bold=True)
        state = "paused" if self.session.paused else "running"
        text.draw(
            surface,
            f"turn {sim.turn}/{sim.scenario.turns} · {sim.date_label()} · game {state} · "
            f"ordering: {self.session.seat.label} · hidden from the players",
            (px(150), px(22)),
            13,
            MUTED,
        )
        panel(surface, self.body)
        getattr(self, f"_draw_{self.tab.lower()}")(surface)
        colour = GOOD if self.good else BAD
        text.draw(surface, text.clip(self.message, w - px(220), 14), (px(16), h - px(36)), 14, colour, anchor="midleft")

    def _draw_control(self, surface: pygame.Surface) -> None:
        text, px, body, session = self.ctx.text, self.ctx.px, self.body, self.session
        text.draw(surface, "Pause and undo", (body.x + px(16), body.y + px(14)), 15, TEXT, bold=True)
        setup = session.setup
        sides = ", ".join(
            f"{row.short}: {'people' if row.id in setup.humans else 'computer'}" for row in session.sim.world.powers
        )
        timer = session.timer
        facts = [
            f"Sides — {sides}" + (" (US split into three desks)" if setup.us_desks else ""),
            "Order of play: " + " › ".join(seat.label for seat in session.seats),
            f"Turn timer: {setup.minutes:g} min per side, {timer.label()} left{' (stopped while this view is open)' if timer.paused else ''}"
            if setup.minutes
            else "Turn timer: off",
            f"PIN: {'set — needed for this view, loading, F5 and the main menu' if setup.has_pin else 'none'}"
            f" · turns played: {len(self.sim.reports)}",
            f"News items so far: {len(self.sim.state.news)} · reflection answers: {len(self.sim.state.reflections)}",
        ]
        if session.lock_note:
            facts.append(session.lock_note)
        x, y = body.x + px(290), body.y + px(56)
        for line in facts:
            y = text.draw_wrapped(surface, line, pygame.Rect(x, y, body.right - x - px(16), px(60)), 14, TEXT) + px(6)

    def _draw_events(self, surface: pygame.Surface) -> None:
        text, px, body, sim = self.ctx.text, self.ctx.px, self.body, self.sim
        text.draw(surface, "Inject any event of the scenario", (body.x + px(16), body.y + px(12)), 15, TEXT, bold=True)
        event = sim.scenario.event(self.event_id) if self.event_id else None
        if event is None:
            return
        x, width = self.detail_x, body.right - self.detail_x - px(16)
        y = body.y + px(44)
        text.draw(surface, text.clip(event.title, width, 17, True), (x, y), 17, ACCENT, bold=True)
        y += px(28)
        scope = "in one state (choose it below)" if event.scope == "state" else "region-wide"
        text.draw(surface, f"{scope} · claims {', '.join(event.claims) or '—'}", (x, y), 13, MUTED)
        y += px(24)
        body_text = fill(event.text, sim.world, self.event_state)
        y = text.draw_wrapped(surface, body_text, pygame.Rect(x, y, width, body.bottom - y - px(130)), 14, TEXT)
        if event.choices:
            y += px(6)
            choices = "; ".join(c.label for c in event.choices)
            text.draw_wrapped(
                surface,
                f"The US will choose: {choices}",
                pygame.Rect(x, y, width, body.bottom - y - px(120)),
                13,
                MUTED,
            )

    def _draw_news(self, surface: pygame.Surface) -> None:
        self.form.draw(self, surface, self.body)

    def _draw_rules(self, surface: pygame.Surface) -> None:
        text, px, body = self.ctx.text, self.ctx.px, self.body
        text.draw(
            surface,
            f"Rule parameters by claim · page {self.rule_page + 1}/{len(self.pages)}",
            (body.x + px(16), body.y + px(12)),
            15,
            TEXT,
            bold=True,
        )
        for y, claim in self.heading_rows:
            text.draw(surface, claim_heading(claim), (body.x + px(16), y + px(4)), 14, ACCENT, bold=True)
        row = self.selected_rule()
        x, width = self.detail_x, body.right - self.detail_x - px(16)
        y = body.y + px(44)
        if row is None:
            text.draw_wrapped(
                surface,
                "Click a parameter to see its meaning and range, then type a new value.",
                pygame.Rect(x, y, width, px(60)),
                14,
                MUTED,
            )
            return
        text.draw(surface, row.path, (x, y), 16, ACCENT, bold=True)
        y += px(28)
        text.draw(surface, f"claim {row.claim} · now {row.value:g} · range {row.range_text}", (x, y), 14, TEXT)
        y += px(26)
        text.draw_wrapped(surface, row.doc, pygame.Rect(x, y, width, px(90)), 14, MUTED)
        text.draw(surface, "New value (Enter sets it):", (x, body.y + px(178)), 13, MUTED)

    def _draw_reveal(self, surface: pygame.Surface) -> None:
        text, px, body = self.ctx.text, self.ctx.px, self.body
        text.draw(
            surface,
            f"Hidden information · page {self.reveal_page + 1}/{len(self.pages)}",
            (body.x + px(16), body.y + px(12)),
            15,
            TEXT,
            bold=True,
        )
        y = body.y + px(40)
        for line, heading in self.pages[self.reveal_page]:
            text.draw(surface, line, (body.x + px(16), y), 13, ACCENT if heading else TEXT, heading)
            y += text.line_height(13)


def claim_heading(claim: str) -> str:
    """'C3 Strain with Russia (¶5, ¶13)': a teacher looking for a claim by name finds its page."""
    info = CLAIMS.get(claim)
    return f"{claim} {info.title} ({info.paragraphs})" if info else claim
