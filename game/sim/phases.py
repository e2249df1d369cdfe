"""The turn as data: an ordered table of named phases that `Simulation.end_turn` loops over.

Help, docs and `main.py rules` read the same table, so the order players are told is the order
the engine runs. Each phase is a thin wrapper around its rule functions and can run alone on a
`TurnContext` (tests do).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from game.sim import events as event_rules
from game.sim.effects import apply_lasting
from game.sim.events import FiredEvent
from game.sim.orders import Order, PlannedOrder
from game.sim.rules import balancing, contest, development, drift, goodwill, income, partnership, projects
from game.sim.rules.catalogue import RULES, RuleInfo
from game.sim.score import campaign_score, collapsed, current_score, outcome_for

if TYPE_CHECKING:
    from game.sim.engine import Simulation
    from game.sim.world import World


@attrs.define
class TurnContext:
    """What the phases of one turn hand on to each other (orders, refusals, engagement, events)."""

    sim: Simulation
    planned: list[PlannedOrder] = attrs.field(factory=list)
    refused: list[tuple[Order, str]] = attrs.field(factory=list)
    engaged: dict[str, float] = attrs.field(factory=dict)  # US points spent per state (C19)
    fired: list[FiredEvent] = attrs.field(factory=list)

    @property
    def world(self) -> World:
        return self.sim.world


@attrs.frozen
class Phase:
    """One step of a turn: its name, what it runs, the claims behind it and the catalogue rules it applies."""

    name: str
    run: Callable[[TurnContext], None]
    claims: tuple[str, ...]
    summary: str
    rules: tuple[str, ...] = ()  # ids in `game.sim.rules.catalogue.RULES`


def _decisions(turn: TurnContext) -> None:
    sim = turn.sim
    # A facilitator's event injected this turn keeps its decision for the US to answer next
    # turn; only decisions the US has already had a turn to see fall back to the default.
    # (Read from the turn's recorded acts, which saves keep, so a loaded game carries them too.)
    injected = sim._injected_this_turn()
    for decision in list(sim.pending):
        if decision.turn == turn.world.turn and (decision.event, decision.state) in injected:
            continue
        event = sim.scenario.event(decision.event)
        sim.pending.remove(decision)
        event_rules.resolve_decision(turn.world, decision, event_rules.default_choice(event))


def _orders(turn: TurnContext) -> None:
    sim = turn.sim
    turn.planned = [PlannedOrder(o, "") for o in sim.queued]
    for power in turn.world.powers.ids:
        if power not in sim.humans:
            turn.planned.extend(sim.rival_chooser(turn.world, power, [p.order for p in turn.planned]))


def _actions(turn: TurnContext) -> None:
    turn.refused, turn.engaged = turn.sim._resolve_actions(turn.planned)


def _goodwill(turn: TurnContext) -> None:
    goodwill.mature_goodwill(turn.world)
    goodwill.take_root(turn.world)


def _balancing(turn: TurnContext) -> None:
    balancing.balance(turn.world)


def _drift(turn: TurnContext) -> None:
    world = turn.world
    drift.russia_strain(world, turn.engaged)
    drift.china_wariness(world)
    drift.openings_fade(world)
    drift.cash_fades(world)
    drift.neglect(world, turn.engaged)


def _projects(turn: TurnContext) -> None:
    projects.advance_projects(turn.world)


def _contest(turn: TurnContext) -> None:
    contest.settle(turn.world)


def _stability(turn: TurnContext) -> None:
    development.develop(turn.world)


def _milestones(turn: TurnContext) -> None:
    partnership.check_partnership(turn.world)


def _events(turn: TurnContext) -> None:
    turn.fired = event_rules.roll_events(turn.world)
    turn.sim.pending.extend(f.decision for f in turn.fired if f.decision is not None)


def _score(turn: TurnContext) -> None:
    world = turn.world
    world.state.score_history.append(current_score(world))
    if world.turn >= turn.sim.scenario.turns or collapsed(world):
        world.state.finished = True
        world.state.outcome = outcome_for(world, campaign_score(world))


def _income(turn: TurnContext) -> None:
    income.collect_income(turn.world)
    apply_lasting(turn.world)  # income changes set going by earlier effects


PHASES: tuple[Phase, ...] = (
    Phase("decisions", _decisions, (), "Event choices left unanswered take their default."),
    Phase("orders", _orders, (), "The computer's sides choose their orders by their doctrines."),
    Phase(
        "actions",
        _actions,
        ("C1", "C2", "C5", "C8", "C15"),
        "Every order, and every delayed action now due, is paid for and takes effect.",
        ("receptivity", "backlash", "summits", "resources"),
    ),
    Phase(
        "goodwill",
        _goodwill,
        ("C5", "C6"),
        "US goodwill matures into trust and durable alignment.",
        ("goodwill",),
    ),
    Phase("balancing", _balancing, ("C1",), "States pull back from a dominant power.", ("balancing",)),
    Phase(
        "drift",
        _drift,
        ("C1", "C3", "C4", "C6", "C19"),
        "Strain with Russia, wariness of China, influence fading without upkeep and the cost of neglect.",
        ("russia_strain", "china_wariness", "openings_fade", "cash_fades", "ties_fade", "rival_upkeep", "neglect"),
    ),
    Phase("projects", _projects, ("C9", "C10"), "Funded projects advance; the corridor brings trade.", ("projects",)),
    Phase(
        "contest",
        _contest,
        ("C4", "C8", "C13", "C15"),
        "Tenders close and open; finished large projects free their place; summit preparation fades.",
        ("contest",),
    ),
    Phase(
        "stability",
        _stability,
        ("C12", "C13"),
        "Development steadies states; resilience against shared threats fades.",
        ("development",),
    ),
    Phase("milestones", _milestones, ("C14",), "The Kazakhstan partnership may form.", ("partnership",)),
    Phase("events", _events, (), "Scripted and random events fire; choices wait for an answer."),
    Phase("score", _score, ("C16", "C17"), "The turn's position is scored and the end checked."),
)

# Runs when the next turn opens, after the turn report is written (its changes belong to the new turn).
OPENING: tuple[Phase, ...] = (
    Phase(
        "income",
        _income,
        ("C11", "C16", "C17"),
        "Next turn's budgets arrive, with leverage and political capital.",
        ("income",),
    ),
)


def turn_order() -> tuple[Phase, ...]:
    """Every phase in the order a turn and the opening of the next one run them."""
    return (*PHASES, *OPENING)


def rules_of(phase: Phase) -> tuple[RuleInfo, ...]:
    """The catalogue rules a phase applies."""
    return tuple(next(r for r in RULES if r.id == rule_id) for rule_id in phase.rules)


def turn_order_lines() -> list[str]:
    """The turn as help text: one line per phase, then its rules indented (shared by CLI and window)."""
    lines = []
    for number, phase in enumerate(turn_order(), start=1):
        claims = f" [{', '.join(phase.claims)}]" if phase.claims else ""
        lines.append(f"{number}. {phase.name}{claims}: {phase.summary}")
        lines += [f"    · {r.title} [{', '.join(r.claims)}]: {r.summary}" for r in rules_of(phase)]
    return lines
