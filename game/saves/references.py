"""A save's ids looked up in its scenario: a crafted save fails here, with its place, not deep in the game.

Structuring (`game.saves.codec`) checks shapes and types; this checks meaning: every power,
action, state, event and choice a save names must exist in the scenario it was played in,
and the saved state must have exactly the countries, powers and variables that scenario has.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs

from game.content.scenario import Scenario
from game.content.structure import describe
from game.content.vocabulary import TRACKS
from game.saves.codec import SaveData, SaveFormatError
from game.sim.facilitator import ACTS
from game.sim.orders import Decision, Order
from game.sim.state import GameState, initial_state

LEDGER_TARGETS_EXTRA = ("washington", "region", "rules")  # ledger targets that are not states or powers
_COUNTRY_GROUPS = ("alignment", "floors", "fragile", "values", "flags")  # a state's variables, by group


@attrs.frozen
class _Ids:
    states: frozenset[str]
    actions: frozenset[str]
    events: dict[str, frozenset[str]]  # event id -> its choice ids
    projects: frozenset[str]
    powers: tuple[str, ...]  # in declared order, for messages


def _ids(scenario: Scenario) -> _Ids:
    return _Ids(
        frozenset(s.id for s in scenario.states),
        frozenset(a.id for a in scenario.actions),
        {e.id: frozenset(c.id for c in e.choices) for e in scenario.events},
        frozenset(p.id for p in scenario.projects),
        scenario.power_table.ids,
    )


def check_references(data: SaveData, scenario: Scenario) -> None:
    """Refuse a save that names a power, action, state, event or choice its scenario lacks.

    Raises:
        SaveFormatError: the problems, each with its place in the payload.
    """
    ids = _ids(scenario)
    problems = list(_reference_problems(data, ids, scenario))
    if problems:
        raise SaveFormatError(problems)


def _reference_problems(data: SaveData, ids: _Ids, scenario: Scenario) -> Iterator[str]:
    if data.difficulty not in {d.id for d in scenario.difficulties}:
        yield f"difficulty: the scenario has no difficulty '{data.difficulty}'"
    for i, human in enumerate(data.humans):
        if human not in ids.powers:
            yield f"humans.{i}: '{human}' is not a power ({', '.join(ids.powers)})"
    fresh = initial_state(scenario)
    yield from _state_problems("state", data.state, ids, fresh)
    if data.initial is not None:
        yield from _state_problems("initial", data.initial, ids, fresh)
    targets = ids.states | set(ids.powers) | set(LEDGER_TARGETS_EXTRA)
    for i, change in enumerate(data.ledger):
        if change.target not in targets:
            yield f"ledger.{i}: unknown target '{change.target}'"
        yield from _ledger_variable_problems(f"ledger.{i}", change.variable, change.target, fresh)
    for i, decision in enumerate(data.pending):
        yield from _decision_problems(f"pending.{i}", decision, ids)
    for i, order in enumerate(data.queued):
        yield from _order_problems(f"queued.{i}", order, ids)
    for t, record in enumerate(data.history):
        for i, order in enumerate(record.orders):
            yield from _order_problems(f"history.{t}.orders.{i}", order, ids)
        for i, (key, choice) in enumerate(record.decisions):
            yield from _answer_problems(f"history.{t}.decisions.{i}", key, choice, ids)
    for t, report in enumerate(data.reports):
        for i, planned in enumerate(report.orders):
            yield from _order_problems(f"reports.{t}.orders.{i}", planned.order, ids)
        for i, (order, _) in enumerate(report.refused):
            yield from _order_problems(f"reports.{t}.refused.{i}", order, ids)
        for i, fired in enumerate(report.events):
            where = f"reports.{t}.events.{i}"
            yield from _decision_problems(where, Decision(fired.event, fired.state, 0), ids)
            if fired.decision is not None:
                yield from _decision_problems(f"{where}.decision", fired.decision, ids)


def _ledger_variable_problems(where: str, variable: str, target: str, fresh: GameState) -> Iterator[str]:
    """A change to a state's variable names a state and a key that state has ('alignment.chinax'
    would otherwise reach the debrief, which rebuilds each power's alignment from the ledger)."""
    group, _, key = variable.partition(".")
    if group not in _COUNTRY_GROUPS:
        return
    country = fresh.countries.get(target)
    if country is None:
        yield f"{where}: '{variable}' is a state's variable, but '{target}' is not a state"
    elif key not in getattr(country, group):
        yield f"{where}: unknown variable '{variable}'"


def _order_problems(where: str, order: Order, ids: _Ids) -> Iterator[str]:
    if order.power not in ids.powers:
        yield f"{where}: '{order.power}' is not a power ({', '.join(ids.powers)})"
    if order.action not in ids.actions:
        yield f"{where}: the scenario has no action '{order.action}'"
    if order.target is not None and order.target not in ids.states:
        yield f"{where}: the scenario has no state '{order.target}'"


def _decision_problems(where: str, decision: Decision, ids: _Ids) -> Iterator[str]:
    if decision.event not in ids.events:
        yield f"{where}: the scenario has no event '{decision.event}'"
    if decision.state is not None and decision.state not in ids.states:
        yield f"{where}: the scenario has no state '{decision.state}'"


def _answer_problems(where: str, key: str, choice: str, ids: _Ids) -> Iterator[str]:
    if key in ACTS:
        try:
            payload = json.loads(choice)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            yield f"{where}: the facilitator act '{key}' is not a JSON object"
        return
    event, _, rest = key.partition("@")
    if event not in ids.events:
        yield f"{where}: the scenario has no event '{event}'"
    elif choice not in ids.events[event]:
        yield f"{where}: '{choice}' is not a choice of event '{event}'"
    state = rest.partition("@")[0]
    if state != "region" and state not in ids.states:
        yield f"{where}: the scenario has no state '{state}'"


def _keys(where: str, found: Any, expected: Any) -> Iterator[str]:
    found, expected = set(found), set(expected)
    if found != expected:
        extra, missing = sorted(found - expected), sorted(expected - found)
        parts = ([f"unknown {', '.join(map(repr, extra))}"] if extra else []) + (
            [f"missing {', '.join(map(repr, missing))}"] if missing else []
        )
        yield f"{where}: {'; '.join(parts)}"


def _state_problems(where: str, state: GameState, ids: _Ids, fresh: GameState) -> Iterator[str]:
    """The saved state has exactly the countries, powers and variables its scenario starts with (`fresh`)."""
    yield from _keys(f"{where}.countries", state.countries, fresh.countries)
    for key, country in state.countries.items():
        if key not in fresh.countries:
            continue
        if country.id != key:
            yield f"{where}.countries.{key}.id: '{country.id}' should be '{key}'"
        model = fresh.countries[key]
        for group in ("alignment", "floors", "fragile", "values", "flags"):
            yield from _keys(f"{where}.countries.{key}.{group}", getattr(country, group), getattr(model, group))
    yield from _keys(f"{where}.powers", state.powers, ids.powers)
    for key, power in state.powers.items():
        if power.id != key:
            yield f"{where}.powers.{key}.id: '{power.id}' should be '{key}'"
        yield from _keys(f"{where}.powers.{key}.budget", power.budget, TRACKS)
    for group in ("washington", "region", "projects", "globals"):
        yield from _keys(f"{where}.{group}", getattr(state, group), getattr(fresh, group))
    for event in state.events_fired:
        if event not in ids.events:
            yield f"{where}.events_fired: the scenario has no event '{event}'"
    for key, places in state.engaged.items():
        if key not in ids.powers and key != "projects":
            yield f"{where}.engaged: '{key}' is not a power"
        for place in places:
            if not isinstance(place, str) or place not in ids.states | ids.projects:
                yield f"{where}.engaged.{key}: unknown state or project {place!r}"
    for i, entry in enumerate([*state.last_us_orders, *state.scheduled]):
        yield from _order_entry_problems(f"{where}.orders.{i}", entry, ids)


def _order_entry_problems(where: str, entry: dict[str, Any], ids: _Ids) -> Iterator[str]:
    """An order kept in the state as a dict (last turn's US orders, delayed actions)."""
    power, action, target = entry.get("power"), entry.get("action"), entry.get("target")
    if not all(isinstance(v, str) for v in (power, action)) or not (target is None or isinstance(target, str)):
        yield f"{where}: an order needs a power, an action and a state (or none) as text"
        return
    yield from _order_problems(where, Order(power, action, target), ids)
    if "due" in entry and (type(entry["due"]) is not int):
        yield f"{where}.due: expected a whole number, got {describe(entry['due'])}"
