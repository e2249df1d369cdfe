"""What happens between the seats and turns of a class's game, in one place.

After End Turn the report shows; then, each time the campaign screen comes back, `next_step`
picks the one thing due next: the pause screen, the pass-the-screen step to the first seat,
the US's event decisions, a reflection prompt, the debrief — and finally starts the seat's
clock. Keeping the order here means the campaign scene only asks "what now?".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.sim.orders import IllegalOrder, Order
from game.ui import keymap
from game.ui.classroom import Session
from game.ui.scene import Transition, push, replace

if TYPE_CHECKING:
    from game.ui.scenes.campaign import CampaignScene


def next_step(scene: CampaignScene) -> Transition | None:
    """The screen due now over the campaign, or None when the seat at the screen may play."""
    from game.ui.scenes.end import EndScene
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.handover import PassScreenScene, PauseScene
    from game.ui.scenes.reflection import ReflectionScene

    session, sim, ctx = scene.session, scene.sim, scene.ctx
    if session.paused:
        return push(PauseScene(ctx, session))
    if session.handover_due and not sim.state.finished:  # a new turn, or an undo, in hot seat
        session.handover_due = False
        return push(PassScreenScene(ctx, session))
    if sim.pending:
        if session.setup.us_is_ai:
            answer_events_for_ai_us(session)
            scene.rebuild()
        elif scene.power == "us":
            if scene.events_aside:
                return None  # the player is looking at the map first; E or End Turn reopens it
            return push(EventScene(ctx, sim, sim.pending[0], scene.set_events_aside))
    if sim.state.finished:
        return replace(EndScene(ctx, sim))
    due = [r for r in sim.due_reflections() if (sim.turn, r.id) not in session.skipped_prompts]
    if due:
        return push(ReflectionScene(ctx, session, due[0]))
    if scene.timer_due:
        scene.timer_due = False
        session.start_seat()
    return None


def pass_screen(scene: CampaignScene) -> Transition:
    from game.ui.scenes.handover import PassScreenScene

    return push(PassScreenScene(scene.ctx, scene.session))


def open_facilitator(scene: object) -> Transition | None:
    """F9: the facilitator view, behind the PIN when one was set."""
    from game.ui.scenes.facilitator import FacilitatorScene

    session: Session = scene.session  # type: ignore[attr-defined]
    return guarded(scene, lambda: push(FacilitatorScene(scene.ctx, session)), "the facilitator view")  # type: ignore[attr-defined]


def guarded(scene: object, then: Callable[[], Transition | None], purpose: str) -> Transition | None:
    """The classroom lock: with a PIN set, whatever changes the world outside the normal turn
    (the facilitator view, loading, F5 reload, the main menu) opens only after the PIN."""
    from game.ui.scenes.pin import PinScene

    session: Session = scene.session  # type: ignore[attr-defined]
    if not session.setup.has_pin:
        return then()
    return push(PinScene(scene.ctx, session, then, purpose))  # type: ignore[attr-defined]


def end_button(session: Session, event_waiting: bool = False) -> tuple[str, str]:
    """The label and tooltip of the End Turn button for the seat at the screen."""
    if event_waiting:
        return keymap.label(
            "Answer event", "campaign", "answer_event"
        ), "An event set aside waits for your answer before the turn can end."
    if len(session.seats) == 1:
        return keymap.label(
            "End turn", "campaign", "end_turn"
        ), "Resolve the quarter: your orders and the other powers' moves, then the rules and events."
    following = session.next_seat()
    if following is None:
        return keymap.label("End turn", "campaign", "end_turn"), "Every side has ordered: resolve the quarter."
    how = (
        "the screen is passed on (your orders stay hidden)"
        if following.power != session.seat.power
        else "it orders next"
    )
    return keymap.label("Done", "campaign", "end_turn"), f"Finish your orders; next is {following.label}: {how}."


def queue_ai_us_orders(session: Session) -> None:
    """When the computer plays the US, its orders are queued as a player's would be (saves replay them).

    An order the world refuses by now (the facilitator changed a budget) is left out, not fatal."""
    if not session.setup.us_is_ai:
        return
    sim = session.sim

    def queue_if_legal(order: Order) -> None:
        try:
            sim.queue(order)
        except IllegalOrder:
            return

    session.us_pilot.queue_orders(sim, queue_if_legal)


def answer_events_for_ai_us(session: Session) -> None:
    session.us_pilot.answer_events(session.sim)
