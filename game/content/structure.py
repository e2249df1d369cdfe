"""Structure plain YAML data into frozen attrs definitions, collecting every problem.

cattrs does the structuring with extra keys forbidden and detailed validation on; the
hooks here make primitives strict (a string is never a boolean, a list is never a string)
and turn its exception groups into `(path, message)` pairs the loader can place.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator
from typing import Any, Literal

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn

from game.content.conditions import CONDITION_TYPES, Condition
from game.content.effects import EFFECT_TYPES, Effect

Path_ = tuple[str | int, ...]


class FieldError(ValueError):
    """A value of the wrong kind; the message is written for a scenario author."""


@attrs.frozen
class StructureIssue:
    path: Path_
    message: str
    at_key: bool = False  # place the problem at the key rather than the value
    code: str = "invalid"


def describe(value: Any) -> str:
    """A short, author-facing description of a value."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"the text '{shown}'"
    return repr(value)


def did_you_mean(word: str, options: typing.Iterable[str]) -> str:
    """' (did you mean 'x'?)' when one option is close to the word, else ''."""
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def _bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    hint = " (only true and false are booleans)" if isinstance(value, str) else ""
    raise FieldError(f"expected true or false, got {describe(value)}{hint}")


def _int(value: Any, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise FieldError(f"expected a whole number, got {describe(value)}")


def _float(value: Any, _: type) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise FieldError(f"expected a number, got {describe(value)}")


def _str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    raise FieldError(f"expected text, got {describe(value)} (put quotes around it)")


def make_converter() -> cattrs.Converter:
    """A converter that structures scenario data strictly."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(float, _float)
    converter.register_structure_hook(str, _str)

    def is_literal(tp: Any) -> bool:
        return typing.get_origin(tp) is Literal

    def literal_hook(tp: Any) -> Any:
        options = typing.get_args(tp)

        def structure(value: Any, _: Any) -> Any:
            if value in options and type(value) is type(options[0]):
                return value
            listed = ", ".join(str(o) for o in options)
            raise FieldError(f"must be one of {listed}; got {describe(value)}{did_you_mean(str(value), map(str, options))}")

        return structure

    converter.register_structure_hook_factory(is_literal, literal_hook)

    def is_homogeneous_tuple(tp: Any) -> bool:
        args = typing.get_args(tp)
        return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis

    def tuple_hook(tp: Any) -> Any:
        inner = typing.get_args(tp)[0]

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise FieldError(f"expected a list, got {describe(value)} (write [a, b] or one '- item' per line)")
            items, errors = [], []
            for index, item in enumerate(value):
                try:
                    items.append(converter.structure(item, inner))
                except Exception as error:  # noqa: BLE001 - collected and re-raised as a group
                    error.__notes__ = [*getattr(error, "__notes__", []), cattrs.errors.IterableValidationNote(f"index {index}", index, inner)]
                    errors.append(error)
            if errors:
                raise IterableValidationError("list items are invalid", errors, tp)
            return tuple(items)

        return structure

    converter.register_structure_hook_factory(is_homogeneous_tuple, tuple_hook)

    def is_str_dict(tp: Any) -> bool:
        return typing.get_origin(tp) is dict

    def dict_hook(tp: Any) -> Any:
        key_type, value_type = typing.get_args(tp)

        def structure(value: Any, _: Any) -> dict[Any, Any]:
            if not isinstance(value, dict):
                raise FieldError(f"expected a mapping (key: value lines), got {describe(value)}")
            result, errors = {}, []
            for key, item in value.items():
                try:
                    result[converter.structure(key, key_type)] = converter.structure(item, value_type)
                except Exception as error:  # noqa: BLE001 - collected and re-raised as a group
                    error.__notes__ = [*getattr(error, "__notes__", []), cattrs.errors.AttributeValidationNote(f"key {key}", str(key), value_type)]
                    errors.append(error)
            if errors:
                raise ClassValidationError("mapping values are invalid", errors, dict)
            return result

        return structure

    converter.register_structure_hook_factory(is_str_dict, dict_hook)

    def attrs_hook(cls: type) -> Any:
        inner = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise FieldError(f"expected a mapping of keys for {cls.__name__}, got {describe(value)}")
            return inner(value, cls)

        return structure

    converter.register_structure_hook_factory(attrs.has, attrs_hook)

    for union, registry, kind in ((Condition, CONDITION_TYPES, "condition"), (Effect, EFFECT_TYPES, "effect")):
        converter.register_structure_hook(union, _tagged_union_hook(converter, registry, kind))
        converter.register_structure_hook(union | None, _optional(converter, union))
    return converter


def _optional(converter: cattrs.Converter, union: Any) -> Any:
    def structure(value: Any, _: Any) -> Any:
        return None if value is None else converter.structure(value, union)

    return structure


def _tagged_union_hook(converter: cattrs.Converter, registry: dict[str, type], kind: str) -> Any:
    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise FieldError(f"expected a {kind} mapping with a 'type' key, got {describe(value)}")
        tag = value.get("type")
        if tag is None:
            raise FieldError(f"this {kind} has no 'type' key; types are: {', '.join(sorted(registry))}")
        if tag not in registry:
            error = FieldError(f"unknown {kind} type '{tag}'{did_you_mean(str(tag), registry)}; types are: {', '.join(sorted(registry))}")
            error.__notes__ = [cattrs.errors.AttributeValidationNote("type", "type", str)]
            raise ClassValidationError(f"bad {kind}", [error], dict)
        return converter.structure(value, registry[tag])

    return structure


def issues_from(error: BaseException, path: Path_ = ()) -> Iterator[StructureIssue]:
    """Flatten cattrs' nested exception groups into issues with paths."""
    if isinstance(error, BaseExceptionGroup):
        for sub in error.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", []):
                if isinstance(note, cattrs.errors.AttributeValidationNote):
                    sub_path = (*sub_path, note.name)
                elif isinstance(note, cattrs.errors.IterableValidationNote):
                    sub_path = (*sub_path, note.index)
            if isinstance(sub, KeyError) and not isinstance(sub, BaseExceptionGroup):
                name = sub_path[-1] if sub_path else sub.args[0]
                yield StructureIssue(sub_path[:-1], f"missing required key '{name}'", code="missing-key")
                continue
            yield from issues_from(sub, sub_path)
    elif isinstance(error, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(error.cl)] if attrs.has(error.cl) else []
        for key in sorted(error.extra_fields):
            yield StructureIssue((*path, key), f"unknown key '{key}'{did_you_mean(key, known)}", at_key=True, code="unknown-key")
    elif isinstance(error, FieldError):
        yield StructureIssue(path, str(error))
    else:
        yield StructureIssue(path, f"invalid value: {error}")
