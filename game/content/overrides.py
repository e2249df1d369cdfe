"""`--set PATH=VALUE`: override a scenario parameter by its dotted path (e.g. rules.window.strength)."""

from __future__ import annotations

import typing
from typing import Any

import attrs

from game.content.scenario import Scenario
from game.content.structure import did_you_mean
from game.content.validator import INF, RANGES


class OverrideError(ValueError):
    """A --set path or value that does not fit the scenario; the message says why."""


def _field(cls: type, name: str, path: str) -> attrs.Attribute:  # type: ignore[type-arg]
    names = [f.name for f in attrs.fields(cls)]
    if name not in names:
        raise OverrideError(f"'{path}': no parameter '{name}'{did_you_mean(name, names)}")
    return getattr(attrs.fields(cls), name)


def parse_value(path: str, text: str, kind: Any) -> Any:
    """Parse a command-line value as the parameter's type."""
    try:
        if kind is bool:
            if text not in ("true", "false"):
                raise ValueError
            return text == "true"
        if kind is int:
            return int(text)
        if kind is float:
            return float(text)
    except ValueError:
        what = {bool: "true or false", int: "whole number", float: "number"}.get(kind, str(kind))
        raise OverrideError(f"'{path}': '{text}' is not a {what}") from None
    raise OverrideError(f"'{path}' is not a number or true/false parameter")


def resolve(scenario: Scenario, path: str) -> tuple[list[attrs.Attribute], Any]:  # type: ignore[type-arg]
    """The chain of attrs fields a dotted path names, and the leaf's type."""
    parts = path.split(".")
    chain = []
    obj: Any = scenario
    for part in parts:
        if not attrs.has(type(obj)):
            raise OverrideError(f"'{path}': '{part}' is inside a value that has no parameters")
        field = _field(type(obj), part, path)
        chain.append(field)
        obj = getattr(obj, part)
    kind = typing.get_type_hints(type(_parent(scenario, parts)))[parts[-1]]
    if attrs.has(type(obj)):
        raise OverrideError(
            f"'{path}' is a group; name one of its parameters: {', '.join(f.name for f in attrs.fields(type(obj)))}"
        )
    return chain, kind


def _parent(scenario: Scenario, parts: list[str]) -> Any:
    obj: Any = scenario
    for part in parts[:-1]:
        obj = getattr(obj, part)
    return obj


def _documented_range(
    scenario: Scenario,
    parts: list[str],
    leaf: attrs.Attribute,  # type: ignore[type-arg]
) -> tuple[float | None, float | None]:
    """The range the format reference documents: a rule parameter's own, else the validator's."""
    if leaf.metadata.get("min") is not None:
        return leaf.metadata["min"], leaf.metadata["max"]
    return RANGES.get((type(_parent(scenario, parts)), leaf.name), (None, None))


def apply_override(scenario: Scenario, path: str, value: Any) -> Scenario:
    """A copy of the scenario with one parameter changed; range-checked by the field's metadata."""
    chain, kind = resolve(scenario, path)
    leaf = chain[-1]
    if kind is int and isinstance(value, float):  # 6.0 means 6; 6.5 is not a whole number of turns
        if not value.is_integer():
            raise OverrideError(f"'{path}' takes a whole number; got {value:g}")
        value = int(value)
    parts = path.split(".")
    low, high = _documented_range(scenario, parts, leaf)
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and low is not None
        and high is not None
        and not low <= value <= high
    ):
        if high == INF:
            raise OverrideError(f"'{path}' must be at least {low:g}; got {value:g}")
        raise OverrideError(f"'{path}' must be between {low:g} and {high:g}; got {value:g}")

    def rebuild(obj: Any, index: int) -> Any:
        if index == len(parts) - 1:
            return attrs.evolve(obj, **{parts[index]: value})
        return attrs.evolve(obj, **{parts[index]: rebuild(getattr(obj, parts[index]), index + 1)})

    return rebuild(scenario, 0)


def parse_set_option(scenario: Scenario, option: str) -> tuple[str, list[Any]]:
    """'rules.window.strength=0,1,2' → ('rules.window.strength', [0.0, 1.0, 2.0])."""
    path, sep, values = option.partition("=")
    if not sep or not path or not values:
        raise OverrideError(f"--set needs PATH=VALUE (e.g. rules.russia_strain.strength=0); got '{option}'")
    _, kind = resolve(scenario, path.strip())
    parsed = [parse_value(path, text.strip(), kind) for text in values.split(",")]
    for value in parsed:
        apply_override(scenario, path.strip(), value)  # range check now, before any run starts
    return path.strip(), parsed
