"""The turn engine: `Simulation.end_turn()` is the one way time moves.

A turn runs a fixed, documented order of phases (see `PHASES`). The window, the batch
runner and the tests all drive the same object; only where orders come from differs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from game.content.overrides import apply_override
from game.content.scenario import Scenario
from game.sim import events as event_rules
from game.sim.effects import APPLIERS, EffectContext
from game.sim.events import FiredEvent
from game.sim.ledger import Change, Ledger
from game.sim.legality import check_order, legal_orders, order_cost
from game.sim.orders import Decision, IllegalOrder, Order, PlannedOrder
from game.sim.phases import OPENING, PHASES, Phase, TurnContext
from game.sim.rules import contest, income
from game.sim.rules.summits import region_share
from game.sim.score import campaign_score, current_score, grade_for, score_breakdown
from game.sim.state import GameState, initial_state, state_hash, to_data
from game.sim.world import World

# Rival orders are chosen by a callable so the sim stays free of AI policy details.
RivalChooser = Callable[[World, str, Sequence[Order]], list[PlannedOrder]]


@attrs.frozen
class TurnReport:
    """What happened in a turn and why: orders with reasons, events, and the ledger's changes."""

    turn: int
    orders: tuple[PlannedOrder, ...]
    refused: tuple[tuple[Order, str], ...]
    events: tuple[FiredEvent, ...]
    changes: tuple[Change, ...]
    score: float
    finished: bool
    outcome: str


@attrs.define
class TurnRecord:
    """The human input of one turn, enough to replay it.

    `decisions` holds what applied at once, in order: event answers as (decision key, choice)
    and facilitator acts or reflection answers as (kind, canonical JSON); `orders` are the
    orders standing at End Turn.
    """

    decisions: list[tuple[str, str]] = attrs.field(factory=list)
    orders: list[Order] = attrs.field(factory=list)


@attrs.frozen
class Snapshot:
    """A game in progress beyond its scenario, seed, difficulty and sides: what a save restores."""

    state: GameState
    ledger: Sequence[Change]
    initial: dict[str, Any] | None
    pending: Sequence[Decision]
    queued: Sequence[Order]
    history: Sequence[TurnRecord]
    reports: Sequence[TurnReport]
    state_hashes: Sequence[str]
    started: str | None = None
    classroom: dict[str, Any] | None = None


class Simulation:
    """One game in progress."""

    PHASES: tuple[Phase, ...] = PHASES  # the turn, in order (`game.sim.phases`)
    OPENING: tuple[Phase, ...] = OPENING  # what opens the next turn

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        difficulty: str | None = None,
        humans: Sequence[str] = ("us",),
        rival_chooser: RivalChooser | None = None,
        *,
        scenario_path: str | None = None,
        record_hashes: bool = True,
        _state: GameState | None = None,
        _ledger: Ledger | None = None,
    ) -> None:
        self.scenario_at_start = scenario  # before any facilitator changes (replays start here)
        if _state is not None and _state.rule_overrides:
            scenario = _with_overrides(scenario, _state.rule_overrides)
        self.scenario = scenario
        self.scenario_path = scenario_path  # where the scenario was loaded from (saves and reloads)
        self.seed = seed
        self.difficulty_id = difficulty or scenario.default_difficulty
        self.humans = tuple(humans)
        self.rival_chooser = rival_chooser or _no_rival_chooser  # the front end passes the AI in
        fresh = _state is None
        state = _state if _state is not None else initial_state(scenario)
        self.initial = to_data(state) if fresh else None
        self.world = World(scenario, state, _ledger or Ledger(), seed, scenario.difficulty(self.difficulty_id))
        self.world.ledger.turn = state.turn
        self.queued: list[Order] = []
        self.pending: list[Decision] = []
        self.history: list[TurnRecord] = [TurnRecord()]
        self.reports: list[TurnReport] = []
        # The state's hash after each end_turn, for saves and replay checks; batches switch it
        # off because hashing the whole state every turn costs more than the turn itself.
        self.record_hashes = record_hashes
        self.state_hashes: list[str] = []
        self.load_warnings: list[str] = []
        # When the campaign began (UTC, ISO text), set by the first save and kept by every later
        # one, so each campaign has its own autosave rotation; metadata only, never played.
        self.started: str | None = None
        # The class's seating, timer and PIN hash, kept by the window and carried by saves;
        # the simulation never reads it (replays ignore it).
        self.classroom: dict[str, Any] | None = None
        self.injected: list[FiredEvent] = []  # events a facilitator fired this turn, for the report
        if fresh:
            income.collect_income(self.world)

    @classmethod
    def restore(
        cls,
        scenario: Scenario,
        seed: int,
        difficulty: str | None,
        humans: Sequence[str],
        snapshot: Snapshot,
        *,
        scenario_path: str | None = None,
        rival_chooser: RivalChooser | None = None,
    ) -> Simulation:
        """The game a snapshot describes, exactly; no income is collected again."""
        sim = cls(
            scenario,
            seed,
            difficulty,
            humans,
            rival_chooser,
            scenario_path=scenario_path,
            _state=snapshot.state,
            _ledger=Ledger(list(snapshot.ledger)),
        )
        sim.initial = snapshot.initial
        sim.pending = list(snapshot.pending)
        sim.queued = list(snapshot.queued)
        sim.history = [TurnRecord(list(r.decisions), list(r.orders)) for r in snapshot.history]
        sim.reports = list(snapshot.reports)
        sim.state_hashes = list(snapshot.state_hashes)
        sim.started = snapshot.started
        sim.classroom = dict(snapshot.classroom) if snapshot.classroom is not None else None
        return sim

    # --- reading ------------------------------------------------------------------------

    @property
    def state(self) -> GameState:
        return self.world.state

    @property
    def turn(self) -> int:
        return self.world.state.turn

    @property
    def ledger(self) -> list[Change]:
        return self.world.ledger.entries

    def score(self) -> float:
        """The campaign score so far: the mean US position over the turns played."""
        return campaign_score(self.world)

    def position(self) -> float:
        """This turn's US position (the per-turn score charted over time)."""
        return current_score(self.world)

    def score_breakdown(self) -> Any:
        return score_breakdown(self.world)

    def grade(self) -> str:
        return grade_for(self.world, self.score())

    def legal_orders(self, power: str = "us") -> list[Order]:
        return legal_orders(self.world, power, self.queued)

    def cost(self, action_id: str) -> float:
        return order_cost(self.world, self.world.actions[action_id])

    def remaining_budget(self, power: str = "us") -> dict[str, float]:
        budget = dict(self.state.powers[power].budget)
        for order in self.queued:
            if order.power == power:
                action = self.world.actions[order.action]
                budget[action.track] -= order_cost(self.world, action)
        return budget

    def date_label(self, turn: int | None = None) -> str:
        """'Q3 2023' for a turn number (default: the current turn)."""
        index = (turn or self.turn) - 1 + self.scenario.start.quarter - 1
        return f"Q{index % 4 + 1} {self.scenario.start.year + index // 4}"

    # --- giving orders -------------------------------------------------------------------

    def check(self, order: Order) -> None:
        """Raise `IllegalOrder` with the reason if the order could not be queued now."""
        if order.power not in self.humans:
            raise IllegalOrder(f"{order.power} is played by the computer")
        check_order(self.world, order, self.queued)

    def queue(self, order: Order) -> None:
        self.check(order)
        self.queued.append(order)
        self.history[-1].orders.append(order)

    def unqueue(self, index: int) -> Order:
        order = self.queued.pop(index)
        del self.history[-1].orders[index]
        return order

    def decide(self, decision_key: str, choice_id: str) -> None:
        """Answer a pending event; its effects apply at once (recorded this turn)."""
        decision = next((d for d in self.pending if d.key == decision_key), None)
        if decision is None:
            raise IllegalOrder(f"no event is waiting for an answer under '{decision_key}'")
        event = self.scenario.event(decision.event)
        if choice_id not in [c.id for c in event.choices]:
            raise IllegalOrder(f"'{choice_id}' is not a choice of {event.title}")
        if choice_id not in [c.id for c in self.choices_for(decision)]:
            raise IllegalOrder(f"'{choice_id}' is not on offer now in {event.title}")
        self.pending.remove(decision)
        self.history[-1].decisions.append((decision_key, choice_id))
        event_rules.resolve_decision(self.world, decision, choice_id)

    def choices_for(self, decision: Decision) -> tuple[Any, ...]:
        """The answers a pending event offers now (a choice may be offered only under a condition)."""
        return event_rules.available_choices(self.world, decision)

    def act(self, kind: str, payload: dict[str, Any]) -> None:
        """A facilitator act or a reflection answer (see `game.sim.facilitator`), applied and recorded."""
        from game.sim import facilitator

        facilitator.apply_act(self, kind, payload)
        self.history[-1].decisions.append(facilitator.encode(kind, payload))

    def due_reflections(self) -> list[Any]:
        from game.sim.facilitator import due_reflections

        return due_reflections(self)

    def replace_scenario(self, scenario: Scenario) -> None:
        """Play on under changed parameters (a facilitator's change); the state is untouched."""
        self.scenario = scenario
        self.world.scenario = scenario
        self.world.rules = scenario.rules

    # --- the turn -----------------------------------------------------------------------

    def end_turn(self) -> TurnReport:
        """Run the turn's `PHASES` in order, report, and open the next turn (`OPENING`)."""
        world = self.world
        if world.state.finished:
            raise IllegalOrder("the campaign is over")
        turn = world.turn
        world.ledger.turn = turn
        first_change = len(world.ledger.entries)
        ctx = TurnContext(self)
        for phase in self.PHASES:
            phase.run(ctx)
        score = campaign_score(world)
        refused = ctx.refused
        fired = [*self.injected, *ctx.fired]
        self.injected = []
        refused_orders = {order for order, _ in refused}
        report = TurnReport(
            turn=turn,
            orders=tuple(p for p in ctx.planned if p.order not in refused_orders),
            refused=tuple(refused),
            events=tuple(fired),
            changes=tuple(world.ledger.entries[first_change:]),
            score=score,
            finished=world.state.finished,
            outcome=world.state.outcome,
        )
        self.reports.append(report)
        self.queued = []
        if not world.state.finished:
            world.state.turn += 1
            world.ledger.turn = world.state.turn
            self.history.append(TurnRecord())
            for phase in self.OPENING:
                phase.run(ctx)
        if self.record_hashes:
            self.state_hashes.append(state_hash(world.state))
        return report

    def _injected_this_turn(self) -> set[tuple[str, str | None]]:
        """(event, state) of each event a facilitator injected this turn, from the turn's input."""
        injected = set()
        for kind, payload in self.history[-1].decisions:
            if kind == "inject_event":
                data = json.loads(payload)
                event = self.scenario.event(data.get("event"))
                injected.add((event.id, data.get("state") if event.scope == "state" else None))
        return injected

    def _resolve_actions(self, planned: list[PlannedOrder]) -> tuple[list[tuple[Order, str]], dict[str, float]]:
        """Pay for and resolve every order; return the refusals and the US points spent per state.

        A region-wide US order counts its cost shared among the states (C19 judges neglect
        state by state); Washington orders engage no state.
        """
        world = self.world
        refused: list[tuple[Order, str]] = []
        engaged: dict[str, float] = {}
        done: set[Order] = set()
        uses: dict[str, float] = {}  # this turn's uses per power:action:target (C1 repeat fatigue)
        us_orders: list[dict[str, Any]] = []
        for item in planned:
            order = item.order
            try:  # re-checked as it resolves: events and earlier orders can change budgets
                action = check_order(world, order)
                if action.once_per_turn and order in done:
                    raise IllegalOrder(f"{action.name} is already ordered there this turn")
            except IllegalOrder as error:
                refused.append((order, error.reason))
                continue
            done.add(order)
            cause = f"action:{order.power}:{action.id}"
            cost = order_cost(world, action)  # before anything it does (ERICEN's discount, C10)
            world.adjust_budget(order.power, action.track, -cost, cause, action.claims)
            if action.capital_cost:
                world.adjust_washington("political_capital", -action.capital_cost, cause, ("C11",))
            targets = (order.target,) if order.target else world.state_ids
            if order.power == "us":
                if action.target != "washington":
                    spent = cost / len(targets)
                    for state_id in targets:
                        engaged[state_id] = engaged.get(state_id, 0.0) + spent
                us_orders.append({**order.to_data(), "tags": list(action.tags)})
            if action.target == "state":
                contest.host_project(world, order.power, action, order.target)
                if world.state.tenders and order.target:
                    contest.bid(world, order.power, action, order.target, cost)  # C15: spending there is the offer
            fatigue = contest.fatigue(world, order.power, action, order.target, uses)
            if action.delay_turns:
                world.state.scheduled.append(
                    {"due": world.turn + action.delay_turns, **order.to_data(), "fatigue": fatigue}
                )
            else:
                self._apply_action(order, targets, fatigue)
        for due in [s for s in world.state.scheduled if s["due"] == world.turn]:
            world.state.scheduled.remove(due)
            order = Order.from_data(due)
            self._apply_action(order, (order.target,) if order.target else world.state_ids, due.get("fatigue", 1.0))
        contest.remember_uses(world, uses)
        world.state.last_us_orders = us_orders
        return refused, engaged

    def _apply_action(self, order: Order, targets: tuple[str, ...], fatigue: float = 1.0) -> None:
        world = self.world
        action = world.actions[order.action]
        cause = f"action:{order.power}:{action.id}"
        # C8: a region-wide format reaches all five states, each a share; only C5+1 formats
        # depend on the C5+1 claim (switching C8 off must not freeze ERICEN). Regional effects
        # (projects, preparation) happen once, so the per-state share does not shrink them.
        share = region_share(world, action, order.power)
        country_ctx = EffectContext(order.power, targets, cause, action.claims, action.track, share * fatigue)
        region_ctx = EffectContext(order.power, targets, cause, action.claims, action.track, fatigue if share else 0.0)
        for effect in action.effects:
            APPLIERS[type(effect)](effect, world, country_ctx if effect.COUNTRY else region_ctx)
        resources = world.rules.resources  # C15: resource deals provoke every rival
        if order.power == "us" and "resources" in action.tags and resources.strength:
            for state_id in targets:
                for rival in world.rivals:
                    world.shift_alignment(
                        world.country(state_id),
                        rival,
                        resources.strength * resources.rival_reaction,
                        f"rule:resources:{action.id}",
                        ("C15",),
                    )


def _no_rival_chooser(world: World, power: str, queued: Sequence[Order]) -> list[PlannedOrder]:
    """Stands in when no chooser was given: a computer side must not silently stay idle."""
    raise RuntimeError(
        f"{power} is played by the computer but this game was built without a rival chooser; "
        "the front end must pass one (e.g. game.ai.doctrine.choose_rival_orders)"
    )


def _with_overrides(scenario: Scenario, overrides: dict[str, Any]) -> Scenario:
    for path, value in overrides.items():
        scenario = apply_override(scenario, path, value)
    return scenario
