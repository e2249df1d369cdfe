"""Structure plain YAML data into frozen attrs definitions, collecting every problem.

cattrs does the structuring with extra keys forbidden and detailed validation on; the
hooks here make primitives strict (a string is never a boolean, a list is never a string)
and turn its exception groups into issues with paths the loader can place.

cattrs stops at the first class that fails, so a scenario with one typo would hide its
cross-reference problems. `structure_all` therefore repairs what it reported (drops unknown
keys, fills missing or wrong values with harmless placeholders) and structures again, so
the validator can still run; the repaired paths are returned so that no problem is reported
twice or caused by a placeholder.
"""

from __future__ import annotations

import copy
import difflib
import functools
import math
import operator
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from game.content.conditions import CONDITION_TYPES, Condition
from game.content.effects import EFFECT_TYPES, Effect

Path_ = tuple[str | int, ...]
Hook = Callable[[Any, Any], Any]

MAX_ROUNDS = 5  # structure → repair rounds before giving up on a partial result
_NUMBER_TEXT = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")
_UNIONS: dict[str, tuple[Any, dict[str, type]]] = {
    "condition": (Condition, CONDITION_TYPES),
    "effect": (Effect, EFFECT_TYPES),
}


class FieldError(ValueError):
    """A value of the wrong kind; the message is written for a scenario author."""

    def __init__(self, message: str, code: str = "type") -> None:
        super().__init__(message)
        self.code = code


@attrs.frozen
class StructureIssue:
    """One structuring problem at a path in the data.

    `missing` names the absent key of a missing-key issue; `suggestion` is the close known
    key of an unknown-key issue, so the loader can merge "unknown 'stabilty'" with
    "missing 'stability'" into one problem.
    """

    path: Path_
    message: str
    at_key: bool = False  # place the problem at the key rather than the value
    code: str = "type"
    missing: str | None = None
    suggestion: str | None = None


@attrs.frozen
class Structured:
    """What `structure_all` found: the value (None if it could not be built), issues, repairs."""

    value: Any
    issues: list[StructureIssue]
    repaired: frozenset[Path_]


def describe(value: Any) -> str:
    """A short, author-facing description of a value."""
    if value is None:
        return "nothing (an empty value)"
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


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when one option is close to the word, else ''."""
    match = closest(word, options)
    return f" (did you mean '{match}'?)" if match else ""


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option closest to a misspelt word, if one is close enough to be a likely typo."""
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.7)
    return matches[0] if matches else None


def _wrong(expected: str, value: Any) -> FieldError:
    """A wrong-kind error with the hint that fixes the commonest cause."""
    if value is None:
        return FieldError(f"expected {expected}, got nothing: write a value here")
    hint = ""
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value) and "number" in expected:
        too_long = len(value) > 40  # the reader keeps such digits as text
        hint = ": this number is far too long" if too_long else ": remove the quotes (numbers are written without them)"
    return FieldError(f"expected {expected}, got {describe(value)}{hint}")


def _bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        raise FieldError(f"expected true or false, got {describe(value)}: only true and false are booleans")
    raise _wrong("true or false", value)


def _int(value: Any, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise _wrong("a whole number", value)


def _float(value: Any, _: type) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isinf(value):  # 1e400 reads as infinity; NaN never comes from a file, only from `placeholder`
            raise FieldError("this number is far too large")
        return float(value)
    raise _wrong("a number", value)


def _bool_or_number(value: Any, _: Any) -> bool | float:
    """A global's value: true/false, or a number such as a drought's severity."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return _float(value, float)
    if isinstance(value, str):
        raise FieldError(f"expected true, false or a number, got {describe(value)}: only true and false are booleans")
    raise _wrong("true, false or a number", value)


def _str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        raise FieldError(f"expected text, got {describe(value)}: put quotes around it ('{shown}')")
    raise _wrong("text", value)


def _literal_hook(tp: Any) -> Hook:
    """One of a fixed set of words; a near miss gets a did-you-mean."""
    options = typing.get_args(tp)
    listed = ", ".join(str(o) for o in options)

    def structure(value: Any, _: Any) -> Any:
        for option in options:
            if type(value) is type(option) and value == option:
                return value
        if value is None or isinstance(value, dict | list):
            raise _wrong(f"one of {listed}", value)
        hint = did_you_mean(str(value), map(str, options))
        raise FieldError(f"expected one of {listed}, got {describe(value)}{hint}", code="choice")

    return structure


def _is_literal(tp: Any) -> bool:
    return typing.get_origin(tp) is Literal


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_dict(tp: Any) -> bool:
    return typing.get_origin(tp) is dict


def _note_path(error: Exception, note: Any) -> Exception:
    """Attach a cattrs path note, as cattrs' own generated code does."""
    error.__notes__ = [*getattr(error, "__notes__", []), note]
    return error


def _tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    """Lists become tuples; every bad item is reported with its index (so its own line)."""

    def factory(tp: Any) -> Hook:
        inner = typing.get_args(tp)[0]

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                if isinstance(value, str | int | float) and not isinstance(value, bool):
                    raise FieldError(f"expected a list, got {describe(value)}: write it as [{value}]")
                raise _wrong("a list (write [a, b] or one '- item' per line)", value)
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(converter.structure(item, inner))
                except Exception as error:
                    errors.append(_note_path(error, IterableValidationNote(f"index {index}", index, inner)))
            if errors:
                raise IterableValidationError("list items are invalid", errors, tp)
            return tuple(items)

        return structure

    return factory


def _dict_hook(converter: cattrs.Converter) -> Callable[[Any], Hook]:
    """Mappings such as `globals`: every bad value is reported under its own key."""

    def factory(tp: Any) -> Hook:
        key_type, value_type = typing.get_args(tp)

        def structure(value: Any, _: Any) -> dict[Any, Any]:
            if not isinstance(value, dict):
                raise _wrong("a mapping (key: value lines)", value)
            result: dict[Any, Any] = {}
            errors: list[Exception] = []
            for key, item in value.items():
                try:
                    result[converter.structure(key, key_type)] = converter.structure(item, value_type)
                except Exception as error:
                    errors.append(_note_path(error, AttributeValidationNote(f"key {key}", str(key), value_type)))
            if errors:
                raise ClassValidationError("mapping values are invalid", errors, dict)
            return result

        return structure

    return factory


def _attrs_hook(converter: cattrs.Converter) -> Callable[[type], Hook]:
    """Definitions: a mapping with exactly the class's keys."""

    def factory(cls: type) -> Hook:
        inner: Callable[..., Any] = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise _wrong("a mapping (key: value lines)", value)
            return inner(value, cls)

        return structure

    return factory


def make_converter() -> cattrs.Converter:
    """A converter that structures scenario data strictly."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(float, _float)
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(bool | float, _bool_or_number)
    converter.register_structure_hook_factory(_is_literal, _literal_hook)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook(converter))
    converter.register_structure_hook_factory(_is_dict, _dict_hook(converter))
    converter.register_structure_hook_factory(attrs.has, _attrs_hook(converter))
    for kind, (union, registry) in _UNIONS.items():
        converter.register_structure_hook(union, _tagged_union_hook(converter, registry, kind))
        converter.register_structure_hook(union | None, _optional(converter, union))
    return converter


def _optional(converter: cattrs.Converter, union: Any) -> Hook:
    def structure(value: Any, _: Any) -> Any:
        return None if value is None else converter.structure(value, union)

    return structure


def _tagged_union_hook(converter: cattrs.Converter, registry: dict[str, type], kind: str) -> Hook:
    """An effect or condition: its `type` key picks the class from the closed registry."""
    article = "an" if kind[0] in "aeiou" else "a"
    types_listed = ", ".join(sorted(registry))

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            hint = f": write {{type: {value}, ...}}" if isinstance(value, str) and value in registry else ""
            raise FieldError(f"expected {article} {kind} (a mapping with a 'type' key), got {describe(value)}{hint}")
        tag = value.get("type")
        if tag is None:
            raise FieldError(f"this {kind} has no 'type' key; the types are: {types_listed}", code="missing-key")
        if not isinstance(tag, str) or tag not in registry:
            hint = did_you_mean(str(tag), registry)
            error = FieldError(f"unknown {kind} type '{tag}'{hint}; the types are: {types_listed}", code="unknown-type")
            raise ClassValidationError(
                f"bad {kind}", [_note_path(error, AttributeValidationNote("type", "type", str))], dict
            )
        return converter.structure(value, registry[tag])

    return structure


def issues_from(error: BaseException, path: Path_ = ()) -> Iterator[StructureIssue]:
    """Flatten cattrs' nested exception groups into issues with paths."""
    if isinstance(error, BaseExceptionGroup):
        owner = getattr(error, "cl", None)
        for sub in error.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", []):
                if isinstance(note, AttributeValidationNote):
                    sub_path = (*sub_path, note.name)
                elif isinstance(note, IterableValidationNote):
                    sub_path = (*sub_path, note.index)
            if isinstance(sub, KeyError) and not isinstance(sub, BaseExceptionGroup):
                yield _missing(sub_path, owner, sub)
                continue
            yield from issues_from(sub, sub_path)
    elif isinstance(error, ForbiddenExtraKeysError):
        yield from _unknown_keys(path, error)
    elif isinstance(error, FieldError):
        yield StructureIssue(path, str(error), code=error.code)
    else:
        yield StructureIssue(path, f"invalid value: {error}", code="invalid")


def _missing(sub_path: Path_, owner: Any, error: KeyError) -> StructureIssue:
    """A required key is absent: name it and say what it means."""
    name = str(sub_path[-1]) if sub_path else str(error.args[0])
    meaning = ""
    if isinstance(owner, type) and attrs.has(owner):
        field = attrs.fields_dict(owner).get(name)
        if field is not None and field.metadata.get("doc"):
            meaning = f" ({field.metadata['doc']})"
    return StructureIssue(sub_path[:-1], f"missing required key '{name}'{meaning}", code="missing-key", missing=name)


def _unknown_keys(path: Path_, error: ForbiddenExtraKeysError) -> Iterator[StructureIssue]:
    """Keys the class does not have, each with a did-you-mean or the list of allowed keys."""
    known = [f.name for f in attrs.fields(error.cl)] if attrs.has(error.cl) else []
    for key in sorted(error.extra_fields):
        match = closest(key, known)
        hint = f" (did you mean '{match}'?)" if match else f"; the keys allowed here are: {', '.join(known)}"
        yield StructureIssue(
            (*path, key), f"unknown key '{key}'{hint}", at_key=True, code="unknown-key", suggestion=match
        )


# --- Structuring with repair -------------------------------------------------------------


def structure_all(converter: cattrs.Converter, data: dict[str, Any], root: type) -> Structured:
    """Structure `data` as `root`, reporting every issue and repairing until it builds.

    The first round's issues are all real. Later rounds only find what a failing parent
    hid the first time; issues inside a repaired value come from a placeholder and are
    repaired silently. The input data is never changed.
    """
    issues: list[StructureIssue] = []
    repaired: set[Path_] = set()
    value: Any = None
    work = data
    for _ in range(MAX_ROUNDS):
        try:
            value = converter.structure(work, root)
        except Exception as error:
            found = list(issues_from(error))
        else:
            return Structured(value, issues, frozenset(repaired))
        if work is data:
            work = copy.deepcopy(data)
        progress = False
        for issue in found:
            if not _under(issue.path, repaired):
                issues.append(issue)
            target = _repair(work, root, issue)
            if target is not None:
                repaired.add(target)
                progress = True
        if not progress:
            break
    return Structured(None, issues, frozenset(repaired))


def _under(path: Path_, roots: Iterable[Path_]) -> bool:
    """Whether `path` is one of `roots` or lies inside one."""
    return any(path[: len(root)] == root for root in roots)


def _repair(data: Any, root: type, issue: StructureIssue) -> Path_ | None:
    """Fix `data` in place so the issue does not recur; returns the path repaired."""
    path = issue.path
    if issue.code == "unknown-type":
        path = path[:-1]  # the issue is placed at `type:`, but the whole item is replaced
    if issue.code == "missing-key" and issue.missing is not None:
        mapping = _get(data, path)
        field_type = _type_at(root, data, (*path, issue.missing))
        if not isinstance(mapping, dict) or field_type is None:
            return None
        mapping[issue.missing] = placeholder(field_type)
        return (*path, issue.missing)
    if not path:
        return None
    parent = _get(data, path[:-1])
    if issue.code == "unknown-key" or _has_default(root, data, path):
        if isinstance(parent, dict) and path[-1] in parent:
            del parent[path[-1]]
            return path
        return None
    tp = _type_at(root, data, path)
    if tp is None or not isinstance(parent, dict | list):
        return None
    try:
        parent[path[-1]] = placeholder(tp, parent[path[-1]])  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        return None
    return path


def _get(data: Any, path: Path_) -> Any:
    """The value at a path, or None when the path does not lead anywhere."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _type_at(root: type, data: Any, path: Path_) -> Any:
    """The declared type of the value at `path`, following tagged unions by their `type` key."""
    tp: Any = root
    for part in path:
        tp, data = _step(tp, data, part)
        if tp is None:
            return None
    return tp


def _step(tp: Any, data: Any, part: str | int) -> tuple[Any, Any]:
    """One step down a type along a path, with the data that goes with it."""
    tp = _resolve_union(_unwrap_optional(tp), data)
    child = _get(data, (part,))
    if isinstance(tp, type) and attrs.has(tp):
        field = _fields(tp).get(str(part))
        return (field.type if field is not None else None), child
    origin = typing.get_origin(tp)
    if origin is tuple:
        return typing.get_args(tp)[0], child
    if origin is dict:
        return typing.get_args(tp)[1], child
    return None, child


def _has_default(root: type, data: Any, path: Path_) -> bool:
    """Whether the value at `path` may simply be left out (an optional key or a mapping entry)."""
    parent_type, parent = root, data
    for part in path[:-1]:
        parent_type, parent = _step(parent_type, parent, part)
        if parent_type is None:
            return False
    parent_type = _resolve_union(_unwrap_optional(parent_type), parent)
    if typing.get_origin(parent_type) is dict:
        return True
    if isinstance(parent_type, type) and attrs.has(parent_type):
        field = _fields(parent_type).get(str(path[-1]))
        return field is not None and field.default is not attrs.NOTHING
    return False


@functools.cache
def _fields(cls: type) -> dict[str, attrs.Attribute[Any]]:
    """A class's fields with their annotations resolved (cattrs needs the same)."""
    attrs.resolve_types(cls)
    return attrs.fields_dict(cls)


def _unwrap_optional(tp: Any) -> Any:
    """`X | None` → `X`; a placeholder for an optional value is a valid X, not None."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        rest = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(rest) < len(typing.get_args(tp)):
            return functools.reduce(operator.or_, rest) if len(rest) > 1 else rest[0]
    return tp


def _resolve_union(tp: Any, data: Any) -> Any:
    """An effect or condition union → the class its `type` key names (if it names one)."""
    for union, registry in _UNIONS.values():
        if tp == union:
            tag = data.get("type") if isinstance(data, dict) else None
            return registry.get(tag) if isinstance(tag, str) else None
    return tp


def placeholder(tp: Any, bad: Any = None) -> Any:
    """A harmless value of a type, to stand in for a reported mistake while checking goes on.

    Numbers become NaN where allowed: every comparison with NaN is false, so a placeholder
    never trips a range or ordering check elsewhere. A misspelt word becomes the word it
    is closest to, so a typo in `power: rusia` does not also break references to it.
    """
    tp = _unwrap_optional(tp)
    if tp == Effect:
        return {"type": "region", "variable": "backlash", "amount": 0}
    if tp == Condition:
        return {"type": "turn"}
    simple = {bool: False, int: 0, float: math.nan, str: ""}
    if tp in simple:
        return simple[tp]
    if _is_literal(tp):
        options = typing.get_args(tp)
        match = closest(str(bad), [str(o) for o in options]) if isinstance(bad, str) else None
        return next((o for o in options if str(o) == match), options[0])
    if _is_homogeneous_tuple(tp):
        return []
    if _is_dict(tp):
        return {}
    if isinstance(tp, type) and attrs.has(tp):
        return {name: placeholder(field.type) for name, field in _fields(tp).items() if field.default is attrs.NOTHING}
    return None
