"""A class's game around one simulation: who sits at the screen, in what order, and the timer.

The simulation knows which powers are human; the seating (US desks, who orders next, the
PIN, pause, the turn timer) is a classroom arrangement the window keeps, so it lives here
and never changes what the simulation computes. Facilitator undo swaps the simulation, so
scenes read `session.sim` instead of holding their own reference.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from game.ai.autopilot import Autopilot
from game.content.powers import PLAYER, PowerTable, display_name
from game.content.vocabulary import TRACKS
from game.sim.engine import Simulation
from game.sim.orders import Order
from game.ui import locks
from game.ui.pins import PinGuard, hash_pin, is_legacy, pin_matches
from game.ui.timer import TurnTimer

AI_US_STRATEGY = "balanced"  # how the computer plays the US for a class that leaves it out
DESK_NAMES = {"soft_power": "Soft power desk", "trade": "Trade desk", "diplomacy": "Diplomacy desk"}


def side_name(power: str, table: PowerTable | None = None) -> str:
    """'the United States', 'Russia': a side as a sentence names it (from the power table when given)."""
    name = table.name(power) if table is not None else display_name(power)
    return f"the {name}" if power == PLAYER else name


@attrs.frozen
class ClassroomSetup:
    """What the teacher chose on the setup screen; the defaults are the one-player game."""

    humans: tuple[str, ...] = ("us",)
    us_desks: bool = False
    pin: str = ""  # as typed at setup; kept in memory only, never saved
    minutes: float | None = None
    pin_hash: str = ""  # salted PBKDF2 hash (see `game.ui.pins`): what a save keeps, so a loaded game still asks

    @property
    def us_is_ai(self) -> bool:
        return "us" not in self.humans

    @property
    def has_pin(self) -> bool:
        return bool(self.pin or self.pin_hash)

    def check_pin(self, typed: str) -> bool:
        if self.pin:
            return typed.strip() == self.pin
        return not self.pin_hash or pin_matches(self.pin_hash, typed)

    def hashed(self) -> ClassroomSetup:
        """This setup with the PIN's hash worked out once (a fresh salt per game, not per save)."""
        if self.pin and not self.pin_hash:
            return attrs.evolve(self, pin_hash=hash_pin(self.pin))
        return self

    def to_data(self) -> dict[str, Any]:
        """JSON-ready settings for `sim.classroom` (and so the save); the PIN only as its hash."""
        return {
            "humans": list(self.humans),
            "us_desks": self.us_desks,
            "minutes": self.minutes,
            "pin_sha256": self.hashed().pin_hash or None,
        }

    @classmethod
    def from_data(cls, data: object, sim_humans: tuple[str, ...]) -> ClassroomSetup:
        """Settings back from a save; anything missing or malformed falls back to the one-player default."""
        if not isinstance(data, dict):
            return cls(humans=tuple(sim_humans))
        listed = data.get("humans")  # a side the class played is one the simulation treats as human
        humans = tuple(p for p in sim_humans if isinstance(listed, list) and p in listed) or ("us",)
        minutes = data.get("minutes")
        if isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes <= 0:
            minutes = None
        pin_hash = data.get("pin_sha256")
        return cls(
            humans=humans,
            us_desks=data.get("us_desks") is True and "us" in humans,
            minutes=minutes,
            pin_hash=pin_hash if isinstance(pin_hash, str) else "",
        )

    def sim_humans(self) -> tuple[str, ...]:
        """The powers the simulation treats as human.

        The US is always human there: when the class lets the computer play it, the window
        queues the AI strategy's orders as ordinary orders, so saves replay exactly.
        """
        return ("us", *(p for p in self.humans if p != "us"))  # the US first, then sides in the table's order


@attrs.frozen
class Seat:
    """One turn at the screen: a side, or one desk of the US."""

    power: str
    desk: str | None = None  # a track id when the US is split into desks

    @property
    def label(self) -> str:
        side = "US" if self.power == "us" else side_name(self.power)
        return f"{side} — {DESK_NAMES[self.desk]}" if self.desk else side

    def refusal(self, order: Order, track: str) -> str | None:
        """Why this seat may not queue or remove `order` (on `track`), or None if it may."""
        if order.power != self.power:
            return f"{side_name(order.power)}'s orders are not yours to give"
        if self.desk and track != self.desk:
            return (
                f"that is a {track.replace('_', ' ')} order: the {DESK_NAMES[track].lower()} gives it, "
                f"not the {DESK_NAMES[self.desk].lower()}"
            )
        return None


def seats_for(setup: ClassroomSetup) -> tuple[Seat, ...]:
    """The order in which sides come to the screen each turn."""
    seats: list[Seat] = []
    for power in setup.humans:  # in the power table's order
        if power == "us" and setup.us_desks:
            seats.extend(Seat("us", track) for track in TRACKS)
        else:
            seats.append(Seat(power))
    return tuple(seats) or (Seat("us"),)


class Session:
    """The game in progress plus its classroom state (seat, pause, timer, prompts skipped)."""

    def __init__(
        self, sim: Simulation, setup: ClassroomSetup | None = None, clock: Callable[[], float] | None = None
    ) -> None:
        loaded = setup is None
        if setup is None:  # a loaded game (or "Play again") brings its class's settings on the simulation
            setup = ClassroomSetup.from_data(getattr(sim, "classroom", None), sim.humans)
        self.setup = setup.hashed()
        self.lock_note = ""
        self.paused = False
        self.guard = PinGuard(clock)
        self._bind_lock(sim, loaded)
        self.seats = seats_for(self.setup)
        self.seat_index = 0
        self.held = 0  # facilitator screens open: the class clock waits while the teacher works
        self.timer = TurnTimer(clock)
        self.skipped_prompts: set[tuple[int, str]] = set()
        self.handover_due = False  # the pass-the-screen step is owed to the seat at the screen
        self.us_pilot = Autopilot(AI_US_STRATEGY)  # plays the US when the class leaves it to the computer
        self._attach(sim)
        self.start_seat()

    def _bind_lock(self, sim: Simulation, loaded: bool) -> None:
        """Tie the PIN to this install (see `game.ui.locks`): a loaded save cannot drop it or unpause."""
        if not loaded:  # the setup screen: the teacher's choice binds the game
            if self.setup.pin_hash:
                locks.remember(sim, pin_hash=self.setup.pin_hash, paused=False)
            return
        record = locks.lookup(sim)
        kept = record.get("pin_hash")
        if isinstance(kept, str) and kept and kept != self.setup.pin_hash:
            if not self.setup.pin_hash:
                self.lock_note = "This save had lost its PIN; this computer still holds it."
            else:
                self.lock_note = "This save's PIN differs from the one this computer holds; the computer's applies."
            self.setup = attrs.evolve(self.setup, pin="", pin_hash=kept)
        elif self.setup.pin_hash and not kept:
            locks.remember(sim, pin_hash=self.setup.pin_hash)
        self.paused = self.setup.has_pin and record.get("paused") is True  # quitting does not lift a pause
        failures = record.get("failures")
        if self.setup.has_pin and isinstance(failures, int) and not isinstance(failures, bool):
            self.guard.resume(failures)  # nor does it reset the wrong-guess count

    def _attach(self, sim: Simulation) -> None:
        """Play on `sim`, which carries the settings so saves keep them."""
        self.sim = sim
        sim.classroom = self.setup.to_data()  # type: ignore[attr-defined]

    @property
    def seat(self) -> Seat:
        return self.seats[self.seat_index]

    @property
    def hot_seat(self) -> bool:
        """More than one side orders at this screen, so each must be hidden from the next."""
        return len({s.power for s in self.seats}) > 1

    @property
    def last_seat(self) -> bool:
        return self.seat_index == len(self.seats) - 1

    def next_seat(self) -> Seat | None:
        return None if self.last_seat else self.seats[self.seat_index + 1]

    def advance(self) -> Seat:
        """The current seat is done; the next one starts (its timer too)."""
        self.seat_index = min(self.seat_index + 1, len(self.seats) - 1)
        self.start_seat()
        return self.seat

    def new_turn(self) -> None:
        self.seat_index = 0
        self.start_seat()

    def start_seat(self) -> None:
        if self.setup.minutes:
            self.timer.start(self.setup.minutes * 60)
            if self.paused or self.held:
                self.timer.pause()
        else:
            self.timer.stop()

    @property
    def locked(self) -> bool:
        """Orders are locked once the seat's time is up."""
        return self.timer.expired

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self._settle_timer()
        if self.setup.has_pin:
            locks.remember(self.sim, paused=paused)

    def hold(self) -> None:
        """A facilitator screen opened (PIN prompt or view): no side's time runs out meanwhile."""
        self.held += 1
        self._settle_timer()

    def release(self) -> None:
        self.held = max(0, self.held - 1)
        self._settle_timer()

    def _settle_timer(self) -> None:
        if self.paused or self.held:
            self.timer.pause()
        else:
            self.timer.resume()

    def check_pin(self, typed: str) -> bool:
        """Whether `typed` is the PIN; a right PIN under the old sha256 scheme is re-kept with PBKDF2.

        The wrong-guess count is kept with the game's lock record, so closing the window does not reset it.
        """
        if not self.setup.check_pin(typed):
            self.guard.failed()
            locks.remember(self.sim, failures=self.guard.failures)
            return False
        if self.guard.failures:
            self.guard.succeeded()
            locks.remember(self.sim, failures=0)
        if is_legacy(self.setup.pin_hash):
            self.setup = attrs.evolve(self.setup, pin_hash=hash_pin(typed))
            self._attach(self.sim)
            locks.remember(self.sim, pin_hash=self.setup.pin_hash)
        return True

    def swap(self, sim: Simulation) -> None:
        """Play on from another simulation (after undo): the seats start over, from the first side's handover."""
        self._attach(sim)
        self.new_turn()
        self.handover_due = self.hot_seat

    def reload(self, sim: Simulation) -> None:
        """Play on from the same game replayed on an edited scenario: seat and timer carry on."""
        self._attach(sim)
