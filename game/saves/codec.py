"""A game as the JSON payload of a save and back, through one strict cattrs converter.

The converter is the scenario loader's (unknown keys, wrong types and wrong lengths are
refused), taught the compact row forms that keep a 40-turn save (about 7,000 ledger
entries) small: an order is `[power, action, target]`, a change
`[turn, target, variable, delta, cause, claims]`, and so on. A report's changes are the last
entries of its turn in the ledger, so they are saved as a `[start, stop]` range.

After structuring, `check_references` looks every id up in the scenario, so a crafted save
fails here with one `SaveFormatError` naming the place, never deep inside the game.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import attrs
import cattrs

from game.content.structure import FieldError, describe, issues_from, make_converter
from game.sim.engine import Simulation, Snapshot, TurnRecord, TurnReport
from game.sim.events import FiredEvent
from game.sim.ledger import Change
from game.sim.orders import Decision, Order, PlannedOrder
from game.sim.state import GameState, from_data, state_hash, to_data

Refused = tuple[Order, str]
Answer = tuple[str, str]
ChangesOrRange = tuple[int, int] | tuple[Change, ...]


class SaveFormatError(ValueError):
    """The payload does not have the shape of a save, or names something its scenario lacks."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(problems[0] if problems else "the saved game is malformed")
        self.problems = list(problems)


@attrs.frozen
class ScenarioRef:
    """Which scenario file the game was played with (content is never saved, only named)."""

    path: str | None
    abspath: str | None
    sha256: str | None
    id: str
    title: str


@attrs.frozen
class Summary:
    """What a load list shows without loading the game."""

    turn: int
    date_label: str
    score: float
    finished: bool
    outcome: str


@attrs.frozen
class ReportData:
    """A turn report as saved: its changes are a range of the ledger when they can be."""

    turn: int
    orders: tuple[PlannedOrder, ...]
    refused: tuple[Refused, ...]
    events: tuple[FiredEvent, ...]
    changes: ChangesOrRange
    score: float
    finished: bool
    outcome: str


@attrs.frozen
class SaveData:
    """Every key of a save's payload; the optional ones came after the first saves."""

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
    ledger: tuple[Change, ...]
    pending: tuple[Decision, ...]
    queued: tuple[Order, ...]
    history: tuple[TurnRecord, ...]
    reports: tuple[ReportData, ...]
    classroom: dict[str, Any] | None = None
    started: str | None = None


# --- the converter -------------------------------------------------------------------------------


def _fields(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    names = cls._fields if hasattr(cls, "_fields") else [f.name for f in attrs.fields(cls)]  # NamedTuple or attrs
    return [(name, hints[name]) for name in names]


def _fast_check(tp: Any) -> Callable[[Any], bool] | None:
    """A plain type test for a row's primitive fields (the common case, kept fast)."""
    checks: dict[Any, Callable[[Any], bool]] = {
        str: lambda v: isinstance(v, str),
        int: lambda v: type(v) is int,
        float: lambda v: type(v) in (int, float) and math.isfinite(v),
        str | None: lambda v: v is None or isinstance(v, str),
        tuple[str, ...]: lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
    }
    return checks.get(tp)


def _wrong(expected: str, value: Any) -> FieldError:
    return FieldError(f"{expected}, got {describe(value)}")


def _row(converter: cattrs.Converter, cls: type) -> tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]:
    """Structure and unstructure hooks that save `cls` as a list of its fields in order.

    Trailing fields left at their defaults are not written, and a row may stop before them
    (a ledger change with no receptivity factors saves as six fields, as saves always did).
    """
    fields = _fields(cls)
    defaults = getattr(cls, "_field_defaults", {})
    required = len(fields) - len(defaults)
    fast = [_fast_check(tp) for _, tp in fields]
    count = f"{required} to {len(fields)}" if defaults else f"{len(fields)}"
    wanted = f"expected a list of {count} ({', '.join(name for name, _ in fields)})"

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, list) or not required <= len(value) <= len(fields):
            raise _wrong(wanted, value)
        if all(check is not None and check(item) for check, item in zip(fast, value, strict=False)):
            return cls(*(tuple(item) if isinstance(item, list) else item for item in value))
        return cls(*(converter.structure(item, tp) for item, (_, tp) in zip(value, fields, strict=False)))

    def unstructure(value: Any) -> list[Any]:
        row = [converter.unstructure(getattr(value, name), tp) for name, tp in fields]
        while len(row) > required and getattr(value, fields[len(row) - 1][0]) == defaults.get(fields[len(row) - 1][0]):
            row.pop()
        return row

    return structure, unstructure


def _flat_order(
    converter: cattrs.Converter, build: Callable[[Order, str], Any], parts: Callable[[Any], tuple[Order, str]]
) -> tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]:
    """An order with a reason, saved flat as `[power, action, target, reason]`."""

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, list) or len(value) != 4:
            raise _wrong("expected a list of 4 (power, action, target, reason)", value)
        return build(converter.structure(value[:3], Order), converter.structure(value[3], str))

    def unstructure(value: Any) -> list[Any]:
        order, reason = parts(value)
        return [*converter.unstructure(order, Order), reason]

    return structure, unstructure


def _strict_list(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(tp: Any) -> Any:
        (inner,) = typing.get_args(tp) or (Any,)

        def structure(value: Any, _: Any) -> list[Any]:
            if not isinstance(value, list):
                raise _wrong("expected a list", value)
            return [converter.structure(item, inner) for item in value]

        return structure

    return factory


def _answer(value: Any, _: Any) -> Answer:
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise _wrong("expected a list of 2 texts (decision, choice)", value)
    return value[0], value[1]


def _changes(converter: cattrs.Converter) -> tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]:
    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value):
            return value[0], value[1]
        return converter.structure(value, tuple[Change, ...])

    def unstructure(value: Any) -> list[Any]:
        if len(value) == 2 and all(type(v) is int for v in value):
            return list(value)
        return [converter.unstructure(c, Change) for c in value]

    return structure, unstructure


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


def _tuple_unstructure(converter: cattrs.Converter, tp: Any) -> Callable[[Any], list[Any]]:
    args = typing.get_args(tp)
    if len(args) == 2 and args[1] is Ellipsis:
        return lambda value: [converter.unstructure(v, args[0]) for v in value]
    if args:
        return lambda value: [converter.unstructure(v, a) for v, a in zip(value, args, strict=True)]
    return lambda value: [converter.unstructure(v) for v in value]


def make_save_converter() -> cattrs.Converter:
    """The strict scenario converter plus the row forms of a save (both directions)."""
    converter = make_converter()
    # Tuples save as lists, each item by its declared type (so a tuple of refusals saves each
    # refusal flat). Registered first: the exact hooks below take precedence over it.
    converter.register_unstructure_hook_factory(_is_tuple, lambda tp: _tuple_unstructure(converter, tp))
    for cls in (Order, Decision, Change, FiredEvent):
        structure, unstructure = _row(converter, cls)
        converter.register_structure_hook(cls, structure)
        converter.register_unstructure_hook(cls, unstructure)

    def exactly(tp: Any) -> Callable[[Any], bool]:
        return lambda candidate: candidate == tp

    for tp, build, parts in (
        (PlannedOrder, PlannedOrder, lambda p: (p.order, p.reason)),
        (Refused, lambda order, reason: (order, reason), lambda r: r),
    ):
        structure, unstructure = _flat_order(converter, build, parts)
        converter.register_structure_hook_func(exactly(tp), structure)
        converter.register_unstructure_hook_func(exactly(tp), unstructure)
    converter.register_structure_hook_func(exactly(Answer), _answer)
    converter.register_unstructure_hook_func(exactly(Answer), list)
    structure, unstructure = _changes(converter)
    converter.register_structure_hook_func(exactly(ChangesOrRange), structure)
    converter.register_unstructure_hook_func(exactly(ChangesOrRange), unstructure)
    converter.register_structure_hook_factory(lambda tp: typing.get_origin(tp) is list, _strict_list(converter))
    converter.register_unstructure_hook(GameState, to_data)
    converter.register_structure_hook(Any, lambda value, _: value)
    return converter


CONVERTER = make_save_converter()


# --- a game to a payload ------------------------------------------------------------------------


def _report_data(report: TurnReport, entries: Sequence[Change], ends: dict[int, int]) -> ReportData:
    """A report whose changes are the last entries of its turn in the ledger, as that range.

    The turn's earlier entries are the income collected at its start and the effects of
    decisions made during it, so the report's changes are found as a [start, stop) range.
    """
    stop = ends.get(report.turn, 0)
    start = stop - len(report.changes)
    changes: ChangesOrRange = (start, stop)
    if start < 0 or tuple(entries[start:stop]) != report.changes:  # never expected: keep them whole
        changes = report.changes
    return ReportData(
        report.turn,
        report.orders,
        report.refused,
        report.events,
        changes,
        report.score,
        report.finished,
        report.outcome,
    )


def encode_payload(
    sim: Simulation, scenario: ScenarioRef, turn_hashes: Sequence[str], *, name: str = ""
) -> dict[str, Any]:
    """Everything a save holds, as JSON-ready data (the `payload` of a save file)."""
    entries = sim.ledger
    ends: dict[int, int] = {}
    for index, change in enumerate(entries):  # where each turn's entries end (the ledger is in turn order)
        ends[change.turn] = index + 1
    data = SaveData(
        name=name,
        created=datetime.now(UTC).isoformat(timespec="seconds"),  # metadata only, never played
        scenario=scenario,
        seed=sim.seed,
        difficulty=sim.difficulty_id,
        humans=tuple(sim.humans),
        summary=Summary(sim.turn, sim.date_label(), sim.score(), sim.state.finished, sim.state.outcome),
        state=sim.state,
        state_hash=state_hash(sim.state),
        turn_hashes=tuple(turn_hashes),
        initial=None,  # saved as the engine keeps it, below
        ledger=tuple(entries),
        pending=tuple(sim.pending),
        queued=tuple(sim.queued),
        history=tuple(sim.history),
        reports=tuple(_report_data(r, entries, ends) for r in sim.reports),
        classroom=dict(sim.classroom) if isinstance(sim.classroom, dict) else None,
        started=started_at(sim),
    )
    payload = CONVERTER.unstructure(data)
    payload["initial"] = sim.initial
    return payload


def started_at(sim: Simulation) -> str:
    """When the campaign began; a game never saved before begins now (and keeps that time)."""
    if not sim.started:
        sim.started = datetime.now(UTC).isoformat(timespec="seconds")
    return sim.started


# --- a payload to a game ------------------------------------------------------------------------


def _place(path: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in path) or "the payload"


def decode_payload(payload: Any) -> SaveData:
    """The payload as typed data.

    Raises:
        SaveFormatError: unknown or missing keys, wrong types, wrong lengths; each placed.
    """
    if not isinstance(payload, dict):
        raise SaveFormatError([f"the saved game is {describe(payload)}, not a mapping"])
    try:
        data = CONVERTER.structure(payload, SaveData)
    except Exception as error:
        problems = [f"{_place(i.path)}: {i.message}" for i in issues_from(error)]
        raise SaveFormatError(problems or [f"the saved game is malformed ({error})"]) from None
    numbers = [("summary.score", data.summary.score)] + [
        (f"reports.{i}.score", r.score) for i, r in enumerate(data.reports)
    ]
    problems = [
        f"{where}: expected a finite number, got {value!r}" for where, value in numbers if not math.isfinite(value)
    ]
    if problems:  # NaN passes a float check but would poison every sum it enters
        raise SaveFormatError(problems)
    return data


def snapshot(data: SaveData) -> Snapshot:
    """What `Simulation.restore` needs; reports get their changes back from the ledger."""
    entries = data.ledger

    def changes(span: ChangesOrRange) -> tuple[Change, ...]:
        if len(span) == 2 and all(type(v) is int for v in span):
            start, stop = typing.cast(tuple[int, int], span)
            return tuple(entries[start:stop])
        return typing.cast(tuple[Change, ...], span)

    reports = tuple(
        TurnReport(r.turn, r.orders, r.refused, r.events, changes(r.changes), r.score, r.finished, r.outcome)
        for r in data.reports
    )
    return Snapshot(
        state=from_data(to_data(data.state)),  # a fresh copy: the decoded data stays untouched
        ledger=entries,
        initial=None if data.initial is None else to_data(data.initial),
        pending=data.pending,
        queued=data.queued,
        history=tuple(TurnRecord(list(r.decisions), list(r.orders)) for r in data.history),
        reports=reports,
        state_hashes=data.turn_hashes,
        started=data.started or data.created,  # older saves: their own date
        classroom=data.classroom,
    )


__all__ = [
    "CONVERTER",
    "SaveData",
    "SaveFormatError",
    "ScenarioRef",
    "Summary",
    "decode_payload",
    "encode_payload",
    "snapshot",
    "started_at",
]
