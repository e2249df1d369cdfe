"""A tiny-world builder: small valid scenarios built in code, so rule tests state their own numbers.

Tests that play the shipped 40-turn scenario break whenever its numbers are recalibrated; a
test built here names every parameter it depends on. `quiet_rules()` sets every group's
strength to 0, so a test turns on only the rule it is about; the few decays that act whatever
the strength (cash, ties and trust fading, wariness fading) take the parameters the test gives.
"""

from __future__ import annotations

from typing import Any

import attrs

from game.content import effects as e
from game.content.rules import RuleParams
from game.content.scenario import (
    About,
    ActionDef,
    Doctrine,
    EventDef,
    Grade,
    PowerDef,
    Priority,
    ProjectDef,
    Scenario,
    ScoreDef,
    Start,
    StateDef,
    TrackValues,
)
from game.sim.ledger import Ledger
from game.sim.state import initial_state
from game.sim.world import World


def make_state(state_id: str = "kazakhstan", **fields: Any) -> StateDef:
    """A state with plain middling values; `alignment` may be a dict such as {"us": 20, "russia": 40}."""
    alignment = fields.pop("alignment", {"us": 30.0, "russia": 30.0, "china": 30.0})
    values: dict[str, Any] = {
        "name": state_id.title(),
        "capital": "Capital",
        "score_weight": 1.0,
        "stability": 50.0,
        "economy": 50.0,
        "china_wariness": 0.0,
        "multivector": 0.5,
        "russia_strain": 0.0,
        "us_trust": 0.0,
    }
    values.update(fields)
    return StateDef(id=state_id, alignment=dict(alignment), **values)


def _power(power_id: str, name: str, action: str) -> PowerDef:
    doctrine = None
    if power_id != "us":
        doctrine = Doctrine(summary=f"{name} plays.", priorities=(Priority(action=action, weight=1.0),))
    return PowerDef(id=power_id, name=name, budget=TrackValues(4.0, 4.0, 4.0), doctrine=doctrine)


def _action(action_id: str, power: str) -> ActionDef:
    return ActionDef(
        id=action_id,
        name=action_id.replace("_", " ").capitalize(),
        power=power,
        track="diplomacy",
        cost=2,
        target="state",
        effects=(e.Influence(type="influence", amount=2.0),),
        claims=("C1",),
    )


def quiet_rules() -> RuleParams:
    """Every rule group with its strength at 0: nothing happens unless a test switches it on."""
    params = RuleParams()
    groups = {f.name: attrs.evolve(getattr(params, f.name), strength=0.0) for f in attrs.fields(RuleParams)}
    return RuleParams(**groups)


def with_rules(base: RuleParams, overrides: dict[str, dict[str, float]]) -> RuleParams:
    """`base` with some parameters set, e.g. {"balancing": {"strength": 1, "threshold": 0.5}}."""
    groups = {name: attrs.evolve(getattr(base, name), **values) for name, values in overrides.items()}
    return attrs.evolve(base, **groups)


def make_scenario(
    states: tuple[StateDef, ...] | None = None,
    rules: dict[str, dict[str, float]] | RuleParams | None = None,
    *,
    actions: tuple[ActionDef, ...] = (),
    projects: tuple[ProjectDef, ...] = (),
    events: tuple[EventDef, ...] = (),
    turns: int = 4,
    globals: dict[str, bool | float] | None = None,
    quiet: bool = True,
    added_powers: tuple[str, ...] = (),
) -> Scenario:
    """A small valid scenario: the given states (default one), three powers with one action each.

    `rules` is a RuleParams, or overrides applied to `quiet_rules()` (or to the defaults when
    `quiet=False`). `added_powers` are more rivals (e.g. "turkey"), each with a visit action.
    """
    if not isinstance(rules, RuleParams):
        rules = with_rules(quiet_rules() if quiet else RuleParams(), rules or {})
    base_actions = (
        _action("us_visit", "us"),
        _action("russia_visit", "russia"),
        _action("china_visit", "china"),
        *(_action(f"{power}_visit", power) for power in added_powers),
    )
    return Scenario(
        format_version=1,
        id="tiny",
        about=About(title="Tiny", summary="A world built in a test.", period="a year"),
        start=Start(year=2024, quarter=1),
        turns=turns,
        states=states or (make_state(),),
        powers=(
            _power("us", "United States", "us_visit"),
            _power("russia", "Russia", "russia_visit"),
            _power("china", "China", "china_visit"),
            *(_power(power, power.title(), f"{power}_visit") for power in added_powers),
        ),
        actions=(*base_actions, *actions),
        score=ScoreDef(grades=(Grade("A", 50.0), Grade("F", 0.0)), victory_score=50.0, defeat_score=5.0),
        projects=projects,
        events=events,
        globals=globals if globals is not None else {"war_in_ukraine": False},
        rules=rules,
    )


def make_world(scenario: Scenario | None = None, seed: int = 1) -> World:
    """The world a rule sees, before turn 1's income, on its own ledger."""
    scenario = scenario or make_scenario()
    state = initial_state(scenario)
    world = World(scenario, state, Ledger(), seed, scenario.difficulty(scenario.default_difficulty))
    world.ledger.turn = state.turn
    return world


def changes_by(world: World, cause: str) -> list[Any]:
    """The ledger entries a rule wrote under one cause."""
    return [c for c in world.ledger.entries if c.cause == cause]
