"""The shape of a save's payload, checked as strictly as a scenario before any of it is used.

A checksum only shows that nobody changed the file by accident: anyone can recompute it.
So every save is structured with the scenario loader's strict cattrs converter (unknown
keys, wrong types and wrong lengths refused), then every id it names (power, action, state,
event, choice) is looked up in its scenario. A crafted save therefore fails with one
`SaveFormatError` naming the place and the problem, never deep inside the game.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import cattrs

from game.content.scenario import Scenario
from game.content.structure import describe, issues_from, make_converter
from game.content.vocabulary import POWERS, TRACKS
from game.sim.facilitator import ACTS
from game.sim.state import GameState, initial_state

LEDGER_TARGETS_EXTRA = ("washington", "region", "rules")  # ledger targets that are not states or powers


class SaveFormatError(ValueError):
    """The payload does not have the shape of a save, or names something its scenario lacks."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(problems[0] if problems else "the saved game is malformed")
        self.problems = list(problems)


# --- list-encoded records (compact in the file) -----------------------------------------------


@attrs.frozen
class OrderRow:
    power: str
    action: str
    target: str | None


@attrs.frozen
class DecisionRow:
    event: str
    state: str | None
    turn: int


@attrs.frozen
class ChangeRow:
    turn: int
    target: str
    variable: str
    delta: float
    cause: str
    claims: tuple[str, ...]


@attrs.frozen
class ReasonedOrderRow:
    power: str
    action: str
    target: str | None
    reason: str


@attrs.frozen
class FiredRow:
    event: str
    state: str | None
    title: str
    text: str
    decision: DecisionRow | None


@attrs.frozen
class AnswerRow:
    key: str
    choice: str


_ROWS: tuple[type, ...] = (OrderRow, DecisionRow, ChangeRow, ReasonedOrderRow, FiredRow, AnswerRow)


# --- the payload -------------------------------------------------------------------------------


@attrs.frozen
class ScenarioRef:
    path: str | None
    abspath: str | None
    sha256: str | None
    id: str
    title: str


@attrs.frozen
class Summary:
    turn: int
    date_label: str
    score: float
    finished: bool
    outcome: str


@attrs.frozen
class RecordData:
    decisions: tuple[AnswerRow, ...]
    orders: tuple[OrderRow, ...]


@attrs.frozen
class ReportData:
    turn: int
    orders: tuple[ReasonedOrderRow, ...]
    refused: tuple[ReasonedOrderRow, ...]
    events: tuple[FiredRow, ...]
    changes: tuple[int, int] | tuple[ChangeRow, ...]
    score: float
    finished: bool
    outcome: str


@attrs.frozen
class SaveData:
    """Every key a save's payload has; optional ones were added after the first saves."""

    name: str
    created: str
    scenario: ScenarioRef
    seed: int
    difficulty: str
    humans: tuple[str, ...]
    summary: Summary
    state: GameState
    state_hash: str
    turn_hashes: tuple[str, ...]
    initial: GameState | None
    ledger: tuple[ChangeRow, ...]
    pending: tuple[DecisionRow, ...]
    queued: tuple[OrderRow, ...]
    history: tuple[RecordData, ...]
    reports: tuple[ReportData, ...]
    classroom: dict[str, Any] | None = None
    started: str | None = None


def _fast_check(tp: Any) -> Any:
    """A plain type test for the primitive fields of rows: a 40-turn ledger has 7,000 rows."""
    checks: dict[Any, Any] = {
        str: lambda v: isinstance(v, str),
        int: lambda v: type(v) is int,
        float: lambda v: type(v) in (int, float) and math.isfinite(v),
        str | None: lambda v: v is None or isinstance(v, str),
        tuple[str, ...]: lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
    }
    return checks.get(tp)


def _row_hook(converter: cattrs.Converter, cls: type) -> Any:
    fields = attrs.fields(attrs.resolve_types(cls))
    fast = [_fast_check(f.type) for f in fields]

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, list) or len(value) != len(fields):
            raise _field_error(f"expected a list of {len(fields)} ({', '.join(f.name for f in fields)})", value)
        if all(check is not None and check(item) for check, item in zip(fast, value, strict=True)):
            return cls(*(tuple(item) if isinstance(item, list) else item for item in value))
        return cls(*(converter.structure(item, f.type) for item, f in zip(value, fields, strict=True)))

    return structure


def _field_error(expected: str, value: Any) -> Exception:
    from game.content.structure import FieldError

    return FieldError(f"{expected}, got {describe(value)}")


def _list_hook(converter: cattrs.Converter) -> Any:
    def factory(tp: Any) -> Any:
        (inner,) = getattr(tp, "__args__", (Any,))

        def structure(value: Any, _: Any) -> list[Any]:
            if not isinstance(value, list):
                raise _field_error("expected a list", value)
            return [converter.structure(item, inner) for item in value]

        return structure

    return factory


def _changes_hook(converter: cattrs.Converter) -> Any:
    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value):
            return (value[0], value[1])
        return converter.structure(value, tuple[ChangeRow, ...])

    return structure


def _any(value: Any, _: Any) -> Any:
    return value


def make_save_converter() -> cattrs.Converter:
    """The scenario converter, plus list-encoded rows, strict lists and the ledger-range union."""
    converter = make_converter()
    for cls in _ROWS:
        converter.register_structure_hook(cls, _row_hook(converter, cls))
    converter.register_structure_hook_factory(lambda tp: getattr(tp, "__origin__", None) is list, _list_hook(converter))
    converter.register_structure_hook(tuple[int, int] | tuple[ChangeRow, ...], _changes_hook(converter))
    converter.register_structure_hook(Any, _any)
    return converter


_CONVERTER = make_save_converter()


def _place(path: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in path) or "the payload"


def structure_save(payload: Any) -> SaveData:
    """The payload as typed data.

    Raises:
        SaveFormatError: unknown or missing keys, wrong types, wrong lengths; each placed.
    """
    if not isinstance(payload, dict):
        raise SaveFormatError([f"the saved game is {describe(payload)}, not a mapping"])
    try:
        data = _CONVERTER.structure(payload, SaveData)
    except Exception as error:
        problems = [f"{_place(i.path)}: {i.message}" for i in issues_from(error)]
        raise SaveFormatError(problems or [f"the saved game is malformed ({error})"]) from None
    problems = list(_number_problems(data))
    if problems:
        raise SaveFormatError(problems)
    return data


def _number_problems(data: SaveData) -> Iterator[str]:
    """NaN passes a float check but would poison every sum it enters."""
    numbers = [("summary.score", data.summary.score)]
    numbers += [(f"ledger.{i}.delta", c.delta) for i, c in enumerate(data.ledger)]
    numbers += [(f"reports.{i}.score", r.score) for i, r in enumerate(data.reports)]
    for where, value in numbers:
        if not math.isfinite(value):
            yield f"{where}: expected a finite number, got {value!r}"


# --- references into the scenario ----------------------------------------------------------------


@attrs.frozen
class _Ids:
    states: frozenset[str]
    actions: frozenset[str]
    events: dict[str, frozenset[str]]  # event id -> its choice ids
    projects: frozenset[str]


def _ids(scenario: Scenario) -> _Ids:
    return _Ids(
        frozenset(s.id for s in scenario.states),
        frozenset(a.id for a in scenario.actions),
        {e.id: frozenset(c.id for c in e.choices) for e in scenario.events},
        frozenset(p.id for p in scenario.projects),
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
        if human not in POWERS:
            yield f"humans.{i}: '{human}' is not a power ({', '.join(POWERS)})"
    yield from _state_problems("state", data.state, ids, scenario)
    if data.initial is not None:
        yield from _state_problems("initial", data.initial, ids, scenario)
    for i, change in enumerate(data.ledger):
        targets = ids.states | set(POWERS) | set(LEDGER_TARGETS_EXTRA)
        if change.target not in targets:
            yield f"ledger.{i}: unknown target '{change.target}'"
    for i, decision in enumerate(data.pending):
        yield from _decision_problems(f"pending.{i}", decision, ids)
    for i, order in enumerate(data.queued):
        yield from _order_problems(f"queued.{i}", order, ids)
    for t, record in enumerate(data.history):
        for i, order in enumerate(record.orders):
            yield from _order_problems(f"history.{t}.orders.{i}", order, ids)
        for i, answer in enumerate(record.decisions):
            yield from _answer_problems(f"history.{t}.decisions.{i}", answer, ids)
    for t, report in enumerate(data.reports):
        for group in ("orders", "refused"):
            for i, row in enumerate(getattr(report, group)):
                order = OrderRow(row.power, row.action, row.target)
                yield from _order_problems(f"reports.{t}.{group}.{i}", order, ids)
        for i, fired in enumerate(report.events):
            where = f"reports.{t}.events.{i}"
            yield from _decision_problems(where, DecisionRow(fired.event, fired.state, 0), ids)
            if fired.decision is not None:
                yield from _decision_problems(f"{where}.decision", fired.decision, ids)


def _order_problems(where: str, order: OrderRow, ids: _Ids) -> Iterator[str]:
    if order.power not in POWERS:
        yield f"{where}: '{order.power}' is not a power ({', '.join(POWERS)})"
    if order.action not in ids.actions:
        yield f"{where}: the scenario has no action '{order.action}'"
    if order.target is not None and order.target not in ids.states:
        yield f"{where}: the scenario has no state '{order.target}'"


def _decision_problems(where: str, decision: DecisionRow, ids: _Ids) -> Iterator[str]:
    if decision.event not in ids.events:
        yield f"{where}: the scenario has no event '{decision.event}'"
    if decision.state is not None and decision.state not in ids.states:
        yield f"{where}: the scenario has no state '{decision.state}'"


def _answer_problems(where: str, answer: AnswerRow, ids: _Ids) -> Iterator[str]:
    if answer.key in ACTS:
        try:
            payload = json.loads(answer.choice)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            yield f"{where}: the facilitator act '{answer.key}' is not a JSON object"
        return
    event, _, rest = answer.key.partition("@")
    if event not in ids.events:
        yield f"{where}: the scenario has no event '{event}'"
    elif answer.choice not in ids.events[event]:
        yield f"{where}: '{answer.choice}' is not a choice of event '{event}'"
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


def _state_problems(where: str, state: GameState, ids: _Ids, scenario: Scenario) -> Iterator[str]:
    """The saved state has exactly the countries, powers and variables its scenario starts with."""
    fresh = initial_state(scenario)
    yield from _keys(f"{where}.countries", state.countries, fresh.countries)
    for key, country in state.countries.items():
        if key not in fresh.countries:
            continue
        if country.id != key:
            yield f"{where}.countries.{key}.id: '{country.id}' should be '{key}'"
        model = fresh.countries[key]
        for group in ("alignment", "floors", "fragile", "values", "flags"):
            yield from _keys(f"{where}.countries.{key}.{group}", getattr(country, group), getattr(model, group))
    yield from _keys(f"{where}.powers", state.powers, POWERS)
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
        if key not in POWERS and key != "projects":
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
    yield from _order_problems(where, OrderRow(power, action, target), ids)
    if "due" in entry and (type(entry["due"]) is not int):
        yield f"{where}.due: expected a whole number, got {describe(entry['due'])}"
