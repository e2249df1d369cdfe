"""The campaign screen: map, the selected state's panel, the order panel and End Turn.

The screen is built from panel objects (`game.ui.panels`): top bar, map area, state and
region panels, order panel and queue. This scene owns what the player chooses (the selected
state, the track, the seat's turn) and the actions on the game; the panels lay out, draw and
explain. Cached drawing is redone only by `refresh`, after anything changes.

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
from game.ui import keymap, saves, turnflow
from game.ui.classroom import Seat, Session
from game.ui.layout import CampaignLayout
from game.ui.mapview import MapView
from game.ui.panels.base import Panel
from game.ui.panels.map_area import MapArea
from game.ui.panels.order_text import reason_only, where_label
from game.ui.panels.orders import OrderPanel
from game.ui.panels.queue import QueuePanel
from game.ui.panels.state_region import StateRegionPanels
from game.ui.panels.top_bar import TopBar
from game.ui.scene import Context, Scene, Transition, pop, push
from game.ui.scenes.help import HelpScene
from game.ui.scenes.load import LoadScene
from game.ui.scenes.message import quit_confirm
from game.ui.scenes.save import SaveScene


class CampaignScene(Scene):
    """Where the player spends the turn."""

    name = "campaign"

    def __init__(self, ctx: Context, sim: Simulation, session: Session | None = None) -> None:
        super().__init__(ctx)
        self.session = session or Session(sim)
        self.selected: str = sim.world.state_ids[0]
        self.track = self.seat.desk or "soft_power"
        self.status = ""
        self.status_good = True
        self.status_side = ""  # whose seat the status line speaks to: no other side ever reads it
        self.layout = CampaignLayout.for_size(ctx.size, ctx.scale)
        self.autosave_note = ""
        self.timer_due = False  # a new turn: start the first seat's clock once the map shows
        self.clock_label = ""
        self.was_locked = False
        self.flow_due = True  # ask `turnflow.next_step` at the next update (prompts due at the start)
        self.events_aside = False  # the player closed an event dialog to look at the map first
        self.top = TopBar(self)
        self.map_area = MapArea(self)
        self.sides = StateRegionPanels(self)
        self.orders = OrderPanel(self)
        self.queue = QueuePanel(self)
        # Refreshed in this order (tooltips added first win) and drawn in this order.
        self.panels: tuple[Panel, ...] = (self.sides, self.top, self.orders, self.map_area, self.queue)

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
            self.orders.page = 0
            self.rebuild()

    def next_state(self, step: int = 1) -> None:
        ids = self.sim.world.state_ids
        self.select(ids[(ids.index(self.selected) + step) % len(ids)])

    def set_track(self, track: str) -> None:
        self.track = track
        self.orders.page = 0
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
        self.orders.page = self.queue.page = 0
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
        self.queue.page = 0
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
        for part in self.panels:
            handled, transition = part.handle_event(event)
            if handled:
                return transition
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

    def open_report(self) -> Transition | None:
        from game.ui.scenes.report import ReportScene

        if not self.sim.reports:
            self.say("No turn has been played yet: the report appears after End Turn.", good=False)
            return None
        return push(ReportScene(self.ctx, self.sim, self.sim.reports[-1]))

    def open_charts(self) -> Transition:
        from game.ui.scenes.charts import ChartsScene

        return push(ChartsScene(self.ctx, self.sim, self.selected))

    # --- layout and drawing: the panels --------------------------------------------------

    def build(self) -> None:
        self.layout = CampaignLayout.for_size(self.ctx.size, self.ctx.scale)
        for part in self.panels:
            part.build(self.layout)
        self.refresh()

    def refresh(self) -> None:
        """Re-render the panels' cached drawing and their tooltips from the current state."""
        self.tips.clear()
        for part in self.panels:
            part.refresh()
        self.dirty = True

    def draw_content(self, surface: pygame.Surface) -> None:
        for part in (self.top, self.map_area, self.sides, self.orders, self.queue):
            part.draw(surface)
        self.map_area.draw_edges(surface)

    # --- what tests and tools read from the panels ------------------------------------------

    @property
    def map(self) -> MapView | None:
        return self.map_area.view

    @property
    def legend_rect(self) -> pygame.Rect:
        return self.map_area.legend_rect

    @property
    def legend_open(self) -> bool:
        return self.map_area.legend_open

    @property
    def budget_lines(self) -> list[tuple[tuple[int, int], str]]:
        return self.orders.budget_lines

    @property
    def action_lines(self) -> list[tuple[int, list[str], bool, str]]:
        return self.orders.action_lines

    @property
    def queue_lines(self) -> list[tuple[tuple[int, int], str]]:
        return self.queue.lines

    def _action_rows(self) -> list[tuple[Order, str | None]]:
        return self.orders.rows()
