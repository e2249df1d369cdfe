"""The JSON Schema (draft-07) of scenario files, generated from the attrs definitions.

Editors use it to complete and check keys as a teacher types (`# yaml-language-server:
$schema=...` on a file's first line, or `.vscode/settings.json`). Everything comes from one
source: field types, defaults and `doc` metadata from `game.content.scenario`, the effect
and condition registries, rule parameters' claim and range metadata, and the validator's
`RANGES`. The committed `schema/scenario.schema.json` is checked against a fresh generation.

A file that `extends:` a parent gives only what differs, so it is checked against the
"partial" definitions: mappings need none of their keys, items of id lists need only `id`
(they merge by id), and what is replaced whole (effects, conditions, plain lists) is
checked in full.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any, Literal

import attrs

from game.content import conditions as cond
from game.content import effects as eff
from game.content import scenario as sc
from game.content.validator import INF, RANGES

SCHEMA_ID = "https://crossroads.example/schema/scenario.schema.json"
_UNIONS: dict[Any, tuple[str, dict[str, type]]] = {
    cond.Condition: ("condition", cond.CONDITION_TYPES),
    eff.Effect: ("effect", eff.EFFECT_TYPES),
}
_EXTENDS_DOC = (
    "the parent scenario file this one builds on, relative to this file (e.g. window-2023.yaml); "
    "maps merge by key, lists of items with an id merge by id, other values are replaced"
)
_REMOVE_DOC = "inherited items to drop, by collection: e.g. {events: [brics_expansion]}; naming nothing is an error"


def _first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if text and text.strip() else ""


def _docstring(cls: type) -> str:
    """A class's whole docstring, re-flowed into one paragraph per blank-line block."""
    text = (cls.__doc__ or "").strip()
    return "\n\n".join(" ".join(line.strip() for line in block.splitlines()) for block in text.split("\n\n"))


def field_doc(field: attrs.Attribute[Any]) -> str:
    """A field's meaning, with its claim (rule parameters) and range, as docs and tooltips show it."""
    text = str(field.metadata.get("doc", ""))
    if "claim" in field.metadata:
        text += f" (claim {field.metadata['claim']})"
    return text


def _fallback_doc(field: attrs.Attribute[Any]) -> str:
    """For fields without a `doc`: a rule group's claim line, or an effect's/condition's tag."""
    if field.type is not None and attrs.has(field.type):
        return _first_line(field.type.__doc__)
    if typing.get_origin(field.type) is Literal and field.name == "type":
        return f"always '{typing.get_args(field.type)[0]}': the kind of effect or condition"
    raise ValueError(f"the field '{field.name}' has no doc metadata: add one where it is defined")


def _is_optional(tp: Any) -> tuple[bool, Any]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if type(None) in args:
            rest = [a for a in args if a is not type(None)]
            inner = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007 - rebuilding a union
            return True, inner
    return False, tp


def _json_default(value: Any) -> Any:
    """A default as plain JSON data (attrs instances become mappings)."""
    if attrs.has(type(value)):
        return _json_default(attrs.asdict(value))
    if isinstance(value, tuple):
        return [_json_default(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_default(v) for k, v in value.items()}
    return value


def _has_id(cls: type) -> bool:
    return attrs.has(cls) and "id" in attrs.fields_dict(cls)


class _Builder:
    """Builds the `definitions` table: one entry per class, in a full and a partial version."""

    def __init__(self) -> None:
        self.definitions: dict[str, Any] = {}

    def ref(self, name: str) -> dict[str, str]:
        return {"$ref": f"#/definitions/{name}"}

    def type_schema(self, tp: Any, *, partial: bool) -> dict[str, Any]:
        """The schema of a value of Python type `tp`."""
        optional, tp = _is_optional(tp)
        schema = self._plain(tp, partial=partial)
        if optional:
            return {"anyOf": [schema, {"type": "null"}]}
        return schema

    def _plain(self, tp: Any, *, partial: bool) -> dict[str, Any]:
        if tp in _UNIONS:
            kind, registry = _UNIONS[tp]
            self.union(kind, registry)
            return self.ref(kind)
        if tp is bool:
            return {"type": "boolean"}
        if tp == bool | float:  # a global: true/false or a number
            return {"type": ["boolean", "number"]}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is str:
            return {"type": "string"}
        origin = typing.get_origin(tp)
        if origin is Literal:
            options = list(typing.get_args(tp))
            return {"type": "string", "enum": options} if len(options) > 1 else {"const": options[0]}
        if origin is tuple:
            inner = typing.get_args(tp)[0]
            # Items with an id merge by id in a child file; anything else in a list is replaced whole.
            item_partial = partial and _has_id(inner)
            return {"type": "array", "items": self.type_schema(inner, partial=item_partial)}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.type_schema(typing.get_args(tp)[1], partial=False)}
        if attrs.has(tp):
            return self.ref(self.cls(tp, partial=partial))
        raise TypeError(f"no JSON Schema for the type {tp!r}")

    def cls(self, cls: type, *, partial: bool, name: str | None = None) -> str:
        """Define an attrs class (once) and return its definition name."""
        name = name or (f"{cls.__name__}.partial" if partial else cls.__name__)
        if name in self.definitions:
            return name
        self.definitions[name] = {}  # reserve: recursive types refer to it while it is built
        attrs.resolve_types(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            properties[field.name] = self.field(cls, field, partial=partial)
            if field.default is attrs.NOTHING and (not partial or field.name == "id"):
                required.append(field.name)
        definition: dict[str, Any] = {
            "type": "object",
            "description": _docstring(cls),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            definition["required"] = required
        self.definitions[name] = definition
        return name

    def field(self, owner: type, field: attrs.Attribute[Any], *, partial: bool) -> dict[str, Any]:
        """A field's schema with its description, default and range."""
        schema = self.type_schema(field.type, partial=partial)
        low, high = RANGES.get((owner, field.name), (field.metadata.get("min"), field.metadata.get("max")))
        bounds = {}
        if low is not None and low != -INF:
            bounds["minimum"] = low
        if high is not None and high != INF:
            bounds["maximum"] = high
        if bounds:
            target = schema["anyOf"][0] if "anyOf" in schema else schema
            if target.get("type") == "object":  # a map of numbers (alignment by power): bound each value
                target = target["additionalProperties"]
            target.update(bounds)
        if (owner, field.name) == (sc.Scenario, "format_version"):  # older versions: `migrate` them
            schema["enum"] = [sc.FORMAT_VERSION]
        extra: dict[str, Any] = {"description": field_doc(field) or _fallback_doc(field)}
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()  # type: ignore[union-attr]
        if default is not attrs.NOTHING:
            extra["default"] = _json_default(default)
        if "$ref" in schema:  # draft-07 ignores keywords beside $ref: wrap it
            schema = {"allOf": [schema]}
        return {**extra, **schema}

    def union(self, kind: str, registry: dict[str, type]) -> None:
        """A tagged union: one definition per `type:` tag, chosen by `oneOf` on the tag's const."""
        if kind in self.definitions:
            return
        self.definitions[kind] = {}
        branches = []
        for tag, cls in sorted(registry.items()):
            name = self.cls(cls, partial=False, name=f"{kind}.{tag}")
            self.definitions[name]["description"] += f" Example: {cls.EXAMPLE}"  # type: ignore[attr-defined]  # every tagged kind has one (tests/sim/test_kinds.py)
            branches.append(self.ref(name))
        self.definitions[kind] = {
            "description": f"One {kind}: a mapping whose 'type' key is one of: {', '.join(sorted(registry))}.",
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"description": f"the kind of {kind}", "enum": sorted(registry)}},
            "oneOf": branches,
        }


def scenario_schema() -> dict[str, Any]:
    """The whole schema as a JSON-ready dict (deterministic: same code, same schema)."""
    builder = _Builder()
    full = builder.cls(sc.Scenario, partial=False)
    top = builder.definitions.pop(builder.cls(sc.Scenario, partial=True))
    ids = [
        f.name
        for f in attrs.fields(sc.Scenario)
        if typing.get_origin(f.type) is tuple and _has_id(typing.get_args(f.type)[0])
    ]
    properties = {
        "extends": {"type": "string", "minLength": 1, "description": _EXTENDS_DOC},
        "remove": {
            "type": "object",
            "description": _REMOVE_DOC,
            "properties": {
                name: {"type": "array", "items": {"type": "string"}, "description": f"ids of inherited {name} to drop"}
                for name in ids
            },
            "additionalProperties": False,
        },
        **top["properties"],
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "Crossroads scenario",
        "description": (
            "A Crossroads scenario file. Generated by `python main.py schema` from the game's definitions; "
            "see scenarios/README.md for the format reference."
        ),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        # The keys above take the partial shapes a child (`extends:`) may give; a stand-alone
        # file must be complete, and `remove:` only makes sense in a child.
        "if": {"required": ["extends"]},
        "else": {"allOf": [{"$ref": f"#/definitions/{full}"}, {"not": {"required": ["remove"]}}]},
        "definitions": dict(sorted(builder.definitions.items())),
    }


def _merge_same(schema: dict[str, Any]) -> dict[str, Any]:
    """Drop partial definitions that say exactly what their full one says, and point refs at it.

    Most classes have defaults for every key, so their partial and full versions coincide;
    keeping one of each would double what an author reads in a tooltip or diff.
    """
    definitions = schema["definitions"]
    alias: dict[str, str] = {}
    changed = True
    while changed:
        changed = False
        for name in [n for n in definitions if n.endswith(".partial") and n not in alias]:
            full = name.removesuffix(".partial")
            if _renamed(definitions[name], alias) == _renamed(definitions[full], alias):
                alias[name] = full
                changed = True
    for name in alias:
        del definitions[name]
    return json.loads(_renamed(schema, alias, sort=False))


def _renamed(value: Any, alias: dict[str, str], *, sort: bool = True) -> str:
    text = json.dumps(value, sort_keys=sort, ensure_ascii=False)
    for old, new in alias.items():
        text = text.replace(f'"#/definitions/{old}"', f'"#/definitions/{new}"')
    return text


def schema_text() -> str:
    """The schema as the committed file holds it."""
    return json.dumps(_merge_same(scenario_schema()), indent=2, ensure_ascii=False) + "\n"
