"""Conditions: a closed, typed set of predicates an author combines with all/any/not.

Conditions are data, never expressions: each kind below is one attrs class tagged by its
`type` key in YAML. The simulation evaluates them in `game.sim.conditions`; the loader and
the docs read the `EXAMPLE` and field metadata here, so nothing is written twice. `REFS` names
the fields that refer to ids (checked by the validator), and `walk` is the one traversal of a
condition tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from attrs import field, frozen

from game.content.vocabulary import Power, tagged_registry


def doc(text: str, **meta: object) -> dict[str, object]:
    """Field metadata: the plain-English meaning shown in errors, docs and tooltips."""
    return {"doc": text, **meta}


@frozen
class TurnIs:
    """True while the turn number (1 = the first quarter) lies in a range."""

    type: Literal["turn"]
    at_least: int = field(default=1, metadata=doc("first turn on which it holds"))
    at_most: int = field(default=10_000, metadata=doc("last turn on which it holds"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: turn, at_least: 4, at_most: 12}"
    REFS: ClassVar[dict[str, str]] = {}


@frozen
class GlobalIs:
    """True when a global condition (e.g. war_in_ukraine) has the given value."""

    type: Literal["global"]
    name: str = field(metadata=doc("the global condition's id"))
    value: bool = field(default=True, metadata=doc("the value it must have"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: global, name: war_in_ukraine, value: true}"
    REFS: ClassVar[dict[str, str]] = {"name": "global"}


@frozen
class GlobalNumber:
    """True when a number-valued global (e.g. drought: 2) lies in a range; a true/false global counts as 1/0."""

    type: Literal["global_number"]
    name: str = field(metadata=doc("the global's id"))
    at_least: float = field(default=-1e9, metadata=doc("lowest value"))
    at_most: float = field(default=1e9, metadata=doc("highest value"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: global_number, name: drought, at_least: 2}"
    REFS: ClassVar[dict[str, str]] = {"name": "global"}


@frozen
class RegionVariable:
    """True when a region-wide variable lies in a range."""

    type: Literal["region_variable"]
    variable: str = field(metadata=doc("c5plus1_preparation, backlash or western_trade"))
    at_least: float = field(default=-1e9, metadata=doc("lowest value"))
    at_most: float = field(default=1e9, metadata=doc("highest value"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: region_variable, variable: backlash, at_least: 5}"
    REFS: ClassVar[dict[str, str]] = {"variable": "region_variable"}


@frozen
class ProjectIs:
    """True when a regional project has reached a level of progress (100 = complete)."""

    type: Literal["project"]
    project: str = field(metadata=doc("the project's id"))
    at_least: float = field(default=100.0, metadata=doc("progress needed"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: project, project: trans_caspian, at_least: 100}"
    REFS: ClassVar[dict[str, str]] = {"project": "project"}


@frozen
class WashingtonIs:
    """True when the US Washington track (political capital, Congress support) lies in a range."""

    type: Literal["washington"]
    variable: Literal["political_capital", "congress_support"] = field(
        metadata=doc("political_capital or congress_support")
    )
    at_least: float = field(default=-1e9, metadata=doc("lowest value"))
    at_most: float = field(default=1e9, metadata=doc("highest value"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: washington, variable: congress_support, at_least: 50}"
    REFS: ClassVar[dict[str, str]] = {}


@frozen
class EventFired:
    """True when an event has fired at least a number of times."""

    type: Literal["event_fired"]
    event: str = field(metadata=doc("the event's id"))
    at_least: int = field(default=1, metadata=doc("how many times"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: event_fired, event: brics_expansion}"
    REFS: ClassVar[dict[str, str]] = {"event": "event"}


@frozen
class ChoiceMade:
    """True when the US has given this answer to an event at least once (in any state)."""

    type: Literal["choice_made"]
    event: str = field(metadata=doc("the event's id"))
    choice: str = field(metadata=doc("the id of one of its choices"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: choice_made, event: c5plus1_summit, choice: president}"
    REFS: ClassVar[dict[str, str]] = {"event": "event", "choice": "choice"}


@frozen
class StateIs:
    """True for the listed states only (a country condition)."""

    type: Literal["state"]
    ids: tuple[str, ...] = field(metadata=doc("state ids"))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: state, ids: [kazakhstan, turkmenistan]}"
    REFS: ClassVar[dict[str, str]] = {"ids": "states"}


@frozen
class FlagIs:
    """True when a state's flag (pntr, on_corridor, afghan_border, partnership) has a value."""

    type: Literal["flag"]
    flag: str = field(metadata=doc("pntr, pntr_eligible, on_corridor, afghan_border or partnership"))
    value: bool = field(default=True, metadata=doc("the value it must have"))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: flag, flag: on_corridor}"
    REFS: ClassVar[dict[str, str]] = {"flag": "readable_flag"}


@frozen
class WaterIs:
    """True when a state sits upstream or downstream on the region's rivers (C12)."""

    type: Literal["water"]
    position: Literal["upstream", "downstream"] = field(metadata=doc("upstream or downstream"))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: water, position: downstream}"
    REFS: ClassVar[dict[str, str]] = {}


@frozen
class AlignmentIs:
    """True when a power's alignment in the state lies in a range (0–100)."""

    type: Literal["alignment"]
    power: Power = field(metadata=doc("a power: us, russia, china or one the scenario adds"))
    at_least: float = field(default=0.0, metadata=doc("lowest value"))
    at_most: float = field(default=100.0, metadata=doc("highest value"))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: alignment, power: china, at_least: 40}"
    REFS: ClassVar[dict[str, str]] = {"power": "power"}


@frozen
class LeaderIs:
    """True when the given power leads the state's alignment."""

    type: Literal["leader"]
    power: Power = field(metadata=doc("a power: us, russia, china or one the scenario adds"))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: leader, power: russia}"
    REFS: ClassVar[dict[str, str]] = {"power": "power"}


@frozen
class VariableIs:
    """True when a state's variable (stability, economy, china_wariness, russia_strain, resilience, us_trust, opening) lies in a range."""

    type: Literal["variable"]
    variable: str = field(
        metadata=doc("stability, economy, china_wariness, russia_strain, resilience, us_trust or opening")
    )
    at_least: float = field(default=0.0, metadata=doc("lowest value"))
    at_most: float = field(default=100.0, metadata=doc("highest value"))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: variable, variable: china_wariness, at_least: 50}"
    REFS: ClassVar[dict[str, str]] = {"variable": "variable"}


@frozen
class AllOf:
    """True when every listed condition holds."""

    type: Literal["all"]
    of: tuple[Condition, ...] = field(metadata=doc("the conditions"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: all, of: [{type: turn, at_least: 2}, {type: leader, power: us}]}"
    REFS: ClassVar[dict[str, str]] = {}


@frozen
class AnyOf:
    """True when at least one listed condition holds."""

    type: Literal["any"]
    of: tuple[Condition, ...] = field(metadata=doc("the conditions"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: any, of: [{type: state, ids: [tajikistan]}, {type: flag, flag: afghan_border}]}"
    REFS: ClassVar[dict[str, str]] = {}


@frozen
class NotOf:
    """True when the inner condition does not hold."""

    type: Literal["not"]
    of: Condition = field(metadata=doc("the condition"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: not, of: {type: flag, flag: pntr}}"
    REFS: ClassVar[dict[str, str]] = {}


Condition = (
    TurnIs
    | GlobalIs
    | GlobalNumber
    | RegionVariable
    | ProjectIs
    | WashingtonIs
    | EventFired
    | ChoiceMade
    | StateIs
    | FlagIs
    | WaterIs
    | AlignmentIs
    | LeaderIs
    | VariableIs
    | AllOf
    | AnyOf
    | NotOf
)

CONDITION_TYPES: dict[str, type] = tagged_registry(Condition, globals())


def walk(condition: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every node of a condition tree (None: none) with its path, parents before children, in order."""
    if condition is None:
        return
    yield path, condition
    if isinstance(condition, AllOf | AnyOf):
        for index, item in enumerate(condition.of):
            yield from walk(item, (*path, "of", index))
    elif isinstance(condition, NotOf):
        yield from walk(condition.of, (*path, "of"))


def is_country_condition(condition: Condition) -> bool:
    """Whether evaluating the condition needs a state to look at."""
    return any(type(node).COUNTRY for _, node in walk(condition))
